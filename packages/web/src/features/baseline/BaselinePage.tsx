import { PEG_ITEMS, baselineBody, type Baseline } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { NrsScale } from '../../components/NrsScale';
import { issuesToFields, type FieldErrors } from '../../lib/field-errors';
import { parsePlainNumber } from '../../lib/plain-number';
import { useForm } from '../../lib/use-form';
import { usePageTitle } from '../../lib/use-page-title';
import { useMe, useSession } from '../auth/session';
import { PAIN_ENDS, STRESS_ENDS } from '../../components/scale-labels';

interface Draft {
  painNow?: number | undefined;
  /** PEG item 1 asks for average pain over the past week: one answer fills both fields. */
  painWeekAverage?: number | undefined;
  enjoyment?: number | undefined;
  activity?: number | undefined;
  sitting: string;
  stress?: number | undefined;
}

function fromBaseline(b: Baseline | null): Draft {
  if (!b) return { sitting: '' };
  return {
    painNow: b.painNow,
    painWeekAverage: b.painWeekAverage,
    enjoyment: b.peg.enjoyment,
    activity: b.peg.activity,
    sitting: String(b.sittingHoursPerWorkday),
    stress: b.stress,
  };
}

const PEG_FIELD = { pain: 'painWeekAverage', enjoyment: 'peg.enjoyment', activity: 'peg.activity' } as const;
const DRAFT_KEY = { pain: 'painWeekAverage', enjoyment: 'enjoyment', activity: 'activity' } as const;

const LABELS: Record<string, string> = {
  painNow: 'Pain right now',
  painWeekAverage: 'Average pain in the past week',
  'peg.pain': 'Average pain in the past week',
  'peg.enjoyment': 'Pain and enjoyment of life',
  'peg.activity': 'Pain and general activity',
  sittingHoursPerWorkday: 'Hours sitting',
  stress: 'Stress right now',
};

function missing(d: Draft): FieldErrors {
  const out: Record<string, string> = {};
  const need = 'choose a number from 0 to 10';
  if (d.painNow === undefined) out['painNow'] = need;
  if (d.painWeekAverage === undefined) out['painWeekAverage'] = need;
  if (d.enjoyment === undefined) out['peg.enjoyment'] = need;
  if (d.activity === undefined) out['peg.activity'] = need;
  if (d.sitting.trim() === '') out['sittingHoursPerWorkday'] = 'enter a number of hours, such as 7.5';
  if (d.stress === undefined) out['stress'] = need;
  return out;
}

export function BaselinePage() {
  usePageTitle('Your starting point');
  const me = useMe();
  const { setMe } = useSession();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<Draft>(() => fromBaseline(me.baseline));
  const { state, submit, invalid } = useForm();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  // Server errors for peg.pain belong to the one control that answers it.
  const errors: Record<string, string | undefined> = { ...state.fields };
  errors['painWeekAverage'] ??= errors['peg.pain'];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const gaps = missing(draft);
    if (Object.keys(gaps).length > 0) return invalid(gaps);
    const parsed = baselineBody.safeParse({
      painNow: draft.painNow,
      painWeekAverage: draft.painWeekAverage,
      peg: { pain: draft.painWeekAverage, enjoyment: draft.enjoyment, activity: draft.activity },
      sittingHoursPerWorkday: parsePlainNumber(draft.sitting),
      stress: draft.stress,
    });
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    const saved = await submit(async () => {
      const baseline = await api.saveBaseline(parsed.data);
      setMe({ ...me, baseline });
    });
    if (saved) navigate('/today');
  }

  return (
    <section>
      <h1>Your starting point</h1>
      <p className="lead">
        A few numbers about how you are now, so you can see later whether things change. There are no right
        answers.
      </p>
      <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2>Pain</h2>
        <NrsScale
          name="painNow"
          label="How bad is your back pain right now?"
          {...PAIN_ENDS}
          value={draft.painNow}
          onChange={(v) => set({ painNow: v })}
          error={errors['painNow']}
        />
        {PEG_ITEMS.map((item) => (
          <NrsScale
            key={item.key}
            name={PEG_FIELD[item.key]}
            label={item.text}
            low={item.low}
            high={item.high}
            value={draft[DRAFT_KEY[item.key]]}
            onChange={(v) => set({ [DRAFT_KEY[item.key]]: v })}
            error={errors[PEG_FIELD[item.key]]}
          />
        ))}
        <h2>Sitting</h2>
        <TextField
          name="sittingHoursPerWorkday"
          label="How many hours do you sit on a typical workday?"
          hint="Count desk, car, meals and sofa. Whole or half hours, such as 7.5."
          inputMode="decimal"
          className="short"
          value={draft.sitting}
          onChange={(e) => set({ sitting: e.target.value })}
          error={errors['sittingHoursPerWorkday']}
        />
        <h2>Stress</h2>
        <NrsScale
          name="stress"
          label="How stressed do you feel right now?"
          {...STRESS_ENDS}
          value={draft.stress}
          onChange={(v) => set({ stress: v })}
          error={errors['stress']}
        />
        <button type="submit" className="primary" disabled={state.submitting}>
          {state.submitting ? 'Saving…' : 'Save and continue'}
        </button>
      </form>
    </section>
  );
}
