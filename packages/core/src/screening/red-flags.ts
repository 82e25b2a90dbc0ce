/**
 * Red-flag questions asked before any exercise. Wording is ours; the list and the three levels of
 * urgency follow NICE NG59 and the cauda equina and serious-pathology red flags (infection,
 * fracture, cancer) of the UK's national back pain pathway.
 *
 * Ids are stable: stored answers refer to them, so never renumber or reuse one. When a question's
 * meaning changes (an age cut-off, a word like "new"), it gets a new id and the old one moves to
 * RETIRED_RED_FLAG_QUESTIONS, so that screenings answered before still read as they were asked.
 */
export type RedFlagSeverity = 'emergency' | 'same_day' | 'soon';

export interface RedFlagQuestion {
  readonly id: string;
  readonly severity: RedFlagSeverity;
  readonly text: string;
}

export const RED_FLAG_QUESTIONS = [
  // Emergency: possible cauda equina syndrome.
  {
    id: 'saddle_numbness',
    severity: 'emergency',
    text: 'Do you have numbness or pins and needles in the saddle area (between your legs, your buttocks or inner thighs)?',
  },
  {
    id: 'bladder_bowel',
    severity: 'emergency',
    text: 'Do you have new difficulty passing urine, new incontinence, or loss of feeling when you pass urine or open your bowels?',
  },
  {
    id: 'sexual_dysfunction',
    severity: 'emergency',
    text: 'Have you noticed new sexual problems (such as loss of sensation) since your back pain started?',
  },
  {
    id: 'leg_weakness_new',
    severity: 'emergency',
    text: 'Is weakness in your legs getting worse, or do you have new pain or numbness in both legs?',
  },
  // Same day: possible infection or fracture.
  {
    id: 'fever_unwell',
    severity: 'same_day',
    text: 'Do you have a fever, or do you feel generally unwell, along with your back pain?',
  },
  {
    id: 'infection_risk',
    severity: 'same_day',
    text: 'Is this pain new, and have you recently had an infection, injected drugs, or do you have a weakened immune system (for example from medicine or illness)?',
  },
  {
    id: 'trauma',
    severity: 'same_day',
    text: 'Did the pain start after a significant fall or accident?',
  },
  {
    id: 'minor_trauma_fragile',
    severity: 'same_day',
    text: 'Did the pain start after a minor fall or knock, and do you have osteoporosis (thin bones) or take steroid medicine long-term?',
  },
  // See a clinician soon.
  {
    id: 'age_onset_50',
    severity: 'soon',
    text: 'Did this back pain first start before you were 20 or after you were 50?',
  },
  { id: 'cancer_history', severity: 'soon', text: 'Have you ever had cancer?' },
  { id: 'weight_loss', severity: 'soon', text: 'Have you lost weight recently without trying?' },
  { id: 'osteoporosis', severity: 'soon', text: 'Have you been told you have osteoporosis (thin bones)?' },
  {
    id: 'steroids_long_term',
    severity: 'soon',
    text: 'Do you take steroid medicine (such as prednisolone tablets) long-term?',
  },
  {
    id: 'night_pain',
    severity: 'soon',
    text: 'Is the pain constant, and worse at night or when you rest?',
  },
  {
    id: 'thoracic_pain',
    severity: 'soon',
    text: 'Is the pain mainly in your upper or middle back (between the shoulder blades) rather than the lower back?',
  },
  {
    id: 'pregnancy_surgery',
    severity: 'soon',
    text: 'Are you pregnant, or have you had back surgery recently?',
  },
] as const satisfies readonly RedFlagQuestion[];

/**
 * Questions no longer asked, with the wording and urgency they were asked with, so that a
 * screening answered with them still shows what the user said yes to. Never asked again.
 */
export const RETIRED_RED_FLAG_QUESTIONS = [
  {
    id: 'leg_weakness',
    severity: 'emergency',
    // Replaced by leg_weakness_new: long-standing symptoms in both legs are not an emergency.
    text: 'Is there weakness in your legs that is getting worse, or pain or numbness in both legs?',
  },
  {
    id: 'age_onset',
    severity: 'soon',
    // Replaced by age_onset_50 (the cut-off is 50).
    text: 'Did this back pain first start before you were 20 or after you were 55?',
  },
  {
    id: 'immunosuppression',
    severity: 'soon',
    // Split into infection_risk (same day) and steroids_long_term (soon).
    text: 'Do you take steroids long-term, or is your immune system weakened (for example by medicine or illness)?',
  },
] as const satisfies readonly RedFlagQuestion[];

export type RedFlagId = (typeof RED_FLAG_QUESTIONS)[number]['id'];
export type RetiredRedFlagId = (typeof RETIRED_RED_FLAG_QUESTIONS)[number]['id'];
/** Any id a stored screening may hold. */
export type AnyRedFlagId = RedFlagId | RetiredRedFlagId;

export const RED_FLAG_IDS = RED_FLAG_QUESTIONS.map((q) => q.id) as [RedFlagId, ...RedFlagId[]];
export const ALL_RED_FLAG_IDS = [...RED_FLAG_IDS, ...RETIRED_RED_FLAG_QUESTIONS.map((q) => q.id)] as [
  AnyRedFlagId,
  ...AnyRedFlagId[],
];

const BY_ID: ReadonlyMap<string, RedFlagQuestion> = new Map(
  [...RED_FLAG_QUESTIONS, ...RETIRED_RED_FLAG_QUESTIONS].map((q) => [q.id, q]),
);

/** The question (current or retired) behind a stored answer's id. */
export function redFlagQuestion(id: AnyRedFlagId): RedFlagQuestion {
  const q = BY_ID.get(id);
  if (!q) throw new RangeError(`unknown red-flag question ${id}`);
  return q;
}
