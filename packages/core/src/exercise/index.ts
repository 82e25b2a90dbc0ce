export * from './variants.js';
export * from './session-record.js';
export * from './progression.js';
export * from './safety-pause.js';
export * from './painful-sessions.js';
