// SPDX-License-Identifier: GPL-3.0-or-later
// A tiny intranet app protected by express-openid-connect (the Auth0 SDK for
// Express), as an office would put behind Lanyard: every route requires a
// signed-in user; /profile answers with the user as express-openid-connect
// sees it (req.oidc.user: the ID token's claims) and with what it fetches
// from Lanyard's userinfo endpoint.
//
//   node express-rp.mjs ISSUER CLIENT_ID PORT
//
// The client secret and the app's session secret come from the environment
// (RP_CLIENT_SECRET, RP_SESSION_SECRET, each at least 32 characters);
// RP_RESPONSE_MODE=form_post asks for the code in a POST to /callback
// instead of the query of a GET (express-openid-connect's default for
// response_type code, which sends no response_mode at all). RP_IDP_LOGOUT=1
// makes the app's /logout end the Lanyard session too (idpLogout: a
// redirect to the end_session_endpoint with id_token_hint and
// post_logout_redirect_uri = the app's base URL). Listens
// on 127.0.0.1:PORT only and prints `listening on http://127.0.0.1:PORT` once
// it accepts connections. Errors reach the browser as JSON
// ({"error":...,"error_description":...,"message":...}) and stderr. Runs
// until SIGTERM or SIGINT (exit 0). Exit code 1 when it cannot listen
// (3 when the port is taken), 2 on bad usage.
import express from 'express';
import expressOpenidConnect from 'express-openid-connect';

const { auth } = expressOpenidConnect;
const [issuer, clientId, portText] = process.argv.slice(2);
const port = Number(portText);
const clientSecret = process.env.RP_CLIENT_SECRET ?? '';
const sessionSecret = process.env.RP_SESSION_SECRET ?? '';
const responseMode = process.env.RP_RESPONSE_MODE ?? '';
const idpLogout = process.env.RP_IDP_LOGOUT === '1';
if (
  !issuer ||
  !clientId ||
  !Number.isInteger(port) ||
  port <= 0 ||
  clientSecret.length < 32 ||
  sessionSecret.length < 32 ||
  !['', 'query', 'form_post'].includes(responseMode)
) {
  console.error('usage: RP_CLIENT_SECRET=... RP_SESSION_SECRET=... [RP_RESPONSE_MODE=query|form_post] [RP_IDP_LOGOUT=1] node express-rp.mjs ISSUER CLIENT_ID PORT');
  process.exit(2);
}
const baseURL = `http://127.0.0.1:${port}`;

const app = express();
app.use(
  auth({
    issuerBaseURL: issuer,
    baseURL,
    clientID: clientId,
    clientSecret,
    clientAuthMethod: 'client_secret_basic',
    secret: sessionSecret,
    authRequired: true,
    idpLogout,
    enableTelemetry: false,
    // response_type code: express-openid-connect adds PKCE (S256), state and
    // nonce, and (no response_mode given) gets the code in the query of a GET
    // to /callback. Its default, id_token, would need form_post.
    authorizationParams: {
      response_type: 'code',
      scope: 'openid profile email',
      ...(responseMode ? { response_mode: responseMode } : {}),
    },
  }),
);

app.get('/profile', async (req, res, next) => {
  try {
    const userinfo = await req.oidc.fetchUserInfo();
    res.json({
      authenticated: req.oidc.isAuthenticated(),
      user: req.oidc.user,
      userinfo,
      access_token_type: req.oidc.accessToken?.token_type ?? null,
    });
  } catch (error) {
    next(error);
  }
});

// express-openid-connect reports callback failures as http-errors with the
// provider's error and error_description; keep their exact text.
app.use((error, req, res, next) => {
  void next;
  console.error(`express-rp: ${req.method} ${req.path}: ${error.stack ?? error}`);
  res.status(error.status ?? 500).json({
    error: error.error ?? error.code ?? error.name ?? 'error',
    error_description: error.error_description ?? null,
    message: String(error.message ?? error),
  });
});

const server = app.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${baseURL}`);
});
server.on('error', (error) => {
  console.error(`express-rp: cannot listen on ${baseURL}: ${error.message}`);
  process.exit(error.code === 'EADDRINUSE' ? 3 : 1);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
