/**
 * Why the camera could not start, in the user's words. getUserMedia fails with DOMExceptions
 * whose names are the only portable signal (messages differ per browser).
 */
export type CameraErrorKind = 'denied' | 'no_camera' | 'in_use' | 'unsupported' | 'failed';

export interface CameraError {
  readonly kind: CameraErrorKind;
  readonly title: string;
  readonly advice: string;
}

const ERRORS: Readonly<Record<CameraErrorKind, Omit<CameraError, 'kind'>>> = {
  denied: {
    title: 'Camera access is blocked.',
    advice:
      'hipwise needs your permission to use the camera. Allow the camera for this site in your browser’s address bar or site settings, then press “Turn camera on” again.',
  },
  no_camera: {
    title: 'No camera found.',
    advice: 'Connect a webcam (or check that it is switched on), then press “Turn camera on” again.',
  },
  in_use: {
    title: 'The camera is busy.',
    advice:
      'Another app or browser tab is using the camera. Close it (video calls are the usual cause), then press “Turn camera on” again.',
  },
  unsupported: {
    title: 'This browser cannot use a camera here.',
    advice:
      'The camera works only on a secure page (https, or this computer’s own address) in a current browser such as Firefox, Chrome, Edge or Safari.',
  },
  failed: {
    title: 'The camera could not start.',
    advice: 'Check that the camera works in another app, then press “Turn camera on” again.',
  },
};

export function cameraError(kind: CameraErrorKind): CameraError {
  return { kind, ...ERRORS[kind] };
}

/** Maps what getUserMedia threw to what to tell the user. */
export function classifyCameraError(error: unknown): CameraError {
  const name = error instanceof Error || isNamed(error) ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return cameraError('denied');
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return cameraError('no_camera');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return cameraError('in_use');
    case 'TypeError':
      return cameraError('unsupported');
    default:
      return cameraError('failed');
  }
}

function isNamed(error: unknown): error is { name: string } {
  return (
    typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
  );
}
