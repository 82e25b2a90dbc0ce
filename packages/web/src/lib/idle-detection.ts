/**
 * The Idle Detection API (Chromium): system-wide input and the screen lock, once the user has
 * allowed it. Used by the break coach (away from the desk) and the camera (released when the
 * screen locks).
 */
export type IdlePermission = 'unsupported' | 'prompt' | 'granted' | 'denied';

export interface IdleDetectorLike extends EventTarget {
  readonly userState: 'active' | 'idle' | null;
  readonly screenState: 'locked' | 'unlocked' | null;
  start(options: { threshold: number; signal: AbortSignal }): Promise<void>;
}
export interface IdleDetectorClass {
  new (): IdleDetectorLike;
  requestPermission(): Promise<'granted' | 'denied'>;
}

export function idleDetectorClass(): IdleDetectorClass | undefined {
  return (globalThis as { IdleDetector?: IdleDetectorClass }).IdleDetector;
}

export async function idlePermission(): Promise<IdlePermission> {
  if (!idleDetectorClass()) return 'unsupported';
  try {
    const status = await navigator.permissions.query({ name: 'idle-detection' as PermissionName });
    return status.state;
  } catch {
    return 'prompt';
  }
}

/** Must run in a click handler: the browser only asks during a user gesture. */
export async function requestIdlePermission(): Promise<IdlePermission> {
  const Detector = idleDetectorClass();
  if (!Detector) return 'unsupported';
  try {
    return await Detector.requestPermission();
  } catch {
    return 'denied';
  }
}
