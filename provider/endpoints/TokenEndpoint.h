// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/ClientCors.h"
#include "core/OAuthError.h"
#include "core/Result.h"
#include "grants/GrantRegistry.h"
#include "http/Endpoint.h"
#include "tokens/TokenResponse.h"

#include <memory>

namespace lanyard {

class ClientAuthenticator;
class Grant;
struct ProviderServices;
struct TokenRequest;

/// `POST /token` (RFC 6749 §3.2, OpenID Connect Core §3.1.3), listed in
/// discovery as `token_endpoint` with grant_types_supported (from the
/// registry) and token_endpoint_auth_methods_supported.
///
/// The steps, in order (node-oidc-provider's token action): the body must be
/// application/x-www-form-urlencoded and well-formed; no parameter may be
/// repeated (RFC 6749 §3.1); grant_type is required and must name a
/// registered grant (else unsupported_grant_type); the client
/// authenticates (ClientAuthenticator); the grant validates, then responds.
/// Every answer - tokens or error - carries `Cache-Control: no-store` and
/// `Pragma: no-cache` (RFC 6749 §5.1). token.issued (or token.refreshed) is
/// published for every success, with grant_type, client, subject and
/// scopes, never a token.
///
/// A grant that writes more than once (Grant::needsTransaction) runs its
/// validate and respond phases in one Database::Transaction: committed on
/// success and on protocol errors (their writes - a burnt code, a revoked
/// family - are deliberate), rolled back on server_error.
///
/// Browser clients (ClientCors): a request with an Origin the
/// authenticated client registered gets `Access-Control-Allow-Origin` for
/// it; any other Origin is invalid_request; errors answered before the
/// client is known are readable by origins some client registered; OPTIONS
/// preflights are answered here. Failed client authentication is throttled per client_id
/// and address (ClientAuthThrottle over services->throttle).
///
/// Threads: handle() from any worker thread, concurrently; the endpoint
/// holds only immutable state and thread-safe services.
class TokenEndpoint : public Endpoint
{
public:
    /// The standard grants over `services` (never null).
    explicit TokenEndpoint(std::shared_ptr<const ProviderServices> services);
    /// Explicit grants and authenticator (tests).
    TokenEndpoint(std::shared_ptr<const ProviderServices> services, GrantRegistry grants,
                  std::shared_ptr<const ClientAuthenticator> authenticator);
    ~TokenEndpoint() override;

    /// The path, relative to the issuer.
    static QString path();

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

    const GrantRegistry &grants() const { return m_grants; }
    const ClientAuthenticator &authenticator() const { return *m_authenticator; }

private:
    /// Everything after OPTIONS: the checks, authentication and the grant.
    /// Sets `*verdict` once the client is known and `origin` (non-empty:
    /// the request's Origin) is checked against it.
    HttpResponse answer(const RequestContext &request, const QString &origin,
                        ClientCors::Verdict *verdict);
    /// Runs `grant`'s two phases, in a transaction when the grant asks for
    /// one; `*subject` and `*username` receive the validated account's.
    Result<TokenResponse, OAuthError> runGrant(const Grant &grant, const TokenRequest &request,
                                               QString *subject, QString *username) const;

    std::shared_ptr<const ProviderServices> m_services;
    GrantRegistry m_grants;
    std::shared_ptr<const ClientAuthenticator> m_authenticator;
};

} // namespace lanyard
