import * as oidc from 'openid-client';
import type { SsoErrorCode } from '@hipwise/core';
import type { Clock } from '../clock.js';
import type { OidcConfig } from '../config.js';

/** A sign-in refused, with the code the log-in page turns into a sentence. */
export class SsoError extends Error {
  override readonly name = 'SsoError';
  constructor(
    readonly code: SsoErrorCode,
    /** For the log: what went wrong, without tokens or secrets. */
    readonly reason: string,
    /** A sign-in, or a fresh sign-in confirming a signed-in account (whose person goes back to Settings). */
    readonly during: 'signin' | 'reauth' = 'signin',
  ) {
    super(reason);
  }
}

/** What the provider vouches for about the person, from the validated ID token and UserInfo. */
export interface ProviderClaims {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  /** The raw value of the configured role claim, if the provider sent one. */
  role: unknown;
  /** When the person last typed their credentials at the provider (seconds since 1970), if it says. */
  authTime: number | undefined;
}

export interface AuthorizationRequest {
  redirectUrl: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Ask the provider to have the person sign in again now, whatever session they have there. */
  fresh?: boolean;
}

// Requests to the provider give up after this long: a person is waiting on the other end.
const TIMEOUT_SECONDS = 10;

/**
 * openid-client, configured for one provider: discovery once (again after a failure), the
 * authorization request with PKCE, state and nonce, and the code exchange with the ID token's
 * validation (signature, issuer, audience, nonce, expiry) done by the library.
 */
export function oidcClient(config: OidcConfig, clock: Clock) {
  const issuer = new URL(config.issuer);
  const insecure = issuer.protocol === 'http:';
  const auth = config.clientSecret ? oidc.ClientSecretBasic(config.clientSecret) : oidc.None();
  let discovered: Promise<oidc.ServerMetadata> | undefined;
  let jwks: oidc.ExportedJWKSCache | undefined;

  async function serverMetadata(): Promise<oidc.ServerMetadata> {
    discovered ??= oidc
      .discovery(issuer, config.clientId, undefined, auth, {
        timeout: TIMEOUT_SECONDS,
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .then((c) => ({ ...c.serverMetadata() }));
    try {
      return await discovered;
    } catch (err) {
      discovered = undefined;
      throw new SsoError('provider_unreachable', `discovery at ${config.issuer} failed: ${describe(err)}`);
    }
  }

  /** A configuration judging times by our clock, so tests and the app agree on what "expired" means. */
  async function configuration(): Promise<oidc.Configuration> {
    const skewSeconds = Math.round((clock.now().getTime() - Date.now()) / 1000);
    const c = new oidc.Configuration(
      await serverMetadata(),
      config.clientId,
      { [oidc.clockSkew]: skewSeconds },
      auth,
    );
    c.timeout = TIMEOUT_SECONDS;
    if (insecure) oidc.allowInsecureRequests(c);
    if (jwks) oidc.setJwksCache(c, jwks);
    return c;
  }

  return {
    async authorizationUrl(r: AuthorizationRequest): Promise<URL> {
      return oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: r.redirectUrl,
        scope: 'openid email profile',
        state: r.state,
        nonce: r.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(r.codeVerifier),
        code_challenge_method: 'S256',
        ...(r.fresh ? { prompt: 'login', max_age: '0' } : {}),
      });
    },

    /** The provider's answer at our callback URL, checked and exchanged for the person's claims. */
    async exchange(callbackUrl: URL, r: AuthorizationRequest): Promise<ProviderClaims> {
      const c = await configuration();
      try {
        const tokens = await oidc.authorizationCodeGrant(c, callbackUrl, {
          pkceCodeVerifier: r.codeVerifier,
          expectedState: r.state,
          expectedNonce: r.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new SsoError('token_invalid', 'no ID token in the token response');
        // Many providers put email and groups in UserInfo only; its subject must match the ID token's.
        const info = c.serverMetadata().userinfo_endpoint
          ? await oidc.fetchUserInfo(c, tokens.access_token, idToken.sub)
          : {};
        const claims: Record<string, unknown> = { ...info, ...idToken };
        jwks = oidc.getJwksCache(c) ?? jwks;
        return {
          issuer: idToken.iss,
          subject: idToken.sub,
          email: typeof claims['email'] === 'string' ? claims['email'] : undefined,
          emailVerified: claims['email_verified'] === true,
          role: config.roleClaim === undefined ? undefined : claims[config.roleClaim],
          authTime: typeof idToken.auth_time === 'number' ? idToken.auth_time : undefined,
        };
      } catch (err) {
        throw toSsoError(err);
      }
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return `${err.name}${typeof code === 'string' ? ` ${code}` : ''}: ${err.message}`;
}

/** Which check failed, from openid-client's error: its cause names the claim. */
function toSsoError(err: unknown): SsoError {
  if (err instanceof SsoError) return err;
  if (err instanceof oidc.AuthorizationResponseError) {
    return new SsoError('provider_refused', `the provider answered ${err.error}`);
  }
  if (err instanceof oidc.ResponseBodyError) {
    return new SsoError('provider_refused', `the token endpoint answered ${err.error}`);
  }
  if (err instanceof oidc.ClientError) {
    const claim = (err.cause as { cause?: { claim?: unknown } } | undefined)?.cause?.claim;
    const reason = `${describe(err)}${typeof claim === 'string' ? ` (claim ${claim})` : ''}`;
    if (err.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce') {
      return new SsoError('nonce_mismatch', reason);
    }
    if (err.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && (claim === 'aud' || claim === 'azp')) {
      return new SsoError('wrong_audience', reason);
    }
    if (err.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' && claim === 'exp') {
      return new SsoError('token_expired', reason);
    }
    if (err.code === 'OAUTH_TIMEOUT' || err.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
      return new SsoError('provider_unreachable', reason);
    }
    return new SsoError('token_invalid', reason);
  }
  // fetch's TypeError: the provider could not be reached at all.
  if (err instanceof TypeError) return new SsoError('provider_unreachable', describe(err));
  return new SsoError('token_invalid', describe(err));
}
