/** A lesson body is a list of blocks, so the web app can lay it out without parsing prose. */
export type LessonBlock =
  | { readonly kind: 'p'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  /** Set apart from the text: a caveat, a safety line, or where the claim stops. */
  | { readonly kind: 'note'; readonly text: string };

export const p = (text: string): LessonBlock => ({ kind: 'p', text });
export const list = (...items: string[]): LessonBlock => ({ kind: 'list', items });
export const note = (text: string): LessonBlock => ({ kind: 'note', text });

/** Every word a reader reads in a body, counted as whitespace-separated tokens. */
export function wordCount(body: readonly LessonBlock[]): number {
  let n = 0;
  for (const b of body) {
    const texts = b.kind === 'list' ? b.items : [b.text];
    for (const t of texts) n += t.split(/\s+/).filter((w) => w.length > 0).length;
  }
  return n;
}

/**
 * Adults read non-fiction silently at about 238 words a minute on average (Brysbaert, J Mem Lang
 * 2019;109:104047). Rounded up to whole minutes, at least 1, so the promise on screen is never short.
 */
export const WORDS_PER_MINUTE = 238;

/** Whole minutes to read a body at WORDS_PER_MINUTE, rounded up, at least 1. */
export function estimateReadingMinutes(body: readonly LessonBlock[]): number {
  return Math.max(1, Math.ceil(wordCount(body) / WORDS_PER_MINUTE));
}
