import type { LocalDate } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { walkingBreaksOn } from './break-service.js';

/** Walking breaks for the daily plan's sitting goal: the break coach's count and goal for the day. */
export const walkingBreaksToday = (q: Queryable, userId: string, today: LocalDate) => walkingBreaksOn(q, userId, today);
