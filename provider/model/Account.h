// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace lanyard {

/// A user who can sign in. Plain value.
struct Account
{
    /// `sub`: a stable random identifier, never the username (usernames change).
    QString subject;
    /// The login name, unique, compared case-sensitively as stored.
    QString username;
    /// Argon2id in PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash);
    /// empty means the account has no password and cannot sign in.
    QString passwordHash;
    /// OpenID Connect Core §5.1 standard claims by their wire names (`name`,
    /// `given_name`, `email`, `email_verified`, ...) plus `groups` (array of
    /// strings). Never contains `sub`.
    QJsonObject claims;
    bool disabled = false;

    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastLoginAt;
};

} // namespace lanyard
