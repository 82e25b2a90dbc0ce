import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyCameraError } from './camera-errors';

const named = (name: string) => Object.assign(new Error('x'), { name });

test('getUserMedia failures map to what the user can do about them', () => {
  assert.equal(classifyCameraError(named('NotAllowedError')).kind, 'denied');
  assert.equal(classifyCameraError(named('SecurityError')).kind, 'denied');
  assert.equal(classifyCameraError(named('NotFoundError')).kind, 'no_camera');
  assert.equal(classifyCameraError(named('OverconstrainedError')).kind, 'no_camera');
  assert.equal(classifyCameraError(named('NotReadableError')).kind, 'in_use');
  assert.equal(classifyCameraError(new TypeError('no mediaDevices')).kind, 'unsupported');
  assert.equal(classifyCameraError(named('SomethingNew')).kind, 'failed');
  assert.equal(classifyCameraError('a string').kind, 'failed');
  // DOMException-like objects that are not Error instances still carry a name.
  assert.equal(classifyCameraError({ name: 'NotAllowedError', message: '' }).kind, 'denied');
});

test('every error tells the user what to do', () => {
  for (const name of ['NotAllowedError', 'NotFoundError', 'NotReadableError', 'TypeError', 'Other']) {
    const e = classifyCameraError(named(name));
    assert.ok(e.title.length > 0 && e.advice.length > 20, name);
  }
});
