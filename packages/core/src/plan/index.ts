export * from './program-day.js';
export * from './daily-plan.js';
export * from './lesson-states.js';
export * from './start-back-pathway.js';
export * from './practice-gate.js';
