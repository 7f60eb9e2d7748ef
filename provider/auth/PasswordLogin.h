// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/LoginThrottle.h"
#include "core/OAuthError.h"
#include "core/Result.h"
#include "model/Account.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <mutex>

namespace lanyard {

struct ProviderServices;

/// The password step of the login page: throttling, Argon2id verification,
/// and the login.succeeded / login.failed / login.throttled events.
///
/// Every failure looks the same from outside: an unknown username, a wrong
/// password, a disabled account or an account without password all return
/// Failed, and each of them runs one Argon2id verification (against a dummy
/// hash made with the current parameters when there is no usable hash), so
/// neither the answer nor its timing says whether the account exists.
/// A throttled attempt returns Throttled without verifying anything; the
/// page shows the same generic message for it.
///
/// Events carry the client, the source address and, when the account
/// exists, its subject and username (a typed username of no account is left
/// out: it is often a password typed into the wrong field). Never a password.
///
/// Thread-safe: authenticate() may run on every worker thread at once.
class PasswordLogin
{
public:
    struct Attempt
    {
        QString username;
        QString password;
        QString clientId;
        QHostAddress address;
    };

    struct Outcome
    {
        enum class Kind { Succeeded, Failed, Throttled };
        Kind kind = Kind::Failed;
        /// The signed-in account when Succeeded.
        Account account;
    };

    explicit PasswordLogin(std::shared_ptr<const ProviderServices> services);
    PasswordLogin(const PasswordLogin &) = delete;
    PasswordLogin &operator=(const PasswordLogin &) = delete;

    /// Checks `attempt`. On success also records the login on the account
    /// (AccountStore::recordLogin), forgets the username's failures and
    /// re-hashes the password when PasswordHasher::needsRehash says so.
    /// server_error only when a store fails. Any thread; blocks for the
    /// Argon2id verification.
    Result<Outcome, OAuthError> authenticate(const Attempt &attempt) const;

private:
    QString dummyHash() const;
    void publish(QLatin1StringView type, bool success, const Attempt &attempt,
                 const std::optional<Account> &account, const QJsonObject &details) const;

    std::shared_ptr<const ProviderServices> m_services;
    LoginThrottle m_throttle;
    mutable std::once_flag m_dummyOnce;
    mutable QString m_dummyHash;
};

} // namespace lanyard
