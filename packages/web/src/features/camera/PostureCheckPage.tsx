import { useCallback, useRef, useState } from 'react';
import { calibrateSitting, SITTING_CUES, type SittingCalibration, type SittingIssue } from '@hipwise/core';
import { Alert } from '../../components/Alert';
import { usePageTitle } from '../../lib/use-page-title';
import { averageCalibration, CALIBRATION_FRAMES } from './calibration';
import { CameraPlacement } from './CameraPlacement';
import { CameraView } from './CameraView';
import { ModelStatus } from './ModelStatus';
import { PostureVerdict } from './PostureVerdict';
import {
  DEFAULT_POSTURE_SAMPLER,
  INITIAL_POSTURE_SAMPLER,
  inCooldown,
  samplePosture,
  type PostureSamplerState,
} from './posture-sampler';
import { postureWords } from './posture-words';
import { CAMERA_TIMEOUTS } from './in-view';
import { useCamera } from './use-camera';
import { CAMERA_OFF_WORDS, useCameraWatch } from './use-camera-watch';
import { useDeadline } from './use-deadline';
import { useFormCoach, type AnalysedFrame } from './use-form-coach';
import { usePoseDetector } from './use-pose-detector';
import { usePostureNotifications } from './use-posture-notifications';
import { useVoice } from '../../lib/use-voice';
import { VoiceSwitch } from '../../components/VoiceSwitch';
import { plural, seconds } from '../../lib/units';

/** Once a second: often enough to catch a slouch within seconds, rare enough to leave the CPU to your work. */
export const POSTURE_SAMPLE_MS = 1000;

const OPTIONS = DEFAULT_POSTURE_SAMPLER;

interface Nudge {
  readonly issue: SittingIssue;
  readonly atMs: number;
}

/**
 * /camera/posture: watches the user's sitting from the side while they work, once a second, and
 * nudges after several bad samples in a row. Everything happens in the browser and nothing is
 * stored, not even the calibration (it lasts as long as the page).
 */
export function PostureCheckPage() {
  usePageTitle('Posture check');
  const camera = useCamera();
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const { state: model, retry } = usePoseDetector(camera.status === 'on');
  const [calibration, setCalibration] = useState<SittingCalibration>();
  const [calibrating, setCalibrating] = useState<number>();
  const [calibratedNote, setCalibratedNote] = useState(false);
  const [calibrationTimedOut, setCalibrationTimedOut] = useState(false);
  const readings = useRef<SittingCalibration[] | undefined>(undefined);
  const sampler = useRef<PostureSamplerState>(INITIAL_POSTURE_SAMPLER);
  const [samplerView, setSamplerView] = useState<PostureSamplerState>(INITIAL_POSTURE_SAMPLER);
  const [nudge, setNudge] = useState<Nudge>();
  const voice = useVoice('hipwise.posture.voice', false);
  const notifications = usePostureNotifications();

  const onAnalysed = useCallback(
    (frame: AnalysedFrame) => {
      if (frame.judgement.mode !== 'sitting') return;
      if (readings.current !== undefined) {
        // While calibrating, the user is sitting up on purpose: take readings, judge nothing.
        const r = calibrateSitting(frame.pose);
        if (r.kind === 'calibrated') readings.current = [...readings.current, r.calibration];
        setCalibrating(readings.current.length);
        if (readings.current.length >= CALIBRATION_FRAMES) {
          setCalibration(averageCalibration(readings.current));
          readings.current = undefined;
          setCalibrating(undefined);
          setCalibratedNote(true);
          sampler.current = { ...INITIAL_POSTURE_SAMPLER, lastNudgeAtMs: sampler.current.lastNudgeAtMs };
          setSamplerView(sampler.current);
        }
        return;
      }
      const result = frame.judgement.result;
      const out = samplePosture(
        sampler.current,
        result.kind === 'judged' ? { kind: 'judged', posture: result.posture } : { kind: 'cannot_see' },
        frame.atMs,
        OPTIONS,
      );
      sampler.current = out.state;
      setSamplerView(out.state);
      if (out.nudge !== undefined) {
        const cue = SITTING_CUES[out.nudge];
        setNudge({ issue: out.nudge, atMs: frame.atMs });
        voice.sayCue(cue);
        notifications.notify(`hipwise: ${postureWords(out.nudge).label.toLowerCase()}`, cue);
      }
    },
    [voice, notifications],
  );

  const coach = useFormCoach({
    mode: 'sitting',
    video,
    runtime: model.status === 'ready' ? model.runtime : undefined,
    calibration,
    intervalMs: POSTURE_SAMPLE_MS,
    onAnalysed,
  });

  const startCalibration = () => {
    readings.current = [];
    setCalibrating(0);
    setCalibratedNote(false);
    setCalibrationTimedOut(false);
  };
  const cancelCalibration = () => {
    readings.current = undefined;
    setCalibrating(undefined);
  };
  // Readings come only while the model sees someone sitting upright: never wait on them forever.
  useDeadline(calibrating !== undefined, CAMERA_TIMEOUTS.calibrationMs, () => {
    cancelCalibration();
    setCalibrationTimedOut(true);
  });
  const forgetCalibration = () => {
    setCalibration(undefined);
    setCalibratedNote(false);
  };

  const result = coach.judgement?.mode === 'sitting' ? coach.judgement.result : undefined;
  const tone =
    result === undefined || result.kind === 'cannot_see'
      ? 'neutral'
      : result.posture === 'upright'
        ? 'good'
        : 'fix';
  const running = camera.status === 'on' && model.status === 'ready';
  const watch = useCameraWatch({ camera, running, pose: coach.pose });

  return (
    <>
      <h1>Posture check</h1>
      <p className="lead">
        Turn the camera on while you work. hipwise looks at how you sit once a second and reminds you when you
        have been slouching, leaning back or sitting with your feet off the floor for a while.
      </p>
      <details className="card">
        <summary>How to place the camera</summary>
        <CameraPlacement />
        <p className="hint">
          Keep this page open while you work, in its own window: while its tab is hidden (another tab in front
          of it, or the window minimised) the check pauses, and it carries on when you come back.
        </p>
      </details>

      <CameraView
        camera={camera}
        pose={coach.pose}
        tone={tone}
        onVideoReady={setVideo}
        noOneInView={watch.noOneInView}
        offNote={watch.offReason === undefined ? undefined : CAMERA_OFF_WORDS[watch.offReason]}
      >
        <ModelStatus state={model} retry={retry} />
        {coach.error !== undefined && <Alert tone="warning" title={coach.error} />}
        {running && (
          <div className="stack">
            {nudge !== undefined && (
              <Alert
                tone="warning"
                title={`Time to sit up: ${postureWords(nudge.issue).label.toLowerCase()}`}
              >
                <p>{SITTING_CUES[nudge.issue]}</p>
                <button type="button" className="button" onClick={() => setNudge(undefined)}>
                  Dismiss
                </button>
              </Alert>
            )}
            <PostureVerdict result={result} calibrating={calibrating !== undefined} />
            <p className="hint" aria-live="polite">
              {streakText(samplerView, coach.framesAnalysed)}
            </p>
            {samplerView.samples > 0 && (
              <p className="hint">
                Checks so far: {samplerView.samples}, upright in {samplerView.uprightSamples} (
                {Math.round((100 * samplerView.uprightSamples) / samplerView.samples)}%).
              </p>
            )}

            <section aria-labelledby="calibrate-title">
              <h2 id="calibrate-title">Calibrate to your upright posture</h2>
              {calibrating !== undefined ? (
                <>
                  <p role="status">
                    Hold still, sitting upright… ({calibrating} of {plural(CALIBRATION_FRAMES, 'reading')})
                  </p>
                  <button type="button" className="button" onClick={cancelCalibration}>
                    Cancel calibration
                  </button>
                </>
              ) : (
                <>
                  <p>
                    Optional. Sit upright as the program teaches (feet flat, sitting a little forward, not
                    touching the backrest) and press calibrate: hipwise then judges leaning back and slouching
                    against your own upright posture instead of an average one.
                  </p>
                  {calibratedNote && calibration !== undefined && (
                    <p role="status">Calibrated to your upright posture.</p>
                  )}
                  {calibrationTimedOut && (
                    <Alert tone="warning" title="Calibration stopped">
                      <p>
                        hipwise could not take {plural(CALIBRATION_FRAMES, 'reading')} of you sitting upright
                        within {seconds(CAMERA_TIMEOUTS.calibrationMs / 1000)}. Sit side-on to the camera with
                        your whole body in view, then try again.
                      </p>
                    </Alert>
                  )}
                  <div className="button-row">
                    <button type="button" className="button" onClick={startCalibration}>
                      Sit upright and calibrate
                    </button>
                    {calibration !== undefined && (
                      <button type="button" className="button" onClick={forgetCalibration}>
                        Forget calibration
                      </button>
                    )}
                  </div>
                </>
              )}
            </section>

            <fieldset className="coach-options">
              <legend>Reminders</legend>
              <p className="hint">
                A reminder comes after {plural(OPTIONS.nudgeAfter, 'check')} in a row that are not upright,
                then not again for {plural(OPTIONS.cooldownMs / 60_000, 'minute')}.
              </p>
              <VoiceSwitch voice={voice}>Say reminders out loud</VoiceSwitch>
              {notifications.permission === 'unsupported' ? (
                <p className="hint">
                  This browser does not offer notifications; reminders show on this page.
                </p>
              ) : (
                <label>
                  <input
                    type="checkbox"
                    checked={notifications.wanted}
                    disabled={notifications.permission === 'denied'}
                    onChange={(e) => void notifications.setEnabled(e.currentTarget.checked)}
                  />
                  Also show a notification when hipwise is in the background
                </label>
              )}
              {notifications.permission === 'denied' && (
                <p className="hint">
                  Notifications are blocked for this site; allow them in the site settings to use them.
                </p>
              )}
            </fieldset>
          </div>
        )}
      </CameraView>
    </>
  );
}

function streakText(s: PostureSamplerState, frames: number): string {
  if (frames === 0 || (s.badStreak === 0 && s.lastNudgeAtMs === undefined)) return 'Checking once a second.';
  const streak =
    s.badStreak === 0 ? 'Upright now.' : `Not upright for ${plural(s.badStreak, 'check')} in a row.`;
  // Sampling times and performance.now() share a clock, so the cooldown can be read at render.
  const quiet = inCooldown(s, performance.now(), OPTIONS);
  return quiet
    ? `${streak} Reminder given; the next comes no sooner than ${plural(OPTIONS.cooldownMs / 60_000, 'minute')} after it.`
    : `${streak} A reminder comes at ${OPTIONS.nudgeAfter} in a row.`;
}
