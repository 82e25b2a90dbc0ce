import type { DayRecord, LocalDate } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { checkinsBetween } from '../repositories/checkins.js';

/**
 * One kind of a user's daily history for insights and the weekly summary. Each source fills the
 * fields it knows (pain/stress from check-ins, sitting minutes and breaks from the break coach,
 * exercise sessions from the programme); `mergeDays` joins them by date. Every query is scoped by
 * user. `connected: false` marks a placeholder whose feature is not wired yet.
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

/** Sitting minutes and breaks taken per day: to be provided by the break coach (issue 5). */
export const sittingHistory: DayHistorySource = {
  name: 'sitting',
  connected: false,
  async days() {
    return [];
  },
};

/** Exercise sessions completed per day: to be provided by the programme (issue 3). */
export const exerciseHistory: DayHistorySource = {
  name: 'exercise',
  connected: false,
  async days() {
    return [];
  },
};

export const DEFAULT_HISTORY_SOURCES: readonly DayHistorySource[] = [
  checkinHistory,
  sittingHistory,
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
