// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/ValidationProblem.h"
#include "model/Account.h"

#include <QJsonObject>

#include <optional>

namespace lanyard {

/// An account as read from admin input, password in the clear until hashed.
struct AccountInput
{
    Account account;
    std::optional<QString> password;
    /// `password_hash` (Argon2id PHC) as exported with --with-secrets.
    std::optional<QString> passwordHash;
};

/// The rules every account obeys, shared by `lanyard import` and the
/// Accounts dialog. Stateless; any thread.
class AccountValidator
{
public:
    /// Reads an account: `username`, `password` or `password_hash`, `sub`,
    /// `disabled`, and OpenID Connect Core §5.1 standard claims by their names
    /// (plus `groups`, an array of strings). Unknown members are problems.
    static AccountInput fromJson(const QJsonObject &json, const QString &path,
                                 ValidationProblems *problems);

    /// The account as JSON in the import/export format; the password hash
    /// only when `withPasswordHash`.
    static QJsonObject toJson(const Account &account, bool withPasswordHash);

    /// Checks the username and the claims' values.
    static void validate(const Account &account, const QString &path, ValidationProblems *problems);

    /// OpenID Connect Core §5.1 claim names an account may carry (plus groups).
    static const QStringList &claimNames();
};

} // namespace lanyard
