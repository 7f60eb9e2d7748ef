// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"

#include <QHostAddress>
#include <QString>

#include <memory>

namespace lanyard {

class ThrottleStore;

/// Failed-login throttling per username and per source address over the
/// shared ThrottleStore, with SignInPolicy's numbers: at
/// AccountFailureLimit failures of one username, or AddressFailureLimit
/// failures from one address, within FailureWindowSecs, further attempts
/// are refused without looking at the password. Refused attempts are not
/// counted, so a lock ends when the oldest failure leaves the window.
///
/// Thread-safe: const, holds only shared thread-safe services.
class LoginThrottle
{
public:
    enum class Verdict {
        Allowed,
        AccountLocked, ///< too many failures for this username
        AddressLocked, ///< too many failures from this address
    };

    LoginThrottle(std::shared_ptr<ThrottleStore> store, std::shared_ptr<const Clock> clock);

    /// Whether an attempt for `username` from `address` may proceed now.
    Result<Verdict, Error> check(const QString &username, const QHostAddress &address) const;
    /// Counts one failure for both keys (the address only when `username`
    /// is empty).
    Result<void, Error> recordFailure(const QString &username, const QHostAddress &address) const;
    /// Forgets the username's failures after a successful login. The
    /// address's failures stay: otherwise signing in to one's own account
    /// would reset the counter of a machine guessing others' passwords.
    Result<void, Error> recordSuccess(const QString &username) const;

    /// The ThrottleStore keys: "account:<username>" and "ip:<address>".
    static QString accountKey(const QString &username);
    static QString addressKey(const QHostAddress &address);

private:
    std::shared_ptr<ThrottleStore> m_store;
    std::shared_ptr<const Clock> m_clock;
};

} // namespace lanyard
