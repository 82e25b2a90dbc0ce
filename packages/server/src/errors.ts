/**
 * Expected failures, with a stable code for programs and a message a person can act on.
 * Services throw these; only the HTTP edge turns `kind` into a status code.
 */
export type AppErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'misdirected'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation'
  | 'too_many_requests';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** For 'too_many_requests': when the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const invalidCredentials = () =>
  new AppError('unauthenticated', 'invalid_credentials', 'The email or password is not right.');
