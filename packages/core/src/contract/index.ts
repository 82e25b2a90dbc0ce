// The HTTP contract: every request and response schema of the API, one file per domain.
export * from './common.js';
export * from './auth.js';
export * from './screening.js';
export * from './clearance.js';
export * from './baseline.js';
export * from './checkin.js';
export * from './today.js';
export * from './me.js';
export * from './instance.js';
export * from './plain-errors.js';
export * from './questionnaires.js';
export * from './progress.js';
export * from './exercise-session.js';
export * from './program.js';
export * from './breaks.js';
export * from './break-stats.js';
export * from './stress.js';
