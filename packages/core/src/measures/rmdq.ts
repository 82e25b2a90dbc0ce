import { answerOf, scoredBy, type Instrument, type InstrumentItem, type ScoreBase } from './instrument.js';

/**
 * Roland-Morris Disability Questionnaire, 24-item version (RMDQ-24).
 * Roland M, Morris R. A study of the natural history of back pain. Part I. Spine 1983;8(2):141-144.
 *
 * Wording: the English original as distributed with the authors' note to users ("This
 * questionnaire is taken from: Roland MO, Morris RW ... The score of the RDQ is the total number of
 * items checked, i.e. from a minimum of 0 to a maximum of 24"), checked against the Physiopedia
 * listing (items 1-8 identical). One typo in that copy is corrected: item 9 "slowly then usual"
 * -> "than usual". A US variant differs in small words ("try to", "stand up"); we keep the original.
 *
 * Scoring: the number of statements ticked, 0-24 (Roland & Morris 1983; Roland & Fairbank,
 * Spine 2000;25:3115-3124; scientificspine.com: "scored by adding up the number of items checked").
 *
 * Missing answers: the paper form has only a tick box; a statement left blank counts as "does not
 * describe me" (scientificspine.com: an item marked not applicable "is scored 'No'"). There is no
 * standard rule for items the respondent never reached (Kent & Lauridsen, Univ. of Southern
 * Denmark, "Managing missing scores on the RMDQ": sum anyway, reject, or impute/prorate). We
 * decide: score only a complete response. The app shows one tick per statement; when the user
 * finishes, every statement not ticked is sent as 0, exactly as on paper. A response closed half way
 * is stored as partial and resumed, never prorated (prorating would change the 0-24 scale that the
 * 4-5 point change thresholds refer to).
 */
const STATEMENTS = [
  'I stay at home most of the time because of my back.',
  'I change position frequently to try and get my back comfortable.',
  'I walk more slowly than usual because of my back.',
  'Because of my back I am not doing any of the jobs that I usually do around the house.',
  'Because of my back, I use a handrail to get upstairs.',
  'Because of my back, I lie down to rest more often.',
  'Because of my back, I have to hold on to something to get out of an easy chair.',
  'Because of my back, I try to get other people to do things for me.',
  'I get dressed more slowly than usual because of my back.',
  'I only stand for short periods of time because of my back.',
  'Because of my back, I try not to bend or kneel down.',
  'I find it difficult to get out of a chair because of my back.',
  'My back is painful almost all the time.',
  'I find it difficult to turn over in bed because of my back.',
  'My appetite is not very good because of my back pain.',
  'I have trouble putting on my socks (or stockings) because of the pain in my back.',
  'I only walk short distances because of my back.',
  'I sleep less well because of my back.',
  'Because of my back pain, I get dressed with help from someone else.',
  'I sit down for most of the day because of my back.',
  'I avoid heavy jobs around the house because of my back.',
  'Because of my back pain, I am more irritable and bad tempered with people than usual.',
  'Because of my back, I go upstairs more slowly than usual.',
  'I stay in bed most of the time because of my back.',
] as const;

export const RMDQ_TICKED = 1;
export const RMDQ_NOT_TICKED = 0;

export const RMDQ_ITEMS: readonly InstrumentItem[] = STATEMENTS.map((text, i) => ({
  id: `rmdq_${String(i + 1).padStart(2, '0')}`,
  text,
  options: [
    { value: RMDQ_NOT_TICKED, label: 'Does not describe me today' },
    { value: RMDQ_TICKED, label: 'Describes me today' },
  ],
}));

export interface RmdqResult extends ScoreBase {
  /** Statements ticked, 0-24; higher means more disability. */
  readonly total: number;
}

export const rmdq: Instrument<RmdqResult> = {
  id: 'rmdq',
  version: 'rmdq-24/en-original/1',
  name: 'Roland-Morris Disability Questionnaire',
  shortName: 'RMDQ',
  instructions:
    'When your back hurts, you may find it hard to do some of the things you normally do. Tick a sentence only if you are sure it describes you today; leave the others unticked.',
  items: RMDQ_ITEMS,
  range: [0, 24],
  licence: {
    kind: 'free_non_commercial',
    note: 'The Roland-Morris Disability Questionnaire is copyrighted by its authors (Martin Roland and Richard Morris). It is free to use for non-commercial purposes; commercial use needs a licence from the copyright holders.',
    citation:
      'Roland M, Morris R. A study of the natural history of back pain. Part I: development of a reliable and sensitive measure of disability in low-back pain. Spine 1983;8(2):141-144.',
  },
  switchable: true,
  score: scoredBy(RMDQ_ITEMS, (a) => ({
    total: RMDQ_ITEMS.reduce((sum, item) => sum + answerOf(a, item.id), 0),
  })),
};
