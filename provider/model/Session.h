// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace lanyard {

/// An OP browser session: who signed in, when, from where, and which
/// clients took part (for SSO, logout and the Sessions page). Plain value.
struct Session
{
    /// Public session id, the `sid` claim (OpenID Connect Front/Back-Channel
    /// Logout). Random, 128 bits or more, base64url.
    QString id;
    /// SHA-256 (base64url) of the cookie value. The cookie itself is a
    /// separate 256-bit random value that is never stored, so a database
    /// leak does not hand out live sessions.
    QString cookieHash;
    QString subject;
    /// When the user last authenticated (OpenID Connect Core `auth_time`).
    QDateTime authTime;
    QDateTime createdAt;
    QDateTime lastActiveAt;
    QDateTime expiresAt;
    /// Authentication methods used (RFC 8176 `amr`), e.g. ["pwd"].
    QStringList amr;
    QString sourceAddress;
    QString userAgent;
    /// client_ids that received tokens in this session, in order of first use.
    QStringList clientIds;
};

} // namespace lanyard
