// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace lanyard {

/// An issued authorization code, as stored: only its hash. Single use.
/// Plain value.
struct AuthorizationCode
{
    /// SHA-256 (base64url) of the code. The code itself carries at least
    /// 128 bits of randomness (RFC 6749 §10.10) and is never stored.
    QString codeHash;
    QString clientId;
    QString subject;
    /// RFC 6749 §4.1.3: the token request must repeat it exactly.
    QString redirectUri;
    QStringList scopes;
    QString nonce;
    /// RFC 7636: the S256 challenge; empty when the client is exempt.
    QString codeChallenge;
    QString codeChallengeMethod;
    /// The OP session it came from (`sid`), and that session's auth_time.
    QString sessionId;
    QDateTime authTime;
    QStringList amr;
    /// Id shared by every token issued from this code (and their
    /// refreshes): revoked as a whole when the code is replayed.
    QString familyId;
    QDateTime createdAt;
    QDateTime expiresAt;
    /// Set once redeemed; a second redemption finds it set.
    QDateTime consumedAt;
};

} // namespace lanyard
