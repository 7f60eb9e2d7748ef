// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "core/Result.h"
#include "model/Client.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <memory>

namespace lanyard {

class KeyRing;
struct ProviderServices;

/// Mints the tokens of a grant (fosite's token strategy): ID tokens (OpenID
/// Connect Core §2), RFC 9068 JWT access tokens or opaque access tokens
/// (Client::opaqueAccessTokens), refresh tokens, and the token family they
/// belong to. Opaque values are stored only as hashes (OpaqueToken).
///
/// Lifetimes: the client's override when positive, else ProviderConfig.
/// Signing: ID tokens with the client's id_token_signed_response_alg; JWT
/// access tokens with RS256 (RFC 9068 §4: resource servers "MUST support
/// RS256") when an RS256 key is active, else the first active algorithm.
/// No active key for the algorithm is server_error with a log-only detail
/// naming the algorithm.
///
/// Threads: immutable; every function may be called from any thread.
class TokenIssuer
{
public:
    /// The private claim of JWT access tokens carrying the token family, so
    /// revocation and userinfo can refuse tokens of a revoked family.
    static constexpr QLatin1StringView FamilyClaim{"fid"};
    /// RFC 9068 §2.1: "The "typ" value used SHOULD be "at+jwt"".
    static constexpr QLatin1StringView AccessTokenType{"at+jwt"};

    /// What the tokens of one issuance are about.
    struct Grant
    {
        QString grantType;
        Client client;
        /// The account's `sub`; empty for client_credentials.
        QString subject;
        /// The access token's (and ID token's) scopes.
        QStringList scopes;
        QString familyId;
        /// The OP session (the ID token's `sid`); empty when none.
        QString sessionId;
        QDateTime authTime;
        QStringList amr;
        /// Echoed in the ID token; empty on refresh (Core §12.2).
        QString nonce;
        /// `iss`: the issuer URL exactly as discovery publishes it.
        QString issuer;
        /// `iat` and the start of every lifetime.
        QDateTime issuedAt;
    };

    struct AccessToken
    {
        QString value;
        qint64 expiresIn = 0;
        QDateTime expiresAt;
    };

    /// Shares `services` (never null) for its clock, random source, token
    /// store and key ring.
    explicit TokenIssuer(std::shared_ptr<const ProviderServices> services);

    int accessTokenLifetimeSecs(const Client &client) const;
    int idTokenLifetimeSecs(const Client &client) const;
    int refreshTokenLifetimeSecs(const Client &client) const;

    /// A new random family id (128 bits, base64url).
    QString newFamilyId() const;

    /// Records the family (TokenStore::createFamily) for `grant`'s client
    /// and subject, bound to `sessionId` (empty: offline_access, outlives
    /// the session), expiring at `expiresAt`.
    Result<void, OAuthError> createFamily(const Grant &grant, const QString &sessionId,
                                          const QDateTime &expiresAt) const;

    /// An access token for `grant`: a signed RFC 9068 JWT (iss, sub, aud =
    /// the issuer, exp, iat, jti, client_id, scope, auth_time, fid), or an
    /// opaque value stored as Kind::AccessToken when the client asks for
    /// opaque tokens. `sessionId` is stored with an opaque token.
    Result<AccessToken, OAuthError> issueAccessToken(const Grant &grant,
                                                     const QString &sessionId) const;

    /// The ID token for `grant` (iss, sub, aud, exp, iat, auth_time, nonce,
    /// at_hash of `accessToken`, sid, amr), signed with the client's
    /// id_token_signed_response_alg.
    Result<QString, OAuthError> issueIdToken(const Grant &grant, const QString &accessToken) const;

    /// A new refresh token of `grant`'s family with `scopes` (the grant's,
    /// RFC 6749 §6), stored hashed, bound to `sessionId`, expiring at
    /// `expiresAt`. Returns the value to hand to the client.
    Result<QString, OAuthError> issueRefreshToken(const Grant &grant, const QStringList &scopes,
                                                  const QString &sessionId,
                                                  const QDateTime &expiresAt) const;

    /// OpenID Connect Core §3.1.3.6 at_hash for a token signed with `alg`:
    /// base64url of the left half of the alg's hash of the ASCII token
    /// (SHA-256 for RS256/PS256/ES256, SHA-512 for EdDSA with Ed25519, as
    /// node-oidc-provider). Empty for an unknown alg.
    static QString atHash(const QString &accessToken, const QString &alg);

    /// The algorithm JWT access tokens are signed with on `ring` (see
    /// class comment); empty when no key is active.
    static QString accessTokenAlgorithm(const KeyRing &ring);

private:
    std::shared_ptr<const KeyRing> keyRing() const;

    std::shared_ptr<const ProviderServices> m_services;
};

} // namespace lanyard
