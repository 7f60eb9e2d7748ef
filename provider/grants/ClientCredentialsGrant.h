// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "grants/Grant.h"
#include "tokens/TokenIssuer.h"

#include <memory>

namespace lanyard {

struct ProviderServices;

/// `grant_type=client_credentials` (RFC 6749 §4.4): a confidential client
/// registered for it gets an access token for itself (sub = client_id) with
/// a `scope` that is a subset of the client's registered scopes. The token
/// has a family id of its own that is never stored (no token_families row):
/// with JWT access tokens the grant writes nothing to the database, so
/// issuance scales with the cores that sign. `openid` and `offline_access` are refused: there is
/// no user, so no ID token, userinfo or refresh token (RFC 6749 §4.4.3: "A
/// refresh token SHOULD NOT be included"). Without `scope` the token has no
/// scope (the least privilege; RFC 6749 §3.3 lets the server pick the
/// default).
///
/// Threads: immutable; any thread.
class ClientCredentialsGrant final : public Grant
{
public:
    explicit ClientCredentialsGrant(std::shared_ptr<const ProviderServices> services);

    QString grantType() const override;
    Result<ValidatedGrant, OAuthError> validate(const TokenRequest &request) const override;
    Result<TokenResponse, OAuthError> respond(const TokenRequest &request,
                                              const ValidatedGrant &grant) const override;
    /// False: nothing is written for a JWT access token, one row for an
    /// opaque one.
    bool needsTransaction(const TokenRequest &request) const override;

private:
    std::shared_ptr<const ProviderServices> m_services;
    TokenIssuer m_issuer;
};

} // namespace lanyard
