import { LESSONS, type LessonBlock, type LessonState } from '@hipwise/core';
import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../components/Alert';
import { formatLongDate } from '../../lib/dates';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { usePageTitle } from '../../lib/use-page-title';
import { LessonIllustration } from './LessonIllustration';
import { programApi } from '../../api';
import { LoadStatus } from '../../components/LoadStatus';
import { minutes } from '../../lib/units';

function Block({ block }: { readonly block: LessonBlock }) {
  switch (block.kind) {
    case 'p':
      return <p>{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
    case 'note':
      return <p className="note">{block.text}</p>;
  }
}

/** /program/lessons/:id: one lesson, its drawing, and the read mark (with undo). */
export function LessonPage({ id }: { readonly id: string }) {
  const lesson = LESSONS.find((l) => l.id === id);
  usePageTitle(lesson?.title ?? 'Lesson not found');
  const load = useCallback(async (signal: AbortSignal) => programApi.lessons(signal), []);
  const { state, reload, update } = useLoad(load);
  const { busy, error, run } = useAction();
  const [justRead, setJustRead] = useState(false);

  if (!lesson) {
    return (
      <>
        <h1>Lesson not found</h1>
        <p>
          There is no such lesson. <Link href="/">See all lessons</Link>
        </p>
      </>
    );
  }
  const current = lesson;

  async function setRead(read: boolean) {
    await run(async () => {
      const updated: LessonState = read
        ? await programApi.markRead(current.id)
        : await programApi.unmarkRead(current.id);
      setJustRead(read);
      update((d) => ({ ...d, lessons: d.lessons.map((l) => (l.id === updated.id ? updated : l)) }));
    }, 'Could not save. Please try again.');
  }

  const heading = (
    <h1>
      {lesson.title}
      <span className="subtitle">
        Lesson {lesson.number} of {LESSONS.length} · about {minutes(lesson.readingMinutes)}
      </span>
    </h1>
  );
  if (state.status !== 'ready') {
    return (
      <>
        {heading}
        <LoadStatus state={state} retry={reload} what="the lesson" />
      </>
    );
  }
  const mine = state.data.lessons.find((l) => l.id === lesson.id);
  if (!mine?.unlocked) {
    return (
      <>
        {heading}
        <p className="empty">
          This lesson opens on {formatLongDate(mine?.unlocksOn ?? state.data.date)}. Lessons open one a day,
          so each has time to settle.
        </p>
        <p>
          <Link href="/">Back to your programme</Link>
        </p>
      </>
    );
  }
  const next = LESSONS.find((l) => l.number === lesson.number + 1);
  const nextState = next && state.data.lessons.find((l) => l.id === next.id);
  return (
    <article className="lesson">
      {heading}
      <figure className="illustration">
        <LessonIllustration name={lesson.illustration} />
      </figure>
      <div className="lesson-body">
        {lesson.body.map((b, i) => (
          <Block key={i} block={b} />
        ))}
      </div>
      {error && <Alert tone="error" title={error} />}
      {mine.readOn ? (
        <>
          <Alert
            tone="success"
            title={justRead ? 'Marked as read.' : `Read on ${formatLongDate(mine.readOn)}.`}
          >
            <button type="button" className="link-button" disabled={busy} onClick={() => void setRead(false)}>
              Mark as unread
            </button>
          </Alert>
        </>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={() => void setRead(true)}>
          {busy ? 'Saving…' : 'Mark as read'}
        </button>
      )}
      <p className="button-row" style={{ marginTop: '1.5rem' }}>
        <Link href="/">Back to your programme</Link>
        {next && nextState?.unlocked && <Link href={`/lessons/${next.id}`}>Next lesson: {next.title}</Link>}
        <Link href="~/today">Today</Link>
      </p>
    </article>
  );
}
