export * from './program-day.js';
export * from './daily-plan.js';
