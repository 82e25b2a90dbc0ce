import type { User } from '@hipwise/core';

/** What middleware puts on the request context for the routes after it. */
export interface AppEnv {
  Variables: {
    user: User;
    sessionToken: string;
    /** Whether the client reached us over https (directly or through a trusted proxy). */
    https: boolean;
  };
}
