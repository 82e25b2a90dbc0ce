import type { Instrument, InstrumentId, ScoreBase } from './instrument.js';
import { painNrs } from './pain-nrs.js';
import { peg } from './peg-instrument.js';
import { pss10, pss4 } from './pss.js';
import { rmdq } from './rmdq.js';
import { startBack } from './start-back.js';

/** Every instrument hipwise knows, in the order the Progress page lists them. */
export const INSTRUMENTS = {
  pain_nrs: painNrs,
  peg,
  rmdq,
  start_back: startBack,
  pss4,
  pss10,
} as const satisfies Record<InstrumentId, Instrument<ScoreBase>>;

export const INSTRUMENT_IDS = Object.keys(INSTRUMENTS) as InstrumentId[];

export function isInstrumentId(s: string): s is InstrumentId {
  return Object.hasOwn(INSTRUMENTS, s);
}

export function instrumentById(id: InstrumentId): Instrument<ScoreBase> {
  return INSTRUMENTS[id];
}

/**
 * Which instruments a deployment offers. Only `switchable` instruments (licence terms we may not
 * meet, e.g. a commercial deployment without Keele's permission) can be switched off; asking to
 * switch off the pain scale or PEG is a configuration mistake and is reported, not ignored.
 */
export interface InstrumentConfig {
  readonly disabled: readonly InstrumentId[];
}

export type InstrumentConfigResult =
  | { readonly ok: true; readonly enabled: readonly InstrumentId[] }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: 'not_switchable';
        readonly ids: readonly InstrumentId[];
        readonly message: string;
      };
    };

export function enabledInstruments(config: InstrumentConfig): InstrumentConfigResult {
  const notSwitchable = config.disabled.filter((id) => !INSTRUMENTS[id].switchable);
  if (notSwitchable.length > 0) {
    return {
      ok: false,
      error: {
        code: 'not_switchable',
        ids: notSwitchable,
        message: `${notSwitchable.join(', ')} cannot be switched off`,
      },
    };
  }
  return { ok: true, enabled: INSTRUMENT_IDS.filter((id) => !config.disabled.includes(id)) };
}
