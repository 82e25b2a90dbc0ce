import { useEffect } from 'react';

/** Each screen names itself in the tab title; screen-reader users hear it on navigation too. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · hipwise`;
  }, [title]);
}
