/**
 * Red-flag questions asked before any exercise. Wording is ours; the list follows
 * ../shared/clinical.md (NICE NG59 and the cauda equina / serious-pathology red flags it cites).
 * Ids are stable: stored answers refer to them, so never renumber or reuse one.
 */
export type RedFlagSeverity = 'emergency' | 'clinician';

export interface RedFlagQuestion {
  readonly id: string;
  readonly severity: RedFlagSeverity;
  readonly text: string;
}

export const RED_FLAG_QUESTIONS = [
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
    id: 'leg_weakness',
    severity: 'emergency',
    text: 'Is there weakness in your legs that is getting worse, or pain or numbness in both legs?',
  },
  {
    id: 'age_onset',
    severity: 'clinician',
    text: 'Did this back pain first start before you were 20 or after you were 55?',
  },
  {
    id: 'trauma',
    severity: 'clinician',
    text: 'Did the pain start after a significant fall or accident?',
  },
  { id: 'cancer_history', severity: 'clinician', text: 'Have you ever had cancer?' },
  { id: 'weight_loss', severity: 'clinician', text: 'Have you lost weight recently without trying?' },
  { id: 'fever_unwell', severity: 'clinician', text: 'Do you have a fever, or do you feel generally unwell?' },
  {
    id: 'immunosuppression',
    severity: 'clinician',
    text: 'Do you take steroids long-term, or is your immune system weakened (for example by medicine or illness)?',
  },
  {
    id: 'night_pain',
    severity: 'clinician',
    text: 'Is the pain constant, and worse at night or when you rest?',
  },
  {
    id: 'thoracic_pain',
    severity: 'clinician',
    text: 'Is the pain mainly in your upper or middle back (between the shoulder blades) rather than the lower back?',
  },
  {
    id: 'pregnancy_surgery',
    severity: 'clinician',
    text: 'Are you pregnant, or have you had back surgery recently?',
  },
] as const satisfies readonly RedFlagQuestion[];

export type RedFlagId = (typeof RED_FLAG_QUESTIONS)[number]['id'];
export const RED_FLAG_IDS = RED_FLAG_QUESTIONS.map((q) => q.id) as [RedFlagId, ...RedFlagId[]];
