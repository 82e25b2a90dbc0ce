/**
 * Speech through the Web Speech API: the one place the app talks to `speechSynthesis`. A new
 * utterance cancels the one before, so speech never queues up behind a timer or lags behind
 * what the user is doing. A voice that fails must never break a screen: the words are always on
 * screen too, so failures are swallowed here.
 */

/** Whether this browser can speak at all (some, and most test browsers, cannot). */
export function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

/** Says `text` at once, cutting off anything still being said. */
export function speak(text: string, rate = 0.95): void {
  if (!speechAvailable()) return;
  try {
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.rate = rate;
    window.speechSynthesis.speak(utterance);
  } catch {
    // See above: the text is on screen anyway.
  }
}

/** Stops whatever is being said. */
export function stopSpeaking(): void {
  if (speechAvailable()) window.speechSynthesis.cancel();
}
