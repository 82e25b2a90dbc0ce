export * from './instrument.js';
export * from './pain-nrs.js';
export * from './peg-instrument.js';
export * from './rmdq.js';
export * from './start-back.js';
export * from './pss.js';
export * from './registry.js';
export * from './schedule.js';
