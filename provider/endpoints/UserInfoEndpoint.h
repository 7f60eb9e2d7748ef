// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/ClientCors.h"
#include "http/Endpoint.h"
#include "tokens/AccessTokenVerifier.h"

#include <memory>

namespace lanyard {

struct ProviderServices;

/// `GET` or `POST /userinfo` (OpenID Connect Core §5.3), listed in discovery
/// as `userinfo_endpoint`.
///
/// The access token comes as `Authorization: Bearer` (RFC 6750 §2.1) or, on
/// POST only, as `access_token` in an application/x-www-form-urlencoded body
/// (§2.2); both at once is invalid_request, and a token in the query string
/// (§2.3) is never read. The token is checked by AccessTokenVerifier; the
/// account must still exist and be enabled; the token must carry `openid`
/// (else 403 insufficient_scope). The answer is `sub` plus the claims the
/// granted scopes release (ScopeClaims), never cached.
///
/// Errors follow RFC 6750 §3: 401 with `WWW-Authenticate: Bearer
/// realm="lanyard", error="invalid_token", error_description="..."`; a
/// request without any token gets the bare challenge; 400 invalid_request
/// and 403 insufficient_scope carry the challenge too.
///
/// Browser clients (ClientCors): a request whose Origin the token's client
/// registered gets `Access-Control-Allow-Origin` for it; any other Origin
/// is invalid_request; errors answered before the token is verified are
/// readable by origins some client registered; OPTIONS preflights are
/// answered here.
///
/// Threads: handle() from any worker thread, concurrently; immutable.
class UserInfoEndpoint : public Endpoint
{
public:
    /// `services` is never null.
    explicit UserInfoEndpoint(std::shared_ptr<const ProviderServices> services);

    /// The path, relative to the issuer.
    static QString path();

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

private:
    /// Everything after OPTIONS. Sets `*verdict` once the token's client is
    /// known and `origin` (non-empty: the request's Origin) is checked.
    HttpResponse answer(const RequestContext &request, const QString &origin,
                        ClientCors::Verdict *verdict) const;

    std::shared_ptr<const ProviderServices> m_services;
    AccessTokenVerifier m_verifier;
};

} // namespace lanyard
