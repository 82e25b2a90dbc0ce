import {
  EXERCISE_SAFETY,
  CHAIR_LEVEL_TO_UNLOCK_FLOOR,
  EXERCISE_VARIANTS,
  FLOOR_UNLOCK_RULE,
  GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR,
  GOOD_DAYS_TO_ADVANCE,
  LESSONS,
  type ExerciseSession,
  type LessonsResponse,
  type ProgressionResponse,
} from '@hipwise/core';
import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../components/Alert';
import { formatLongDate, formatShortDate } from '../../lib/dates';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { isApiError, programApi } from '../../api';
import { BlockNotice } from './BlockNotice';
import { OUTCOME_WORDS, sessionSummary } from './session-words';
import { LoadStatus } from '../../components/LoadStatus';
import { minutes, plural, setsOfHolds } from '../../lib/units';

interface ProgramData {
  readonly progression: ProgressionResponse;
  readonly lessons: LessonsResponse;
  readonly sessions: readonly ExerciseSession[];
}

function Meter({ done, of, label }: { readonly done: number; readonly of: number; readonly label: string }) {
  return (
    <ul className="meter" aria-label={label}>
      {Array.from({ length: of }, (_, i) => (
        <li key={i} className={i < done ? 'filled' : ''} />
      ))}
    </ul>
  );
}

function Progression({
  data,
  onPrefs,
  onCleared,
}: {
  readonly data: ProgressionResponse;
  readonly onPrefs: (p: ProgressionResponse) => void;
  readonly onCleared: () => void;
}) {
  const { progression: p, prefs, block } = data;
  // The box shows the choice at once; if saving fails it goes back and says why.
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<string>();
  const variant = EXERCISE_VARIANTS[p.variant];

  async function toggleChair(stayOnChair: boolean) {
    setPending(stayOnChair);
    setError(undefined);
    try {
      await programApi.savePrefs({ stayOnChair });
      onPrefs(await programApi.progression());
    } catch (e) {
      setError(isApiError(e) ? e.message : 'Could not save your choice. Please try again.');
    } finally {
      setPending(null);
    }
  }

  const goodDays = Math.min(p.goodChairDays, GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR);
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">Your exercise</h2>
      <p className="level">
        {variant.name}: {setsOfHolds(p.level.sets, p.level.holdSeconds)}
      </p>
      <p className="hint">
        Level {p.level.level} of the {p.variant} version. {variant.summary}
      </p>
      {p.lastChange && (
        <p>
          {p.lastChange.kind === 'advanced' ? 'Moved up' : 'Eased back'} on{' '}
          {formatLongDate(p.lastChange.date)}: from{' '}
          {setsOfHolds(p.lastChange.from.sets, p.lastChange.from.holdSeconds)} to{' '}
          {setsOfHolds(p.lastChange.to.sets, p.lastChange.to.holdSeconds)}.
        </p>
      )}
      {p.heldAt !== null && p.goodSessionsToAdvance === null ? (
        <p id="advance-progress">
          Your clinician is keeping you at this level for now (see Today and Settings for their changes).
        </p>
      ) : p.goodSessionsToAdvance === null ? (
        <p>This is the top level of the {p.variant} version. Keep it up.</p>
      ) : (
        <>
          <p id="advance-progress">
            Good days at this level: {p.goodSessionsAtLevel} of {GOOD_DAYS_TO_ADVANCE}. After{' '}
            {p.goodSessionsToAdvance} more, each hold grows by {plural(5, 'second')}.
          </p>
          <Meter done={p.goodSessionsAtLevel} of={GOOD_DAYS_TO_ADVANCE} label="Good days at this level" />
        </>
      )}
      <h3>Floor version</h3>
      {p.floorUnlocked ? (
        <p id="floor-status">
          <strong>The floor version is unlocked.</strong> {EXERCISE_VARIANTS.floor.summary}
        </p>
      ) : (
        <>
          <p id="floor-status">
            Good chair days: {goodDays} of {GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR}. Highest chair level reached:{' '}
            {Math.min(p.byVariant.chair.highestLevel, CHAIR_LEVEL_TO_UNLOCK_FLOOR)} of{' '}
            {CHAIR_LEVEL_TO_UNLOCK_FLOOR}. {FLOOR_UNLOCK_RULE}
          </p>
          <Meter
            done={goodDays}
            of={GOOD_CHAIR_DAYS_TO_UNLOCK_FLOOR}
            label="Good chair days towards the floor version"
          />
        </>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={pending ?? prefs.stayOnChair}
          disabled={pending !== null}
          onChange={(e) => void toggleChair(e.target.checked)}
        />
        <span>Stay on the chair version, even once the floor version is unlocked</span>
      </label>
      {error && <Alert tone="error" title={error} />}
      {block ? (
        <BlockNotice block={block} clearance={{ today: data.date, onRecorded: onCleared }} />
      ) : (
        <>
          <p className="hint">{EXERCISE_SAFETY.beforeYouStart}</p>
          <div className="button-row">
            <Link className="button primary" href={`/session/${p.variant}`}>
              Start today’s session
            </Link>
            {p.floorUnlocked && p.variant === 'floor' && (
              <Link className="button" href="/session/chair">
                Do the chair version instead
              </Link>
            )}
            {p.floorUnlocked && p.variant === 'chair' && (
              <Link className="button" href="/session/floor">
                Try the floor version
              </Link>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function Lessons({ data }: { readonly data: LessonsResponse }) {
  return (
    <section className="card" aria-labelledby="lessons-title">
      <h2 id="lessons-title">Lessons</h2>
      <p className="hint">A new lesson opens each day. Each takes under three minutes.</p>
      <ol className="lesson-list">
        {data.lessons.map((l) => {
          const lesson = LESSONS.find((x) => x.id === l.id);
          if (!lesson) return null;
          return (
            <li key={l.id}>
              {l.unlocked ? (
                <Link href={`/lessons/${l.id}`}>
                  {l.number}. {lesson.title}
                </Link>
              ) : (
                <span className="muted">
                  {l.number}. {lesson.title}
                </span>
              )}
              {l.readOn ? (
                <span className="badge badge-good">Read</span>
              ) : l.unlocked ? (
                <span className="badge">{minutes(lesson.readingMinutes)}</span>
              ) : (
                <span className="badge">Opens {formatShortDate(l.unlocksOn)}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Past sessions, newest first; the clinician's member page shows the same list under its own title. */
export function SessionHistory({
  sessions,
  title = 'Your sessions',
  empty = 'No sessions yet. Your first one takes about three minutes.',
}: {
  readonly sessions: readonly ExerciseSession[];
  readonly title?: string;
  readonly empty?: string;
}) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{title}</h2>
      {sessions.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="session-list" aria-label="Sessions, newest first">
          {sessions.map((s) => {
            const sum = sessionSummary(s);
            return (
              <li key={s.id}>
                <strong>{formatShortDate(s.date)}</strong> · {sum.title}
                <span className={`badge badge-${sum.outcome}`}>{OUTCOME_WORDS[sum.outcome]}</span>
                <br />
                <span className="muted">{sum.detail}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** /program: where the user stands, the lessons and the session history. */
export function ProgramPage() {
  usePageTitle('Your programme');
  const load = useCallback(async (signal: AbortSignal): Promise<ProgramData> => {
    const [progression, lessons, sessions] = await Promise.all([
      programApi.progression(signal),
      programApi.lessons(signal),
      programApi.sessions(signal),
    ]);
    return { progression, lessons, sessions };
  }, []);
  const { state, reload, update } = useLoad(load);

  return (
    <>
      <h1>Your programme</h1>
      {state.status === 'ready' && !state.data.progression.block && (
        <p>
          In a session you can turn on the camera to check your form; or{' '}
          <Link href="~/camera/practice">practise the boat pose with the camera</Link> first. The pictures
          never leave your computer.
        </p>
      )}
      <LoadStatus state={state} retry={reload} what="your programme" />
      {state.status === 'ready' && (
        <div className="page-grid">
          <Progression
            data={state.data.progression}
            onPrefs={(progression) => update((d) => ({ ...d, progression }))}
            onCleared={reload}
          />
          <Lessons data={state.data.lessons} />
          <SessionHistory sessions={state.data.sessions} />
        </div>
      )}
    </>
  );
}
