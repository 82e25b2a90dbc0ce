import { settingsBody } from '@hipwise/core';
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { issuesToFields } from '../../lib/field-errors';
import { deviceTimeZone, timeZoneOptions } from '../../lib/time-zone';
import { useForm } from '../../lib/use-form';
import { useMe, useSession } from '../auth/session';

export function TimeZoneForm() {
  const me = useMe();
  const { setMe } = useSession();
  const [timeZone, setTimeZone] = useState(me.user.timeZone);
  const [saved, setSaved] = useState(false);
  const { state, submit, invalid } = useForm();
  const device = deviceTimeZone();
  const options = useMemo(() => timeZoneOptions(me.user.timeZone), [me.user.timeZone]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = settingsBody.safeParse({ timeZone });
    if (!parsed.success) return invalid(issuesToFields(parsed.error.issues));
    const ok = await submit(async () => {
      const user = await api.updateSettings(parsed.data);
      setMe({ ...me, user });
    });
    setSaved(ok);
  }

  return (
    <section className="card" aria-labelledby="tz-title">
      <h2 id="tz-title">Time zone</h2>
      <ErrorSummary message={state.message} fields={state.fields} labels={{ timeZone: 'Time zone' }} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field
          name="timeZone"
          label="Your time zone"
          hint="Your day, and so your daily check-in, starts at midnight in this time zone."
          error={state.fields['timeZone']}
        >
          {(control) => (
            <select
              {...control}
              value={timeZone}
              onChange={(e) => {
                setTimeZone(e.target.value);
                setSaved(false);
              }}
            >
              {options.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        {device !== timeZone && (
          <p>
            <button type="button" className="link-button" onClick={() => setTimeZone(device)}>
              Use this device's time zone ({device.replace(/_/g, ' ')})
            </button>
          </p>
        )}
        {saved && <Alert tone="success" title="Time zone saved." />}
        <button type="submit" disabled={state.submitting || timeZone === me.user.timeZone}>
          {state.submitting ? 'Saving…' : 'Save time zone'}
        </button>
      </form>
    </section>
  );
}
