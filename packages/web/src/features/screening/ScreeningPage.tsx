import {
  OUTCOME_ADVICE,
  RED_FLAG_QUESTIONS,
  screeningBody,
  type RedFlagId,
  type Screening,
} from '@hipwise/core';
import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useForm } from '../../lib/use-form';
import { usePageTitle } from '../../lib/use-page-title';
import { homePath } from '../auth/home-path';
import { useMe, useSession } from '../auth/session';
import { OutcomePanel } from './OutcomePanel';
import { YesNoQuestion } from './YesNoQuestion';

type Answers = Partial<Record<RedFlagId, boolean>>;

const LABELS = Object.fromEntries(RED_FLAG_QUESTIONS.map((q, i) => [`answers.${q.id}`, `Question ${i + 1}`]));

function ScreeningResult({ screening }: { readonly screening: Screening }) {
  const me = useMe();
  const [, navigate] = useLocation();
  return (
    <OutcomePanel screening={screening} headingLevel={1}>
      {OUTCOME_ADVICE[screening.outcome].clearanceAllowed && (
        <p>
          If a clinician has already cleared you to exercise, you can record that on the Today page: your
          answers stay as they are.
        </p>
      )}
      <button type="button" className="primary" onClick={() => navigate(homePath(me))}>
        Continue
      </button>
    </OutcomePanel>
  );
}

export function ScreeningPage() {
  usePageTitle('Safety questions');
  const me = useMe();
  const { setMe } = useSession();
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<Screening>();
  const { state, submit, invalid } = useForm();
  const newSymptoms = new URLSearchParams(useSearch()).get('reason') === 'new-symptoms';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = RED_FLAG_QUESTIONS.filter((q) => answers[q.id] === undefined);
    if (missing.length > 0) {
      return invalid(Object.fromEntries(missing.map((q) => [`answers.${q.id}`, 'please answer yes or no'])));
    }
    const parsed = screeningBody.safeParse({ answers });
    if (!parsed.success) return invalid({}, 'Some answers could not be read. Please check them.');
    await submit(async () => {
      const screening = await api.submitScreening(parsed.data);
      setMe({ ...me, screening });
      setResult(screening);
      window.scrollTo(0, 0);
    });
  }

  if (result) return <ScreeningResult screening={result} />;

  const unanswered = RED_FLAG_QUESTIONS.length - Object.keys(answers).length;
  return (
    <section>
      <h1>Safety questions</h1>
      <p className="lead">
        Some back problems need a doctor, not exercise. Please answer each question about how you are now.
        {me.screening && ' Answer again whenever something changes.'}
      </p>
      {newSymptoms && (
        <p>
          You told us you have new or changed symptoms. Answer every question as things are now; if anything
          worries you, contact your doctor whatever the result.
        </p>
      )}
      <ErrorSummary message={state.message} fields={state.fields} labels={LABELS} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {RED_FLAG_QUESTIONS.map((q, i) => (
          <YesNoQuestion
            key={q.id}
            name={`answers.${q.id}`}
            number={i + 1}
            question={q.text}
            value={answers[q.id]}
            onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
            error={state.fields[`answers.${q.id}`]}
          />
        ))}
        <p className="form-progress">
          {unanswered === 0
            ? 'All questions answered.'
            : `${unanswered} of ${RED_FLAG_QUESTIONS.length} still to answer.`}
        </p>
        <button type="submit" className="primary" disabled={state.submitting}>
          {state.submitting ? 'Checking…' : 'See my result'}
        </button>
      </form>
    </section>
  );
}
