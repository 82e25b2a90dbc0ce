import { useCallback, useState } from 'react';
import { Alert } from '../../components/Alert';
import { CAMERA_TIMEOUTS } from './in-view';
import { useDeadline } from './use-deadline';
import { seconds } from '../../lib/units';

/** A practice hold's longest run: its planned length plus time to get into position. */
export const holdLimitSeconds = (holdSeconds: number) =>
  holdSeconds + CAMERA_TIMEOUTS.practiceHoldGraceMs / 1000;

/**
 * Ends a hold that has run `holdLimitSeconds` (the form timer may never reach its target when
 * the camera cannot see the pose, and a hold must not wait forever); `timedOut` says so until the
 * next hold starts.
 */
export function useHoldTimeout(
  holding: boolean,
  holdSeconds: number,
  endHold: () => void,
): { readonly timedOut: boolean } {
  const [timedOut, setTimedOut] = useState(false);
  const expire = useCallback(() => {
    endHold();
    setTimedOut(true);
  }, [endHold]);
  useDeadline(holding, holdLimitSeconds(holdSeconds) * 1000, expire);
  if (holding && timedOut) setTimedOut(false);
  return { timedOut };
}

export function HoldTimedOut({ holdSeconds }: { readonly holdSeconds: number }) {
  return (
    <Alert tone="warning" title={`Hold stopped after ${seconds(holdLimitSeconds(holdSeconds))}`}>
      <p>
        A {seconds(holdSeconds)} hold stops on its own a minute after its planned length, so it never waits
        forever. If the camera could not see you, sit side-on with your whole body in view. Start another hold
        when you are ready, or turn the camera off.
      </p>
    </Alert>
  );
}
