import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExerciseVariant, SetSummary } from '@hipwise/core';
import { toSetFormResult, type SetFormResult } from './set-form-result';

export type { SetFormResult } from './set-form-result';
import { Alert } from '../../components/Alert';
import { CameraPlacement } from './CameraPlacement';
import { CameraView } from './CameraView';
import { formPasses } from './coach-analysis';
import { ModelStatus } from './ModelStatus';
import { useCamera } from './use-camera';
import { CAMERA_OFF_WORDS, useCameraWatch } from './use-camera-watch';
import { useFormCoach } from './use-form-coach';
import { usePoseDetector } from './use-pose-detector';
import { useVoice, type Voice } from '../../lib/use-voice';
import { VoiceSwitch } from '../../components/VoiceSwitch';
import { plural, seconds } from '../../lib/units';

export interface CameraCoachPanelProps {
  readonly variant: ExerciseVariant;
  /** True while the hold of the current set runs: the form hold timer runs only then. */
  readonly holding: boolean;
  /** 0-based number of the current set, reported back with its result. */
  readonly setIndex: number;
  readonly targetHoldSeconds: number;
  /** Called once per set when `holding` turns false (if the camera saw any of the hold). */
  readonly onSetResult?: (result: SetFormResult) => void;
  /** Called when the form hold timer starts or stops counting (every check passing or not). */
  readonly onCountingChange?: (counting: boolean) => void;
  /** Called when the user turns the camera on or off. */
  readonly onCameraChange?: (on: boolean) => void;
  /**
   * The voice of the screen around the panel (the guided session's), so one switch turns all
   * speech on or off. Without it the panel has its own switch.
   */
  readonly voice?: Voice;
}

/**
 * The camera coach for an exercise session, opt-in: "Use camera to check my form" turns the
 * camera on; then the skeleton, the current cue (shown, and spoken during the hold), and whether
 * the hold timer is counting. Each set's form score and time in good form go to `onSetResult`.
 */
export function CameraCoachPanel(props: CameraCoachPanelProps) {
  const { variant, holding, setIndex, targetHoldSeconds } = props;
  const camera = useCamera();
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const { state: model, retry } = usePoseDetector(camera.status === 'on');
  const ownVoice = useVoice('hipwise.camera.voice', true);
  const voice = props.voice ?? ownVoice;
  const [lastResult, setLastResult] = useState<SetFormResult>();

  const latest = useRef(props);
  latest.current = props;
  const holdSet = useRef(setIndex);
  useEffect(() => {
    if (holding) holdSet.current = latest.current.setIndex;
  }, [holding]);

  const onSetEnd = useCallback((summary: SetSummary) => {
    const result = toSetFormResult(holdSet.current, summary);
    setLastResult(result);
    latest.current.onSetResult?.(result);
  }, []);

  const say = voice.sayCue;
  const onCue = useCallback(
    (cue: string) => {
      // Only during the hold: while getting into position the session screen speaks its steps.
      if (latest.current.holding) say(cue);
    },
    [say],
  );

  const coach = useFormCoach({
    mode: variant,
    video,
    runtime: model.status === 'ready' ? model.runtime : undefined,
    holding,
    targetHoldMs: targetHoldSeconds * 1000,
    onSetEnd,
    onCue,
  });

  const counting = coach.hold?.counting ?? false;
  useEffect(() => {
    latest.current.onCountingChange?.(counting);
  }, [counting]);
  const on = camera.status === 'on';
  useEffect(() => {
    latest.current.onCameraChange?.(on);
  }, [on]);

  const judgement = coach.judgement;
  const passes = judgement !== undefined && formPasses(judgement);
  const unseen = judgement?.result.kind === 'cannot_see';
  const tone = judgement === undefined || unseen ? 'neutral' : passes ? 'good' : 'fix';
  const ready = on && model.status === 'ready';
  const watch = useCameraWatch({ camera, running: ready, pose: coach.pose });

  return (
    <section className="card coach-panel" aria-labelledby="coach-panel-title">
      <h2 id="coach-panel-title">Camera form check</h2>
      {!on && (
        <>
          <p>
            Optional: the camera watches your {variant === 'chair' ? 'chair' : 'floor'} boat pose from the
            side, tells you what to fix, and counts the hold only while your form is good.
          </p>
          <details>
            <summary>How to place the camera</summary>
            <CameraPlacement />
          </details>
        </>
      )}
      <CameraView
        camera={camera}
        pose={coach.pose}
        tone={tone}
        onVideoReady={setVideo}
        startLabel="Use camera to check my form"
        noOneInView={watch.noOneInView}
        offNote={watch.offReason === undefined ? undefined : CAMERA_OFF_WORDS[watch.offReason]}
      >
        <ModelStatus state={model} retry={retry} />
        {coach.error !== undefined && <Alert tone="warning" title={coach.error} />}
        {ready && (
          <div className="stack">
            <div
              className={`coach-verdict ${judgement === undefined || unseen ? 'coach-verdict-unseen' : passes ? 'coach-verdict-good' : 'coach-verdict-fix'}`}
              aria-live="polite"
            >
              <p className="coach-verdict-title">
                {judgement === undefined
                  ? 'Looking for you…'
                  : unseen
                    ? 'Cannot see you: turn side-on, whole body in view'
                    : passes
                      ? 'Good form'
                      : 'Adjust your form'}
              </p>
              {coach.cue !== undefined && <p className="coach-cue">{coach.cue}</p>}
            </div>
            <HoldStatus holding={holding} hold={coach.hold} targetHoldSeconds={targetHoldSeconds} />
            {lastResult !== undefined && !holding && (
              <p role="status">
                Set {lastResult.setIndex + 1}:{' '}
                {lastResult.formScore === null
                  ? 'the camera could not see your form.'
                  : `form score ${Math.round(lastResult.formScore * 100)}%, ${seconds(lastResult.goodFormSeconds)} in good form.`}
              </p>
            )}
            {props.voice === undefined && voice.available && (
              <div className="coach-options">
                <VoiceSwitch voice={voice}>Speak form cues during the hold</VoiceSwitch>
              </div>
            )}
          </div>
        )}
      </CameraView>
    </section>
  );
}

function HoldStatus({
  holding,
  hold,
  targetHoldSeconds,
}: {
  readonly holding: boolean;
  readonly hold: ReturnType<typeof useFormCoach>['hold'];
  readonly targetHoldSeconds: number;
}) {
  if (!holding) return <p className="hint">The form hold timer runs during the hold.</p>;
  const good =
    hold === undefined ? 0 : Math.min(targetHoldSeconds, Math.floor(hold.summary.goodFormMs / 1000));
  const counting = hold?.counting ?? false;
  return (
    <div>
      <p className="coach-hold">
        <span className="coach-hold-time">
          {seconds(good)} of {seconds(targetHoldSeconds)} in good form
        </span>
        <span role="status">
          {counting ? 'Hold timer: counting' : 'Hold timer: paused until your form is good'}
        </span>
      </p>
      <meter
        className="coach-meter"
        min={0}
        max={targetHoldSeconds}
        value={good}
        aria-label="Time in good form"
      >
        {good} of {plural(targetHoldSeconds, 'second')}
      </meter>
    </div>
  );
}
