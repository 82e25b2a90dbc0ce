/**
 * Sentences in the app's own voice about the method, outside the lessons and the welcome text, kept
 * here so the same tests that hold the lessons to the NICE NG59 framing ("the method holds that
 * ...", never a fact about the user's body or a promise that it will help) hold these too.
 */
export const METHOD_WORDS = {
  /** The Stress page's opening. */
  stressPage:
    'The method counts stress as the second cause of back pain: it holds that stress keeps the psoas braced however well you sit, and that calming the stress response is how to let it go. Your own records will show whether this practice makes a difference for you.',
  /** Before a breathing practice. */
  breathing:
    'The method uses slow breathing to calm the stress response, which it holds keeps the psoas braced. Breathe in through your nose as the circle grows, and out slowly as it shrinks. Stop whenever you like.',
  /** The Sitting page's opening. */
  sittingPage:
    'The method holds that long spells of sitting keep the hip flexors short. hipwise reminds you to get up for a short walk, counts time away from the desk as a break, and shows how much you sit.',
  /** Drawings' descriptions (alt text) that carry an idea of the method. */
  pelvicTiltDrawing:
    'Two side views of the lower spine and pelvis. Left: pelvis level and spine gently curved. Right: as the method explains it, a short psoas tips the pelvis forward and the lower back arches more.',
  unevenSidesDrawing:
    'The pelvis from the front, higher on one side: in the method’s picture, the psoas on that side is shorter than on the other.',
  stressDrawing:
    'A standing figure braced with stress: shoulders up, fists clenched, and, as the method pictures it, the psoas drawn tight from the lower spine to the thigh.',
} as const;
