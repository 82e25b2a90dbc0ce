import { Link } from 'wouter';
import { Loading } from '../../components/Loading';
import { LoadFailed } from '../../components/LoadFailed';
import { BlockNotice } from '../program/BlockNotice';
import type { PracticeGateState } from './use-practice-gate';

/** Why practice holds cannot start now (or that it is still being checked), under the page heading. */
export function PracticeGateNotice({
  title,
  gate,
}: {
  readonly title: string;
  readonly gate: Exclude<PracticeGateState, { kind: 'open' }>;
}) {
  return (
    <>
      <h1>{title}</h1>
      {gate.kind === 'loading' && <Loading label="Checking your programme…" />}
      {gate.kind === 'failed' && (
        <LoadFailed title="Could not check your programme" message={gate.message} retry={gate.retry} />
      )}
      {gate.kind === 'blocked' && (
        <>
          <p className="lead">
            Practice follows the same safety rules as your sessions, so it is closed for now.
          </p>
          <BlockNotice block={gate.block} />
        </>
      )}
      {gate.kind === 'rest' && (
        <p className="lead">
          Today’s session was painful (you stopped for pain, or your pain rose afterwards): rest, and try
          again tomorrow. Practice opens again then.
        </p>
      )}
      <p>
        <Link href="~/program">Back to your programme</Link>
      </p>
    </>
  );
}
