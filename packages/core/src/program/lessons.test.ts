import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateReadingMinutes, wordCount, WORDS_PER_MINUTE, type LessonBlock } from './lesson-blocks.js';
import { LESSON_IDS, LESSONS, lessonById, type Lesson, type LessonId } from './lessons.js';
import { SITTING_RULES } from './sitting-rules.js';
import { STRESS_RULES } from './stress-rules.js';

const textOf = (l: Lesson) => l.body.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text)).join('\n');

test('seven lessons in the order of issue 3, numbered 1-7, each with its drawing', () => {
  const expected: Array<[LessonId, string]> = [
    ['starts-at-the-hips', 'psoas'],
    ['pelvic-tilt', 'pelvic-tilt'],
    ['uneven-sides', 'uneven-sides'],
    ['sitting', 'sitting-rules'],
    ['stress', 'stress'],
    ['boat-pose', 'boat-chair'],
    ['evidence', 'evidence'],
  ];
  assert.deepEqual(
    LESSONS.map((l) => [l.id, l.illustration]),
    expected,
  );
  assert.deepEqual(
    LESSONS.map((l) => l.number),
    [1, 2, 3, 4, 5, 6, 7],
  );
  assert.deepEqual(
    [...LESSON_IDS],
    expected.map(([id]) => id),
  );
  assert.equal(new Set(LESSONS.map((l) => l.title)).size, 7, 'titles are distinct');
});

for (const lesson of LESSONS) {
  test(`lesson ${lesson.number} (${lesson.id}) reads in under 3 minutes: 250-450 words`, () => {
    const words = wordCount(lesson.body);
    assert.ok(words >= 250 && words <= 450, `${words} words`);
    assert.ok(lesson.readingMinutes < 3, `${lesson.readingMinutes} min`);
    assert.equal(lesson.readingMinutes, Math.ceil(words / WORDS_PER_MINUTE));
  });

  test(`lesson ${lesson.number} (${lesson.id}) has no empty or untidy blocks`, () => {
    assert.equal(lesson.body[0]?.kind, 'p', 'opens with a paragraph');
    for (const b of lesson.body) {
      const texts = b.kind === 'list' ? b.items : [b.text];
      if (b.kind === 'list') assert.ok(b.items.length >= 2, 'a list has at least two items');
      for (const t of texts) {
        assert.ok(t.length > 0 && t === t.trim(), JSON.stringify(t));
        assert.doesNotMatch(t, / {2}/, 'no double spaces');
      }
    }
  });
}

test('no lesson promises a cure', () => {
  for (const l of LESSONS) assert.doesNotMatch(textOf(l), /\bcure[sd]?\b|\bguarantee/i, l.id);
});

test('the method lessons say the idea is not a diagnosis', () => {
  assert.match(textOf(lessonById('starts-at-the-hips')), /not a diagnosis of your back/);
  assert.match(textOf(lessonById('evidence')), /not a diagnosis of your back/);
});

test('lesson 1 describes the psoas from lower spine to thigh bone', () => {
  const t = textOf(lessonById('starts-at-the-hips'));
  assert.match(t, /vertebrae of your lower back/);
  assert.match(t, /thigh bone/);
});

test('lesson 4 lists all six sitting rules, in order', () => {
  const lists = lessonById('sitting').body.filter(
    (b): b is Extract<LessonBlock, { kind: 'list' }> => b.kind === 'list',
  );
  assert.equal(lists.length, 1);
  assert.deepEqual(
    lists[0]?.items.map((item) => SITTING_RULES.findIndex((r) => item.startsWith(r.title))),
    [0, 1, 2, 3, 4, 5],
  );
});

test('lesson 5 lists every stress rule of thumb', () => {
  const t = textOf(lessonById('stress'));
  for (const r of STRESS_RULES) assert.ok(t.includes(r.title), r.id);
  assert.match(t, /mental health service/, 'points to help for more than everyday stress');
});

test('lesson 6 states the progression as the rule table has it', () => {
  const t = textOf(lessonById('boat-pose'));
  assert.match(t, /start with 3 holds of 10 seconds/);
  assert.match(t, /up to 3 holds of 30 seconds/);
  assert.match(t, /floor version unlocks once you have had 6 good chair sessions on different days and reached chair level 3 \(3 holds of 20 seconds\)/);
  assert.match(t, /grows to 3 holds of 20 seconds/);
  assert.match(t, /stay on the chair/);
  assert.match(t, /sharp pain, or pain that spreads/i);
});

test('lesson 7 follows the NICE NG59 framing and says what the app can and cannot do', () => {
  const l = lessonById('evidence');
  const t = textOf(l);
  assert.match(t, /NICE NG59/);
  assert.match(t, /non-specific low back pain/);
  assert.match(t, /Self-management comes first/);
  assert.match(t, /Exercise programmes are recommended/);
  assert.match(t, /alongside exercise rather than instead of it/);
  assert.match(t, /Scans are not needed routinely/);
  assert.match(t, /the method’s explanation/);
  assert.match(t, /not medical advice/);
  const blocks = l.body.map((b) =>
    b.kind === 'list' ? `list:${b.items.length}` : b.kind === 'p' ? b.text : 'note',
  );
  const can = blocks.indexOf('What hipwise can tell you:');
  const cannot = blocks.indexOf('What it cannot:');
  assert.ok(can > 0 && cannot > can, 'can, then cannot');
  assert.match(blocks[can + 1] ?? '', /^list:\d+$/);
  assert.match(blocks[cannot + 1] ?? '', /^list:\d+$/);
  assert.equal(l.body.at(-1)?.kind, 'note');
});

test('lessonById finds each lesson', () => {
  for (const id of LESSON_IDS) assert.equal(lessonById(id).id, id);
});

test('wordCount counts paragraphs, list items and notes, ignoring extra whitespace', () => {
  const body: LessonBlock[] = [
    { kind: 'p', text: 'one two  three' },
    { kind: 'list', items: ['four', ' five six '] },
    { kind: 'note', text: 'seven' },
  ];
  assert.equal(wordCount(body), 7);
});

test('estimateReadingMinutes rounds up to whole minutes, at least 1', () => {
  const words = (n: number): LessonBlock[] => [
    { kind: 'p', text: Array.from({ length: n }, () => 'w').join(' ') },
  ];
  const cases: Array<[number, number]> = [
    [0, 1],
    [1, 1],
    [238, 1],
    [239, 2],
    [476, 2],
    [477, 3],
  ];
  for (const [n, minutes] of cases) assert.equal(estimateReadingMinutes(words(n)), minutes, `${n} words`);
});
