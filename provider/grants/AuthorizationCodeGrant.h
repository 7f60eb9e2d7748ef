// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "grants/Grant.h"
#include "tokens/TokenIssuer.h"

#include <memory>

namespace lanyard {

struct ProviderServices;

/// `grant_type=authorization_code` (RFC 6749 §4.1.3, OpenID Connect Core
/// §3.1.3): redeems a code once and issues an access token, an ID token
/// when `openid` was granted, and a refresh token when `offline_access` was
/// granted to a client registered for refresh_token.
///
/// validate() redeems the code atomically (CodeStore::redeem) before
/// checking it, so a code presented with the wrong client, redirect_uri or
/// PKCE verifier is burnt as well: a code seen in the wrong hands must not
/// stay usable. A replayed code revokes its whole token family and
/// publishes code.replayed.
///
/// Threads: immutable; any thread.
class AuthorizationCodeGrant final : public Grant
{
public:
    explicit AuthorizationCodeGrant(std::shared_ptr<const ProviderServices> services);

    QString grantType() const override;
    Result<ValidatedGrant, OAuthError> validate(const TokenRequest &request) const override;
    Result<TokenResponse, OAuthError> respond(const TokenRequest &request,
                                              const ValidatedGrant &grant) const override;

private:
    std::shared_ptr<const ProviderServices> m_services;
    TokenIssuer m_issuer;
};

} // namespace lanyard
