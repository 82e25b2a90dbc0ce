import { useState } from 'react';
import { NrsScale } from '../../../components/NrsScale';
import { PAIN_ENDS } from '../../../components/scale-labels';

interface PainQuestionProps {
  readonly name: string;
  readonly label: string;
  readonly submitLabel: string;
  readonly onAnswer: (pain: number) => void;
}

/** A 0-10 back pain question with its submit button; asks again until a number is chosen. */
export function PainQuestion({ name, label, submitLabel, onAnswer }: PainQuestionProps) {
  const [value, setValue] = useState<number>();
  const [error, setError] = useState<string>();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (value === undefined) return setError('choose a number from 0 to 10');
        setError(undefined);
        onAnswer(value);
      }}
    >
      <NrsScale name={name} label={label} {...PAIN_ENDS} value={value} onChange={setValue} error={error} />
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}
