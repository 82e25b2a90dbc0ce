import { addDays, type DayRecord, type LocalDate } from '@hipwise/core';
import type { Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { checkinsBetween } from '../repositories/checkins.js';
import { allExerciseSessions } from '../repositories/exercise-sessions.js';
import { sittingDays } from './break-service.js';

/**
 * One kind of a user's daily history for insights and the weekly summary. Each source fills the
 * fields it knows (pain/stress from check-ins, sitting minutes and breaks from the break coach,
 * exercise sessions from the programme); `mergeDays` joins them by date. Every query is scoped by
 * user. `connected: false` would mark a source whose feature is switched off.
 */
export interface DayHistorySource {
  readonly name: string;
  readonly connected: boolean;
  days(q: Queryable, userId: string, from: LocalDate, to: LocalDate): Promise<DayRecord[]>;
}

export const checkinHistory: DayHistorySource = {
  name: 'checkins',
  connected: true,
  async days(q, userId, from, to) {
    return (await checkinsBetween(q, userId, from, to)).map((c) => ({
      date: c.date,
      pain: c.pain,
      stress: c.stress,
    }));
  },
};

/** Sitting minutes and walking breaks per day, from the break coach's stored events. */
export function sittingHistory(clock: Clock): DayHistorySource {
  return {
    name: 'sitting',
    connected: true,
    days: (q, userId, from, to) => sittingDays(q, userId, from, to, clock.now()),
  };
}

/**
 * Exercise sessions completed per day (not stopped early). Once the user has done a first
 * session, a day without one counts as 0; before it, the programme had not begun, so nothing.
 */
export const exerciseHistory: DayHistorySource = {
  name: 'exercise',
  connected: true,
  async days(q, userId, from, to) {
    const sessions = await allExerciseSessions(q, userId);
    const first = sessions.map((s) => s.date).sort()[0];
    if (first === undefined) return [];
    const done = new Map<LocalDate, number>();
    for (const s of sessions) if (s.stoppedEarly === 'none') done.set(s.date, (done.get(s.date) ?? 0) + 1);
    const days: DayRecord[] = [];
    for (let d = first > from ? first : from; d <= to; d = addDays(d, 1)) {
      days.push({ date: d, exerciseSessions: done.get(d) ?? 0 });
    }
    return days;
  },
};

export const historySources = (clock: Clock): readonly DayHistorySource[] => [
  checkinHistory,
  sittingHistory(clock),
  exerciseHistory,
];

/** Records of the same date become one; a later source's value fills only fields not yet set. */
export function mergeDays(lists: readonly (readonly DayRecord[])[]): DayRecord[] {
  const byDate = new Map<LocalDate, Record<string, unknown>>();
  for (const list of lists) {
    for (const day of list) {
      const into = byDate.get(day.date) ?? { date: day.date };
      for (const [k, v] of Object.entries(day))
        if (v !== null && v !== undefined && into[k] === undefined) into[k] = v;
      byDate.set(day.date, into);
    }
  }
  return [...byDate.values()]
    .map((d) => d as unknown as DayRecord)
    .sort((a, b) => a.date.localeCompare(b.date));
}

export async function historyBetween(
  q: Queryable,
  sources: readonly DayHistorySource[],
  userId: string,
  from: LocalDate,
  to: LocalDate,
): Promise<DayRecord[]> {
  return mergeDays(await Promise.all(sources.map((s) => s.days(q, userId, from, to))));
}
