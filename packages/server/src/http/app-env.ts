import type { UserWithHash } from '../repositories/users.js';

/** What middleware puts on the request context for the routes after it. */
export interface AppEnv {
  Variables: {
    user: UserWithHash;
    sessionToken: string;
    /** Whether the client reached us over https (directly or through a trusted proxy). */
    https: boolean;
  };
}
