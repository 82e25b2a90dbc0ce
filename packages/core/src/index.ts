export * from './screening/red-flags.js';
export * from './screening/triage.js';
export * from './screening/clearance.js';
export * from './safety/index.js';
export * from './measures/peg.js';
export * from './time/local-date.js';
export * from './time/instant-in-zone.js';
export {
  isoWeekday,
  startOfLocalDay,
  wallClock,
  zonedTimeToEpoch,
  zoneOffsetMs,
  type WallClock,
} from './time/zoned-time.js';
export * from './program/method-intro.js';
export * from './contract/index.js';
export * from './measures/index.js';
export * from './insights/index.js';
export * from './fhir/index.js';
export * from './program/index.js';
export * from './plan/index.js';
export * from './exercise/index.js';
export * from './breaks/index.js';
export * from './form/index.js';
export * from './auth/login-backoff.js';
export * from './stress/index.js';
export * from './offline/outbox.js';
export * from './text/units.js';
