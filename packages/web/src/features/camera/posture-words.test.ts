import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postureWords } from './posture-words';

test('each bad posture names the sitting rule it breaks, by its number in the program', () => {
  assert.equal(postureWords('upright').rule, undefined);
  assert.equal(postureWords('feet_not_flat').rule?.number, 1);
  assert.equal(postureWords('leaning_back').rule?.number, 5);
  assert.equal(postureWords('slouching').rule?.number, 6);
  assert.match(postureWords('leaning_back').rule?.title ?? '', /backrest/);
  assert.equal(postureWords('slouching').label, 'Slouching or reaching forward');
});
