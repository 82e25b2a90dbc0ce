import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateReadingMinutes, wordCount, WORDS_PER_MINUTE, type LessonBlock } from './lesson-blocks.js';
import { LESSON_IDS, LESSONS, lessonById, type Lesson, type LessonId } from './lessons.js';
import { METHOD_INTRO } from './method-intro.js';
import { METHOD_WORDS } from './method-words.js';
import { EXERCISE_VARIANTS } from '../exercise/variants.js';
import { START_BACK_PATHWAY } from '../plan/start-back-pathway.js';
import { SITTING_RULES } from './sitting-rules.js';
import { STRESS_RULES } from './stress-rules.js';

const textOf = (l: Lesson) => l.body.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text)).join('\n');

test('seven lessons in the order of the method, numbered 1-7, each with its drawing', () => {
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

/**
 * Every passage in the app's own voice about the method: each lesson paragraph, list item and note,
 * the welcome text, the stress/sitting page words, the rules of thumb, the exercise steps and the
 * STarT Back pathway. NICE NG59 framing (clinical.md): the method's idea is presented as the
 * method's, never as a fact about the user's body, and nothing promises that it will help.
 */
const PASSAGES: ReadonlyArray<readonly [string, string]> = [
  ...LESSONS.flatMap((l) =>
    l.body.flatMap((b, i) =>
      (b.kind === 'list' ? b.items : [b.text]).map((t) => [`lesson ${l.number} block ${i}`, t] as const),
    ),
  ),
  ...METHOD_INTRO.flatMap((sec) => sec.paragraphs.map((t) => [`welcome: ${sec.heading}`, t] as const)),
  ...Object.entries(METHOD_WORDS),
  ...STRESS_RULES.map((r) => [`stress rule ${r.id}`, `${r.title}. ${r.text}`] as const),
  ...SITTING_RULES.map((r) => [`sitting rule ${r.id}`, `${r.title} ${r.why}`] as const),
  ...Object.values(EXERCISE_VARIANTS).flatMap((v) => [
    [`${v.id} summary`, v.summary] as const,
    ...v.steps.map((st) => [`${v.id} step ${st.id}`, st.text] as const),
  ]),
  ...Object.values(START_BACK_PATHWAY).map(
    (st) => [`STarT Back ${st.risk}`, `${st.meaning} ${st.advice}`] as const,
  ),
];

/** A promise that the method or the exercise will help, or a cure. */
const PROMISES: readonly RegExp[] = [
  /\bwill (help|ease|relieve|reduce|fix|cure|heal|improve|go away|become easier|get better)\b/i,
  /\b(eases?|relieves?|reduces?|cures?|heals?|removes?) (a lot of |much |most |all |your )?(back )?pain\b/i,
  /\bcure[sd]?\b|\bguarantee/i,
  /\b(muscle|psoas) (can|will) (let go|relax)\b/i,
  /\bgets? rid of\b/i,
];

/** The method's causal idea about the psoas or where back pain starts. */
const CLAIM =
  /\bpsoas\b[^.]*\b(tight|short|weak|brac|tips?\b|pulls?\b|tugs?\b|strain)|\b(tight|short|weak|brac)\w*\b[^.]*\bpsoas\b|back pain (does not|doesn’t) (begin|start)|\b(begins?|starts?) (here|at the hips)\b/i;
/** Words that present it as the method's view. */
const FRAMING =
  /\bmethod|according to|\bholds\b|\bexplanation\b|in (its|the method’s) (view|picture)|\bidea\b/i;

test('nothing in the app’s voice promises that the method or the exercise will help', () => {
  assert.ok(PASSAGES.length > 60, `${PASSAGES.length} passages`);
  for (const [where, text] of PASSAGES) {
    for (const re of PROMISES) assert.doesNotMatch(text, re, where);
  }
});

test('the method’s idea about the psoas is always framed as the method’s, never as fact about the user', () => {
  let claims = 0;
  for (const [where, text] of PASSAGES) {
    if (!CLAIM.test(text)) continue;
    claims++;
    assert.match(text, FRAMING, `${where}: ${text}`);
  }
  assert.ok(claims >= 8, `${claims} passages state the idea`);
});

test('the promise and fact patterns catch the wording they are for', () => {
  const promises = [
    'for many people it eases a lot of pain',
    'Calm the stress response and the muscle can let go.',
    'This exercise will help your back.',
  ];
  for (const t of promises)
    assert.ok(
      PROMISES.some((re) => re.test(t)),
      t,
    );
  const unframed = [
    'A lot of lower back pain does not begin in the back.',
    'Stress is the second cause: a braced psoas stays tight however well you sit.',
    'When the psoas is short, weak or uneven, the pelvis tips forward.',
  ];
  for (const t of unframed) assert.ok(CLAIM.test(t) && !FRAMING.test(t), t);
});

test('the lessons carry the method’s three points on age, body and mind, and letting be', () => {
  const all = LESSONS.map(textOf).join('\n');
  assert.match(textOf(lessonById('starts-at-the-hips')), /back pain is not simply part of getting older/);
  assert.match(textOf(lessonById('stress')), /looks after body and mind together/);
  assert.match(textOf(lessonById('stress')), /Learn to live and let live/);
  for (const re of [/getting older/, /body and mind together/, /live and let live/i]) {
    assert.equal(all.match(new RegExp(re.source, 'gi'))?.length, 1, `${re} once`);
  }
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
  assert.match(t, /start with 3\u00a0holds of 10\u00a0seconds/);
  assert.match(t, /up to 3\u00a0holds of 30\u00a0seconds/);
  assert.match(
    t,
    /floor version unlocks once you have had 6\u00a0good chair sessions on different days and reached chair level\u00a03 \(3\u00a0holds of 20\u00a0seconds\)/,
  );
  assert.match(t, /grows to 3\u00a0holds of 20\u00a0seconds/);
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
