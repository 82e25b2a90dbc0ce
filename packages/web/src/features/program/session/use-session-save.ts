import { guidedSession, type ExerciseSessionResult } from '@hipwise/core';
import { useCallback, useRef, useState, type RefObject } from 'react';
import { isApiError } from '../../../api';
import { randomId } from '../../../lib/random-id';
import type { SetFormResult } from '../../camera/CameraCoachPanel';
import { saveOrQueue } from '../../../offline/save-or-queue';

export type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly result: ExerciseSessionResult }
  | { readonly status: 'queued' }
  | { readonly status: 'failed'; readonly message: string };

/**
 * Saving the ended session, with the camera coach's per-set form scores when the user turned it
 * on (only numbers, no frames). One idempotency key per session: a retry after a failed save
 * reuses it, so the server stores the session once.
 */
export function useSessionSave(
  stateRef: RefObject<guidedSession.SessionState>,
  plan: guidedSession.SessionPlan,
) {
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const idempotencyKey = useRef(randomId());
  const cameraSets = useRef<Map<number, SetFormResult> | null>(null);

  const onSetForm = useCallback((r: SetFormResult) => {
    cameraSets.current ??= new Map();
    cameraSets.current.set(r.setIndex, r);
  }, []);

  const doSave = useCallback(async () => {
    setSave({ status: 'saving' });
    try {
      const body = guidedSession.sessionBody(stateRef.current, plan);
      const sets = cameraSets.current;
      const withForm = sets
        ? {
            ...body,
            formScores: body.achievedHoldSeconds.map((_, i) => sets.get(i)?.formScore ?? null),
            goodFormSeconds: body.achievedHoldSeconds.map((_, i) => {
              const r = sets.get(i);
              return r && r.formScore !== null ? r.goodFormSeconds : null;
            }),
          }
        : body;
      const result = await saveOrQueue('exercise-session', withForm, idempotencyKey.current);
      setSave(result.status === 'sent' ? { status: 'saved', result: result.answer } : result);
    } catch (e) {
      setSave({ status: 'failed', message: isApiError(e) ? e.message : 'Could not save the session.' });
    }
  }, [stateRef, plan]);

  return { save, doSave, onSetForm };
}
