// SPDX-License-Identifier: GPL-3.0-or-later
// Complete browser sign-ins per second against a `lanyard serve` on
// 127.0.0.1: each sign-in is a fresh browser (no session cookie) doing
// authorize → login page → POST username/password → code at the redirect URI
// → token request (client_secret_basic, PKCE S256). CONCURRENCY sign-ins run
// at once over keep-alive connections (Node's fetch), until COUNT are done or
// SECONDS have passed, whichever comes first.
//
//   node signin-driver.mjs ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD \
//        [COUNT=500] [SECONDS=15] [CONCURRENCY=8]
//
// Prints one JSON line: {"signins":N,"errors":N,"seconds":S,"per_second":R,
// "p50_ms":..,"p99_ms":..,"first_error":..}. Exit code 0 when at least one
// sign-in succeeded and none failed, 1 otherwise, 2 on bad usage (including
// an ISSUER that is not on 127.0.0.1: this tool never loads anything else).
import { createHash, randomBytes } from 'node:crypto';
import { Browser, navigate, describeError } from '../interop/lib/browser.mjs';

const [issuer, clientId, clientSecret, redirectUri, username, password, countText, secondsText, concurrencyText] =
  process.argv.slice(2);
const count = Number(countText ?? 500);
const seconds = Number(secondsText ?? 15);
const concurrency = Number(concurrencyText ?? 8);
const usage = () => {
  console.error(
    'usage: node signin-driver.mjs ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD [COUNT] [SECONDS] [CONCURRENCY]',
  );
  process.exit(2);
};
if (!password || ![count, seconds, concurrency].every((n) => Number.isFinite(n) && n > 0)) usage();
const loopback = (url) => url.hostname === '127.0.0.1';
if (!loopback(new URL(issuer))) {
  console.error(`signin-driver: refusing ${issuer}: only 127.0.0.1 is benchmarked`);
  process.exit(2);
}

const discovery = await (await fetch(new URL(`${issuer}/.well-known/openid-configuration`))).json();
const authorizationEndpoint = new URL(discovery.authorization_endpoint);
const tokenEndpoint = new URL(discovery.token_endpoint);
if (!loopback(authorizationEndpoint) || !loopback(tokenEndpoint)) {
  console.error('signin-driver: discovery names endpoints outside 127.0.0.1');
  process.exit(2);
}
const basic = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
const atRedirectUri = (url) => `${url.origin}${url.pathname}` === redirectUri;

async function signIn() {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const url = new URL(authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    state,
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const result = await navigate(new Browser({ userAgent: 'lanyard-bench' }), url, { username, password, stopAt: atRedirectUri });
  if (!result.stoppedAt) throw new Error(`ended at ${result.final.url.pathname} (${result.final.status})`);
  const callback = result.stoppedAt.searchParams;
  if (callback.get('state') !== state || !callback.get('code')) {
    throw new Error(`bad authorization response: ${[...callback.keys()].join(',')} ${callback.get('error') ?? ''}`);
  }
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.get('code'),
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }).toString(),
  });
  const body = await response.json();
  if (response.status !== 200 || !body.access_token || !body.id_token) {
    throw new Error(`token endpoint ${response.status}: ${body.error ?? ''} ${body.error_description ?? ''}`);
  }
}

const latencies = [];
let started = 0;
let errors = 0;
let firstError = null;
const begin = performance.now();
const deadline = begin + seconds * 1000;

async function worker() {
  while (started < count && performance.now() < deadline) {
    started += 1;
    const t0 = performance.now();
    try {
      await signIn();
      latencies.push(performance.now() - t0);
    } catch (error) {
      errors += 1;
      firstError ??= describeError(error);
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
const elapsed = (performance.now() - begin) / 1000;
latencies.sort((a, b) => a - b);
const percentile = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : null);
const round = (n) => (n === null ? null : Math.round(n * 10) / 10);
console.log(
  JSON.stringify({
    signins: latencies.length,
    errors,
    seconds: round(elapsed),
    per_second: round(latencies.length / elapsed),
    p50_ms: round(percentile(50)),
    p99_ms: round(percentile(99)),
    concurrency,
    first_error: firstError,
  }),
);
process.exit(latencies.length > 0 && errors === 0 ? 0 : 1);
