// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    std::shared_ptr<const ProviderServices> m_services;
    AccessTokenVerifier m_verifier;
};

} // namespace lanyard
