const GIVE_UP_MS = 10_000;

/**
 * An app shortcut can point into a page (/today#checkin-title). The browser looks for that
 * element when the page loads, before the app has drawn it; this waits for it to appear, then
 * scrolls to it and moves focus there, as following an in-page link would.
 */
export function revealLaunchTarget(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id) return;
  const reveal = (): boolean => {
    const target = document.getElementById(id);
    if (!target) return false;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    return true;
  };
  if (reveal()) return;
  const observer = new MutationObserver(() => {
    if (reveal()) stop();
  });
  const timer = window.setTimeout(() => stop(), GIVE_UP_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
}
