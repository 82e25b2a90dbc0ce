/** The DOM id of the control for a field path such as `peg.pain`, shared by fields and summaries. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
