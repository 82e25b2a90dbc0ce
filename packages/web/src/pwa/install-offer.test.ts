import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInstallOffer, type InstallHost } from './install-offer';

class FakeWindow extends EventTarget implements InstallHost {
  constructor(private readonly standalone = false) {
    super();
  }
  matchMedia(query: string) {
    return { matches: this.standalone && query === '(display-mode: standalone)' };
  }
}

/** A beforeinstallprompt as Chromium sends it, answering the dialog with `outcome`. */
function promptEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  let prompted = 0;
  Object.assign(event, {
    prompt: () => {
      prompted++;
      return Promise.resolve();
    },
    userChoice: Promise.resolve({ outcome }),
  });
  return { event, prompted: () => prompted };
}

test('no offer from the browser, no button; an offer makes it available and keeps the mini-infobar away', () => {
  const win = new FakeWindow();
  const offer = createInstallOffer(win);
  assert.equal(offer.state(), 'unavailable');
  let changes = 0;
  offer.subscribe(() => changes++);
  const { event } = promptEvent('accepted');
  win.dispatchEvent(event);
  assert.equal(offer.state(), 'available');
  assert.equal(event.defaultPrevented, true);
  assert.equal(changes, 1);
});

test('installing shows the browser dialog once; accepted means installed', async () => {
  const win = new FakeWindow();
  const offer = createInstallOffer(win);
  const { event, prompted } = promptEvent('accepted');
  win.dispatchEvent(event);
  assert.equal(await offer.install(), true);
  assert.equal(prompted(), 1);
  assert.equal(offer.state(), 'installed');
  assert.equal(await offer.install(), false, 'a used offer cannot prompt again');
  assert.equal(prompted(), 1);
});

test('a dismissed dialog hides the button until the browser offers again', async () => {
  const win = new FakeWindow();
  const offer = createInstallOffer(win);
  win.dispatchEvent(promptEvent('dismissed').event);
  assert.equal(await offer.install(), false);
  assert.equal(offer.state(), 'unavailable');
  win.dispatchEvent(promptEvent('accepted').event);
  assert.equal(offer.state(), 'available');
});

test('installed from the browser menu, or running as the installed app: no button', () => {
  const win = new FakeWindow();
  const offer = createInstallOffer(win);
  win.dispatchEvent(promptEvent('accepted').event);
  win.dispatchEvent(new Event('appinstalled'));
  assert.equal(offer.state(), 'installed');

  assert.equal(createInstallOffer(new FakeWindow(true)).state(), 'installed');
});

test('an event without prompt() is not taken for an offer', () => {
  const win = new FakeWindow();
  const offer = createInstallOffer(win);
  win.dispatchEvent(new Event('beforeinstallprompt'));
  assert.equal(offer.state(), 'unavailable');
});
