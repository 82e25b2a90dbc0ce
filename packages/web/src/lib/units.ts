// Numbers with their units are written by core's helpers, so the app's screens and the strings core
// builds (plans, insights, error messages) join them the same way: with a no-break space.
export { NBSP, measure, minutes, plural, seconds, setsOfHolds } from '@hipwise/core';
