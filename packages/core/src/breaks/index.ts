export * from './scheduler.js';
export * from './stats.js';
export * from './days.js';
export * from './working-hours.js';
export { reminderText, SITTING_RULE_NUMBERS } from './messages.js';
