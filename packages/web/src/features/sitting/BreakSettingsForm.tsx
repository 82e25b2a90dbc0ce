import { breakSettingsSchema, type BreakSettings } from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, TextField } from '../../components/Field';
import { fieldId } from '../../components/field-id';
import { issuesToFields, sentence } from '../../lib/field-errors';
import { parsePlainNumber } from '../../lib/plain-number';
import { useForm } from '../../lib/use-form';
import { sittingApi } from '../../api';
import { plural } from '../../lib/units';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const IDLE_CHOICES = [60, 120, 180, 300, 600, 900, 1200, 1800] as const;

const LABELS: Record<string, string> = {
  workMinutes: 'Minutes of work before a walking break',
  breakMinutes: 'Walking break length (minutes)',
  idleThresholdSeconds: 'Count me as away after',
  graceMinutes: 'Quiet time after I come back (minutes)',
  'micro.everyMinutes': 'Posture reset every (minutes)',
  'micro.seconds': 'Posture reset length (seconds)',
  'sitStand.sitMinutes': 'Sit for (minutes)',
  'sitStand.standMinutes': 'Stand for (minutes)',
  skipsPerDay: 'Skips allowed per day',
  postponesPerBreak: 'Postpones allowed per break',
  'workingHours.days': 'Working days',
  'workingHours.ranges': 'Working hours',
  tomorrowStartsAt: '"Pause until tomorrow" ends at',
};

interface Draft {
  enabled: boolean;
  workMinutes: string;
  breakMinutes: string;
  idleThresholdSeconds: string;
  graceMinutes: string;
  microEnabled: boolean;
  microEvery: string;
  microSeconds: string;
  sitStandEnabled: boolean;
  sitMinutes: string;
  standMinutes: string;
  skipsPerDay: string;
  postponesPerBreak: string;
  strict: boolean;
  hoursEnabled: boolean;
  days: number[];
  ranges: { from: string; to: string }[];
  tomorrowStartsAt: string;
}

function toDraft(s: BreakSettings): Draft {
  return {
    enabled: s.enabled,
    workMinutes: String(s.workMinutes),
    breakMinutes: String(s.breakMinutes),
    idleThresholdSeconds: String(s.idleThresholdSeconds),
    graceMinutes: String(s.graceMinutes),
    microEnabled: s.micro.enabled,
    microEvery: String(s.micro.everyMinutes),
    microSeconds: String(s.micro.seconds),
    sitStandEnabled: s.sitStand.enabled,
    sitMinutes: String(s.sitStand.sitMinutes),
    standMinutes: String(s.sitStand.standMinutes),
    skipsPerDay: String(s.skipsPerDay),
    postponesPerBreak: String(s.postponesPerBreak),
    strict: s.strict,
    hoursEnabled: s.workingHours !== null,
    days: s.workingHours?.days ?? [1, 2, 3, 4, 5],
    ranges: s.workingHours?.ranges.map((r) => ({ ...r })) ?? [{ from: '09:00', to: '17:00' }],
    tomorrowStartsAt: s.tomorrowStartsAt,
  };
}

const num = parsePlainNumber;

function fromDraft(d: Draft): unknown {
  return {
    enabled: d.enabled,
    workMinutes: num(d.workMinutes),
    breakMinutes: num(d.breakMinutes),
    idleThresholdSeconds: num(d.idleThresholdSeconds),
    graceMinutes: num(d.graceMinutes),
    micro: { enabled: d.microEnabled, everyMinutes: num(d.microEvery), seconds: num(d.microSeconds) },
    sitStand: {
      enabled: d.sitStandEnabled,
      sitMinutes: num(d.sitMinutes),
      standMinutes: num(d.standMinutes),
    },
    skipsPerDay: num(d.skipsPerDay),
    postponesPerBreak: num(d.postponesPerBreak),
    strict: d.strict,
    workingHours: d.hoursEnabled ? { days: [...d.days].sort(), ranges: d.ranges } : null,
    tomorrowStartsAt: d.tomorrowStartsAt,
  };
}

function idleLabel(seconds: number): string {
  return seconds < 60 ? plural(seconds, 'second') : `${plural(seconds / 60, 'minute')} without input`;
}

export function BreakSettingsForm({
  initial,
  onSaved,
}: {
  readonly initial: BreakSettings;
  readonly onSaved: (settings: BreakSettings) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [saved, setSaved] = useState(false);
  const { state, submit, invalid } = useForm();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const err = (path: string) => state.fields[path];

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const parsed = breakSettingsSchema.safeParse(fromDraft(draft));
    if (!parsed.success) {
      invalid(issuesToFields(parsed.error.issues));
      return;
    }
    const ok = await submit(async () => {
      const res = await sittingApi.saveSettings(parsed.data);
      onSaved(res.settings);
      setDraft(toDraft(res.settings));
    });
    setSaved(ok);
  }

  const numberField = (name: string, key: keyof Draft, min: number, max: number, hint?: string) => (
    <TextField
      name={name}
      label={LABELS[name] ?? name}
      hint={hint ?? `${min} to ${max}.`}
      error={err(name)}
      inputMode="numeric"
      className="short"
      value={draft[key] as string}
      onChange={(e) => set(key, e.target.value as never)}
    />
  );

  const idleOptions = IDLE_CHOICES.includes(
    Number(draft.idleThresholdSeconds) as (typeof IDLE_CHOICES)[number],
  )
    ? IDLE_CHOICES
    : [...IDLE_CHOICES, Number(draft.idleThresholdSeconds)].sort((a, b) => a - b);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="break-settings-title">
      <h2 id="break-settings-title">Break settings</h2>
      <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
      {saved && <Alert tone="success" title="Break settings saved. They apply at once." />}

      <label className="checkbox">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        Remind me to take breaks
      </label>
      {!draft.enabled && (
        <p className="hint">
          Reminders are off: hipwise neither reminds you nor counts your sitting until you turn them on again.
        </p>
      )}

      <fieldset>
        <legend>Walking breaks</legend>
        {numberField(
          'workMinutes',
          'workMinutes',
          5,
          120,
          `Time at the computer, 5 to ${plural(120, 'minute')}. Default 30.`,
        )}
        {numberField(
          'breakMinutes',
          'breakMinutes',
          1,
          30,
          'Default 3. Being away this long counts as a break taken.',
        )}
      </fieldset>

      <fieldset>
        <legend>Posture resets (micro breaks)</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.microEnabled}
            onChange={(e) => set('microEnabled', e.target.checked)}
          />
          Show a short posture reset with the sitting rules, one at a time
        </label>
        {draft.microEnabled && (
          <>
            {numberField('micro.everyMinutes', 'microEvery', 5, 60)}
            {numberField('micro.seconds', 'microSeconds', 10, 120)}
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>Standing desk</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.sitStandEnabled}
            onChange={(e) => set('sitStandEnabled', e.target.checked)}
          />
          Remind me to switch between sitting and standing
        </label>
        {draft.sitStandEnabled && (
          <>
            {numberField('sitStand.sitMinutes', 'sitMinutes', 10, 120)}
            {numberField('sitStand.standMinutes', 'standMinutes', 5, 120)}
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>Away from the desk</legend>
        <Field
          name="idleThresholdSeconds"
          label={LABELS.idleThresholdSeconds ?? ''}
          hint="Reading and thinking look like no input; a longer time keeps them counted as work."
          error={err('idleThresholdSeconds')}
        >
          {(control) => (
            <select
              {...control}
              value={draft.idleThresholdSeconds}
              onChange={(e) => set('idleThresholdSeconds', e.target.value)}
            >
              {idleOptions.map((s) => (
                <option key={s} value={s}>
                  {idleLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {numberField('graceMinutes', 'graceMinutes', 0, 15, 'No break fires this soon after you come back.')}
      </fieldset>

      <fieldset>
        <legend>Skipping and postponing</legend>
        {numberField('skipsPerDay', 'skipsPerDay', 0, 20)}
        {numberField('postponesPerBreak', 'postponesPerBreak', 0, 5)}
        <label className="check">
          <input type="checkbox" checked={draft.strict} onChange={(e) => set('strict', e.target.checked)} />
          Strict mode: no skipping, postponing or ending a break early (pausing ahead of a meeting still
          works)
        </label>
      </fieldset>

      <fieldset>
        <legend>Working hours</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.hoursEnabled}
            onChange={(e) => set('hoursEnabled', e.target.checked)}
          />
          Only remind me during working hours
        </label>
        {draft.hoursEnabled && (
          <>
            <fieldset
              id={fieldId('workingHours.days')}
              className={err('workingHours.days') ? 'field-invalid' : ''}
            >
              <legend>{LABELS['workingHours.days']}</legend>
              {err('workingHours.days') && (
                <p className="field-error">{sentence(err('workingHours.days') ?? '')}</p>
              )}
              <div className="day-checks">
                {DAYS.map((name, i) => (
                  <label key={name} className="check">
                    <input
                      type="checkbox"
                      checked={draft.days.includes(i + 1)}
                      onChange={(e) =>
                        set(
                          'days',
                          e.target.checked ? [...draft.days, i + 1] : draft.days.filter((d) => d !== i + 1),
                        )
                      }
                    />
                    {name}
                  </label>
                ))}
              </div>
            </fieldset>
            {draft.ranges.map((r, i) => (
              <fieldset key={i} className="range-row">
                <legend>Working time {i + 1}</legend>
                <TextField
                  name={`workingHours.ranges.${i}.from`}
                  label="From"
                  type="time"
                  value={r.from}
                  error={err(`workingHours.ranges.${i}.from`)}
                  onChange={(e) =>
                    set(
                      'ranges',
                      draft.ranges.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)),
                    )
                  }
                />
                <TextField
                  name={`workingHours.ranges.${i}.to`}
                  label="To"
                  type="time"
                  value={r.to}
                  error={err(`workingHours.ranges.${i}.to`)}
                  onChange={(e) =>
                    set(
                      'ranges',
                      draft.ranges.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)),
                    )
                  }
                />
                {draft.ranges.length > 1 && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      set(
                        'ranges',
                        draft.ranges.filter((_, j) => j !== i),
                      )
                    }
                  >
                    Remove working time {i + 1}
                  </button>
                )}
              </fieldset>
            ))}
            {draft.ranges.length < 6 && (
              <button
                type="button"
                className="button"
                onClick={() => set('ranges', [...draft.ranges, { from: '13:00', to: '17:00' }])}
              >
                Add working time (e.g. after lunch)
              </button>
            )}
          </>
        )}
        <TextField
          name="tomorrowStartsAt"
          label={LABELS.tomorrowStartsAt ?? ''}
          hint="Used when no working hours are set."
          type="time"
          value={draft.tomorrowStartsAt}
          error={err('tomorrowStartsAt')}
          onChange={(e) => set('tomorrowStartsAt', e.target.value)}
        />
      </fieldset>

      <button type="submit" className="button primary" disabled={state.submitting}>
        {state.submitting ? 'Saving…' : 'Save break settings'}
      </button>
    </form>
  );
}
