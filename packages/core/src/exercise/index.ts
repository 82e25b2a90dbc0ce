export * from './variants.js';
export * from './session-record.js';
export * from './progression.js';
export * from './clinician-directives.js';
export * from './safety-pause.js';
export * from './painful-sessions.js';
/** The guided session's phases as a pure state machine: `guidedSession.advance(state, plan, now)`. */
export * as guidedSession from './session-machine.js';
