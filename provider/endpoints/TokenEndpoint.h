// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "grants/GrantRegistry.h"
#include "http/Endpoint.h"

#include <memory>

namespace lanyard {

class ClientAuthenticator;
struct ProviderServices;

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
    std::shared_ptr<const ProviderServices> m_services;
    GrantRegistry m_grants;
    std::shared_ptr<const ClientAuthenticator> m_authenticator;
};

} // namespace lanyard
