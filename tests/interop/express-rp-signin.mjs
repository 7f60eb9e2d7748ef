// SPDX-License-Identifier: GPL-3.0-or-later
// A browser signs in to the express-openid-connect app (express-rp.mjs)
// through Lanyard: GET /profile → redirected to Lanyard's authorization
// endpoint → login (and consent if asked) → back to the app's /callback →
// /profile shows the user. Then /profile once more, on the app's session
// alone.
//
//   node express-rp-signin.mjs APP_URL ISSUER USERNAME PASSWORD
//
// Prints one JSON line per step ({"step":NAME,"ok":true|false,...}): the
// authorization request the app sent (parameter names and the values that
// are not secrets), every hop of the browser, and the /profile JSON. Exit
// code 0 when /profile answered with the user, 1 otherwise (the failing
// step says why, with the app's or Lanyard's error text), 2 on bad usage.
import { Browser, navigate, emit, describeError } from './lib/browser.mjs';

const [appUrl, issuer, username, password] = process.argv.slice(2);
if (!password) {
  console.error('usage: node express-rp-signin.mjs APP_URL ISSUER USERNAME PASSWORD');
  process.exit(2);
}

const browser = new Browser();
const profileUrl = new URL('/profile', appUrl);

try {
  // The app's answer to an anonymous visitor: a redirect to the provider.
  const first = await browser.request(profileUrl);
  const authorization = first.location;
  if (first.status < 300 || first.status >= 400 || !authorization) {
    throw new Error(`GET /profile answered ${first.status} instead of redirecting: ${first.body.slice(0, 300)}`);
  }
  const p = authorization.searchParams;
  emit({
    step: 'login_redirect',
    ok: true,
    status: first.status,
    to_provider: authorization.href.startsWith(issuer),
    parameters: [...p.keys()].sort(),
    response_type: p.get('response_type'),
    response_mode: p.get('response_mode'),
    scope: p.get('scope'),
    code_challenge_method: p.get('code_challenge_method'),
    redirect_uri: p.get('redirect_uri'),
    client_id: p.get('client_id'),
  });

  const result = await navigate(browser, authorization, { username, password, decision: 'allow' });
  const final = result.final;
  let body = null;
  try {
    body = JSON.parse(final.body);
  } catch {
    body = { unparsed: final.body.slice(0, 500) };
  }
  emit({ step: 'signin', ok: true, hops: result.steps, final_path: final.url.pathname, status: final.status });
  emit({ step: 'profile', ok: final.url.pathname === '/profile' && body?.authenticated === true, profile: body });

  // The app's own session now carries the user: no trip to the provider.
  const again = await browser.request(profileUrl);
  emit({
    step: 'profile_again',
    ok: again.status === 200,
    status: again.status,
    redirected_to: again.location?.href ?? null,
    sub: again.status === 200 ? JSON.parse(again.body).user?.sub ?? null : null,
  });
  process.exit(body?.authenticated === true ? 0 : 1);
} catch (error) {
  emit({ step: 'error', ok: false, error: describeError(error) });
  process.exit(1);
}
