import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileHarness } from './file-harness.js';
import { inPage, PHONE } from './in-page.js';
import { checkIn, chooseScale, onboardedUser, navigateTo } from './steps.js';
import { checkA11y } from './axe.js';
import { download } from './download.js';
import { assertNoSidewaysScroll } from './layout.js';
import { answerQuestions } from './measures-steps.js';

const h = fileHarness();

test('questionnaires: due on Today, resumed after closing half way, scored, charted, exported', () =>
  inPage(h(), async ({ page, problems }) => {
    const email = await onboardedUser(page);
    await checkIn(page, 4, 6);

    // Day one asks one questionnaire, STarT Back; the baseline already counted as pain and PEG.
    const due = page.getByRole('region', { name: 'Questionnaires for today' });
    await due.waitFor();
    assert.deepEqual(await due.getByRole('link').allTextContents(), ['Keele STarT Back Screening Tool']);
    await checkA11y(page, 'today: questionnaires due');

    // RMDQ, not due until day 3 but offered: answer five, close the page, come back from Today and carry on.
    await page.goto('/progress/questionnaires/rmdq');
    await page.getByRole('heading', { level: 1, name: 'Roland-Morris Disability Questionnaire' }).waitFor();
    assert.match(
      (await page.getByTestId('licence-note').textContent()) ?? '',
      /free to use for non-commercial purposes/,
    );
    await checkA11y(page, 'questionnaire: first question');
    const ticked = new Set(['rmdq_01', 'rmdq_03', 'rmdq_13']);
    const rmdqAnswer = (id: string) => (ticked.has(id) ? 'Describes me today' : 'Does not describe me today');
    await answerQuestions(page, 'rmdq', rmdqAnswer, 5);
    await page.getByText('Your answers so far are saved.', { exact: false }).waitFor();
    await page.goto('/today');
    const finish = page.getByRole('link', { name: 'Finish Roland-Morris Disability Questionnaire' });
    await finish.waitFor();
    assert.match((await due.textContent()) ?? '', /5 of 24 answered/);
    await finish.click();
    await page.getByText('Welcome back: 5 of 24 already answered.').waitFor();
    await page.getByText('Question 6 of 24', { exact: true }).waitFor();
    await checkA11y(page, 'questionnaire: resumed');
    await answerQuestions(page, 'rmdq', rmdqAnswer);
    const result = page.getByTestId('questionnaire-result');
    assert.match((await result.textContent()) ?? '', /RMDQ: 3/);
    assert.match((await result.textContent()) ?? '', /3 of the 24 statements describe you today/);
    await checkA11y(page, 'questionnaire: result');

    // STarT Back from the Progress page: agreeing with the distress items puts you in the high-risk group.
    await navigateTo(page, 'Progress');
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    await checkA11y(page, 'progress: questionnaires due');
    await page.getByRole('link', { name: 'Keele STarT Back Screening Tool' }).click();
    assert.match((await page.getByTestId('licence-note').textContent()) ?? '', /Keele University/);
    const agree = new Set(['leg_pain', 'fear', 'anxiety', 'catastrophising', 'low_mood']);
    await answerQuestions(page, 'start_back', (id) =>
      id === 'bothersomeness' ? 'Very much' : agree.has(id) ? 'Agree' : 'Disagree',
    );
    await page.getByText('Risk group: High risk').waitFor();
    assert.match((await result.textContent()) ?? '', /psychologically informed physiotherapy/);
    // What it says, the plan does: a daily calm-down practice on Today, with the referral advice.
    await page.goto('/today');
    await page.getByTestId('pathway-advice').waitFor();
    assert.match((await page.getByTestId('pathway-advice').textContent()) ?? '', /GP or a physiotherapist/);
    await page.getByRole('link', { name: 'Calm-down breathing: 3 minutes' }).waitFor();
    await checkA11y(page, 'today: high-risk pathway');

    // PSS-4: 3 + (4-1) + (4-1) + 3 = 12.
    await page.goto('/progress/questionnaires/pss4');
    await answerQuestions(page, 'pss4', (id) =>
      id === 'pss4_2' || id === 'pss4_3' ? 'Almost never' : 'Fairly often',
    );
    assert.match((await result.textContent()) ?? '', /PSS-4: 12/);

    // PEG, not due yet but offered: (4 + 3 + 2) / 3 = 3.
    await page.goto('/progress');
    await page.getByRole('link', { name: 'PEG: pain, enjoyment of life, general activity' }).click();
    const pegAnswers: Record<string, string> = { pain: '4', enjoyment: '3', activity: '2' };
    await answerQuestions(page, 'peg', (id) => pegAnswers[id] ?? '0');
    assert.match((await result.textContent()) ?? '', /PEG: 3/);

    // The Progress page shows it all.
    await page.getByRole('link', { name: 'Back to Progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    await page.getByRole('heading', { name: 'Your STarT Back result: High risk' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Questionnaires for today' }).count(), 0);
    const rmdq = page.getByTestId('measure-rmdq');
    await rmdq.getByText('Show the numbers as a table').click();
    assert.deepEqual(await rmdq.getByRole('row').nth(1).getByRole('cell').allTextContents(), ['3']);
    assert.ok((await rmdq.locator('canvas').count()) > 0, 'the RMDQ chart is drawn');
    const pegChange = page.getByTestId('change-peg');
    assert.match((await pegChange.textContent()) ?? '', /down 1\.3\spoints, from 4\.3 to 3/);
    assert.match((await pegChange.textContent()) ?? '', /Too early to tell/);
    assert.match(
      (await pegChange.textContent()) ?? '',
      /it is day 1 of your programme, and a fair comparison needs 14\sdays/,
    );
    const painChange = page.getByTestId('change-pain');
    assert.match(
      (await painChange.textContent()) ?? '',
      /1 of the 5\sdaily ratings it needs in the last 7\sdays/,
    );
    const stressInsight = page.getByTestId('insight-stress_same_day');
    assert.match((await stressInsight.textContent()) ?? '', /Not enough data yet: 1 of 14\sdays\./);
    assert.ok(await page.getByText('Nothing is due today.', { exact: false }).isVisible());
    await checkA11y(page, 'progress: every measure');

    // Exports: CSV per measure, FHIR and the JSON of everything.
    const checkins = await download(page, 'Pain and stress check-ins (CSV)');
    assert.match(checkins.name, /^hipwise-pain-stress-checkins-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.match(checkins.text, /^\uFEFFdate,pain,stress,note,updated_at\r\n\d{4}-\d{2}-\d{2},4,6,,/);
    const rmdqCsv = await download(page, 'RMDQ answers (CSV)');
    assert.match(rmdqCsv.name, /^hipwise-rmdq-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row] = rmdqCsv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.match(header ?? '', /^source,date,completed_at,instrument_version,total,rmdq_01,/);
    assert.match(row ?? '', /,rmdq-24\/en-original\/1,3,1,0,1,0,/);
    // The baseline PEG that Progress charts is in the PEG CSV too, marked as the baseline, with the PEG answered later.
    const pegCsv = await download(page, 'PEG answers (CSV)');
    assert.match(
      pegCsv.text,
      /\r\nbaseline,\d{4}-\d{2}-\d{2},[^,]+[+-]\d\d:\d\d,,4\.3,6,4,3\r\nquestionnaire,[^\r]+,3,4,3,2\r\n$/,
    );
    const baselineCsv = await download(page, 'Baseline answers (CSV)');
    assert.match(baselineCsv.text, /\r\n\d{4}-\d{2}-\d{2},[^,]+,[^,]+,5,6,6,4,3,4\.3,7\.5,5\r\n$/);
    const sbCsv = await download(page, 'STarT Back answers (CSV)');
    assert.match(sbCsv.text, /,6,5,high,1,0,0,0,1,1,1,1,3\r\n$/);
    const fhir = await download(page, 'FHIR R4 observations (JSON)');
    assert.match(fhir.name, /^hipwise-fhir-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(fhir.text) as {
      resourceType: string;
      type: string;
      entry: Array<{
        resource: { code: { coding: Array<{ code: string }> }; valueQuantity: { value: number } };
      }>;
    };
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    const codes = bundle.entry.map((e) => [e.resource.code.coding[0]?.code, e.resource.valueQuantity.value]);
    assert.deepEqual(codes, [
      ['72514-3', 5],
      ['91147-9', 4.3],
      ['72514-3', 4],
      ['rmdq-24-total', 3],
      ['91351-7', 6],
      ['pss-4-total', 12],
      ['91147-9', 3],
    ]);
    const json = await download(page, 'Everything (JSON)');
    assert.equal((JSON.parse(json.text) as { account: { email: string } }).account.email, email);

    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('stress: a breathing session with the clock sped up, the weekly rule of thumb, the weekly summary', () =>
  inPage(h(), async ({ page, problems }) => {
    await page.clock.install();
    await onboardedUser(page);
    await navigateTo(page, 'Stress');
    await page.getByRole('heading', { level: 1, name: 'Stress' }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Read the lesson: Stress and the psoas' }).getAttribute('href'),
      '/program/lessons/stress',
    );
    await page.getByText('No practice yet.', { exact: false }).waitFor();
    assert.match(
      (await page.locator('#pace-summary').textContent()) ?? '',
      /^6\sbreaths a minute \(5\ss in, 5\ss out\)/,
    );
    await checkA11y(page, 'stress');

    // Starting without the "before" rating says what is missing.
    await page.getByRole('radio', { name: '1 min' }).check();
    await page.getByRole('button', { name: 'Start breathing' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Stress before: choose a number from 0 to 10.' })
      .waitFor();
    await checkA11y(page, 'stress: missing rating');
    await page.getByLabel('Breathe in (seconds)').fill('4');
    await page.getByLabel('Breathe out (seconds)').fill('6');
    await chooseScale(page, 'Stress before you start', 7);
    await page.getByRole('button', { name: 'Start breathing' }).click();

    const pacer = page.getByTestId('pacer');
    await pacer.waitFor();
    assert.equal(await pacer.getAttribute('data-phase'), 'inhale');
    assert.ok(await page.locator('.pacer-circle').isVisible(), 'the growing circle');
    const r0 = Number(await page.locator('.pacer-breath').getAttribute('r'));
    await page.clock.runFor(3000);
    assert.equal(await pacer.getAttribute('data-phase'), 'inhale');
    assert.ok(
      Number(await page.locator('.pacer-breath').getAttribute('r')) > r0 + 20,
      'the circle grows while breathing in',
    );
    await page.clock.runFor(2000);
    assert.equal(await pacer.getAttribute('data-phase'), 'exhale');
    assert.match((await pacer.textContent()) ?? '', /Breathe out/);
    await checkA11y(page, 'stress: breathing');
    // Reduced motion: a text and bar pacer instead of the moving circle.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.locator('.pacer-bar').waitFor();
    assert.equal(await page.locator('.pacer-circle').count(), 0);
    await checkA11y(page, 'stress: breathing, reduced motion');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.clock.runFor(56_000);
    await page.getByText('Done: 1:00 of slow breathing.').waitFor();
    await checkA11y(page, 'stress: breathing done');
    await chooseScale(page, 'Stress now', 4);
    await page.getByRole('button', { name: 'Save this practice' }).click();
    await page.getByText('Stress before 7, after 4 — 3 points calmer.').waitFor();
    const recent = page.getByRole('table', { name: 'Your recent practice, newest first' });
    assert.deepEqual(await recent.getByRole('row').nth(1).getByRole('cell').allTextContents(), [
      '1',
      '7',
      '4',
    ]);
    await checkA11y(page, 'stress: practice saved');

    // The weekly rule of thumb.
    await page.getByRole('button', { name: 'Save my pick' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Rule of thumb: choose one rule of thumb to try.' })
      .waitFor();
    await checkA11y(page, 'stress: rule of thumb missing');
    await page.getByRole('radio', { name: /^Simplify/ }).check();
    await page.getByLabel('How will you try it? (optional)').fill('One calendar instead of three');
    await page.getByRole('button', { name: 'Save my pick' }).click();
    await page.getByText('This week you are trying: Simplify').waitFor();
    await page.reload();
    await page.getByText('This week you are trying: Simplify').waitFor();
    assert.ok(await page.getByText('One calendar instead of three').isVisible());
    await checkA11y(page, 'stress: rule of thumb saved');

    // The weekly summary carries both, on a printable page.
    await page.goto('/progress/weekly');
    const summary = page.getByTestId('weekly-summary');
    await summary.waitFor();
    assert.match(
      (await summary.textContent()) ?? '',
      /Breathing practice: 1\ssession, 1\sminute; stress down 3\spoints/,
    );
    assert.match((await summary.textContent()) ?? '', /Simplify — “One calendar instead of three”/);
    await checkA11y(page, 'weekly summary');
    await page.emulateMedia({ media: 'print' });
    assert.equal(
      await page.getByRole('button', { name: 'Print' }).isVisible(),
      false,
      'controls are not printed',
    );
    assert.equal(await page.locator('.site-header').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });

    // The practice reaches the CSV export.
    await page.goto('/progress');
    const csv = await download(page, 'Breathing practice (CSV)');
    assert.match(csv.text, /,1,60,4,6,7,4\r\n$/);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  }));

test('the stress, progress, questionnaire and weekly screens fit a 360px phone', () =>
  inPage(h(), PHONE, async ({ page, problems }) => {
    await onboardedUser(page);
    await checkIn(page, 5, 5);
    for (const [path, heading] of [
      ['/stress', 'Stress'],
      ['/progress', 'Progress'],
      ['/progress/questionnaires/pss4', 'Perceived Stress Scale (4 items)'],
      ['/progress/questionnaires/peg', 'PEG: pain, enjoyment of life, general activity'],
      ['/progress/weekly', 'Weekly summary'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      await assertNoSidewaysScroll(page, path);
      await checkA11y(page, path);
    }
    assert.deepEqual(problems, []);
  }));
