// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "core/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

namespace lanyard {

struct ProviderServices;

/// Checks an access token Lanyard issued, for its own protected resources
/// (userinfo) and for introspection and revocation.
///
/// A JWT (RFC 9068) is verified with the KeyRing (algorithms from Jws's
/// allow-list, never the header alone; RFC 9068 §4 `typ` at+jwt), then its
/// claims: `iss` and `aud` equal to the issuer, `exp` not passed (no
/// leeway: Lanyard checks its own clock), `iat` present, sub, client_id,
/// jti and the family claim present, and no revocation record for its jti
/// (TokenStore::revokeAccessToken). Anything else is looked up as an opaque
/// token by hash (TokenStore, Kind::AccessToken, not revoked or expired).
/// Either way a revoked token family fails the token.
///
/// Every failure is invalid_token (401) with a client-safe description and
/// a log-only detail; store or key-ring failures are server_error.
///
/// Threads: immutable; any thread.
class AccessTokenVerifier
{
public:
    /// What a valid access token grants.
    struct Verified
    {
        /// The account's `sub`; the client_id for client_credentials tokens.
        QString subject;
        QString clientId;
        QStringList scopes;
        QString familyId;
        QDateTime issuedAt;
        QDateTime expiresAt;
        /// When the user authenticated; invalid for client_credentials.
        QDateTime authTime;
        /// True for a client_credentials token: no account takes part and
        /// `subject` is the client_id (RFC 9068 §2.2).
        bool clientOnly = false;
        /// JWT: the `jti` (RFC 9068 §2.2); empty for an opaque token.
        QString jti;
        /// Opaque: the stored hash (TokenStore); empty for a JWT.
        QString tokenHash;
        bool opaque = false;
    };

    explicit AccessTokenVerifier(std::shared_ptr<const ProviderServices> services);

    /// Verifies `token` for `issuer` (the issuer URL exactly as published).
    Result<Verified, OAuthError> verify(const QString &token, const QString &issuer) const;

private:
    Result<Verified, OAuthError> verifyJwt(const QString &token, const QString &issuer) const;
    Result<Verified, OAuthError> verifyOpaque(const QString &token) const;
    Result<void, OAuthError> checkFamily(const QString &familyId) const;

    std::shared_ptr<const ProviderServices> m_services;
};

} // namespace lanyard
