// The programme's content as data. method-intro.ts is exported from core's index directly.
export * from './illustration.js';
export { estimateReadingMinutes, wordCount, WORDS_PER_MINUTE, type LessonBlock } from './lesson-blocks.js';
export * from './lessons.js';
export * from './sitting-rules.js';
export * from './stress-rules.js';
export { FLOOR_UNLOCK_RULE } from './lesson-facts.js';
export * from './method-words.js';
