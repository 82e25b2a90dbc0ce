import { sentence } from '../lib/field-errors';
import { fieldId } from './field-id';

const POINTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

interface NrsScaleProps {
  /** Field path, e.g. `peg.pain`; also the radio group's form name. */
  readonly name: string;
  readonly label: string;
  readonly low: string;
  readonly high: string;
  readonly value: number | undefined;
  readonly onChange: (value: number) => void;
  readonly error?: string | undefined;
}

/**
 * A 0-10 numeric rating scale as native radios: arrow keys, focus and screen-reader announcements
 * behave as every user already knows. Nothing is preselected, so an answer is always a choice.
 */
export function NrsScale({ name, label, low, high, value, onChange, error }: NrsScaleProps) {
  const id = fieldId(name);
  const describedBy = `${id}-ends${error ? ` ${id}-error` : ''}`;
  return (
    <fieldset
      id={id}
      className={error ? 'nrs field-invalid' : 'nrs'}
      role="radiogroup"
      aria-required="true"
      aria-labelledby={`${id}-legend`}
      aria-describedby={describedBy}
      {...(error ? { 'aria-invalid': true } : {})}
    >
      <legend id={`${id}-legend`}>{label}</legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {sentence(error)}
        </p>
      )}
      <div className="nrs-options">
        {POINTS.map((n) => (
          <label key={n} className="nrs-option">
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <p className="nrs-ends" id={`${id}-ends`}>
        <span>0 = {low}</span>
        <span>10 = {high}</span>
      </p>
    </fieldset>
  );
}
