// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/LoginSessions.h"
#include "auth/PasswordLogin.h"
#include "endpoints/SignInFlow.h"
#include "http/Endpoint.h"

#include <memory>

namespace lanyard {

struct ProviderServices;
struct Interaction;

/// `GET|POST /interaction?id=<interaction id>`: the login and consent pages
/// of a pending authorization request (the Interaction saved by
/// AuthorizationEndpoint). GET shows the page of the current step, POST
/// submits its form. (The router matches exact paths, so the id travels in
/// the query; the page's `<form method="post">` posts back to the same URL.)
///
/// Every request must come from the browser the interaction was started in
/// (SignInFlow::isBound, else 403), and every POST must carry the page's
/// CSRF token (compared in constant time, else 403). An unknown or expired
/// interaction gets a 400 page.
///
/// Login step (no subject yet): PasswordLogin checks the password with
/// throttling; a failure shows the page again with one generic message.
/// Success signs the browser in (LoginSessions), then either shows the
/// consent page (303 to GET) or finishes: the interaction is removed (so a
/// form sent twice issues one code) and the code goes to the client.
///
/// Consent step: the browser must still hold the session the login step
/// made (else the login page is shown again); "allow" remembers the
/// consent (ConsentStore) and finishes, "deny" answers access_denied.
///
/// Every page: Cache-Control: no-store, X-Frame-Options: DENY, a CSP with
/// frame-ancestors 'none' and a form-action admitting the client.
///
/// Threads: handle() from any worker thread at once.
class InteractionEndpoint : public Endpoint
{
public:
    explicit InteractionEndpoint(std::shared_ptr<const ProviderServices> services);

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

private:
    HttpResponse show(const RequestContext &request, const Interaction &interaction,
                      const AuthorizationRequest &authorization, const Client &client) const;
    HttpResponse submitLogin(const RequestContext &request, Interaction interaction,
                             const AuthorizationRequest &authorization, const Client &client) const;
    HttpResponse submitConsent(const RequestContext &request, Interaction interaction,
                               const AuthorizationRequest &authorization,
                               const Client &client) const;
    /// The browser's session when it is the one the interaction's login
    /// step recorded; nullopt otherwise.
    Result<std::optional<LoginSessions::Current>, OAuthError>
    consentSession(const RequestContext &request, const Interaction &interaction) const;
    /// Sends the browser back to the login step of `interaction`.
    HttpResponse restartLogin(const RequestContext &request, Interaction interaction,
                              const AuthorizationRequest &authorization) const;
    /// Removes the interaction; false when another request did first.
    Result<bool, OAuthError> claim(const Interaction &interaction) const;
    void publishConsent(const RequestContext &request, bool granted,
                        const AuthorizationRequest &authorization,
                        const LoginSessions::Current &current) const;

    std::shared_ptr<const ProviderServices> m_services;
    LoginSessions m_sessions;
    PasswordLogin m_login;
    SignInFlow m_flow;
};

} // namespace lanyard
