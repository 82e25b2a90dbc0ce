import type { ReactNode, RefObject } from 'react';

/** The heading of a session phase; focus moves to it when the phase changes (see GuidedSession). */
export function PhaseHeading({
  headingRef,
  className,
  children,
}: {
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <h2 ref={headingRef} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}
