// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lanyard {

/// A successful token response (RFC 6749 §5.1; OpenID Connect Core
/// §3.1.3.3). Plain value; any thread. Holds live tokens: never log it.
struct TokenResponse
{
    QString accessToken;
    /// Lifetime of the access token in seconds.
    qint64 expiresIn = 0;
    /// The access token's scope; sent whenever non-empty (RFC 6749 §5.1
    /// makes it required only when it differs from the request, but
    /// clients such as openid-client read it to learn what was granted).
    QStringList scopes;
    /// Empty when no ID token was issued (no `openid` scope).
    QString idToken;
    /// Empty when no (new) refresh token was issued.
    QString refreshToken;

    /// `{"access_token", "token_type": "Bearer", "expires_in", "scope",
    /// "id_token", "refresh_token"}`, optional members only when set.
    QJsonObject toJson() const;
    /// toJson() as compact JSON, the same bytes, written directly (the
    /// token endpoint's answer). Any thread.
    QByteArray toJsonBytes() const;
};

} // namespace lanyard
