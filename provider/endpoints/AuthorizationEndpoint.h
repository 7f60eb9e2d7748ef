// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthorizationRequestParser.h"
#include "auth/LoginSessions.h"
#include "endpoints/SignInFlow.h"
#include "http/Endpoint.h"

#include <memory>

namespace lanyard {

struct ProviderServices;

/// `GET|POST /authorize`: the authorization endpoint (OpenID Connect Core
/// §3.1.2, RFC 6749 §4.1.1), authorization code flow only.
///
/// 1. AuthorizationRequestParser checks the request. An unknown client or a
///    missing or unregistered redirect_uri gets an HTML error page (400),
///    never a redirect; every later error is redirected to the client with
///    error, error_description, state and iss (RFC 9207).
/// 2. The OP session (session cookie) decides the login: none, prompt=login,
///    an exceeded max_age, or an id_token_hint for another account need a
///    fresh login; with prompt=none that is login_required instead.
/// 3. Consent (Client::requireConsent with nothing remembered, or
///    prompt=consent) needs the consent page; with prompt=none that is
///    consent_required.
/// 4. Anything needed: an Interaction is saved and the browser sent to its
///    page (InteractionEndpoint). Nothing needed (single sign-on): the code
///    is issued at once: redirect with code, state and iss, or the
///    form_post page.
///
/// Threads: handle() from any worker thread at once (const state only).
class AuthorizationEndpoint : public Endpoint
{
public:
    explicit AuthorizationEndpoint(std::shared_ptr<const ProviderServices> services);

    /// `/authorize`, relative to the issuer.
    static QString path();

    /// GET and POST (OpenID Connect Core §3.1.2.1: "Authorization Servers
    /// MUST support the use of the HTTP GET and POST methods"), with the
    /// discovery members of the authorization endpoint.
    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

private:
    std::shared_ptr<const ProviderServices> m_services;
    AuthorizationRequestParser m_parser;
    LoginSessions m_sessions;
    SignInFlow m_flow;
};

} // namespace lanyard
