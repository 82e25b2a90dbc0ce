import { METHOD_WORDS, type Illustration } from '@hipwise/core';
import { useId, type ReactNode } from 'react';
import { PsoasIllustration } from '../onboarding/PsoasIllustration';
import { Chair, Figure, Floor, type Pose } from './Figure';
import { POSES } from './poses';

function Drawing({
  title,
  viewBox,
  children,
}: {
  readonly title: string;
  readonly viewBox: string;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <svg className="pose lesson-drawing" viewBox={viewBox} role="img" aria-labelledby={id}>
      <title id={id}>{title}</title>
      {children}
    </svg>
  );
}

/**
 * Side view (facing right) of the lower spine standing on the back of the pelvis, with the psoas
 * from the front of the spine over the front rim to the thigh bone. `tilt` rotates the pelvis
 * forward; the lower back then curves (arches) more to keep the trunk upright.
 */
function SpineOnPelvis({
  x,
  tilt,
  label,
}: {
  readonly x: number;
  readonly tilt: number;
  readonly label: string;
}) {
  const arch = tilt * 0.9;
  const base: [number, number] = [40 + tilt * 0.2, 104 - tilt * 0.25];
  return (
    <g transform={`translate(${x} 0)`}>
      <line className="guide" x1="14" y1="100" x2="110" y2="100" />
      <g transform={`rotate(${tilt} 60 112)`}>
        <path
          className="bone-fill"
          d="M30 96 Q34 132 62 136 Q86 134 94 100 L86 98 Q80 122 62 124 Q42 122 38 96 Z"
        />
        <circle className="bone-fill" cx="72" cy="126" r="7" />
      </g>
      <path className="spine-line" d={`M${base[0]} ${base[1]} Q${46 + arch} 66 40 22`} />
      <path className="muscle-line" d={`M${44 + arch / 2} 70 Q${94 + tilt / 3} ${96 + tilt / 3} ${80} 150`} />
      <line className="thigh" x1="72" y1="126" x2="78" y2="166" />
      <text className="label" x="62" y="180" textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

function PelvicTilt() {
  return (
    <Drawing viewBox="0 0 250 186" title={METHOD_WORDS.pelvicTiltDrawing}>
      <SpineOnPelvis x={0} tilt={0} label="Balanced" />
      <SpineOnPelvis x={125} tilt={20} label="Tipped forward" />
    </Drawing>
  );
}

function UnevenSides() {
  return (
    <Drawing viewBox="0 0 200 170" title={METHOD_WORDS.unevenSidesDrawing}>
      <line className="spine-line" x1="100" y1="14" x2="100" y2="78" />
      <g transform="rotate(-7 100 92)">
        <path className="bone-fill" d="M40 80 Q100 128 160 80 L150 112 Q100 140 50 112 Z" />
        <line className="muscle-line" x1="92" y1="60" x2="70" y2="140" />
        <line className="muscle-line" x1="108" y1="60" x2="132" y2="150" />
      </g>
      <line className="guide" x1="20" y1="84" x2="180" y2="84" />
      <text className="label" x="16" y="164">
        shorter
      </text>
      <text className="label" x="140" y="164">
        longer
      </text>
    </Drawing>
  );
}

function SittingRules() {
  return (
    <Drawing
      viewBox="0 0 200 160"
      title="Sitting well: on the front of the seat, ahead of the hips, feet flat on the floor, not leaning on the backrest."
    >
      <Floor />
      <Chair />
      <Figure pose={POSES['chair-sit-forward']} />
      <text className="label" x="142" y="140" textAnchor="middle">
        feet flat
      </text>
      <text className="label" x="22" y="30">
        no leaning back
      </text>
    </Drawing>
  );
}

const TENSE: Pose = {
  head: [100, 30],
  neck: [100, 46],
  hip: [100, 100],
  knee: [104, 126],
  ankle: [100, 150],
  toe: [112, 150],
  elbow: [86, 70],
  hand: [96, 88],
};

function Stress() {
  return (
    <Drawing viewBox="0 0 200 160" title={METHOD_WORDS.stressDrawing}>
      <Floor />
      <Figure pose={TENSE} psoas />
      <path className="tension" d="M70 18 l8 6 -8 6 8 6 M130 18 l-8 6 8 6 -8 6" />
      <text className="label" x="150" y="96">
        braced
      </text>
    </Drawing>
  );
}

function Boat({ variant }: { readonly variant: 'chair' | 'floor' }) {
  return (
    <Drawing
      viewBox="0 0 200 160"
      title={
        variant === 'chair'
          ? 'Boat pose on a chair: leaning back from the front edge, arms forward, not touching the backrest.'
          : 'Boat pose on the floor: knees up, leaning back, balancing with the arms forward.'
      }
    >
      <Floor />
      {variant === 'chair' && <Chair />}
      <Figure pose={POSES[variant === 'chair' ? 'chair-lean-back' : 'floor-balance']} psoas />
    </Drawing>
  );
}

function Evidence() {
  return (
    <Drawing
      viewBox="0 0 200 160"
      title="A chart of pain scores going down over several weeks, measured rather than assumed."
    >
      <line className="axis" x1="30" y1="20" x2="30" y2="140" />
      <line className="axis" x1="30" y1="140" x2="186" y2="140" />
      {[96, 88, 72, 64, 50, 44].map((h, i) => (
        <rect key={i} className="bar" x={40 + i * 24} y={140 - h} width="16" height={h} />
      ))}
      <text className="label" x="34" y="156">
        week 1
      </text>
      <text className="label" x="150" y="156">
        week 6
      </text>
    </Drawing>
  );
}

/** The drawing for a lesson, by the key core gives it. */
export function LessonIllustration({ name }: { readonly name: Illustration }) {
  switch (name) {
    case 'psoas':
      return <PsoasIllustration />;
    case 'pelvic-tilt':
      return <PelvicTilt />;
    case 'uneven-sides':
      return <UnevenSides />;
    case 'sitting-rules':
      return <SittingRules />;
    case 'stress':
      return <Stress />;
    case 'boat-chair':
      return <Boat variant="chair" />;
    case 'boat-floor':
      return <Boat variant="floor" />;
    case 'evidence':
      return <Evidence />;
  }
}
