import { checkinBody, type Checkin } from '@hipwise/core';
import { useRef, useState, type FormEvent } from 'react';
import { QUEUED_WORDS, saveOrQueue } from '../../offline/save-or-queue';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/Field';
import { NrsScale } from '../../components/NrsScale';
import { issuesToFields } from '../../lib/field-errors';
import { randomId } from '../../lib/random-id';
import { useForm } from '../../lib/use-form';
import { PAIN_ENDS, STRESS_ENDS } from '../../components/scale-labels';
import { plural } from '../../lib/units';

const NOTE_MAX = 1000;
const LABELS = { pain: 'Pain', stress: 'Stress', note: 'Note' };

interface CheckinFormProps {
  readonly existing: Checkin | null;
  readonly onSaved: (checkin: Checkin) => void;
}

export function CheckinForm({ existing, onSaved }: CheckinFormProps) {
  const [pain, setPain] = useState(existing?.pain);
  const [stress, setStress] = useState(existing?.stress);
  const [note, setNote] = useState(existing?.note ?? '');
  const [saved, setSaved] = useState<'created' | 'updated' | 'queued'>();
  const { state, submit, invalid } = useForm();
  // One key per submission: a retry after a failure reuses it so the server saves once;
  // changing any answer makes it a new submission with a new key.
  const idempotencyKey = useRef<string | null>(null);

  function edited() {
    idempotencyKey.current = null;
    setSaved(undefined);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const gaps: Record<string, string> = {};
    if (pain === undefined) gaps['pain'] = 'choose a number from 0 to 10';
    if (stress === undefined) gaps['stress'] = 'choose a number from 0 to 10';
    if (Object.keys(gaps).length > 0) return invalid(gaps);
    const trimmed = note.trim();
    const parsed = checkinBody.safeParse({ pain, stress, ...(trimmed ? { note: trimmed } : {}) });
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    idempotencyKey.current ??= randomId();
    const key = idempotencyKey.current;
    await submit(async () => {
      const result = await saveOrQueue('checkin', parsed.data, key);
      idempotencyKey.current = null;
      if (result.status === 'queued') return setSaved('queued');
      setSaved(result.answer.created ? 'created' : 'updated');
      onSaved(result.answer.checkin);
    });
  }

  return (
    <section className="card" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{existing ? 'Your check-in for today' : 'How are you today?'}</h2>
      {existing && <p className="hint">You can change it until the end of the day.</p>}
      <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <NrsScale
          name="pain"
          label="Back pain right now"
          {...PAIN_ENDS}
          value={pain}
          onChange={(v) => {
            setPain(v);
            edited();
          }}
          error={state.fields['pain']}
        />
        <NrsScale
          name="stress"
          label="Stress right now"
          {...STRESS_ENDS}
          value={stress}
          onChange={(v) => {
            setStress(v);
            edited();
          }}
          error={state.fields['stress']}
        />
        <TextAreaField
          name="note"
          label="Note (optional)"
          hint={`Anything that might explain today: a long drive, a hard meeting, a walk. ${note.length} of ${plural(NOTE_MAX, 'character')} used.`}
          maxLength={NOTE_MAX}
          rows={3}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            edited();
          }}
          error={state.fields['note']}
        />
        {saved === 'queued' && (
          <Alert tone="info" title="Today's check-in is kept on this device.">
            <p>{QUEUED_WORDS}</p>
          </Alert>
        )}
        {saved && saved !== 'queued' && (
          <Alert
            tone="success"
            title={saved === 'created' ? "Today's check-in is saved." : "Today's check-in is updated."}
          >
            <p>It is on your chart.</p>
          </Alert>
        )}
        <button type="submit" className="primary" disabled={state.submitting}>
          {state.submitting ? 'Saving…' : existing ? "Update today's check-in" : "Save today's check-in"}
        </button>
      </form>
    </section>
  );
}
