import { useState } from 'react';
import { chooseTheme, readThemeSetting } from '../../lib/page-theme';
import type { ThemeSetting } from '../../lib/theme';

const CHOICES: ReadonlyArray<{ readonly value: ThemeSetting; readonly label: string }> = [
  { value: 'system', label: 'System (as this device is set)' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark or the system's choice: applied at once, remembered on this device only. */
export function AppearanceSetting() {
  const [setting, setSetting] = useState(readThemeSetting);
  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <p id="appearance-hint" className="hint">
        Changes the colours at once. Kept on this device only, so a phone and a work computer can differ.
      </p>
      <fieldset
        role="radiogroup"
        className="appearance-options"
        aria-labelledby="appearance-title"
        aria-describedby="appearance-hint"
      >
        {CHOICES.map((c) => (
          <label key={c.value}>
            <input
              type="radio"
              name="appearance"
              value={c.value}
              checked={setting === c.value}
              onChange={() => {
                chooseTheme(c.value);
                setSetting(c.value);
              }}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
