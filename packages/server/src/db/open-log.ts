/**
 * What opening the embedded database has to tell the operator: settings written into its
 * postgresql.conf (info) and file modes repaired (warn). The server passes its logger; the
 * command-line tools print the warnings.
 */
export interface OpenLog {
  info(details: object, message: string): void;
  warn(message: string): void;
}
