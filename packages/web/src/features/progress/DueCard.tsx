/** Questionnaires due today, on the Today page (issue 6). */
export function DueCard() {
  return null;
}
