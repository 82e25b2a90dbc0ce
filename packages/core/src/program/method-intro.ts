/**
 * The onboarding explanation of the method, in plain words of our own.
 * Presented as the method's explanation, never as a diagnosis of the user (NICE NG59 framing).
 */
export interface IntroSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

export const METHOD_INTRO: readonly IntroSection[] = [
  {
    heading: 'The method’s idea: look at the hips',
    paragraphs: [
      'The method hipwise follows holds that much lower back pain does not begin in the back but at the hips, in the hip flexors, above all the psoas: a deep muscle that runs from the lower spine, through the pelvis, to the top of the thigh bone.',
      'In the method’s explanation, a psoas that is short, weak or uneven between left and right tips the pelvis forward, so the lower back arches more and takes the strain, while a strong, active psoas helps hold the spine in line. It is an explanation, not a diagnosis: back pain has many causes.',
    ],
  },
  {
    heading: 'Two causes, in the method’s view: sitting and stress',
    paragraphs: [
      'Sitting keeps your hips bent for hours, and the method holds that this keeps the psoas short. hipwise helps you sit better, take walking breaks and stand more.',
      'The method also holds that stress makes the psoas brace, as part of the fight-or-flight response, and that a muscle always braced stays tight; so calming the stress response is part of the method too. It asks you to look after body and mind together.',
    ],
  },
  {
    heading: 'One exercise, built up slowly',
    paragraphs: [
      'The exercise is the boat pose (Navasana). Everyone starts with an easy version on a chair and moves to the floor version when ready.',
      'You will record your pain, stress and sitting so you can see for yourself whether it helps you: no one can promise that it will. hipwise is a self-care companion, not medical advice or a diagnosis.',
    ],
  },
  {
    heading: 'Safety first',
    paragraphs: [
      'Next come a few questions about warning signs that need a doctor rather than exercise. Please answer them honestly: it takes about a minute.',
    ],
  },
];
