import { useEffect, useRef, type ReactNode } from 'react';
import type { Pose } from '@hipwise/core';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { cssColour, useTheme } from '../../lib/page-theme';
import { NO_ONE_IN_VIEW } from './in-view';
import { drawSkeleton, seenKeypoints } from './skeleton';
import type { CameraHandle } from './use-camera';
import './camera.css';

/** Each tone's colour is the stylesheet's `--skeleton-<tone>`, so it follows the theme. */
export type SkeletonTone = 'neutral' | 'good' | 'fix';

interface CameraViewProps {
  readonly camera: CameraHandle;
  /** The latest keypoints (video pixels) to draw over the picture. */
  readonly pose: Pose | undefined;
  /** Green while the form is good, amber while something needs a fix. */
  readonly tone?: SkeletonTone;
  /** Called with the video element once it shows the camera picture, and null when it stops. */
  readonly onVideoReady: (video: HTMLVideoElement | null) => void;
  /** What the start button says (e.g. "Use camera to check my form"). */
  readonly startLabel?: string;
  /** Shown under the picture while the camera is on: the cue, the model's loading state. */
  readonly children?: ReactNode;
  /** No one has been in view for a few seconds (useCameraWatch). */
  readonly noOneInView?: boolean;
  /** Why the camera turned itself off, shown while it is off (useCameraWatch). */
  readonly offNote?: string | undefined;
}

export const PRIVACY_NOTE =
  'Frames never leave this browser: your pose is worked out on this device, and no picture is sent or stored.';

/**
 * The camera picture with the skeleton of the seen joints drawn over it, and the whole permission
 * flow around it: a button that asks for the camera, errors that say what to do, and a clear
 * "Turn camera off" that releases the camera (its light goes off).
 */
export function CameraView({
  camera,
  pose,
  tone = 'neutral',
  onVideoReady,
  startLabel,
  children,
  noOneInView = false,
  offNote,
}: CameraViewProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { stream } = camera;
  const theme = useTheme();

  useEffect(() => {
    const video = videoRef.current;
    if (video === null || stream === null) {
      onVideoReady(null);
      return;
    }
    video.srcObject = stream;
    const ready = () => onVideoReady(video);
    video.addEventListener('loadeddata', ready);
    video.play().catch(() => {
      // Autoplay of a muted camera stream is allowed; if a browser still refuses, the frames
      // arrive all the same for the pose model, which is what matters here.
    });
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) ready();
    return () => {
      video.removeEventListener('loadeddata', ready);
      video.srcObject = null;
      onVideoReady(null);
    };
  }, [stream, onVideoReady]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const video = videoRef.current;
    if (canvas === null || video === null) return;
    if (video.videoWidth > 0 && (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight)) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
    }
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    const color = cssColour(canvas, `--skeleton-${tone}`);
    drawSkeleton(ctx, pose, { color, lineWidth: 4, jointRadius: 5 });
  }, [pose, tone, theme]);

  const seen = pose === undefined ? undefined : seenKeypoints(pose).length;
  const on = camera.status === 'on';

  return (
    <section className="camera-view" aria-label="Camera">
      <p className="camera-privacy">
        <svg className="camera-privacy-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3z" />
        </svg>
        {PRIVACY_NOTE}
      </p>

      {camera.status === 'error' && camera.error !== undefined && (
        <Alert tone="error" title={camera.error.title}>
          <p>{camera.error.advice}</p>
        </Alert>
      )}
      {camera.status === 'starting' && (
        <Loading label="Starting the camera… If your browser asks, allow hipwise to use it." />
      )}
      {(camera.status === 'off' || camera.status === 'error') && (
        <>
          {offNote !== undefined && camera.status === 'off' && (
            <p role="status" className="camera-off-note">
              {offNote}
            </p>
          )}
          {camera.stoppedCleanly && (
            <p role="status" className="camera-off-note">
              Camera off: the camera is released and its light is off.
            </p>
          )}
          <button type="button" className="button primary" onClick={() => void camera.start()}>
            {camera.status === 'error' ? 'Try the camera again' : (startLabel ?? 'Turn camera on')}
          </button>
        </>
      )}

      <div className="camera-stage" hidden={!on}>
        {/* Mirrored like a mirror, skeleton included: moving left moves the picture left. */}
        <div className="camera-mirror">
          <video ref={videoRef} className="camera-video" muted playsInline aria-label="Your camera picture" />
          <canvas ref={canvasRef} className="camera-overlay" aria-hidden="true" />
        </div>
      </div>
      {on && (
        <>
          <div className="camera-controls">
            <p role="status" className="camera-seen">
              {seen === undefined ? 'Looking for you…' : `Seeing ${seen} of 17 joints.`}
            </p>

            {/* Right under the picture: turning the camera off is never more than a glance away. */}
            <button type="button" className="button camera-off" onClick={camera.stop}>
              Turn camera off
            </button>
          </div>
          {noOneInView && (
            <p role="status" className="camera-no-one">
              {NO_ONE_IN_VIEW}
            </p>
          )}
          {children}
        </>
      )}
    </section>
  );
}
