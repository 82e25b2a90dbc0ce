import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathwayFor, START_BACK_PATHWAY } from './start-back-pathway.js';

test('the table matches the STarT Back trial pathway: low self-management, medium physio, high PIPT or GP', () => {
  assert.deepEqual(
    Object.values(START_BACK_PATHWAY).map((s) => [s.risk, s.plan.dailyStressPractice, s.plan.referral]),
    [
      ['low', false, 'none'],
      ['medium', false, 'physiotherapy'],
      ['high', true, 'psychologically_informed_physiotherapy_or_gp'],
    ],
  );
});

test('what each group is told matches what the plan does for it', () => {
  for (const step of Object.values(START_BACK_PATHWAY)) {
    const says = `${step.meaning} ${step.advice}`;
    // A promise of stress practice only where the plan adds it.
    assert.equal(/breathing practice/i.test(says), step.plan.dailyStressPractice, step.risk);
    assert.equal(/physiotherap/i.test(step.advice), step.plan.referral !== 'none', step.risk);
    assert.equal(
      /\bGP\b/.test(step.advice),
      step.plan.referral === 'psychologically_informed_physiotherapy_or_gp',
      step.risk,
    );
  }
  assert.match(START_BACK_PATHWAY.low.advice, /self-management/);
  assert.match(START_BACK_PATHWAY.medium.advice, /alongside/);
  assert.match(START_BACK_PATHWAY.high.advice, /psychologically informed physiotherapy/);
});

test('pathwayFor: none without a result', () => {
  assert.equal(pathwayFor(null), null);
  assert.equal(pathwayFor(undefined), null);
  assert.equal(pathwayFor('high')?.title, 'High risk');
});
