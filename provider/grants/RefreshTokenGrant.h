// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "grants/Grant.h"
#include "tokens/TokenIssuer.h"

#include <memory>

namespace lanyard {

struct ProviderServices;

/// `grant_type=refresh_token` (RFC 6749 §6, OpenID Connect Core §12):
/// exchanges a refresh token of an `offline_access` grant for a new access
/// token (and ID token when `openid` was granted), optionally with a
/// narrower `scope`.
///
/// Rotation: public clients always, confidential clients when
/// Client::rotateRefreshTokens, get a new refresh token with the same
/// scopes and the same absolute expiry, and the presented one is marked
/// rotated (TokenStore::markRotated, atomic). Presenting a rotated token
/// again is reuse (RFC 9700 §4.14.2): the whole family is revoked,
/// refresh.reused is published and the answer is invalid_grant.
///
/// Threads: immutable; any thread.
class RefreshTokenGrant final : public Grant
{
public:
    explicit RefreshTokenGrant(std::shared_ptr<const ProviderServices> services);

    QString grantType() const override;
    Result<ValidatedGrant, OAuthError> validate(const TokenRequest &request) const override;
    Result<TokenResponse, OAuthError> respond(const TokenRequest &request,
                                              const ValidatedGrant &grant) const override;

private:
    /// Revokes the family of a reused token, publishes refresh.reused and
    /// returns the invalid_grant to answer.
    OAuthError reused(const TokenRequest &request, const QString &familyId,
                      const QString &subject) const;

    std::shared_ptr<const ProviderServices> m_services;
    TokenIssuer m_issuer;
};

} // namespace lanyard
