// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/AccountStore.h"

#include <memory>

namespace lanyard {

class Database;

/// AccountStore over the `accounts` table; claims are stored as JSON text.
/// Uses the calling thread's connection of the Database, so calls join a
/// Database::Transaction open on that thread. Any thread.
class SqlAccountStore final : public AccountStore
{
public:
    explicit SqlAccountStore(std::shared_ptr<Database> db);

    /// The account with exactly this username (case-sensitive), or nullopt.
    /// Any thread.
    Result<std::optional<Account>, Error> findByUsername(const QString &username) const override;
    /// The account with this subject, or nullopt. Any thread.
    Result<std::optional<Account>, Error> findBySubject(const QString &subject) const override;
    /// Every account, by username. Any thread.
    Result<QList<Account>, Error> list() const override;
    /// Inserts or replaces by subject (empty subject or username: Invalid).
    /// A username held by another subject is a Conflict and changes nothing.
    /// updatedAt becomes the clock's now; createdAt is kept for an existing
    /// account, and for a new one is the given createdAt or, when invalid,
    /// now. lastLoginAt belongs to recordLogin(): it is written only when the
    /// account is new. Any thread.
    Result<void, Error> save(const Account &account) override;
    /// Returns false when there was no such account. Any thread.
    Result<bool, Error> remove(const QString &subject) override;
    /// Sets lastLoginAt (an invalid `when` means the clock's now) without
    /// touching updatedAt; NotFound for an unknown subject. Any thread.
    Result<void, Error> recordLogin(const QString &subject, const QDateTime &when) override;
    /// How many accounts there are. Any thread.
    Result<qint64, Error> count() const override;

private:
    Result<QList<Account>, Error> select(const QString &where, const QVariantList &values) const;

    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
