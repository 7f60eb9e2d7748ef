// SPDX-License-Identifier: GPL-3.0-or-later
// An independent relying party's check of tokens Lanyard signed, with the
// npm `jose` package:
//
//   node verify-jwt.mjs remote ISSUER AUDIENCE TYP TOKEN...
//     discovers ISSUER (openid-client), fetches its JWKS (jwks_uri) and
//     verifies each TOKEN as a JWT of type TYP for AUDIENCE ("-": any),
//     with the algorithms discovery lists for ID tokens (logout tokens are
//     signed like ID tokens, Back-Channel Logout 1.0 §2.4);
//   node verify-jwt.mjs cached JWKS_FILE ISSUER NOW TOKEN...
//     verifies each TOKEN against a JWKS a relying party cached earlier
//     (the file), as of NOW (seconds since the epoch), without fetching.
//
// Prints one JSON line per token: {"ok":true,"header":{...},"payload":{...}}
// or {"ok":false,"code":...,"message":...}; with `remote` first a line with
// the discovery facts. Exit code 0 when every check ran, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { Issuer } from 'openid-client';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';

const [mode, ...args] = process.argv.slice(2);

async function check(token, keys, options) {
  try {
    const { protectedHeader, payload } = await jwtVerify(token, keys, options);
    return { ok: true, header: protectedHeader, payload };
  } catch (error) {
    return { ok: false, code: error.code ?? error.name, message: String(error.message ?? error) };
  }
}

if (mode === 'remote' && args.length >= 4) {
  const [issuer, audience, typ, ...tokens] = args;
  const { metadata } = await Issuer.discover(issuer);
  console.log(
    JSON.stringify({
      discovery: 'ok',
      issuer: metadata.issuer,
      backchannel_logout_supported: metadata.backchannel_logout_supported ?? null,
      backchannel_logout_session_supported: metadata.backchannel_logout_session_supported ?? null,
      end_session_endpoint: metadata.end_session_endpoint ?? null,
    }),
  );
  const keys = createRemoteJWKSet(new URL(metadata.jwks_uri));
  const options = {
    issuer: metadata.issuer,
    typ,
    algorithms: metadata.id_token_signing_alg_values_supported,
    ...(audience === '-' ? {} : { audience }),
  };
  for (const token of tokens) console.log(JSON.stringify(await check(token, keys, options)));
} else if (mode === 'cached' && args.length >= 3) {
  const [file, issuer, now, ...tokens] = args;
  const keys = createLocalJWKSet(JSON.parse(readFileSync(file, 'utf8')));
  const options = { issuer, currentDate: new Date(Number(now) * 1000) };
  for (const token of tokens) console.log(JSON.stringify(await check(token, keys, options)));
} else {
  console.error('usage: node verify-jwt.mjs remote ISSUER AUDIENCE TYP TOKEN... | cached JWKS_FILE ISSUER NOW TOKEN...');
  process.exit(2);
}
