// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QDateTime>
#include <QString>

namespace lanyard {

/// Failed-login bookkeeping shared by every instance using the database.
/// Keys are opaque strings such as "account:alice" or "ip:192.0.2.1".
/// Same threading and transaction rules as ClientStore.
class ThrottleStore
{
public:
    virtual ~ThrottleStore() = default;
    virtual Result<void, Error> recordFailure(const QString &key, const QDateTime &when) = 0;
    /// Failures recorded for `key` at or after `since`.
    virtual Result<int, Error> failuresSince(const QString &key, const QDateTime &since) const = 0;
    /// Forgets a key's failures (after a successful login).
    virtual Result<void, Error> clear(const QString &key) = 0;
    virtual Result<int, Error> purgeOlderThan(const QDateTime &cutoff, int batch) = 0;
};

} // namespace lanyard
