import * as client from 'openid-client';
import {
  type IdentityVerifier,
  normalizeCitizenId,
  normalizeName,
  type OidcEvidence,
  type Outcome,
  type SellerIdentity,
} from './verifier.js';

/** How the app is registered with the identity provider (config.oidc). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claim holding the personal identification number; `citizen_id` is always accepted too. */
  idClaim?: string;
}

/** The one-time values of one authorization request, kept by the browser until the callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
}

export interface OidcInput {
  /** The callback URL as the provider sent the browser to it (with code, state, iss or error). */
  callbackUrl: URL;
  flow: OidcFlow;
}

export interface OidcVerifier extends IdentityVerifier<OidcInput> {
  /** Where to send the browser, and the values to keep for the callback. */
  start(): Promise<{ url: URL; flow: OidcFlow }>;
}

export const DEFAULT_ID_CLAIM = 'personal_id';
const SCOPE = 'openid profile';

/**
 * Provider metadata, discovered on first use and kept for the life of the process. It is
 * the provider's public description, the same for every instance, so no instance needs
 * to agree with another about it. A failed discovery is not kept: the next request retries.
 */
const discovered = new Map<string, Promise<client.Configuration>>();

function discover(s: OidcSettings): Promise<client.Configuration> {
  const key = [s.issuer, s.clientId, s.clientSecret].join('\n');
  let config = discovered.get(key);
  if (!config) {
    const issuer = new URL(s.issuer);
    config = client.discovery(issuer, s.clientId, s.clientSecret, client.ClientSecretBasic(s.clientSecret), {
      // Plain http only for a provider on this machine (development and tests).
      execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    config.catch(() => discovered.delete(key));
    discovered.set(key, config);
  }
  return config;
}

function isLoopbackHttp(u: URL): boolean {
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/** Strings and numbers alike: some providers send the identification number as a number. */
function claimText(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * Verification through the national identity platform (VNeID) over OpenID Connect: an
 * authorization-code flow with PKCE, state and nonce; the person the provider vouches for
 * must be the representative on the application (same identification number, same name).
 */
export function oidcVerifier(s: OidcSettings, redirectUri: string): OidcVerifier {
  const idClaims = [s.idClaim ?? DEFAULT_ID_CLAIM, 'citizen_id'];

  async function claimsOf(config: client.Configuration, input: OidcInput): Promise<Record<string, unknown>> {
    const tokens = await client.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: input.flow.verifier,
      expectedState: input.flow.state,
      expectedNonce: input.flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    const has = (c: Record<string, unknown>) => claimText(c.name) && idClaims.some((k) => claimText(c[k]));
    if (has(idToken)) return idToken;
    // Many providers put profile claims only in UserInfo; the signed ID token still decides who it is.
    const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    return { ...info, ...idToken };
  }

  return {
    method: 'oidc',

    async start() {
      const config = await discover(s);
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
      });
      return { url, flow };
    },

    async verify(seller: SellerIdentity, input: OidcInput): Promise<Outcome> {
      const params = input.callbackUrl.searchParams;
      // State first: an answer to a request this browser did not make is not read further.
      if (params.get('state') !== input.flow.state) return { ok: false, reason: 'state' };
      const error = params.get('error');
      if (error)
        return {
          ok: false,
          reason: error === 'access_denied' ? 'denied' : 'provider_error',
          detail: { error },
        };
      let config: client.Configuration;
      let claims: Record<string, unknown>;
      try {
        config = await discover(s);
      } catch (e) {
        return { ok: false, reason: 'unreachable', detail: { error: String(e) } };
      }
      try {
        claims = await claimsOf(config, input);
      } catch (e) {
        if (e instanceof client.ResponseBodyError || e instanceof client.AuthorizationResponseError) {
          return { ok: false, reason: 'provider_error', detail: { error: e.error } };
        }
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        if (e instanceof TypeError && cause)
          return { ok: false, reason: 'unreachable', detail: { error: cause } };
        return { ok: false, reason: 'invalid', detail: { error: (e as Error).message } };
      }
      const issuer = config.serverMetadata().issuer;
      const subject = String(claims.sub);
      const citizenId = idClaims.map((k) => claimText(claims[k])).find(Boolean);
      const name = claimText(claims.name);
      if (!citizenId || !name) return { ok: false, reason: 'missing_claims', detail: { issuer, subject } };
      const mismatched = [
        ...(normalizeCitizenId(citizenId) !== normalizeCitizenId(seller.repCitizenId ?? '')
          ? ['citizen_id']
          : []),
        ...(normalizeName(name) !== normalizeName(seller.repName ?? '') ? ['name'] : []),
      ];
      if (mismatched.length)
        return { ok: false, reason: 'mismatch', detail: { issuer, subject, mismatched } };
      const evidence: OidcEvidence = { issuer, subject, name, verifiedAt: new Date().toISOString() };
      return { ok: true, evidence: { ...evidence } };
    },
  };
}
