import { createPoseDetector } from '@hipwise/pose';
import { sittingAccuracyAtScale } from '@hipwise/pose/testing';
const tracking = process.argv[2] !== 'off';
const d = await createPoseDetector({ cropTracking: tracking });
for (const s of (process.argv[3] ?? '0.5').split(',').map(Number)) {
  const t0 = Date.now();
  const r = await sittingAccuracyAtScale(d, s);
  console.log(tracking, s, `${r.correct}/${r.total}`, ((Date.now()-t0)/1000).toFixed(1)+'s', r.cases.filter(c=>c.predicted!==c.expected).map(c=>`${c.rel}@${c.place}:${c.predicted}`).join(' '));
}
d.dispose();
