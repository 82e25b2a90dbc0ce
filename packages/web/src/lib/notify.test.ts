import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTIFICATION_ICON, showAppNotification, type Notifier } from './notify';

const BREAK = { title: 'hipwise', body: 'Time for a walk', tag: 'hipwise-break' };
const PAGE = 'http://127.0.0.1:8080/sitting';

function fakeNotifier(permission: ReturnType<Notifier['permission']>, withWorker: boolean) {
  const viaWorker: [string, NotificationOptions][] = [];
  const inPage: [string, NotificationOptions][] = [];
  const notifier: Notifier = {
    permission: () => permission,
    activeRegistration: () =>
      Promise.resolve(
        withWorker
          ? {
              showNotification: (title: string, options?: NotificationOptions) => {
                viaWorker.push([title, options ?? {}]);
                return Promise.resolve();
              },
            }
          : undefined,
      ),
    showInPage: (title, options) => {
      inPage.push([title, options]);
    },
    pageUrl: () => PAGE,
  };
  return { notifier, viaWorker, inPage };
}

test('with an active service worker, the notification goes through it, carrying the page address', async () => {
  const f = fakeNotifier('granted', true);
  await showAppNotification(BREAK, f.notifier);
  assert.deepEqual(f.inPage, []);
  assert.deepEqual(f.viaWorker, [
    [
      'hipwise',
      { body: 'Time for a walk', tag: 'hipwise-break', icon: NOTIFICATION_ICON, data: { url: PAGE } },
    ],
  ]);
});

test('without one, the page shows it itself', async () => {
  const f = fakeNotifier('granted', false);
  await showAppNotification(BREAK, f.notifier);
  assert.deepEqual(f.viaWorker, []);
  assert.equal(f.inPage.length, 1);
  assert.equal(f.inPage[0]?.[1].body, 'Time for a walk');
});

test('nothing is shown unless the user allowed notifications', async () => {
  for (const permission of ['default', 'denied', 'unsupported'] as const) {
    const f = fakeNotifier(permission, true);
    await showAppNotification(BREAK, f.notifier);
    assert.deepEqual([f.viaWorker, f.inPage], [[], []], permission);
  }
});

test('a platform that refuses the notification loses only the notification', async () => {
  const f = fakeNotifier('granted', false);
  f.notifier.showInPage = () => {
    throw new TypeError('Illegal constructor');
  };
  await assert.doesNotReject(showAppNotification(BREAK, f.notifier));
});
