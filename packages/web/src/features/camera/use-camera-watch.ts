import { useEffect, useRef, useState } from 'react';
import type { Pose } from '@hipwise/core';
import { idleDetectorClass, idlePermission } from '../../lib/idle-detection';
import { usePageVisible } from '../../lib/use-page-visible';
import { absentMs, CAMERA_TIMEOUTS, personInView } from './in-view';
import type { CameraHandle } from './use-camera';
import { plural } from '../../lib/units';

export type CameraOffReason = 'no_one' | 'screen_locked';

export const CAMERA_OFF_WORDS: Readonly<Record<CameraOffReason, string>> = {
  no_one: `The camera turned itself off after ${plural(CAMERA_TIMEOUTS.releaseCameraMs / 60_000, 'minute')} with no one in view. Turn it on again when you are back.`,
  screen_locked: 'The camera turned itself off when the screen locked. Turn it on again when you are back.',
};

export interface CameraWatch {
  /** No one seen for CAMERA_TIMEOUTS.noOneInViewMs while the coach runs. */
  readonly noOneInView: boolean;
  /** Why the camera turned itself off, until it is turned on again. */
  readonly offReason: CameraOffReason | undefined;
}

export interface CameraWatchOptions {
  readonly camera: CameraHandle;
  /** The camera is on and the model is analysing its frames. */
  readonly running: boolean;
  /** The latest analysed pose (a new object per analysed frame). */
  readonly pose: Pose | undefined;
}

/**
 * Keeps the camera from running for no one: says so when no one has been in view for a few
 * seconds, releases the camera after two minutes of it, and when the screen locks (where the
 * user has allowed Idle Detection, e.g. for break reminders; the camera never asks for it). The
 * absence clock only runs while frames are analysed: in a hidden tab nothing is (see
 * useFormCoach), and it starts afresh when the tab shows again.
 */
export function useCameraWatch({ camera, running, pose }: CameraWatchOptions): CameraWatch {
  const visible = usePageVisible();
  const watching = running && visible;
  const lastSeenAt = useRef<number | undefined>(undefined);
  const [noOneInView, setNoOneInView] = useState(false);
  const [offReason, setOffReason] = useState<CameraOffReason>();
  const { stop, status } = camera;

  useEffect(() => {
    if (pose !== undefined && personInView(pose)) {
      lastSeenAt.current = performance.now();
      setNoOneInView(false);
    }
  }, [pose]);

  useEffect(() => {
    if (!watching) {
      setNoOneInView(false);
      return;
    }
    const since = performance.now();
    const check = () => {
      const absent = absentMs(since, lastSeenAt.current, performance.now());
      setNoOneInView(absent >= CAMERA_TIMEOUTS.noOneInViewMs);
      if (absent >= CAMERA_TIMEOUTS.releaseCameraMs) {
        stop();
        setOffReason('no_one');
      }
    };
    const timer = window.setInterval(check, 500);
    return () => window.clearInterval(timer);
  }, [watching, stop]);

  useEffect(() => {
    if (status !== 'on') return;
    setOffReason(undefined);
    const controller = new AbortController();
    const watchLock = async () => {
      const Detector = idleDetectorClass();
      if (Detector === undefined || (await idlePermission()) !== 'granted' || controller.signal.aborted)
        return;
      const detector = new Detector();
      detector.addEventListener('change', () => {
        if (detector.screenState !== 'locked' || controller.signal.aborted) return;
        stop();
        setOffReason('screen_locked');
      });
      try {
        await detector.start({ threshold: 60_000, signal: controller.signal });
      } catch {
        // Permission withdrawn meanwhile, or aborted: the two-minute rule still applies.
      }
    };
    void watchLock();
    return () => controller.abort();
  }, [status, stop]);

  return { noOneInView, offReason };
}
