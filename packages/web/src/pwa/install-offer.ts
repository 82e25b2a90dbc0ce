import { useSyncExternalStore } from 'react';

/** Chromium's event for "this site can be installed" (not in TypeScript's DOM lib). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ readonly outcome: 'accepted' | 'dismissed' }>;
}

/**
 * available: the browser offers installing and the button can ask; installed: hipwise runs as an
 * installed app (or was just installed); unavailable: this browser offers nothing (then no button).
 */
export type InstallState = 'unavailable' | 'available' | 'installed';

/** What the offer reads from the window: its events, and whether it runs as an installed app. */
export interface InstallHost {
  addEventListener(type: 'beforeinstallprompt' | 'appinstalled', listener: (event: Event) => void): void;
  matchMedia(query: string): { readonly matches: boolean };
}

export interface InstallOffer {
  readonly state: () => InstallState;
  readonly subscribe: (onChange: () => void) => () => void;
  /** Shows the browser's own install dialog; resolves to whether the user installed. */
  readonly install: () => Promise<boolean>;
}

function isPromptEvent(event: Event): event is BeforeInstallPromptEvent {
  return 'prompt' in event && typeof event.prompt === 'function';
}

/**
 * Keeps the browser's install offer for the in-app button. Created before the first render,
 * because the browser sends its one offer early and never repeats it for the page.
 */
export function createInstallOffer(host: InstallHost): InstallOffer {
  let state: InstallState = host.matchMedia('(display-mode: standalone)').matches
    ? 'installed'
    : 'unavailable';
  let offer: BeforeInstallPromptEvent | null = null;
  const listeners = new Set<() => void>();
  const set = (next: InstallState) => {
    state = next;
    listeners.forEach((l) => l());
  };
  host.addEventListener('beforeinstallprompt', (event) => {
    if (!isPromptEvent(event)) return;
    // The app shows its own button (Settings) instead of the browser's mini-infobar.
    event.preventDefault();
    offer = event;
    set('available');
  });
  host.addEventListener('appinstalled', () => {
    offer = null;
    set('installed');
  });
  return {
    state: () => state,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    install: async () => {
      const pending = offer;
      if (!pending) return false;
      // An offer can be used once: whatever the answer, the browser sends a new one if it still applies.
      offer = null;
      await pending.prompt();
      const { outcome } = await pending.userChoice;
      if (outcome === 'accepted') set('installed');
      else set('unavailable');
      return outcome === 'accepted';
    },
  };
}

let shared: InstallOffer | null = null;

/** Starts listening for the browser's offer; called once by the entry module. */
export function watchInstallOffer(): void {
  shared ??= createInstallOffer(window);
}

const noOffer: InstallOffer = {
  state: () => 'unavailable',
  subscribe: () => () => undefined,
  install: () => Promise.resolve(false),
};

/** The install offer as it stands now, re-rendering when the browser sends or withdraws it. */
export function useInstallOffer(): {
  readonly state: InstallState;
  readonly install: () => Promise<boolean>;
} {
  const offer = shared ?? noOffer;
  const state = useSyncExternalStore(offer.subscribe, offer.state);
  return { state, install: offer.install };
}
