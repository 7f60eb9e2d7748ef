// SPDX-License-Identifier: GPL-3.0-or-later
// openid-client (npm, v5: v6 needs Node 20) signs a user in at a running `lanyard serve`:
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
import { Issuer, generators, errors } from 'openid-client';
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
async function authorize(rp, browser, extra = {}) {
  const verifier = generators.codeVerifier();
  const state = generators.state();
  const nonce = generators.nonce();
  const url = rp.authorizationUrl({
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    code_challenge: generators.codeChallenge(verifier),
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

/**
 * The code grant for `a` (an authorize() result): openid-client checks the
 * response's state and RFC 9207 iss, redeems the code with the PKCE
 * verifier, and validates the ID token (signature against the JWKS, iss,
 * aud, exp, iat, nonce, at_hash, and auth_time when `maxAge` is given).
 */
function codeGrant(rp, a, { verifier = a.verifier, maxAge } = {}) {
  return rp.callback(redirectUri, rp.callbackParams(a.callback.href), {
    response_type: 'code',
    code_verifier: verifier,
    state: a.state,
    nonce: a.nonce,
    ...(maxAge === undefined ? {} : { max_age: maxAge }),
  });
}

const config = await step('discovery', async () => {
  const discovered = await Issuer.discover(issuer);
  const m = discovered.metadata;
  const rp = new discovered.Client({
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  });
  return {
    issuer: m.issuer,
    endpoints: {
      authorization: Boolean(m.authorization_endpoint),
      token: Boolean(m.token_endpoint),
      userinfo: Boolean(m.userinfo_endpoint),
    },
    authorization_response_iss_parameter_supported: m.authorization_response_iss_parameter_supported ?? null,
    code_challenge_methods_supported: m.code_challenge_methods_supported ?? null,
    value: rp,
  };
});

const browser = new Browser();
const first = await step('authorize', async () => {
  const a = await authorize(config, browser);
  return { ...a.report, value: a };
});

const tokens = await step('code_grant', async () => {
  const t = await codeGrant(config, first);
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
  // Given the TokenSet, openid-client checks userinfo's sub against the ID token's.
  const claims = await config.userinfo(tokens);
  return { claims };
});

const refreshed = await step('refresh', async () => {
  const t = await config.refresh(tokens.refresh_token);
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
  const claims = await config.userinfo(refreshed.access_token);
  if (claims.sub !== subject) throw new Error(`userinfo sub ${claims.sub} is not the ID token's ${subject}`);
  return { sub: claims.sub };
});

// RFC 6749 §4.1.2: "If an authorization code is used more than once, the
// authorization server MUST deny the request and SHOULD revoke (when
// possible) all tokens previously issued based on that authorization code."
await step(
  'replay_code',
  async () => {
    await codeGrant(config, first);
    return { accepted: true };
  },
  { fatal: false },
);
const latestRefresh = refreshed.refresh_token ?? tokens.refresh_token;
await step(
  'refresh_after_replay',
  async () => {
    await config.refresh(latestRefresh);
    return { accepted: true };
  },
  { fatal: false },
);
await step(
  'userinfo_after_replay',
  async () => {
    await config.userinfo(refreshed.access_token);
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
  const t = await codeGrant(config, second, { maxAge: 300 });
  return { claims: t.claims() };
});

// prompt=none in a browser without a session: an error response (with iss,
// RFC 9207 §2) that openid-client reports as login_required.
await step(
  'prompt_none_signed_out',
  async () => {
    const a = await authorize(config, new Browser(), { prompt: 'none' });
    try {
      await codeGrant(config, a);
    } catch (error) {
      // An error response at the redirect URI (after state and iss passed).
      if (error instanceof errors.OPError && error.response === undefined) {
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
    await codeGrant(config, third, { verifier: generators.codeVerifier() });
    return { accepted: true };
  },
  { fatal: false },
);
emit({ step: 'done', ok: true });
