import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Account, Provider } from 'oidc-provider';

/** A person known to the test identity provider, as VNeID would describe them. */
export interface Person {
  name: string;
  personal_id?: string;
  citizen_id?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Plays the browser at the provider: opens the authorization URL, signs in as `accountId`,
   * consents (or cancels at the sign-in page), and returns where the provider sends it back.
   */
  authorize(authorizationUrl: string, accountId: string, opts?: { cancel?: boolean }): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 and a random port, with one
 * registered client. Plain http on loopback is what development mode allows.
 */
export async function startTestIdp(redirectUri: string, people: Record<string, Person>): Promise<TestIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'tmdt-test';
  const clientSecret = 'tmdt-test-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'personal_id', 'citizen_id'] },
    async findAccount(_ctx: unknown, sub: string): Promise<Account | undefined> {
      const person = people[sub];
      return person ? { accountId: sub, claims: () => ({ sub, ...person }) } : undefined;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-idp-cookie-key'] },
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
    },
  });
  server.on('request', provider.callback());

  async function authorize(
    authorizationUrl: string,
    accountId: string,
    opts: { cancel?: boolean } = {},
  ): Promise<URL> {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 20; hop++) {
      const res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        body,
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      body = undefined;
      const location = res.headers.get('location');
      if (location) {
        url = new URL(location, url);
        if (url.href.startsWith(redirectUri)) return url;
        continue;
      }
      const html = await res.text();
      if (res.status !== 200) throw new Error(`identity provider answered ${res.status}: ${html}`);
      // devInteractions pages: a sign-in form, then a consent form, both posting to the page's URL.
      if (html.includes('name="prompt" value="login"')) {
        if (opts.cancel) {
          url = new URL(`${url.pathname}/abort`, url);
          continue;
        }
        body = new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' });
      } else if (html.includes('name="prompt" value="consent"')) {
        body = new URLSearchParams({ prompt: 'consent' });
      } else {
        throw new Error(`unexpected identity provider page: ${html.slice(0, 300)}`);
      }
    }
    throw new Error('too many redirects at the identity provider');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    authorize,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
