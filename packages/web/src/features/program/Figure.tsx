/**
 * A plain side-view stick figure, facing right, from joint positions: every pose drawing of the
 * programme is one of these plus a chair or the floor, so all poses share one look.
 */
export type Point = readonly [x: number, y: number];

export interface Pose {
  readonly head: Point;
  readonly neck: Point;
  readonly hip: Point;
  readonly knee: Point;
  readonly ankle: Point;
  readonly toe: Point;
  readonly elbow: Point;
  readonly hand: Point;
}

const pts = (...p: Point[]) => p.map(([x, y]) => `${x},${y}`).join(' ');
const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

interface FigureProps {
  readonly pose: Pose;
  /** Draw the psoas, lower spine to thigh bone, as the muscle doing the work. */
  readonly psoas?: boolean;
}

export function Figure({ pose, psoas = false }: FigureProps) {
  const { head, neck, hip, knee, ankle, toe, elbow, hand } = pose;
  const shoulder = lerp(neck, hip, 0.12);
  // The psoas runs from the lower spine, in front of the hip, to the inside top of the thigh bone.
  const spine = lerp(hip, neck, 0.32);
  const thigh = lerp(hip, knee, 0.28);
  const front: Point = [(spine[0] + thigh[0]) / 2 + 6, (spine[1] + thigh[1]) / 2 + 2];
  return (
    <g className="figure">
      <polyline className="limb" points={pts(hip, knee, ankle, toe)} />
      <line className="limb" x1={neck[0]} y1={neck[1]} x2={hip[0]} y2={hip[1]} />
      <circle className="head" cx={head[0]} cy={head[1]} r="10" />
      {psoas && (
        <path
          className="muscle-line"
          d={`M${spine[0]},${spine[1]} Q${front[0]},${front[1]} ${thigh[0]},${thigh[1]}`}
        />
      )}
      <polyline className="limb arm" points={pts(shoulder, elbow, hand)} />
    </g>
  );
}

/** A plain chair seen from the side, seat at y=100, facing right. */
export function Chair() {
  return (
    <g className="chair">
      <polyline points="48,38 52,100 112,100" />
      <line x1="56" y1="100" x2="56" y2="150" />
      <line x1="108" y1="100" x2="108" y2="150" />
    </g>
  );
}

export function Floor({ y = 150 }: { readonly y?: number }) {
  return <line className="floor" x1="4" y1={y} x2="196" y2={y} />;
}
