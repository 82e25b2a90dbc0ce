import { INSTRUMENTS, type ChangeDto, type InstrumentId, type Scores } from '@hipwise/core';
import { plural } from '../../lib/units';

/** Plain explanations of results and changes, so a number never stands alone. */
export function resultExplanation(id: InstrumentId, scores: Scores): string {
  const t = scores.total;
  switch (id) {
    case 'pain_nrs':
      return `Your pain over the last ${plural(24, 'hour')}: ${t} out of 10.`;
    case 'peg':
      return `Your PEG score is ${t} out of 10: the average of your pain and how much it gets in the way of enjoying life and everyday activity. Lower is better.`;
    case 'rmdq':
      return `${t} of the 24 statements describe you today. Lower means your back gets in the way of fewer everyday things. A change of ${plural(5, 'point')} or more is more than day-to-day ups and downs.`;
    case 'start_back':
      return `Your score is ${t} out of 9, and ${scores.psychosocial ?? 0} out of 5 on the questions about worry and mood.`;
    case 'pss4':
      return `Your score is ${t} out of 16. Higher means more stress over the last month. There is no official cut-off; around 6 is average.`;
    case 'pss10':
      return `Your score is ${t} out of 40. Higher means more stress over the last month. There are no official cut-offs.`;
  }
}

const MEASURE_NAMES: Record<ChangeDto['measure'], string> = {
  pain: 'Pain',
  peg: 'PEG',
  rmdq: 'Roland-Morris (everyday activities)',
  pss4: 'Stress (PSS-4)',
};

export const measureName = (m: ChangeDto['measure']) => MEASURE_NAMES[m];

function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** Why no verdict yet, in words: the programme day against 14, the ratings in the window against 5. */
export function tooEarlyWhy(reasons: NonNullable<ChangeDto['tooEarly']>): string {
  return reasons
    .map((r) =>
      r.reason === 'programme_day'
        ? `it is day ${r.have} of your programme, and a fair comparison needs ${plural(r.need, 'day')}`
        : `there ${r.have === 1 ? 'is' : 'are'} ${r.have} of the ${plural(r.need, 'daily rating')} it needs in the last ${plural(7, 'day')}`,
    )
    .join('; and ');
}

export function changeSentence(c: ChangeDto): string {
  let move: string;
  if (c.current === null || c.delta === null || c.direction === null) {
    move = `Your starting value is ${num(c.baseline)}; there is nothing recent to compare it with yet`;
  } else {
    const size = Math.abs(c.delta);
    const pct =
      c.relative !== null && c.direction !== 'unchanged'
        ? ` (${Math.round(Math.abs(c.relative) * 100)}%)`
        : '';
    move =
      c.direction === 'unchanged'
        ? `unchanged at ${num(c.current)}`
        : `${c.direction === 'better' ? 'down' : 'up'} ${plural(Number(num(size)), 'point')}, from ${num(c.baseline)} to ${num(c.current)}${pct}`;
  }
  let verdict: string;
  if (c.tooEarly) verdict = `Too early to tell whether this is a real change: ${tooEarlyWhy(c.tooEarly)}.`;
  else if (c.meaningful === null)
    verdict = 'There is no agreed threshold for a meaningful change on this scale.';
  else if (c.meaningful && c.direction === 'better')
    verdict = 'A change this size is one most people notice as a real improvement.';
  else if (c.meaningful)
    verdict = 'A change this size is one most people notice: it is worth paying attention to.';
  else verdict = 'Not yet a change beyond normal ups and downs.';
  return `${move}. Compared: ${c.basis}. ${verdict}`;
}

export const instrumentName = (id: InstrumentId) => INSTRUMENTS[id].name;
export const instrumentShort = (id: InstrumentId) => INSTRUMENTS[id].shortName;
