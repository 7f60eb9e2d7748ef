// SPDX-License-Identifier: GPL-3.0-or-later
// Independent cross-check of Lanyard's JOSE: openid-client reads the discovery
// document of a running `lanyard serve`, and the `jose` package verifies
// tokens Lanyard signed against the JWKS that server publishes.
//
//   node verify-signatures.mjs ISSUER TOKEN...
//
// Prints one JSON line per token: {"ok":true,"alg":...,"kid":...} or
// {"ok":false,"code":...}. Exit code 0 when discovery was accepted.
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [issuer, ...tokens] = process.argv.slice(2);
if (!issuer) {
  console.error('usage: node verify-signatures.mjs ISSUER TOKEN...');
  process.exit(2);
}

const options = issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : {};
// openid-client checks that the document's issuer equals the one asked for.
const config = await client.discovery(new URL(issuer), 'interop-check', undefined, undefined, options);
const metadata = config.serverMetadata();
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
