// SPDX-License-Identifier: GPL-3.0-or-later
// Independent cross-check of Lanyard's JOSE: openid-client reads the discovery
// document of a running `lanyard serve`, and the `jose` package verifies
// tokens Lanyard signed against the JWKS that server publishes.
//
//   node verify-signatures.mjs ISSUER TOKEN...
//
// Prints one JSON line per token: {"ok":true,"alg":...,"kid":...} or
// {"ok":false,"code":...}. Exit code 0 when discovery was accepted.
import { Issuer } from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [issuer, ...tokens] = process.argv.slice(2);
if (!issuer) {
  console.error('usage: node verify-signatures.mjs ISSUER TOKEN...');
  process.exit(2);
}

const { metadata } = await Issuer.discover(issuer);
// OpenID Connect Discovery §4.3: the document's issuer must equal the one asked for.
if (metadata.issuer !== issuer) {
  console.error(`discovery names issuer ${metadata.issuer}, not ${issuer}`);
  process.exit(1);
}
console.log(JSON.stringify({ discovery: 'ok', issuer: metadata.issuer, jwks_uri: metadata.jwks_uri }));

const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));
for (const token of tokens) {
  try {
    const { protectedHeader, payload } = await jwtVerify(token, jwks, { issuer: metadata.issuer });
    console.log(JSON.stringify({ ok: true, alg: protectedHeader.alg, kid: protectedHeader.kid, sub: payload.sub }));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, code: error.code ?? String(error) }));
  }
}
