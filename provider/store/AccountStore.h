// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Account.h"

#include <optional>

namespace lanyard {

/// User accounts. Same threading and transaction rules as ClientStore.
class AccountStore
{
public:
    virtual ~AccountStore() = default;
    virtual Result<std::optional<Account>, Error> findByUsername(const QString &username) const = 0;
    virtual Result<std::optional<Account>, Error> findBySubject(const QString &subject) const = 0;
    virtual Result<QList<Account>, Error> list() const = 0;
    /// Inserts or replaces by subject; a username taken by another subject is
    /// a Conflict. Sets createdAt/updatedAt.
    virtual Result<void, Error> save(const Account &account) = 0;
    virtual Result<bool, Error> remove(const QString &subject) = 0;
    virtual Result<void, Error> recordLogin(const QString &subject, const QDateTime &when) = 0;
    virtual Result<qint64, Error> count() const = 0;
};

} // namespace lanyard
