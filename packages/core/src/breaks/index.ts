export * from './contract.js';
export * from './scheduler.js';
export * from './stats.js';
export * from './working-hours.js';
export { reminderText, SITTING_RULE_NUMBERS } from './messages.js';
export * from './api.js';
