// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace lanyard {

/// One account as the Accounts page shows it (AccountService): who, its
/// claims, whether it may sign in and when it last did. Never the password
/// hash. Plain value.
struct AccountInfo
{
    /// `sub`, stable and random.
    QString subject;
    QString username;
    /// OpenID Connect standard claims by wire name, plus `groups`.
    QJsonObject claims;
    bool disabled = false;
    /// Whether a password is set (an account without one cannot sign in).
    bool hasPassword = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    /// The last successful sign-in; invalid when it never signed in.
    QDateTime lastLoginAt;
};

} // namespace lanyard
