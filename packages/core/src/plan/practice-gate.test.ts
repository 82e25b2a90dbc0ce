import { test } from 'node:test';
import assert from 'node:assert/strict';
import { practiceGate, type PracticeGateInput } from './practice-gate.js';

const OPEN: PracticeGateInput<string> = {
  block: null,
  restToday: false,
  floorUnlocked: false,
  variant: 'chair',
  holdSeconds: { chair: 10, floor: 10 },
};

test('a blocked programme (screening or safety pause) blocks practice, whatever else holds', () => {
  assert.deepEqual(practiceGate({ ...OPEN, block: 'safety_pause', floorUnlocked: true }), {
    kind: 'blocked',
    block: 'safety_pause',
  });
  assert.deepEqual(practiceGate({ ...OPEN, block: 'screening_missing', restToday: true }), {
    kind: 'blocked',
    block: 'screening_missing',
  });
});

test('a stop for pain today means rest, not practice', () => {
  assert.deepEqual(practiceGate({ ...OPEN, restToday: true }), { kind: 'rest' });
});

test('chair level 1 with the floor locked: only the chair, at the current 10 s', () => {
  const g = practiceGate(OPEN);
  assert.deepEqual(g, {
    kind: 'open',
    variants: ['chair'],
    initial: 'chair',
    holdSeconds: { chair: 10, floor: 10 },
  });
});

test('floor unlocked: both versions, starting where the programme is, each at its own hold length', () => {
  const onFloor = practiceGate({
    ...OPEN,
    floorUnlocked: true,
    variant: 'floor',
    holdSeconds: { chair: 20, floor: 15 },
  });
  assert.deepEqual(onFloor, {
    kind: 'open',
    variants: ['chair', 'floor'],
    initial: 'floor',
    holdSeconds: { chair: 20, floor: 15 },
  });
  const stayed = practiceGate({ ...OPEN, floorUnlocked: true, variant: 'chair' });
  assert.equal(stayed.kind === 'open' && stayed.initial, 'chair');
});

test('a floor variant without the unlock (stale data) falls back to the chair', () => {
  const g = practiceGate({ ...OPEN, variant: 'floor' });
  assert.deepEqual(g.kind === 'open' && [g.variants, g.initial], [['chair'], 'chair']);
});
