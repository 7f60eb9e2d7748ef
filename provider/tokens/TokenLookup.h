// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "core/Result.h"
#include "tokens/AccessTokenVerifier.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace lanyard {

struct ProviderServices;

/// Finds the live token a client presents at the introspection (RFC 7662)
/// or revocation (RFC 7009) endpoint: an access token - a JWT or an opaque
/// one, checked by AccessTokenVerifier - or a refresh token (TokenStore by
/// hash).
///
/// `token_type_hint` is honoured but not trusted (RFC 7662 §2.1, RFC 7009
/// §2.1: "If the server is unable to locate the token using the given hint,
/// it MUST extend its search across all of its supported token types"): the
/// hinted kind is tried first, then the other.
///
/// Live means: known, well-formed, signed by Lanyard (JWT), not expired,
/// not revoked (itself, its family or, for a JWT, its jti), not rotated (a
/// refresh token exchanged for a successor), its client still registered,
/// and its account - when it has one - still there and enabled. Anything
/// else is not found: introspection answers `{"active": false}` and
/// revocation has nothing to do.
///
/// Threads: immutable; any thread.
class TokenLookup
{
public:
    enum class Kind { AccessToken, RefreshToken };

    /// A live token: what introspection reports and revocation revokes.
    struct Found
    {
        Kind kind = Kind::AccessToken;
        QString clientId;
        /// The account's `sub`; the client_id for a client_credentials
        /// token (clientOnly).
        QString subject;
        /// The account's username; empty for a client_credentials token.
        QString username;
        bool clientOnly = false;
        QStringList scopes;
        QString familyId;
        QDateTime issuedAt;
        QDateTime expiresAt;
        /// JWT access token: its jti. Empty otherwise.
        QString jti;
        /// Stored token (opaque access token, refresh token): its hash.
        QString tokenHash;
        /// An opaque access token (not a JWT).
        bool opaque = false;
    };

    /// `services` is never null.
    explicit TokenLookup(std::shared_ptr<const ProviderServices> services);

    /// The kind a `token_type_hint` value names (`access_token`,
    /// `refresh_token`: the RFC 7009 §4.1.2 registry); nullopt for an empty
    /// or unknown value, which is then no hint at all.
    static std::optional<Kind> parseHint(const QString &hint);

    /// The live token `token` is, trying `hint` first; nullopt when it is
    /// no live token (see class comment). server_error when a store or the
    /// key ring fails. `issuer` is the issuer URL exactly as published.
    Result<std::optional<Found>, OAuthError>
    findActive(const QString &token, std::optional<Kind> hint, const QString &issuer) const;

private:
    Result<std::optional<Found>, OAuthError> findAccessToken(const QString &token,
                                                             const QString &issuer) const;
    Result<std::optional<Found>, OAuthError> findRefreshToken(const QString &token) const;
    /// Fills `found->username` and checks the client and account are still
    /// there (and the account enabled); false when not.
    Result<bool, OAuthError> stillValid(Found *found) const;

    std::shared_ptr<const ProviderServices> m_services;
    AccessTokenVerifier m_verifier;
};

} // namespace lanyard
