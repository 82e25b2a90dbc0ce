import { fieldId } from '../../components/field-id';
import { sentence } from '../../lib/field-errors';

interface YesNoQuestionProps {
  readonly name: string;
  readonly number: number;
  readonly question: string;
  readonly value: boolean | undefined;
  readonly onChange: (value: boolean) => void;
  readonly error?: string | undefined;
}

export function YesNoQuestion({ name, number, question, value, onChange, error }: YesNoQuestionProps) {
  const id = fieldId(name);
  return (
    <fieldset
      id={id}
      className={error ? 'yes-no field-invalid' : 'yes-no'}
      role="radiogroup"
      aria-required="true"
      aria-labelledby={`${id}-legend`}
      {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
    >
      <legend id={`${id}-legend`}>
        <span className="question-number">{number}.</span> {question}
      </legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {sentence(error)}
        </p>
      )}
      <div className="yes-no-options">
        <label>
          <input
            type="radio"
            name={name}
            value="yes"
            checked={value === true}
            onChange={() => onChange(true)}
          />
          <span>Yes</span>
        </label>
        <label>
          <input
            type="radio"
            name={name}
            value="no"
            checked={value === false}
            onChange={() => onChange(false)}
          />
          <span>No</span>
        </label>
      </div>
    </fieldset>
  );
}
