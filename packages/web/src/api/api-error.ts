/** Every failed call becomes one of these, so screens handle errors in one way. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The session is gone (expired, logged out elsewhere), as opposed to a wrong password. */
  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code !== 'invalid_credentials';
  }
}

/** Status 0: the request never got an answer (offline, server down). */
export function networkError(): ApiError {
  return new ApiError(0, 'network', 'Could not reach hipwise. Check your connection and try again.');
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
