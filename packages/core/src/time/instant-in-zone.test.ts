import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instantsInZone, isoInZone } from './instant-in-zone.js';

test('an instant carries the zone offset in force at that instant, summer and winter', () => {
  assert.equal(
    isoInZone(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Berlin'),
    '2026-01-15T13:00:00.000+01:00',
  );
  assert.equal(isoInZone('2026-07-15T12:00:00.250Z', 'Europe/Berlin'), '2026-07-15T14:00:00.250+02:00');
  assert.equal(
    isoInZone(new Date('2026-07-15T02:30:00Z'), 'America/New_York'),
    '2026-07-14T22:30:00.000-04:00',
  );
  assert.equal(
    isoInZone(Date.parse('2026-03-10T00:00:00Z'), 'Asia/Kolkata'),
    '2026-03-10T05:30:00.000+05:30',
  );
  assert.equal(isoInZone(0, 'UTC'), '1970-01-01T00:00:00.000+00:00');
});

test('the written time names the same instant', () => {
  for (const zone of ['Europe/London', 'Pacific/Chatham', 'America/St_Johns', 'Australia/Lord_Howe']) {
    for (const at of [
      Date.parse('2026-03-29T00:59:59Z'),
      Date.parse('2026-10-25T01:30:00Z'),
      1_773_000_000_123,
    ]) {
      assert.equal(Date.parse(isoInZone(at, zone)), at, `${zone} ${at}`);
    }
  }
});

test('not an instant is refused', () => {
  assert.throws(() => isoInZone('yesterday', 'UTC'), RangeError);
});

test('every UTC instant in a JSON value is rewritten; dates and other strings are not', () => {
  const out = instantsInZone(
    {
      createdAt: '2026-03-10T09:00:00.000Z',
      day: '2026-03-10',
      note: 'felt better 2026-03-10T09:00:00Z',
      list: [{ at: '2026-03-10T09:00:00Z' }, 4, null, true],
    },
    'Europe/Berlin',
  );
  assert.deepEqual(out, {
    createdAt: '2026-03-10T10:00:00.000+01:00',
    day: '2026-03-10',
    note: 'felt better 2026-03-10T09:00:00Z',
    list: [{ at: '2026-03-10T10:00:00.000+01:00' }, 4, null, true],
  });
});
