// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/Endpoint.h"
#include "tokens/TokenLookup.h"

#include <memory>

namespace lanyard {

class ClientAuthenticator;
struct ProviderServices;

/// `POST /revoke`: OAuth 2.0 Token Revocation (RFC 7009), listed in
/// discovery as `revocation_endpoint` with
/// `revocation_endpoint_auth_methods_supported` (RFC 8414 §2).
///
/// The client authenticates as at the token endpoint (ClientAuthenticator:
/// client_secret_basic, client_secret_post, or `none` with client_id for a
/// public client, RFC 7009 §2.1; failures throttled per client and
/// address). The body is a form with `token` (required) and
/// `token_type_hint` (honoured, not trusted: TokenLookup).
///
/// - A refresh token revokes its whole grant: the token family, so every
///   access token issued from it - JWT or opaque - stops working too
///   (RFC 7009 §2.1: the server "SHOULD also invalidate all access tokens
///   based on the same authorization grant").
/// - An access token is revoked alone: an opaque one in the TokenStore, a
///   JWT by a revocation record for its jti kept until it expires
///   (TokenStore::revokeAccessToken), which AccessTokenVerifier checks at
///   userinfo and introspection.
/// - A token that is not live (unknown, malformed, expired, revoked
///   already) answers 200: RFC 7009 §2.2, "invalid tokens do not cause an
///   error response".
/// - A live token issued to another client is refused with 400
///   invalid_grant and nothing is revoked (RFC 7009 §2.1, see handle()).
///
/// Success is 200 with an empty body and `Cache-Control: no-store`. Every
/// revocation publishes token.revoked (token type, family or jti, how many
/// stored tokens; never the token); a refused one publishes it with success
/// false. Server to server: no CORS.
///
/// Threads: handle() from any worker thread, concurrently; immutable.
class RevocationEndpoint : public Endpoint
{
public:
    /// `services` is never null.
    explicit RevocationEndpoint(std::shared_ptr<const ProviderServices> services);
    ~RevocationEndpoint() override;

    /// The path, relative to the issuer.
    static QString path();
    /// The client authentication methods it accepts.
    static QStringList authMethods();

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

private:
    std::shared_ptr<const ProviderServices> m_services;
    std::shared_ptr<const ClientAuthenticator> m_authenticator;
    TokenLookup m_lookup;
};

} // namespace lanyard
