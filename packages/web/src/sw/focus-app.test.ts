import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FALLBACK_URL,
  focusApp,
  notificationUrl,
  type FocusableWindow,
  type WindowClients,
} from './focus-app';

function fakeClients(windows: { url: string; visibilityState?: DocumentVisibilityState }[]) {
  const focused: string[] = [];
  const opened: string[] = [];
  const list: FocusableWindow[] = windows.map((w) => ({
    url: w.url,
    focused: false,
    visibilityState: w.visibilityState ?? 'hidden',
    focus: () => {
      focused.push(w.url);
      return Promise.resolve();
    },
  }));
  const clients: WindowClients = {
    matchAll: (options) => {
      assert.deepEqual(options, { type: 'window', includeUncontrolled: true });
      return Promise.resolve(list);
    },
    openWindow: (url) => {
      opened.push(url);
      return Promise.resolve(null);
    },
  };
  return { clients, focused, opened };
}

test('a click focuses the window that showed the notification, even behind a visible one', async () => {
  const f = fakeClients([
    { url: 'http://127.0.0.1:8080/progress', visibilityState: 'visible' },
    { url: 'http://127.0.0.1:8080/sitting' },
  ]);
  await focusApp(f.clients, 'http://127.0.0.1:8080/sitting');
  assert.deepEqual(f.focused, ['http://127.0.0.1:8080/sitting']);
  assert.deepEqual(f.opened, []);
});

test('with that window gone, a visible hipwise window comes forward, else the first one', async () => {
  const visible = fakeClients([
    { url: 'http://127.0.0.1:8080/today' },
    { url: 'http://127.0.0.1:8080/stress', visibilityState: 'visible' },
  ]);
  await focusApp(visible.clients, 'http://127.0.0.1:8080/sitting');
  assert.deepEqual(visible.focused, ['http://127.0.0.1:8080/stress']);

  const hidden = fakeClients([{ url: 'http://127.0.0.1:8080/today' }, { url: 'http://127.0.0.1:8080/x' }]);
  await focusApp(hidden.clients, undefined);
  assert.deepEqual(hidden.focused, ['http://127.0.0.1:8080/today']);
});

test('with no hipwise window open, a click opens Today', async () => {
  const f = fakeClients([]);
  await focusApp(f.clients, 'http://127.0.0.1:8080/sitting');
  assert.deepEqual(f.focused, []);
  assert.deepEqual(f.opened, [FALLBACK_URL]);
});

test('the page address is read only from a { url: string } payload', () => {
  assert.equal(notificationUrl({ url: 'http://127.0.0.1:8080/sitting' }), 'http://127.0.0.1:8080/sitting');
  assert.equal(notificationUrl({ url: 42 }), undefined);
  assert.equal(notificationUrl(null), undefined);
  assert.equal(notificationUrl('http://127.0.0.1:8080/'), undefined);
});
