// SPDX-License-Identifier: GPL-3.0-or-later
// openid-client (npm, v6) signs a user in at a running `lanyard serve`:
// discovery, authorization code + PKCE (S256) + state + nonce, the browser
// part done with fetch (lib/browser.mjs: login form, consent), the code grant
// (openid-client validates the ID token, nonce, at_hash and the RFC 9207 iss
// parameter), userinfo, the refresh grant, then what must fail: the same code
// twice, and the tokens of a replayed code afterwards. A second sign-in in the
// same browser shows single sign-on (with max_age) and the stability of
// `sub`; prompt=none without a session and a wrong PKCE verifier must fail.
//
//   node openid-client-flow.mjs ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD
//
// Prints one JSON line per step: {"step":NAME,"ok":true|false,...}. Nothing
// listens at REDIRECT_URI: the browser stops at the redirect to it. Tokens
// and codes are never printed, only claims and facts about them.
// Exit code: 0 when every step ran (a step's "ok" may still be false: the
// caller judges), 1 when a step the rest depends on failed, 2 on bad usage.
import * as client from 'openid-client';
import { Browser, navigate, emit, describeError } from './lib/browser.mjs';

const [issuer, clientId, clientSecret, redirectUri, username, password] = process.argv.slice(2);
if (!password) {
  console.error('usage: node openid-client-flow.mjs ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD');
  process.exit(2);
}

const scope = 'openid profile email offline_access';
const atRedirectUri = (url) => `${url.origin}${url.pathname}` === redirectUri;

function jwtHeader(token) {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
}

/**
 * Runs `body`, which resolves to the facts to print plus, under `value`,
 * what the next steps need (never printed). On failure prints the error
 * and, if `fatal`, exits 1.
 */
async function step(name, body, { fatal = true } = {}) {
  try {
    const { value, ...report } = await body();
    emit({ step: name, ok: true, ...report });
    return value;
  } catch (error) {
    emit({ step: name, ok: false, error: describeError(error) });
    if (fatal) process.exit(1);
    return undefined;
  }
}

/** One authorization request through the browser; returns the callback URL and the checks. */
async function authorize(config, browser, extra = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  const result = await navigate(browser, url, { username, password, decision: 'allow', stopAt: atRedirectUri });
  if (!result.stoppedAt) throw new Error(`the flow ended at ${result.final.url} (${result.final.status}) instead of the redirect URI`);
  const callback = result.stoppedAt;
  return {
    callback,
    verifier,
    state,
    nonce,
    report: {
      pages: result.steps.map((s) => s.page).filter(Boolean),
      requests: result.steps.length,
      response_parameters: [...callback.searchParams.keys()].sort(),
      iss: callback.searchParams.get('iss'),
      state_echoed: callback.searchParams.get('state') === state,
    },
  };
}

const options = issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : {};
const config = await step('discovery', async () => {
  const discovered = await client.discovery(new URL(issuer), clientId, undefined, client.ClientSecretBasic(clientSecret), options);
  const m = discovered.serverMetadata();
  return {
    issuer: m.issuer,
    endpoints: {
      authorization: Boolean(m.authorization_endpoint),
      token: Boolean(m.token_endpoint),
      userinfo: Boolean(m.userinfo_endpoint),
    },
    authorization_response_iss_parameter_supported: m.authorization_response_iss_parameter_supported ?? null,
    code_challenge_methods_supported: m.code_challenge_methods_supported ?? null,
    value: discovered,
  };
});

const browser = new Browser();
const first = await step('authorize', async () => {
  const a = await authorize(config, browser);
  return { ...a.report, value: a };
});

const tokens = await step('code_grant', async () => {
  const t = await client.authorizationCodeGrant(config, first.callback, {
    pkceCodeVerifier: first.verifier,
    expectedState: first.state,
    expectedNonce: first.nonce,
    idTokenExpected: true,
  });
  const header = jwtHeader(t.id_token);
  return {
    token_type: t.token_type,
    scope: t.scope ?? null,
    expires_in: t.expires_in ?? null,
    has_refresh_token: typeof t.refresh_token === 'string',
    id_token_alg: header.alg,
    access_token_header: t.access_token.split('.').length === 3 ? jwtHeader(t.access_token) : null,
    claims: t.claims(),
    value: t,
  };
});
const subject = tokens.claims().sub;

await step('userinfo', async () => {
  const claims = await client.fetchUserInfo(config, tokens.access_token, subject);
  return { claims };
});

const refreshed = await step('refresh', async () => {
  const t = await client.refreshTokenGrant(config, tokens.refresh_token);
  return {
    token_type: t.token_type,
    scope: t.scope ?? null,
    has_refresh_token: typeof t.refresh_token === 'string',
    refresh_token_rotated: typeof t.refresh_token === 'string' && t.refresh_token !== tokens.refresh_token,
    access_token_changed: t.access_token !== tokens.access_token,
    claims: t.id_token ? t.claims() : null,
    value: t,
  };
});

await step('userinfo_after_refresh', async () => {
  const claims = await client.fetchUserInfo(config, refreshed.access_token, subject);
  return { sub: claims.sub };
});

// RFC 6749 §4.1.2: "If an authorization code is used more than once, the
// authorization server MUST deny the request and SHOULD revoke (when
// possible) all tokens previously issued based on that authorization code."
await step(
  'replay_code',
  async () => {
    await client.authorizationCodeGrant(config, first.callback, {
      pkceCodeVerifier: first.verifier,
      expectedState: first.state,
      expectedNonce: first.nonce,
    });
    return { accepted: true };
  },
  { fatal: false },
);
const latestRefresh = refreshed.refresh_token ?? tokens.refresh_token;
await step(
  'refresh_after_replay',
  async () => {
    await client.refreshTokenGrant(config, latestRefresh);
    return { accepted: true };
  },
  { fatal: false },
);
await step(
  'userinfo_after_replay',
  async () => {
    await client.fetchUserInfo(config, refreshed.access_token, subject);
    return { accepted: true };
  },
  { fatal: false },
);

// Single sign-on: the same browser asks again and is not shown the login
// page; with max_age the ID token's auth_time must show the sign-in was
// recent enough (openid-client checks it).
const second = await step('authorize_again', async () => {
  const a = await authorize(config, browser, { max_age: '300' });
  return { ...a.report, value: a };
});
await step('code_grant_again', async () => {
  const t = await client.authorizationCodeGrant(config, second.callback, {
    pkceCodeVerifier: second.verifier,
    expectedState: second.state,
    expectedNonce: second.nonce,
    maxAge: 300,
  });
  return { claims: t.claims() };
});

// prompt=none in a browser without a session: an error response (with iss,
// RFC 9207 §2) that openid-client reports as login_required.
await step(
  'prompt_none_signed_out',
  async () => {
    const a = await authorize(config, new Browser(), { prompt: 'none' });
    try {
      await client.authorizationCodeGrant(config, a.callback, {
        pkceCodeVerifier: a.verifier,
        expectedState: a.state,
        expectedNonce: a.nonce,
      });
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError) {
        return { ...a.report, error: error.error, error_description: error.error_description ?? null };
      }
      throw error;
    }
    return { ...a.report, error: null };
  },
  { fatal: false },
);

// PKCE: a code redeemed with another verifier is refused (RFC 7636 §4.6).
const third = await step('authorize_pkce', async () => {
  const a = await authorize(config, browser);
  return { ...a.report, value: a };
});
await step(
  'wrong_verifier',
  async () => {
    await client.authorizationCodeGrant(config, third.callback, {
      pkceCodeVerifier: client.randomPKCECodeVerifier(),
      expectedState: third.state,
      expectedNonce: third.nonce,
    });
    return { accepted: true };
  },
  { fatal: false },
);
emit({ step: 'done', ok: true });
