// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/Endpoint.h"
#include "tokens/TokenLookup.h"

#include <QJsonObject>

#include <memory>

namespace lanyard {

class ClientAuthenticator;
struct Client;
struct ProviderServices;

/// `POST /introspect`: OAuth 2.0 Token Introspection (RFC 7662), listed in
/// discovery as `introspection_endpoint` with
/// `introspection_endpoint_auth_methods_supported` (RFC 8414 §2).
///
/// Only authenticated clients may ask (RFC 7662 §2.1: "the endpoint MUST
/// also require some form of authorization"): client_secret_basic or
/// client_secret_post through ClientAuthenticator (failures throttled per
/// client and address); a public client gets invalid_client (401). The
/// body is a form with `token` (required) and `token_type_hint` (honoured,
/// not trusted: TokenLookup).
///
/// A live access or refresh token answers `active: true` with scope,
/// client_id, username (accounts only), token_type (`Bearer` for access
/// tokens; refresh tokens have no RFC 6749 §5.1 type and get none, as in
/// node-oidc-provider), exp, iat, nbf (= iat: valid from issuance), sub,
/// aud (access tokens: the issuer, their RFC 9068 audience), iss and jti
/// (JWT access tokens). Everything else answers exactly `{"active":
/// false}`: unknown, malformed, expired, revoked or rotated tokens, and -
/// RFC 7662 §4, token scanning - tokens issued to another client, unless
/// the caller is a resource server (Client::resourceServer, metadata
/// `resource_server`) asking about an access token. Every answer carries
/// `Cache-Control: no-store`.
///
/// Threads: handle() from any worker thread, concurrently; immutable.
class IntrospectionEndpoint : public Endpoint
{
public:
    /// `services` is never null.
    explicit IntrospectionEndpoint(std::shared_ptr<const ProviderServices> services);
    ~IntrospectionEndpoint() override;

    /// The path, relative to the issuer.
    static QString path();
    /// The client authentication methods it accepts.
    static QStringList authMethods();

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

    /// The RFC 7662 §2.2 answer about `found` (nullopt: not live) for
    /// `caller`. Any thread.
    static QJsonObject answerFor(const std::optional<TokenLookup::Found> &found,
                                 const Client &caller, const QString &issuer);

private:
    std::shared_ptr<const ProviderServices> m_services;
    std::shared_ptr<const ClientAuthenticator> m_authenticator;
    TokenLookup m_lookup;
};

} // namespace lanyard
