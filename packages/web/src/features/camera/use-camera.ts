import { useCallback, useEffect, useRef, useState } from 'react';
import { cameraError, classifyCameraError, type CameraError } from './camera-errors';

export type CameraStatus = 'off' | 'starting' | 'on' | 'error';

export interface CameraHandle {
  readonly status: CameraStatus;
  readonly error: CameraError | undefined;
  /** The live stream while on; null otherwise. */
  readonly stream: MediaStream | null;
  /** After "Turn camera off": true once every track of the last stream reports `ended`. */
  readonly stoppedCleanly: boolean;
  readonly start: () => Promise<void>;
  readonly stop: () => void;
}

/**
 * A small, front camera picture is plenty: the pose model reads a 192x192 input, and fewer pixels
 * to copy keeps each frame fast.
 */
const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: {
    facingMode: 'user',
    width: { ideal: 640 },
    height: { ideal: 480 },
    frameRate: { ideal: 30, max: 30 },
  },
};

function stopTracks(stream: MediaStream | null): boolean {
  if (stream === null) return true;
  for (const track of stream.getTracks()) track.stop();
  return stream.getTracks().every((t) => t.readyState === 'ended');
}

/**
 * The webcam, asked for only when the user presses a button, and always released: on "Turn
 * camera off", when the screen unmounts, and when a request resolves after the user gave up.
 * Stopping every track is what turns the camera light off.
 */
export function useCamera(): CameraHandle {
  const [status, setStatus] = useState<CameraStatus>('off');
  const [error, setError] = useState<CameraError>();
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [stoppedCleanly, setStoppedCleanly] = useState(false);
  const streamRef = useRef<MediaStream | null>(null);
  // Bumped by stop() and unmount, so a getUserMedia that resolves late is released at once.
  const generation = useRef(0);

  const stop = useCallback(() => {
    generation.current++;
    const clean = stopTracks(streamRef.current);
    const hadStream = streamRef.current !== null;
    streamRef.current = null;
    setStream(null);
    setStatus('off');
    if (hadStream) setStoppedCleanly(clean);
  }, []);

  const start = useCallback(async () => {
    const mine = ++generation.current;
    setError(undefined);
    setStoppedCleanly(false);
    if (typeof navigator === 'undefined' || navigator.mediaDevices?.getUserMedia === undefined) {
      setError(cameraError('unsupported'));
      setStatus('error');
      return;
    }
    setStatus('starting');
    try {
      const s = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
      if (mine !== generation.current) {
        stopTracks(s);
        return;
      }
      stopTracks(streamRef.current);
      streamRef.current = s;
      // Unplugged, or permission revoked while running: the track ends without us.
      for (const track of s.getVideoTracks()) {
        track.addEventListener('ended', () => {
          if (streamRef.current !== s) return;
          stop();
          setError(cameraError('failed'));
          setStatus('error');
        });
      }
      setStream(s);
      setStatus('on');
    } catch (e) {
      if (mine !== generation.current) return;
      setError(classifyCameraError(e));
      setStatus('error');
    }
  }, [stop]);

  useEffect(
    () => () => {
      generation.current++;
      stopTracks(streamRef.current);
      streamRef.current = null;
    },
    [],
  );

  return { status, error, stream, stoppedCleanly, start, stop };
}
