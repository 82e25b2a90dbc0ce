import { REFLECTION_NOTE_MAX, STRESS_RULES, type Reflection, type StressRuleId } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/Field';
import { fieldId } from '../../components/field-id';
import { formatShortDate } from '../../lib/dates';
import { useForm } from '../../lib/use-form';
import { stressApi } from '../../api';
import { plural } from '../../lib/units';

const LABELS = { ruleId: 'Rule of thumb', note: 'Note' };

export function ruleTitle(id: StressRuleId): string {
  return STRESS_RULES.find((r) => r.id === id)?.title ?? id;
}

/** The weekly reflection: one of the method's rules of thumb to try this week, with a note. */
export function ReflectionCard({
  weekStart,
  reflection,
  onSaved,
}: {
  readonly weekStart: string;
  readonly reflection: Reflection | null;
  readonly onSaved: (r: Reflection) => void;
}) {
  const [ruleId, setRuleId] = useState<StressRuleId | undefined>(reflection?.ruleId);
  const [note, setNote] = useState(reflection?.note ?? '');
  const [editing, setEditing] = useState(reflection === null);
  const [saved, setSaved] = useState(false);
  const { state, submit, invalid } = useForm();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!ruleId) return invalid({ ruleId: 'choose one rule of thumb to try' });
    const trimmed = note.trim();
    await submit(async () => {
      const r = await stressApi.saveReflection({ ruleId, ...(trimmed ? { note: trimmed } : {}) });
      onSaved(r);
      setSaved(true);
      setEditing(false);
    });
  }

  return (
    <section className="card" aria-labelledby="reflection-title">
      <h2 id="reflection-title">This week’s rule of thumb</h2>
      <p className="hint">
        Week starting {formatShortDate(weekStart)}. Pick one to try; a new week brings a new choice.
      </p>
      {saved && <Alert tone="success" title="Saved for this week." />}
      {reflection && !editing ? (
        <>
          <p className="reflection-pick">
            This week you are trying: <strong>{ruleTitle(reflection.ruleId)}</strong>
          </p>
          <p>{STRESS_RULES.find((r) => r.id === reflection.ruleId)?.text}</p>
          {reflection.note && <blockquote className="reflection-note">{reflection.note}</blockquote>}
          <button type="button" onClick={() => setEditing(true)}>
            Change this week’s pick
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
          <fieldset
            id={fieldId('ruleId')}
            className={state.fields['ruleId'] ? 'rules field-invalid' : 'rules'}
            aria-describedby={state.fields['ruleId'] ? `${fieldId('ruleId')}-error` : undefined}
          >
            <legend>Which one will you try this week?</legend>
            {state.fields['ruleId'] && (
              <p className="field-error" id={`${fieldId('ruleId')}-error`}>
                Choose one rule of thumb to try.
              </p>
            )}
            {STRESS_RULES.map((r) => (
              <label key={r.id} className="rule-option">
                <input
                  type="radio"
                  name="ruleId"
                  value={r.id}
                  checked={ruleId === r.id}
                  onChange={() => setRuleId(r.id)}
                />
                <span>
                  <strong>{r.title}</strong>
                  <span className="rule-text">{r.text}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <TextAreaField
            name="note"
            label="How will you try it? (optional)"
            hint={`For example: “say no to one new commitment”. ${note.length} of ${plural(REFLECTION_NOTE_MAX, 'character')} used.`}
            maxLength={REFLECTION_NOTE_MAX}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={state.fields['note']}
          />
          <div className="button-row">
            <button type="submit" className="primary" disabled={state.submitting}>
              {state.submitting ? 'Saving…' : 'Save my pick'}
            </button>
            {reflection && (
              <button type="button" onClick={() => setEditing(false)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
