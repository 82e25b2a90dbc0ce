/**
 * The onboarding explanation of the method, in plain words (our own; see ../shared/program.md).
 * Presented as the method's explanation, never as a diagnosis of the user (NICE NG59 framing).
 */
export interface IntroSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

export const METHOD_INTRO: readonly IntroSection[] = [
  {
    heading: 'It often starts at the hips',
    paragraphs: [
      'A lot of lower back pain does not begin in the back. This method looks at the hip flexors, above all the psoas: a deep muscle that runs from the lower spine, through the pelvis, to the top of the thigh bone.',
      'When the psoas is short, weak or uneven between left and right, the pelvis tips forward, the lower back arches more and takes the strain. A strong, active psoas helps hold the spine in line.',
    ],
  },
  {
    heading: 'Two causes: sitting and stress',
    paragraphs: [
      'Sitting keeps your hips bent for hours, so the psoas stays short. hipwise helps you sit better, take walking breaks and stand more.',
      'Stress makes the psoas brace, as part of the fight-or-flight response. A muscle that is always braced stays tight, so calming the stress response is part of the method too.',
    ],
  },
  {
    heading: 'One exercise, built up slowly',
    paragraphs: [
      'The exercise is the boat pose (Navasana). Everyone starts with an easy version on a chair and moves to the floor version when ready.',
      'You will record your pain, stress and sitting so you can see for yourself whether this helps you. hipwise is a self-care companion, not medical advice or a diagnosis.',
    ],
  },
  {
    heading: 'Safety first',
    paragraphs: [
      'Next come a few questions about warning signs that need a doctor rather than exercise. Please answer them honestly: it takes about a minute.',
    ],
  },
];
