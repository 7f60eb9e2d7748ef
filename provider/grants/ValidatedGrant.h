// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace lanyard {

/// What a Grant's validate phase established and its respond phase issues
/// tokens for (fosite's requester session). Plain value; any thread.
struct ValidatedGrant
{
    /// The account's `sub`; empty for client_credentials.
    QString subject;
    /// The account's username at validation, for the token events (the
    /// log names people, not only their `sub`); empty for client_credentials.
    QString username;
    /// Scopes of the access token to issue (narrowed on refresh).
    QStringList scopes;
    /// Scopes of the grant as a whole (a refresh token keeps these; RFC 6749 §6).
    QStringList grantedScopes;
    /// The token family; empty when respond() creates a new one.
    QString familyId;
    /// The OP session of the authentication (`sid`); empty when none.
    QString sessionId;
    QDateTime authTime;
    QStringList amr;
    /// The authorization request's nonce (code grant only).
    QString nonce;
    /// refresh_token grant: the presented token's hash and expiry.
    QString presentedTokenHash;
    QDateTime refreshExpiresAt;
};

} // namespace lanyard
