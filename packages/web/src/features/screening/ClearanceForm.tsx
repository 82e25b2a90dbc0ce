import { CLEARANCE_NOTE_MAX, clearanceBody, type Clearance, type LocalDate } from '@hipwise/core';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/Field';
import { formatLongDate } from '../../lib/dates';
import { issuesToFields } from '../../lib/field-errors';
import { randomId } from '../../lib/random-id';
import { useForm } from '../../lib/use-form';
import { clearanceApi } from '../../api';
import { plural } from '../../lib/units';

interface ClearanceFormProps {
  /** The user's today: the default and latest date. */
  readonly today: LocalDate;
  /** What is waiting for the clearance, for the explanation. */
  readonly reason: 'screening' | 'pause';
  /** For a pause: the last painful session, which the clearance must come after. */
  readonly after?: LocalDate;
  readonly onRecorded: (clearance: Clearance) => void;
}

// Field names carry a prefix so their ids never clash with another form's "note" on the same page.
const LABELS = { 'clearance.clearedOn': 'Date you were cleared', 'clearance.note': 'Note' };
const prefixed = (fields: Readonly<Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k.startsWith('clearance.') ? k : `clearance.${k}`, v]),
  );

/**
 * "A clinician has cleared me to exercise": a dated attestation with an optional note. It never
 * changes the safety answers; it can be withdrawn in Settings.
 */
export function ClearanceForm({ today, reason, after, onRecorded }: ClearanceFormProps) {
  const [clearedOn, setClearedOn] = useState(today);
  const [note, setNote] = useState('');
  const { state, submit, invalid } = useForm();
  // Server errors name the body's fields; local ones are already prefixed.
  const fields = prefixed(state.fields);
  // One key per attempt to record, kept across retries of it.
  const key = useRef(randomId());

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = clearanceBody.safeParse({ clearedOn, ...(note.trim() ? { note } : {}) });
    if (!parsed.success) return invalid(prefixed(issuesToFields(parsed.error.issues)));
    if (parsed.data.clearedOn > today) return invalid(prefixed({ clearedOn: 'cannot be after today' }));
    if (after !== undefined && parsed.data.clearedOn <= after) {
      return invalid(
        prefixed({ clearedOn: `must be after your last painful session, on ${formatLongDate(after)}` }),
      );
    }
    await submit(async () => {
      const clearance = await clearanceApi.record(parsed.data, key.current);
      key.current = randomId();
      onRecorded(clearance);
    });
  }

  return (
    <form
      className="clearance-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="clearance-title"
    >
      <h3 id="clearance-title">A clinician has cleared me to exercise</h3>
      <p>
        {reason === 'screening'
          ? 'Record this only if a doctor or physiotherapist who knows about your answers has told you that you can exercise. '
          : 'Record this only if a doctor or physiotherapist has checked you since your painful sessions and told you that you can carry on. '}
        Your answers stay exactly as you gave them; you can withdraw this in Settings.
      </p>
      <ErrorSummary message={state.message} fields={fields} labels={LABELS} />
      <TextField
        name="clearance.clearedOn"
        label="Date you were cleared"
        type="date"
        max={today}
        value={clearedOn}
        onChange={(e) => setClearedOn(e.target.value)}
        error={fields['clearance.clearedOn']}
      />
      <TextAreaField
        name="clearance.note"
        label="Note (optional)"
        hint={`For example who cleared you and what they said. At most ${plural(CLEARANCE_NOTE_MAX, 'character')}.`}
        maxLength={CLEARANCE_NOTE_MAX}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={fields['clearance.note']}
      />
      <button type="submit" className="primary" disabled={state.submitting}>
        {state.submitting ? 'Recording…' : 'Record my clearance'}
      </button>
    </form>
  );
}
