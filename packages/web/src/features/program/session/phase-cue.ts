import { EXERCISE_SAFETY, guidedSession, type ExerciseVariantInfo } from '@hipwise/core';
import { plural } from '../../../lib/units';

type Phase = guidedSession.Phase;

/** One key per phase a user sees: it changes exactly when the screen should speak and move focus. */
export function phaseKey(p: Phase): string {
  switch (p.kind) {
    case 'step':
      return `step:${p.index}`;
    case 'countdown':
    case 'hold':
      return `${p.kind}:${p.set}`;
    case 'rest':
      return `rest:${p.afterSet}`;
    case 'pain-before':
    case 'pain-after':
    case 'ended':
      return p.kind;
  }
}

/** What is spoken and announced on entering a phase, if anything. */
export function phaseCue(
  s: guidedSession.SessionState,
  plan: guidedSession.SessionPlan,
  info: ExerciseVariantInfo,
): string | undefined {
  const p = s.phase;
  switch (p.kind) {
    case 'step':
      return info.steps[p.index]?.cue;
    case 'countdown':
      return `Set ${p.set + 1} of ${plan.sets}. Get into position. The hold starts in ${plural(guidedSession.COUNTDOWN_MS / 1000, 'second')}.`;
    case 'hold':
      return `Hold. ${holdStepOf(info)?.cue ?? ''}`;
    case 'rest':
      return `Well done. Rest for ${plural(guidedSession.REST_MS / 1000, 'second')}.`;
    case 'pain-after':
      return 'Well done. How is your back now?';
    case 'ended':
      return s.stoppedEarly === 'pain' ? EXERCISE_SAFETY.cueStop : undefined;
    case 'pain-before':
      return undefined;
  }
}

/** The step that describes the hold position (the last step if none is marked). */
export function holdStepOf(info: ExerciseVariantInfo) {
  return info.steps.find((s) => s.hold) ?? info.steps[info.steps.length - 1];
}
