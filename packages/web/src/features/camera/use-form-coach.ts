import { useEffect, useRef, useState } from 'react';
import {
  holdTimer,
  startHold,
  summarizeSet,
  type HoldTimerState,
  type Pose,
  type SetSummary,
  type SittingCalibration,
} from '@hipwise/core';
import { usePageVisible } from '../../lib/use-page-visible';
import { analyzeForMode, cueOf, formPasses, type CoachJudgement, type CoachMode } from './coach-analysis';
import { holdWasWatched } from './set-form-result';
import { seenKeypoints } from './skeleton';
import type { PoseRuntime } from './use-pose-detector';

export interface FormCoachOptions {
  readonly mode: CoachMode;
  /**
   * The playing camera video; null while the camera is off (the loop stops, as it does while the
   * tab is hidden).
   */
  readonly video: HTMLVideoElement | null;
  /** The pose model (usePoseDetector); undefined while it loads. */
  readonly runtime: PoseRuntime | undefined;
  readonly calibration?: SittingCalibration | undefined;
  /**
   * Analyse at most one frame per this many ms (the posture check: 1000). 0 or unset: every new
   * video frame, skipping frames while the previous inference still runs.
   */
  readonly intervalMs?: number;
  /**
   * Exercise modes: true while the hold of a set is running. The hold timer starts afresh when
   * this turns true and the set is summarised when it turns false.
   */
  readonly holding?: boolean;
  /** Exercise modes: the planned hold (ms) of the current set. */
  readonly targetHoldMs?: number;
  /** Called with each analysed frame (e.g. the posture check's sampler, calibration). */
  readonly onAnalysed?: (frame: AnalysedFrame) => void;
  /** Called when a set's hold ends (`holding` turned false) with its form summary. */
  readonly onSetEnd?: (summary: SetSummary) => void;
  /** Called with the current cue of each analysed frame (rate-limit it: see useSpokenCues). */
  readonly onCue?: (cue: string) => void;
}

export interface AnalysedFrame {
  /** performance.now() when the frame was taken. */
  readonly atMs: number;
  /** Smoothed keypoints, in video pixels. */
  readonly pose: Pose;
  readonly judgement: CoachJudgement;
}

export interface HoldView {
  /** The hold timer counts: holding, and the last frame passed every check. */
  readonly counting: boolean;
  readonly targetMs: number;
  readonly summary: SetSummary;
}

export interface FormCoachState {
  readonly pose: Pose | undefined;
  readonly seenJoints: number;
  readonly judgement: CoachJudgement | undefined;
  readonly cue: string | undefined;
  /** Exercise modes while holding; undefined otherwise. */
  readonly hold: HoldView | undefined;
  readonly framesAnalysed: number;
  /** An inference failure, in words; the loop keeps trying. */
  readonly error: string | undefined;
}

const IDLE: FormCoachState = {
  pose: undefined,
  seenJoints: 0,
  judgement: undefined,
  cue: undefined,
  hold: undefined,
  framesAnalysed: 0,
  error: undefined,
};

type VideoWithFrameCallback = HTMLVideoElement & {
  requestVideoFrameCallback(cb: () => void): number;
  cancelVideoFrameCallback(handle: number): void;
};

function hasFrameCallback(v: HTMLVideoElement): v is VideoWithFrameCallback {
  return 'requestVideoFrameCallback' in v;
}

/**
 * The camera coach's loop: video frame -> MoveNet -> One Euro smoothing -> core's form analysis
 * (-> the hold timer in exercise modes). At most one inference runs at a time and frames that
 * arrive meanwhile are skipped, never queued, so the coach always judges the latest picture and
 * a slow machine lowers the rate instead of falling behind. While the tab is hidden nothing is
 * analysed (no one is looking at the coach, and the CPU is someone else's): the loop stops and
 * starts again when the tab shows.
 */
export function useFormCoach(options: FormCoachOptions): FormCoachState {
  const { mode, runtime } = options;
  const visible = usePageVisible();
  const video = visible ? options.video : null;
  const intervalMs = options.intervalMs ?? 0;
  const [state, setState] = useState<FormCoachState>(IDLE);

  // Read by the running loop without restarting it.
  const latest = useRef(options);
  latest.current = options;
  const hold = useRef<HoldTimerState | undefined>(undefined);
  // Whether the frame loop runs now, and whether it ran at any time during the current hold.
  const looping = useRef(false);
  const holdWatched = useRef(false);

  // The hold timer: a fresh one when a hold starts, summarised when it ends.
  const holding = mode !== 'sitting' && options.holding === true;
  useEffect(() => {
    if (!holding) return;
    hold.current = startHold(latest.current.targetHoldMs ?? 0);
    holdWatched.current = looping.current;
    return () => {
      const ended = hold.current;
      hold.current = undefined;
      if (ended !== undefined && holdWasWatched(ended, holdWatched.current)) {
        latest.current.onSetEnd?.(summarizeSet(ended));
      }
      setState((s) => ({ ...s, hold: undefined }));
    };
  }, [holding]);

  useEffect(() => {
    if (video === null || runtime === undefined) return;
    const { detector } = runtime;
    // The detector follows one person across frames; after a gap it must look at the whole picture.
    detector.reset();
    looping.current = true;
    if (hold.current !== undefined) holdWatched.current = true;
    let cancelled = false;
    let busy = false;
    let frames = 0;
    let timer: number | undefined;
    let frameHandle: number | undefined;
    const smoother = runtime.createSmoother();

    const schedule = () => {
      if (cancelled) return;
      if (intervalMs > 0) timer = window.setTimeout(tick, intervalMs);
      else if (hasFrameCallback(video)) frameHandle = video.requestVideoFrameCallback(tick);
      else frameHandle = window.requestAnimationFrame(tick);
    };

    const analyse = (raw: Pose, atMs: number) => {
      const o = latest.current;
      const pose = smoother.smooth(raw, atMs);
      const judgement = analyzeForMode(o.mode, pose, { calibration: o.calibration });
      const cue = cueOf(judgement);
      let holdView: HoldView | undefined;
      if (hold.current !== undefined && judgement.mode !== 'sitting') {
        hold.current = holdTimer(hold.current, { type: 'frame', atMs, result: judgement.result });
        holdView = {
          counting: formPasses(judgement),
          targetMs: hold.current.targetMs,
          summary: summarizeSet(hold.current),
        };
      }
      frames++;
      setState({
        pose,
        seenJoints: seenKeypoints(pose).length,
        judgement,
        cue,
        hold: holdView,
        framesAnalysed: frames,
        error: undefined,
      });
      o.onAnalysed?.({ atMs, pose, judgement });
      if (cue !== undefined) o.onCue?.(cue);
    };

    const tick = () => {
      if (cancelled) return;
      // A video with no picture yet (just started) or a frame still being analysed: skip this one.
      if (!busy && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        busy = true;
        const atMs = performance.now();
        detector.estimate(video).then(
          (raw) => {
            busy = false;
            if (!cancelled) analyse(raw, atMs);
          },
          (e: unknown) => {
            busy = false;
            console.warn('pose estimation failed', e);
            if (!cancelled) setState((s) => ({ ...s, error: 'The pose model failed on a frame; retrying.' }));
          },
        );
      }
      schedule();
    };

    schedule();
    return () => {
      cancelled = true;
      looping.current = false;
      if (timer !== undefined) window.clearTimeout(timer);
      if (frameHandle !== undefined) {
        if (intervalMs <= 0 && hasFrameCallback(video)) video.cancelVideoFrameCallback(frameHandle);
        else window.cancelAnimationFrame(frameHandle);
      }
      // Whatever happens next (camera off, mode change) starts from a clean slate: a gap in the
      // frames must not be credited to the hold, and no stale skeleton stays on screen.
      if (hold.current !== undefined) hold.current = holdTimer(hold.current, { type: 'pause' });
      setState((s) => ({ ...IDLE, hold: s.hold }));
    };
  }, [mode, video, runtime, intervalMs]);

  return state;
}
