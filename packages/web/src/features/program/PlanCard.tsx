/** Today's plan on the Today page (issue 3). */
export function PlanCard() {
  return null;
}
