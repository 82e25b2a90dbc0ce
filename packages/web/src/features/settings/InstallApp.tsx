import { useRef, useState } from 'react';
import { useInstallOffer } from '../../pwa/install-offer';

/**
 * "Install hipwise", shown only where the browser offers installing (Chromium, Edge, Chrome), and
 * gone once it is installed (or when hipwise already runs as the installed app).
 */
export function InstallApp() {
  const { state, install } = useInstallOffer();
  const offered = useRef(false);
  const [busy, setBusy] = useState(false);
  if (state === 'available') offered.current = true;
  if (state === 'unavailable' || (state === 'installed' && !offered.current)) return null;

  async function onInstall() {
    setBusy(true);
    try {
      await install();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="install-title">
      <h2 id="install-title">Install hipwise</h2>
      {state === 'installed' ? (
        <p role="status">
          hipwise is installed. Open it from your computer&apos;s apps, like any other program.
        </p>
      ) : (
        <>
          <p>
            Run hipwise in its own window, started from your apps like any other program. Once opened, it
            opens again even when the network or the server is down.
          </p>
          <button type="button" className="primary" onClick={() => void onInstall()} disabled={busy}>
            Install hipwise
          </button>
        </>
      )}
    </section>
  );
}
