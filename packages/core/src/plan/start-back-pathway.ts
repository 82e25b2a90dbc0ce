/**
 * The stratified pathway matched to the Keele STarT Back risk group (Hill et al., Lancet
 * 2011;378:1560-1571, the STarT Back trial; NICE NG59 recommends risk-stratifying each episode):
 * - low risk: self-management (advice, staying active, exercise): the programme as it is;
 * - medium risk: physiotherapy, here advised alongside the programme;
 * - high risk: psychologically informed physiotherapy (physiotherapy that also addresses fear,
 *   worry and low mood), here advised with the GP as the other door; and the daily plan gives
 *   more weight to stress practice.
 *
 * One table holds both what the app says about each group and what the plan does for it, so the
 * two cannot drift apart: the plan reads `plan` below, and every screen words a result from
 * `title`, `meaning` and `advice`.
 */
import type { StartBackRisk } from '../measures/start-back.js';

export type Referral = 'none' | 'physiotherapy' | 'psychologically_informed_physiotherapy_or_gp';

export interface PathwayStep {
  readonly risk: StartBackRisk;
  readonly title: string;
  /** What the result means, in plain words. */
  readonly meaning: string;
  /** What the matched pathway advises, including what hipwise itself does about it. */
  readonly advice: string;
  /** What the daily plan does. */
  readonly plan: {
    /** A daily calm-down (breathing) practice item in the plan. */
    readonly dailyStressPractice: boolean;
    /** Advice to see someone, shown with the plan. */
    readonly referral: Referral;
  };
}

export const START_BACK_PATHWAY: Readonly<Record<StartBackRisk, PathwayStep>> = {
  low: {
    risk: 'low',
    title: 'Low risk',
    meaning:
      'Your answers suggest a low risk that your back pain will keep getting in the way of everyday life.',
    advice:
      'The approach matched to this group is self-management: staying active, the exercise and the sitting rules. Your plan stays as it is.',
    plan: { dailyStressPractice: false, referral: 'none' },
  },
  medium: {
    risk: 'medium',
    title: 'Medium risk',
    meaning:
      'Your answers suggest that physical things, such as pain spreading down the leg or everyday tasks being hard, weigh on your back pain.',
    advice:
      'The approach matched to this group is physiotherapy. Consider seeing a physiotherapist, and keep up your programme alongside.',
    plan: { dailyStressPractice: false, referral: 'physiotherapy' },
  },
  high: {
    risk: 'high',
    title: 'High risk',
    meaning:
      'Your answers suggest that worry, low mood or fear of moving weigh on your back pain as well as the pain itself.',
    advice:
      'The approach matched to this group is physiotherapy that also helps with worry and fear of moving (psychologically informed physiotherapy). Please talk to your GP or a physiotherapist about it. Your daily plan now includes a short calm-down breathing practice each day, alongside the exercise.',
    plan: { dailyStressPractice: true, referral: 'psychologically_informed_physiotherapy_or_gp' },
  },
};

/** The pathway step for a risk group, or null with no result (or the instrument switched off). */
export function pathwayFor(risk: StartBackRisk | null | undefined): PathwayStep | null {
  return risk ? START_BACK_PATHWAY[risk] : null;
}
