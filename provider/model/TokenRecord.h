// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace lanyard {

/// A stored token: refresh tokens and opaque access tokens. JWT access
/// tokens are not stored (their validity follows from the signature, the
/// family and revocation records). Plain value.
struct TokenRecord
{
    enum class Kind { AccessToken, RefreshToken };

    /// SHA-256 (base64url) of the token; the token itself is never stored.
    QString tokenHash;
    Kind kind = Kind::RefreshToken;
    QString clientId;
    QString subject;
    QStringList scopes;
    /// The authorization code's family (see AuthorizationCode::familyId);
    /// client_credentials tokens have their own.
    QString familyId;
    /// The OP session the family came from; empty for offline_access
    /// families, which outlive the session.
    QString sessionId;
    QDateTime authTime;
    QStringList amr;
    QDateTime issuedAt;
    QDateTime expiresAt;
    /// Refresh rotation: set when exchanged for a successor. Presenting a
    /// rotated token again is reuse and revokes the family.
    QDateTime rotatedAt;
    QDateTime revokedAt;
};

} // namespace lanyard
