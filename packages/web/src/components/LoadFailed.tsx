import { Alert } from './Alert';

/** What every screen shows when its data did not load: the reason, and a way to try again. */
export function LoadFailed({
  title,
  message,
  retry,
}: {
  readonly title: string;
  readonly message: string;
  readonly retry: () => void;
}) {
  return (
    <Alert tone="error" title={title}>
      <p>{message}</p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </Alert>
  );
}
