/**
 * Plane geometry on image points for a side (sagittal) view. Image y grows downwards, so "up" is
 * -y. A side view has a facing direction: +1 when the person faces the image's right (+x), -1 when
 * facing its left; signed angles below are measured relative to it, so a pose and its mirror image
 * give the same numbers.
 */
export interface Point2 {
  readonly x: number;
  readonly y: number;
}

export type Facing = 1 | -1;

const DEG = 180 / Math.PI;

export function distance(a: Point2, b: Point2): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** The interior angle a-b-c at b, in degrees (0..180). NaN when a or c coincides with b. */
export function angle(a: Point2, b: Point2, c: Point2): number {
  const ux = a.x - b.x;
  const uy = a.y - b.y;
  const vx = c.x - b.x;
  const vy = c.y - b.y;
  const norms = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  if (norms === 0) return Number.NaN;
  const cos = Math.min(1, Math.max(-1, (ux * vx + uy * vy) / norms));
  return Math.acos(cos) * DEG;
}

/** How far `to` lies ahead of `from` in the facing direction, in pixels (negative: behind). */
export function forwardOffset(from: Point2, to: Point2, facing: Facing): number {
  return (to.x - from.x) * facing;
}

/** How far `to` lies above `from`, in pixels (negative: below). */
export function upOffset(from: Point2, to: Point2): number {
  return from.y - to.y;
}

/**
 * The tilt of the segment base->top away from vertical, in degrees: 0 upright, positive leaning
 * backwards (top behind base), negative leaning forwards. For the trunk, base = hip, top = shoulder.
 */
export function leanFromVertical(base: Point2, top: Point2, facing: Facing): number {
  return Math.atan2(-forwardOffset(base, top, facing), upOffset(base, top)) * DEG;
}

/**
 * The direction of from->to above the forward horizontal, in degrees (-180..180]: 0 straight ahead,
 * 90 straight up, -90 straight down, 180 straight back.
 */
export function elevation(from: Point2, to: Point2, facing: Facing): number {
  return Math.atan2(upOffset(from, to), forwardOffset(from, to, facing)) * DEG;
}

/** The shortest distance from p to the segment a-b. */
export function distanceToSegment(p: Point2, a: Point2, b: Point2): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return distance(p, a);
  const t = Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export function midpoint(a: Point2, b: Point2): Point2 {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
