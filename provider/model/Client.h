// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace lanyard {

/// A registered relying party. Field names follow RFC 7591 client metadata;
/// the Lanyard-specific policy fields say what they change. Plain value.
struct Client
{
    QString clientId;
    QString clientName;
    /// Keyed hash of the client secret (crypto/SecretHasher); empty for public
    /// clients. The secret itself is never stored.
    QString secretHash;
    QStringList redirectUris;
    QStringList postLogoutRedirectUris;
    QStringList grantTypes{QStringLiteral("authorization_code")};
    QStringList responseTypes{QStringLiteral("code")};
    /// client_secret_basic, client_secret_post or none (public client).
    QString tokenEndpointAuthMethod = QStringLiteral("client_secret_basic");
    /// Scopes the client may ask for (RFC 7591 `scope`, space separated on the wire).
    QStringList scopes{QStringLiteral("openid"), QStringLiteral("profile"),
                       QStringLiteral("email")};

    /// PKCE (S256) on every authorization request. Only a confidential client
    /// may turn it off.
    bool requirePkce = true;
    /// Ask the user to consent before first use. Admin-registered first-party
    /// apps usually skip it.
    bool requireConsent = false;
    /// `id_token_signed_response_alg`: RS256, PS256, ES256 or EdDSA.
    QString idTokenSignedResponseAlg = QStringLiteral("RS256");
    /// Issue opaque access tokens instead of RFC 9068 JWTs.
    bool opaqueAccessTokens = false;
    /// Rotate refresh tokens on use (always on for public clients).
    bool rotateRefreshTokens = true;
    /// Per-client lifetime overrides in seconds; 0 means "use the setting".
    int accessTokenLifetimeSecs = 0;
    int idTokenLifetimeSecs = 0;
    int refreshTokenLifetimeSecs = 0;
    /// OpenID Connect Back-Channel Logout 1.0.
    QString backchannelLogoutUri;
    bool backchannelLogoutSessionRequired = true;
    /// `resource_server` (Lanyard's metadata): the client is a resource
    /// server (an API) and may introspect access tokens issued to any client
    /// (RFC 7662 §2.1); other clients see only their own tokens as active.
    /// Needs a confidential client: introspection requires authentication.
    bool resourceServer = false;

    QDateTime createdAt;
    QDateTime updatedAt;

    bool isPublic() const { return tokenEndpointAuthMethod == QLatin1StringView("none"); }
};

} // namespace lanyard
