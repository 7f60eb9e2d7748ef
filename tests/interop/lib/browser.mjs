// SPDX-License-Identifier: GPL-3.0-or-later
// A small scripted browser for sign-in tests and benchmarks: fetch with a
// cookie jar, redirects followed by hand, and the provider's HTML forms read
// and submitted the way a person would (CONTRACT.md, "Browser pages served by
// the provider"). No npm packages: Node's own fetch.
//
//   import { Browser, navigate } from './lib/browser.mjs';
//   const browser = new Browser();
//   const result = await navigate(browser, authorizationUrl, {
//     username: 'alice', password: '...', decision: 'allow',
//     stopAt: (url) => url.href.startsWith(redirectUri),
//   });
//
// Cookies follow RFC 6265 closely enough for one host: they belong to the
// host (not the port, as in browsers), match on Path, and Max-Age/Expires in
// the past delete them. Only http(s) to the hosts the caller names is ever
// requested.

/** An error that says which step of the flow failed and what the page said. */
export class FlowError extends Error {
  constructor(step, message, details = {}) {
    super(`${step}: ${message}`);
    this.name = 'FlowError';
    this.step = step;
    this.details = details;
  }
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** HTML character references back to text. */
export function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z0-9]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** The attributes of one start tag as a Map (names lower-cased, values unescaped). */
export function attributes(tag) {
  const found = new Map();
  const body = tag.replace(/^<\s*[a-z0-9]+/i, '').replace(/\/?>$/, '');
  const pattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let match;
  while ((match = pattern.exec(body)) !== null) {
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    found.set(match[1].toLowerCase(), unescapeHtml(value));
  }
  return found;
}

/**
 * Every <form> of `html`: its method, its action resolved against `pageUrl`
 * (no action: the page itself), its <input>s and its <button>s.
 */
export function parseForms(html, pageUrl) {
  const forms = [];
  const formPattern = /<form\b[^>]*>([\s\S]*?)<\/form\s*>/gi;
  let match;
  while ((match = formPattern.exec(html)) !== null) {
    const formTag = match[0].slice(0, match[0].indexOf('>') + 1);
    const formAttributes = attributes(formTag);
    const inner = match[1];
    const inputs = [...inner.matchAll(/<input\b[^>]*>/gi)].map((m) => {
      const a = attributes(m[0]);
      return { name: a.get('name') ?? '', type: (a.get('type') ?? 'text').toLowerCase(), value: a.get('value') ?? '' };
    });
    const buttons = [...inner.matchAll(/<button\b[^>]*>/gi)].map((m) => {
      const a = attributes(m[0]);
      return { name: a.get('name') ?? '', value: a.get('value') ?? '', type: (a.get('type') ?? 'submit').toLowerCase() };
    });
    const action = formAttributes.get('action');
    forms.push({
      method: (formAttributes.get('method') ?? 'get').toLowerCase(),
      action: new URL(action === undefined || action === '' ? pageUrl : action, pageUrl),
      inputs,
      buttons,
    });
  }
  return forms;
}

/** What kind of provider page `forms` make: 'login', 'consent', 'logout', 'form_post' or null. */
export function classify(forms) {
  if (forms.length !== 1) return null;
  const [form] = forms;
  if (form.inputs.some((i) => i.name === 'password' && i.type === 'password')) return 'login';
  if (form.buttons.some((b) => b.name === 'decision')) return 'consent';
  // The RP-initiated logout confirmation (Sign out / Stay signed in).
  if (form.buttons.some((b) => b.name === 'logout')) return 'logout';
  if (form.method === 'post' && form.inputs.every((i) => i.type === 'hidden')) return 'form_post';
  return null;
}

/** The fields a browser submits for `form`: named, non-button inputs with their values. */
export function formFields(form) {
  return form.inputs
    .filter((i) => i.name !== '' && !['submit', 'button', 'image', 'reset'].includes(i.type))
    .map((i) => [i.name, i.value]);
}

/**
 * Every Set-Cookie field of `headers`. Headers.getSetCookie() is missing from
 * the fetch of Debian 12's Node 18 (its undici 5.15 predates it), where
 * get('set-cookie') joins the fields with ", ": split there again, only
 * before a `name=` (an Expires date's comma is followed by a day number).
 */
export function setCookies(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined === null ? [] : joined.split(/,\s*(?=[^;,=\s]+=)/);
}

export class Browser {
  /** `fetchImpl` lets a benchmark pass a keep-alive fetch. */
  constructor({ fetchImpl = fetch, userAgent = 'lanyard-interop-browser' } = {}) {
    this.fetch = fetchImpl;
    this.userAgent = userAgent;
    this.cookies = []; // { host, name, value, path, expires }
  }

  cookieHeader(url) {
    const now = Date.now();
    this.cookies = this.cookies.filter((c) => c.expires === undefined || c.expires > now);
    const path = url.pathname || '/';
    const pathMatches = (cookiePath) =>
      path === cookiePath || (path.startsWith(cookiePath) && (cookiePath.endsWith('/') || path[cookiePath.length] === '/'));
    return this.cookies
      .filter((c) => c.host === url.hostname && pathMatches(c.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /** The cookie `name` this browser holds for `host`, or undefined. */
  cookie(host, name) {
    return this.cookies.find((c) => c.host === host && c.name === name)?.value;
  }

  remember(url, response) {
    for (const header of setCookies(response.headers)) {
      const [pair, ...rest] = header.split(';');
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const cookie = { host: url.hostname, name: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim() };
      // RFC 6265 §5.1.4: the default path is the request path up to its last '/'.
      const slash = url.pathname.lastIndexOf('/');
      cookie.path = slash > 0 ? url.pathname.slice(0, slash) : '/';
      for (const attribute of rest) {
        const [rawName, ...valueParts] = attribute.split('=');
        const name = rawName.trim().toLowerCase();
        const value = valueParts.join('=').trim();
        if (name === 'path' && value.startsWith('/')) cookie.path = value;
        else if (name === 'max-age') cookie.expires = Date.now() + Number(value) * 1000;
        else if (name === 'expires' && cookie.expires === undefined) cookie.expires = Date.parse(value);
      }
      this.cookies = this.cookies.filter((c) => !(c.host === cookie.host && c.name === cookie.name && c.path === cookie.path));
      if (cookie.expires === undefined || cookie.expires > Date.now()) this.cookies.push(cookie);
    }
  }

  /**
   * One request without following redirects. `form`: [name, value] pairs sent
   * as application/x-www-form-urlencoded with POST. Resolves to
   * { url, status, headers, location (URL or null), body (text) }.
   */
  async request(url, { method = 'GET', form, headers = {} } = {}) {
    const target = new URL(url);
    const init = { method, redirect: 'manual', headers: { 'user-agent': this.userAgent, ...headers } };
    const cookie = this.cookieHeader(target);
    if (cookie) init.headers.cookie = cookie;
    if (form !== undefined) {
      init.method = 'POST';
      init.headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = new URLSearchParams(form).toString();
    }
    const response = await this.fetch(target, init);
    this.remember(target, response);
    const body = await response.text();
    const location = response.headers.get('location');
    return {
      url: target,
      status: response.status,
      headers: response.headers,
      location: location === null ? null : new URL(location, target),
      body,
    };
  }
}

/** The visible text of an HTML page, shortened, for error messages. */
export function pageText(html, max = 300) {
  const text = unescapeHtml(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Drives `browser` from `startUrl` the way a user would: follows redirects
 * (a POST answered with 301/302/303 continues with GET), fills the login
 * form with `username`/`password`, answers the consent form with `decision`,
 * and submits auto-posting (form_post) pages. Stops
 * - at a redirect (or a form_post) whose target satisfies `stopAt(url)`:
 *   resolves { stoppedAt: URL, form: [[name, value]] | null, steps }, without
 *   requesting it (nothing listens at an RP's redirect URI in these tests);
 * - at any other 2xx page that is not a provider form: resolves
 *   { final: response, steps }.
 * Throws FlowError on errors, unexpected pages, a rejected login, or after
 * `maxSteps` requests. `steps` lists { method, path, status, page } and,
 * for redirects, location { origin, path, parameters (names only) }.
 */
export async function navigate(browser, startUrl, options = {}) {
  const { username, password, decision = 'allow', stopAt = () => false, maxSteps = 20 } = options;
  const steps = [];
  let next = { url: new URL(startUrl), method: 'GET', form: undefined };
  let loginsSubmitted = 0;
  for (let i = 0; i < maxSteps; i += 1) {
    const response = await browser.request(next.url, { method: next.method, form: next.form });
    const step = { method: next.method, path: next.url.pathname, status: response.status, page: null };
    steps.push(step);
    if (response.status >= 300 && response.status < 400 && response.location) {
      step.location = {
        origin: response.location.origin,
        path: response.location.pathname,
        parameters: [...response.location.searchParams.keys()].sort(),
      };
      if (stopAt(response.location)) return { stoppedAt: response.location, form: null, steps };
      const keepMethod = response.status === 307 || response.status === 308;
      next = keepMethod ? { ...next, url: response.location } : { url: response.location, method: 'GET', form: undefined };
      continue;
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status < 200 || response.status >= 300) {
      throw new FlowError('http', `${next.method} ${next.url.pathname} answered ${response.status}`, {
        status: response.status,
        contentType,
        text: contentType.includes('html') ? pageText(response.body) : response.body.slice(0, 500),
      });
    }
    const forms = contentType.includes('text/html') ? parseForms(response.body, response.url) : [];
    const kind = classify(forms);
    step.page = kind;
    if (kind === 'login') {
      if (loginsSubmitted > 0) {
        throw new FlowError('login', 'the login page came back after the password was sent', { text: pageText(response.body) });
      }
      if (username === undefined) throw new FlowError('login', 'a login page appeared but no username was given');
      const fields = formFields(forms[0]).filter(([name]) => name !== 'username' && name !== 'password');
      fields.push(['username', username], ['password', password]);
      loginsSubmitted += 1;
      next = { url: forms[0].action, method: 'POST', form: fields };
      continue;
    }
    if (kind === 'consent') {
      if (!forms[0].buttons.some((b) => b.name === 'decision' && b.value === decision)) {
        throw new FlowError('consent', `no decision=${decision} button`, { buttons: forms[0].buttons });
      }
      next = { url: forms[0].action, method: 'POST', form: [...formFields(forms[0]), ['decision', decision]] };
      continue;
    }
    if (kind === 'form_post') {
      const fields = formFields(forms[0]);
      if (stopAt(forms[0].action)) return { stoppedAt: forms[0].action, form: fields, steps };
      next = { url: forms[0].action, method: 'POST', form: fields };
      continue;
    }
    return { final: response, steps };
  }
  throw new FlowError('navigate', `no result after ${maxSteps} requests`, { steps });
}

/** Prints one JSON line on stdout. */
export function emit(object) {
  process.stdout.write(`${JSON.stringify(object)}\n`);
}

/** A printable form of any error (FlowError, openid-client errors, others). */
export function describeError(error) {
  const out = { name: error?.name ?? 'Error', message: String(error?.message ?? error) };
  for (const key of ['step', 'details', 'code', 'error', 'error_description', 'status']) {
    if (error?.[key] !== undefined) out[key] = error[key];
  }
  // openid-client 5 (OPError, RPError) keeps the HTTP response it failed on.
  if (out.status === undefined && error?.response?.statusCode !== undefined) out.status = error.response.statusCode;
  if (error?.cause !== undefined) {
    out.cause = error.cause instanceof Error ? { name: error.cause.name, message: error.cause.message } : error.cause;
    if (error.cause?.error !== undefined) out.cause.error = error.cause.error;
  }
  return out;
}
