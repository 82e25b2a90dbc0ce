/**
 * The seven lessons of the programme, written afresh in our own words. Each reads in under 3
 * minutes (about 250-450 words; the tests hold every lesson to that).
 *
 * Lessons 1-6 explain the method. They present the hip-flexor idea as the method's explanation of
 * back pain, never as a diagnosis of the user's back (NICE NG59 framing); lesson 7 says so in full.
 * Ids are stable: read marks are stored against them, so never rename or reuse one.
 */
import { FLOOR_UNLOCK_SUMMARY, GOOD_SESSION_SUMMARY, PROGRESSION_SUMMARY } from './lesson-facts.js';
import { estimateReadingMinutes, list, note, p, type LessonBlock } from './lesson-blocks.js';
import type { Illustration } from './illustration.js';
import { SITTING_RULES } from './sitting-rules.js';
import { STRESS_RULES } from './stress-rules.js';

export const LESSON_IDS = [
  'starts-at-the-hips',
  'pelvic-tilt',
  'uneven-sides',
  'sitting',
  'stress',
  'boat-pose',
  'evidence',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export interface Lesson {
  readonly id: LessonId;
  /** 1-based position; the plan unlocks lesson n on day n of the programme. */
  readonly number: number;
  readonly title: string;
  /** Estimated from the word count (see lesson-blocks.ts), whole minutes. */
  readonly readingMinutes: number;
  readonly illustration: Illustration;
  readonly body: readonly LessonBlock[];
}

type LessonDraft = Omit<Lesson, 'number' | 'readingMinutes'>;

const DRAFTS: readonly LessonDraft[] = [
  {
    id: 'starts-at-the-hips',
    title: 'Where the method looks: the hips',
    illustration: 'psoas',
    body: [
      p(
        'When the lower back hurts, it is natural to look for the cause in the back itself. The method hipwise follows looks a little lower: at the hips, and at one deep muscle in particular, the psoas (say "SO-az").',
      ),
      p(
        'You cannot see or touch it easily. The psoas starts on the side of the vertebrae of your lower back, runs down and forward along the inside of the pelvis, passes in front of the hip joint and fixes onto the top of your thigh bone. It is the only muscle that runs from the lower spine to the leg. It links the top half of your body with the bottom half, and the back with the front.',
      ),
      p(
        'With its neighbour the iliacus, the psoas is the strongest of the hip flexors, the muscles that bring your knee up towards your chest when you climb a stair or march. It also has a quieter job that matters just as much: when you stand and walk, it steadies your lower spine and your pelvis and keeps you upright, with small adjustments you never notice.',
      ),
      p(
        'The method holds that much lower back pain begins here, when the psoas is not doing its job well: when it is tight, when it is weak, or when the left and right sides differ. That can happen to anyone. Fit people have it, and so do people who stand or move about all day.',
      ),
      p('The method links it with more than a sore back:'),
      list(
        'pain and stiffness in the lower back, often after sitting',
        'feeling stressed, tense or anxious',
        'a general sense of discomfort in the body',
        'low energy',
      ),
      p(
        'The method also holds that back pain is not simply part of getting older. Aches and stiffness are often put down to age, as if nothing could be done; the method sees them instead as a reason to look after the hips, at any age.',
      ),
      p(
        'The next lessons set out how, in the method’s view, a short or weak psoas pulls on the lower back, why sitting and stress keep it that way, and what its one simple exercise, done a little each day, sets out to change.',
      ),
      note(
        'This is how the method explains back pain, not a diagnosis of your back. Back pain has many causes and most of them are not serious. Lesson 7 sets out what is known and what this app can and cannot tell you.',
      ),
    ],
  },
  {
    id: 'pelvic-tilt',
    title: 'A short psoas, a tilted pelvis',
    illustration: 'pelvic-tilt',
    body: [
      p(
        'Picture your pelvis as a bowl, with your spine standing on its back rim. The psoas runs from the lower spine, down over the front rim of the bowl, to the thigh bone. How long it is, and how strong, affects how the bowl sits.',
      ),
      p(
        'The method describes it like this. If the psoas is short for most of the day, it keeps pulling the lower vertebrae forward and down and tips the front of the bowl downwards. This is called an anterior pelvic tilt. To keep you upright above a tipped pelvis, the lower back has to arch more. The belly pushes forward and the buttocks push back. The joints and muscles of the lower back then carry extra load all day, and the method sees that strain as a common source of ache and stiffness.',
      ),
      p(
        'In the method’s view, a weak psoas causes trouble too. It cannot steady the spine as it should, so other muscles, often those of the lower back, take over a job they are not built for, and tire and tighten.',
      ),
      p(
        'A strong, active psoas, the method holds, does the opposite. Working together with your tummy and buttock muscles, it draws the lower spine into line and keeps the pelvis tucked underneath it, so the load is shared the way it is meant to be.',
      ),
      p('What a forward-tipped pelvis can look and feel like:'),
      list(
        'a deep arch in the lower back that is hard to flatten',
        'the belly pushed forward and the bottom pushed back',
        'an ache after standing for a long time, or when you first get up from a chair',
        'a tight feeling at the front of the hips',
      ),
      p(
        'So the method aims for a psoas that is strong and working, and not held short for hours on end. The boat pose works on the first (lesson 6). Better sitting and regular walking breaks work on the second (lesson 4).',
      ),
      note(
        'Bodies differ a great deal. Many people with an arched lower back have no pain at all, and many with pain have a flat one. Use this lesson to understand the method, not to judge your own posture in the mirror.',
      ),
    ],
  },
  {
    id: 'uneven-sides',
    title: 'When one side differs',
    illustration: 'uneven-sides',
    body: [
      p(
        'You have two psoas muscles, one on each side of the spine, and they do not always behave the same way. In the method’s picture, if one is shorter or tenser than the other, it pulls harder on its own side of the lower spine and the pelvis.',
      ),
      p(
        'According to the method, this shows up as an uneven posture and uneven tension: one side of the pelvis may sit a little higher or further forward, the lower back may bend slightly to one side, and the muscles around it work harder on one side than on the other. The rest of the body then adjusts to keep you level, which can spread the tension further up or down.',
      ),
      p('Much of this comes from everyday habits that favour one side, repeated for years:'),
      list(
        'always crossing the same leg over the other',
        'standing with your weight on one leg',
        'carrying a bag on the same shoulder, or a child on the same hip',
        'sitting twisted towards a screen that is off to one side',
        'a sport or job that uses one side more, or an old injury that made you favour one leg',
      ),
      p(
        'You do not need to measure anything. Notice which of these are yours and even them out where it is easy: swap the leg you cross, stand on both feet, change shoulders, and move your screen so it is straight in front of you.',
      ),
      p(
        'The boat pose works both sides at once. In the floor version, notice whether you tend to roll towards one side as you balance. That is useful to know. Keep your knees level and your weight even on both sit bones; for most people it gets easier with practice.',
      ),
      note(
        'Small differences between left and right are normal in everyone. Weakness, numbness or tingling in one leg is something else: it is not an imbalance to exercise away, so answer the safety questions again.',
      ),
    ],
  },
  {
    id: 'sitting',
    title: 'Sitting, and six rules for it',
    illustration: 'sitting-rules',
    body: [
      p(
        'When you sit, your hips are bent, and a bent hip means a short psoas. An hour of that is no problem. Eight or ten hours a day, most days of the week, is different: the method holds that the muscle gets used to being short, and that when you stand up it is slow to let go, so it tugs the lower spine forward and tips the pelvis, as lesson 2 described.',
      ),
      p(
        'Long daily sitting is also linked with poorer mental health, less healthy blood results and weight gain, so standing and moving more is good for more than your back.',
      ),
      p('The method has six rules for the sitting you cannot avoid:'),
      list(...SITTING_RULES.map((r) => `${r.title} ${r.why}`)),
      p(
        'You do not need all six from tomorrow. Start with walking breaks: hipwise sets you a daily goal and counts the breaks you take. When those have become a habit, add one more rule at a time.',
      ),
      note(
        'Two of the rules may surprise you, since most office chairs are made for leaning back. The idea is that you hold yourself up, rather than hang in the chair. If sitting forward tires you at first, take that as a sign to get up and walk for a minute.',
      ),
    ],
  },
  {
    id: 'stress',
    title: 'Stress and the psoas',
    illustration: 'stress',
    body: [
      p(
        'When you feel threatened, your body gets ready to fight or to run. Your heart beats faster, your breathing quickens, and your muscles tighten, ready to act. The method holds that the psoas, which lifts the leg to run and curls the body in to protect it, is among the muscles that tighten hardest.',
      ),
      p(
        'Today the threat is rarely a wild animal. It is a near miss in traffic, an argument at home, a deadline, a bill you are not sure you can pay. Your body answers in much the same way. In the method’s view, when the stress never really stops, the psoas stays braced all day. That is why, it holds, people who stand and walk a lot can still have a tight psoas, and why a new chair alone does not change that.',
      ),
      p(
        'So the method looks after body and mind together: the exercise and better sitting for the body, and calming the stress response for the mind. Feeling well, in its view, needs both, and neither alone is enough.',
      ),
      p('For the stress response itself, the method offers some rules of thumb:'),
      list(...STRESS_RULES.map((r) => `${r.title}: ${r.text}`)),
      p(
        'These are about the shape of your life, and none of them changes overnight. Day to day, it helps to notice when you are bracing: shoulders up, jaw set, stomach held tight. Let a slow breath out and let go a little.',
      ),
      p(
        'Your daily check-in asks for your stress level as well as your pain, so that over a few weeks you can see for yourself whether the two move together.',
      ),
      note(
        'If stress, worry or low mood feel like too much, or you have thoughts of harming yourself, please talk to your doctor or a mental health service soon. These rules of thumb are not a treatment for that.',
      ),
    ],
  },
  {
    id: 'boat-pose',
    title: 'The boat pose, and why we start on a chair',
    illustration: 'boat-chair',
    body: [
      p(
        'The exercise of the method is the boat pose, Navasana in yoga. The body makes a V shape: the trunk leans back, the thighs angle up, and you balance between them. To hold that shape, the psoas and the other hip flexors have to work steadily to stop the trunk from falling back, with your deep tummy muscles helping. The method sees this as the strong, active psoas of lesson 2.',
      ),
      p(
        'The chair version: sit near the front edge of a chair, with plenty of seat free behind you. Stretch both arms straight out in front. Now lean back, past upright, until your back is nearly at the backrest, but do not touch it. Nothing supports you now, so the psoas tightens by itself to stop you falling back: that, in the method’s explanation, is the work that matters. Hold that.',
      ),
      p(
        'The floor version: sit tall on the floor with your knees bent up and your feet flat. Hold your shins lightly to help lift your chest, then let go and keep your balance with your hip muscles alone. It asks for more strength and balance.',
      ),
      p(
        'Everyone starts on the chair. If you have never followed a stretching or yoga programme, the chair builds the basics with less load and no balancing, and you can end any hold at once by sitting up. The floor version waits until your chair holds have grown.',
      ),
      list(PROGRESSION_SUMMARY, GOOD_SESSION_SUMMARY, FLOOR_UNLOCK_SUMMARY),
      p(
        'This is a beginner pose. The method offers it to build basic mobility and says plainly that it is no miracle; whether it changes your pain is something your own records will show over the weeks. A few minutes on most days is the habit it asks for, rather than a long effort once a week.',
      ),
      note(
        'Effort, warmth and some trembling are normal. Sharp pain, or pain that spreads into a buttock or leg, is not: press stop at once. If you stop for pain twice in a week, hipwise pauses the programme and suggests you see a clinician.',
      ),
    ],
  },
  {
    id: 'evidence',
    title: 'What the science says, and what this app can tell you',
    illustration: 'evidence',
    body: [
      p(
        'Back pain is very common, and for most people no single damaged structure can be found to explain it. Doctors call this non-specific low back pain. Most of it is not serious. The guideline of England’s National Institute for Health and Care Excellence (NICE NG59, 2016, updated 2020) is a good summary of what helps:',
      ),
      list(
        'Self-management comes first: understanding your pain, staying as active as you can, and carrying on with daily life.',
        'Exercise programmes are recommended, including mind-body exercise such as yoga. Doing it regularly matters more than the exact kind.',
        'Psychological approaches can help, alongside exercise rather than instead of it.',
        'Scans are not needed routinely.',
        'Belts, corsets, shoe insoles, traction, acupuncture, TENS and ultrasound are not recommended.',
      ),
      p(
        'The method fits this picture: self-care built around one daily exercise, more movement, and less stress. The idea that a tight or weak psoas is behind the pain is the method’s explanation. It may fit many people who sit a lot, but it has not been shown to be the cause of back pain in general, and it is not a diagnosis of your back.',
      ),
      p(
        'In trials, well-run digital self-care programmes have done about as well as physiotherapy. In one, average pain fell from about 5 to under 3 out of 10 over twelve weeks. Those were other programmes, not this method, and what made the difference was people keeping at it: half or more of people given home exercises for back pain stop doing them.',
      ),
      p('What hipwise can tell you:'),
      list(
        'whether your answers include warning signs that need a doctor rather than exercise',
        'how your pain, daily activities and stress change over weeks, in your own records',
        'whether a change is big enough to matter: about 2 points on the 0-10 scale is the smallest change most people feel as real',
      ),
      p('What it cannot:'),
      list(
        'diagnose you, or see what is going on inside your back',
        'rule out every serious cause: its questions catch the main warning signs only',
        'prove that the method caused a change, since back pain often eases with time anyway',
        'replace a doctor or physiotherapist',
      ),
      note(
        'hipwise is a self-care companion, not medical advice. See a doctor if your pain is severe, getting worse, or not improving after a few weeks, or if anything new appears.',
      ),
    ],
  },
];

export const LESSONS: readonly Lesson[] = DRAFTS.map((d, i) => ({
  ...d,
  number: i + 1,
  readingMinutes: estimateReadingMinutes(d.body),
}));

/** The lesson with this id. Ids are a closed type, so this always finds one. */
export function lessonById(id: LessonId): Lesson {
  const lesson = LESSONS.find((l) => l.id === id);
  if (!lesson) throw new Error(`unknown lesson ${id}`);
  return lesson;
}
