import { lazy, type ComponentType } from 'react';

/**
 * A page loaded when first shown, from a module that exports it by name: the first visit then
 * downloads only what the log-in and sign-up pages need.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
