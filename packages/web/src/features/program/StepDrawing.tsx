import type { StepIllustration } from '@hipwise/core';
import { useId } from 'react';
import { Chair, Figure, Floor } from './Figure';
import { POSES } from './poses';

const ALT: Readonly<Record<StepIllustration, string>> = {
  'chair-sit-forward': 'Sitting on the front edge of a chair, feet flat, with seat free behind.',
  'chair-arms-forward': 'Sitting on the front edge of a chair with both arms straight out in front.',
  'chair-lean-back':
    'Leaning back from the front of the chair, arms forward, back close to the backrest but not touching it. The muscle from the lower spine to the thigh is highlighted.',
  'floor-sit-tall': 'Sitting tall on the floor with the legs out in front.',
  'floor-knees-up': 'Sitting on the floor with the knees bent up and the feet flat.',
  'floor-hold-shins': 'Sitting with knees up, leaning back a little, hands holding the shins.',
  'floor-balance':
    'Leaning back with knees up, hands off the shins and arms forward, balancing. The muscle from the lower spine to the thigh is highlighted.',
};

/** The drawing of one exercise step, with the position in words for screen readers. */
export function StepDrawing({
  step,
  className = 'step-drawing',
}: {
  readonly step: StepIllustration;
  readonly className?: string;
}) {
  const id = useId();
  const onChair = step.startsWith('chair');
  const works = step === 'chair-lean-back' || step === 'floor-balance' || step === 'floor-hold-shins';
  return (
    <svg className={`pose ${className}`} viewBox="0 0 200 160" role="img" aria-labelledby={id}>
      <title id={id}>{ALT[step]}</title>
      <Floor />
      {onChair && <Chair />}
      <Figure pose={POSES[step]} psoas={works} />
    </svg>
  );
}
