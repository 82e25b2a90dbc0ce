export * from './day-record.js';
export * from './stats.js';
export * from './change.js';
export * from './relationships.js';
export * from './weekly-summary.js';
