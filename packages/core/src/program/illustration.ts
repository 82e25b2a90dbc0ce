/**
 * Keys of the lesson illustrations. The web app draws the SVGs (our own drawings); core only names
 * them, so a lesson can say what to show without knowing how it is drawn.
 */
export const ILLUSTRATIONS = [
  'psoas',
  'pelvic-tilt',
  'uneven-sides',
  'sitting-rules',
  'stress',
  'boat-chair',
  'boat-floor',
  'evidence',
] as const;
export type Illustration = (typeof ILLUSTRATIONS)[number];
