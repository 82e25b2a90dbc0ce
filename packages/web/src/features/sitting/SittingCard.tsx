/** Today's sitting time and breaks on the Today page (issue 5). */
export function SittingCard() {
  return null;
}
