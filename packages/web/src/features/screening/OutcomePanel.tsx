import { OUTCOME_ADVICE, flaggedQuestions, type Screening } from '@hipwise/core';
import type { ReactNode } from 'react';

// Same day is as red as an emergency: both mean "today", only the place differs.
const TONE = { clear: 'success', see_clinician: 'warning', same_day: 'danger', emergency: 'danger' } as const;

interface OutcomePanelProps {
  readonly screening: Screening;
  /** h2 on Today, where the page has its own h1; h1 on the screening result. */
  readonly headingLevel: 1 | 2;
  readonly children?: ReactNode;
}

/**
 * The screening outcome, in words and colour (never colour alone). An emergency interrupts
 * assistive technology (role=alert); the other outcomes are read in page order.
 */
export function OutcomePanel({ screening, headingLevel, children }: OutcomePanelProps) {
  const advice = OUTCOME_ADVICE[screening.outcome];
  const flagged = flaggedQuestions(screening.answers);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section
      className={`outcome outcome-${TONE[screening.outcome]}`}
      aria-labelledby="outcome-title"
      {...(screening.outcome === 'emergency' ? { role: 'alert' } : {})}
    >
      <Heading id="outcome-title" className="outcome-title">
        <span className="outcome-icon" aria-hidden="true">
          {screening.outcome === 'clear' ? '✓' : '!'}
        </span>
        {advice.title}
      </Heading>
      <p className="outcome-advice">{advice.whatToDo}</p>
      {flagged.length > 0 && (
        <>
          <p>You answered yes to:</p>
          <ul className="flagged">
            {flagged.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ul>
        </>
      )}
      {children}
    </section>
  );
}
