// SPDX-License-Identifier: GPL-3.0-or-later
// openid-client (npm) introspects (RFC 7662) and revokes (RFC 7009) tokens at
// a running `lanyard serve`: it reads introspection_endpoint and
// revocation_endpoint from discovery, signs a user in (code + PKCE through
// lib/browser.mjs) for an access and a refresh token, introspects both as
// their client and as a resource server, revokes the access token alone
// (userinfo and introspection then refuse it; the refresh token lives on),
// refreshes, revokes the refresh token (its grant and access tokens go with
// it) and revokes an unknown token (200).
//
//   node openid-client-tokens.mjs ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD RS_ID RS_SECRET
//
// RS_ID is a client registered with "resource_server": true that
// authenticates with client_secret_post. Works with openid-client 6
// (tokenIntrospection / tokenRevocation) and 5 (Client#introspect /
// Client#revoke), whichever tests/interop has installed.
//
// Prints one JSON line per step: {"step":NAME,"ok":true|false,...}. Tokens
// are never printed, only facts about them. Exit code: 0 when every step
// ran (a step's "ok" may still be false: the caller judges), 1 when a step
// the rest depends on failed, 2 on bad usage.
import * as oc from 'openid-client';
import { Browser, navigate, emit, describeError } from './lib/browser.mjs';

const [issuer, clientId, clientSecret, redirectUri, username, password, rsId, rsSecret] = process.argv.slice(2);
if (!rsSecret) {
  console.error('usage: node openid-client-tokens.mjs ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD RS_ID RS_SECRET');
  process.exit(2);
}

const scope = 'openid profile offline_access';
const atRedirectUri = (url) => `${url.origin}${url.pathname}` === redirectUri;
const v6 = typeof oc.tokenIntrospection === 'function';

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

/** openid-client 6: a Configuration per client, module functions. */
async function version6() {
  const options = issuer.startsWith('http:') ? { execute: [oc.allowInsecureRequests] } : {};
  const server = new URL(issuer);
  const config = await oc.discovery(server, clientId, undefined, oc.ClientSecretBasic(clientSecret), options);
  const rs = await oc.discovery(server, rsId, undefined, oc.ClientSecretPost(rsSecret), options);
  const hint = (h) => (h ? { token_type_hint: h } : undefined);
  return {
    metadata: config.serverMetadata(),
    async signIn(browser) {
      const verifier = oc.randomPKCECodeVerifier();
      const state = oc.randomState();
      const nonce = oc.randomNonce();
      const url = oc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope,
        code_challenge: await oc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      const result = await navigate(browser, url, { username, password, decision: 'allow', stopAt: atRedirectUri });
      if (!result.stoppedAt) throw new Error(`the flow ended at ${result.final.url} instead of the redirect URI`);
      return oc.authorizationCodeGrant(config, result.stoppedAt, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
    },
    introspect: (token, h) => oc.tokenIntrospection(config, token, hint(h)),
    introspectAsResourceServer: (token, h) => oc.tokenIntrospection(rs, token, hint(h)),
    revoke: (token, h) => oc.tokenRevocation(config, token, hint(h)),
    refresh: (refreshToken) => oc.refreshTokenGrant(config, refreshToken),
    userinfo: (accessToken, sub) => oc.fetchUserInfo(config, accessToken, sub),
  };
}

/** openid-client 5: Issuer and Client objects. */
async function version5() {
  const discovered = await oc.Issuer.discover(issuer);
  const rp = new discovered.Client({
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  });
  const rs = new discovered.Client({
    client_id: rsId,
    client_secret: rsSecret,
    token_endpoint_auth_method: 'client_secret_post',
    introspection_endpoint_auth_method: 'client_secret_post',
  });
  return {
    metadata: discovered.metadata,
    async signIn(browser) {
      const { generators } = oc;
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
      });
      const result = await navigate(browser, url, { username, password, decision: 'allow', stopAt: atRedirectUri });
      if (!result.stoppedAt) throw new Error(`the flow ended at ${result.final.url} instead of the redirect URI`);
      return rp.callback(redirectUri, rp.callbackParams(result.stoppedAt.href), {
        response_type: 'code',
        code_verifier: verifier,
        state,
        nonce,
      });
    },
    introspect: (token, h) => rp.introspect(token, h),
    introspectAsResourceServer: (token, h) => rs.introspect(token, h),
    revoke: (token, h) => rp.revoke(token, h),
    refresh: (refreshToken) => rp.refresh(refreshToken),
    userinfo: (accessToken) => rp.userinfo(accessToken),
  };
}

/** What an introspection answer says, without the token. */
function facts(answer) {
  return {
    active: answer.active,
    token_type: answer.token_type ?? null,
    client_id: answer.client_id ?? null,
    sub: answer.sub ?? null,
    username: answer.username ?? null,
    scope: answer.scope ?? null,
    aud: answer.aud ?? null,
    iss: answer.iss ?? null,
    has_jti: typeof answer.jti === 'string' && answer.jti.length > 0,
    exp_in_future: typeof answer.exp === 'number' && answer.exp > Date.now() / 1000,
    members: Object.keys(answer).sort(),
  };
}

const rp = await step('discovery', async () => {
  const r = v6 ? await version6() : await version5();
  const m = r.metadata;
  return {
    library: v6 ? 'openid-client 6' : 'openid-client 5',
    introspection_endpoint: m.introspection_endpoint ?? null,
    revocation_endpoint: m.revocation_endpoint ?? null,
    introspection_endpoint_auth_methods_supported: m.introspection_endpoint_auth_methods_supported ?? null,
    revocation_endpoint_auth_methods_supported: m.revocation_endpoint_auth_methods_supported ?? null,
    value: r,
  };
});

const tokens = await step('sign_in', async () => {
  const t = await rp.signIn(new Browser());
  return {
    has_access_token: typeof t.access_token === 'string',
    has_refresh_token: typeof t.refresh_token === 'string',
    value: { access: t.access_token, refresh: t.refresh_token, sub: t.claims().sub },
  };
});

await step('introspect_access', async () => facts(await rp.introspect(tokens.access, 'access_token')), { fatal: false });
await step('introspect_refresh', async () => facts(await rp.introspect(tokens.refresh, 'refresh_token')), { fatal: false });
// RFC 7662 §2.1: the hint is not trusted.
await step('introspect_refresh_wrong_hint', async () => facts(await rp.introspect(tokens.refresh, 'access_token')), { fatal: false });
await step('introspect_access_as_resource_server', async () => facts(await rp.introspectAsResourceServer(tokens.access)), { fatal: false });
await step('introspect_refresh_as_resource_server', async () => facts(await rp.introspectAsResourceServer(tokens.refresh)), { fatal: false });
await step('introspect_garbage', async () => facts(await rp.introspect('not-a-token-of-this-server')), { fatal: false });

// The access token alone.
await step('revoke_access', async () => {
  await rp.revoke(tokens.access, 'access_token');
  return { revoked: true };
}, { fatal: false });
await step('introspect_access_after_revoke', async () => facts(await rp.introspect(tokens.access)), { fatal: false });
await step('userinfo_after_access_revoke', async () => {
  await rp.userinfo(tokens.access, tokens.sub);
  return { accepted: true };
}, { fatal: false });
await step('introspect_refresh_after_access_revoke', async () => facts(await rp.introspect(tokens.refresh)), { fatal: false });

// The refresh token: the grant and its access tokens.
const refreshed = await step('refresh', async () => {
  const t = await rp.refresh(tokens.refresh);
  return {
    has_access_token: typeof t.access_token === 'string',
    value: { access: t.access_token, refresh: t.refresh_token ?? tokens.refresh },
  };
});
await step('userinfo_after_refresh', async () => {
  const claims = await rp.userinfo(refreshed.access, tokens.sub);
  return { sub_matches: claims.sub === tokens.sub };
}, { fatal: false });
await step('revoke_refresh', async () => {
  await rp.revoke(refreshed.refresh, 'refresh_token');
  return { revoked: true };
}, { fatal: false });
await step('introspect_access_after_refresh_revoke', async () => facts(await rp.introspect(refreshed.access)), { fatal: false });
await step('userinfo_after_refresh_revoke', async () => {
  await rp.userinfo(refreshed.access, tokens.sub);
  return { accepted: true };
}, { fatal: false });
await step('refresh_after_revoke', async () => {
  await rp.refresh(refreshed.refresh);
  return { accepted: true };
}, { fatal: false });
// RFC 7009 §2.2: an invalid token is no error.
await step('revoke_unknown', async () => {
  await rp.revoke('not-a-token-of-this-server');
  return { revoked: true };
}, { fatal: false });
emit({ step: 'done', ok: true });
