// SPDX-License-Identifier: GPL-3.0-or-later
// express-openid-connect's logout ends the Lanyard session: a browser signs
// in to the app (express-rp.mjs started with RP_IDP_LOGOUT=1), then opens
// the app's /logout. express-openid-connect clears its own session and
// sends the browser to Lanyard's end_session_endpoint with id_token_hint
// and post_logout_redirect_uri; Lanyard ends its session and sends the
// browser back. Afterwards a prompt=none authorization request gets
// login_required, and the app's pages lead to Lanyard's login page again.
//
//   node express-rp-logout.mjs APP_URL ISSUER USERNAME PASSWORD
//
// Prints one JSON line per step ({"step":NAME,"ok":true|false,...}): the
// sign-in, every hop of the logout (parameter names only, and the facts the
// caller checks), the prompt=none answer and the page the app leads to
// afterwards. Exit code 0 when every step ran (the caller judges the
// facts), 1 when one could not run, 2 on bad usage.
import { Browser, navigate, parseForms, classify, emit, describeError } from './lib/browser.mjs';

const [appUrl, issuer, username, password] = process.argv.slice(2);
if (!password) {
  console.error('usage: node express-rp-logout.mjs APP_URL ISSUER USERNAME PASSWORD');
  process.exit(2);
}

const browser = new Browser();
const issuerUrl = new URL(issuer);
const app = new URL(appUrl);
const onIssuer = (url) => url.origin === issuerUrl.origin;

/** Follows redirects from `start` (GET) until a page or `stopAt(url)`; returns the hops. */
async function follow(start, stopAt = () => false, maxSteps = 12) {
  const hops = [];
  let url = new URL(start);
  for (let i = 0; i < maxSteps; i += 1) {
    const response = await browser.request(url);
    const hop = { origin: url.origin, path: url.pathname, parameters: [...url.searchParams.keys()].sort(), status: response.status };
    hops.push(hop);
    if (response.status >= 300 && response.status < 400 && response.location) {
      if (stopAt(response.location)) return { hops, stoppedAt: response.location };
      url = response.location;
      continue;
    }
    const html = (response.headers.get('content-type') ?? '').includes('text/html');
    hop.page = html ? classify(parseForms(response.body, url)) : null;
    return { hops, final: response };
  }
  throw new Error(`no page after ${maxSteps} requests`);
}

try {
  // Sign in; keep the app's authorization request for the prompt=none check.
  const first = await browser.request(new URL('/profile', app));
  const authorization = first.location;
  if (!authorization || !onIssuer(authorization)) throw new Error(`GET /profile answered ${first.status}, not a redirect to the provider`);
  const signin = await navigate(browser, authorization, { username, password, decision: 'allow' });
  const profile = JSON.parse(signin.final.body);
  emit({
    step: 'signin',
    ok: profile.authenticated === true,
    sub: profile.user?.sub ?? null,
    sid: profile.user?.sid ?? null,
    lanyard_session: browser.cookie(issuerUrl.hostname, 'lanyard_session') !== undefined,
  });

  // The app's logout: to Lanyard's end_session_endpoint and back.
  const logout = await follow(new URL('/logout', app), (url) => url.origin === app.origin && url.pathname !== '/logout');
  const endSession = logout.hops.find((hop) => onIssuer(new URL(hop.origin)) && hop.path.endsWith('/logout'));
  emit({
    step: 'logout',
    ok: true,
    hops: logout.hops,
    end_session_status: endSession?.status ?? null,
    end_session_parameters: endSession?.parameters ?? [],
    back_to: logout.stoppedAt ? `${logout.stoppedAt.origin}${logout.stoppedAt.pathname}` : null,
    confirmation_page: logout.final ? logout.hops.at(-1).page : null,
    lanyard_session: browser.cookie(issuerUrl.hostname, 'lanyard_session') !== undefined,
  });

  // OpenID Connect Core §3.1.2.1 prompt=none: no session any more.
  const silent = new URL(authorization);
  silent.searchParams.set('prompt', 'none');
  const answer = await browser.request(silent);
  emit({
    step: 'prompt_none',
    ok: true,
    status: answer.status,
    to_app: answer.location ? answer.location.origin === app.origin : false,
    error: answer.location?.searchParams.get('error') ?? null,
  });

  // The app's pages lead to the login page again.
  const again = await follow(new URL('/profile', app));
  emit({ step: 'after_logout', ok: true, page: again.hops.at(-1).page ?? null, hops: again.hops.length });
  process.exit(0);
} catch (error) {
  emit({ step: 'error', ok: false, error: describeError(error) });
  process.exit(1);
}
