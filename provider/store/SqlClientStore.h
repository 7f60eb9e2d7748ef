// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ClientStore.h"

#include <memory>

namespace lanyard {

class Database;

/// ClientStore over the `clients` table; list members are stored as JSON
/// arrays. Uses the calling thread's connection of the Database, so calls
/// join a Database::Transaction open on that thread. Any thread.
class SqlClientStore final : public ClientStore
{
public:
    explicit SqlClientStore(std::shared_ptr<Database> db);

    /// The client, or nullopt. A row that cannot be read back (corrupt JSON)
    /// is a Storage error. Any thread.
    Result<std::optional<Client>, Error> find(const QString &clientId) const override;
    /// Every client, by client id. Any thread.
    Result<QList<Client>, Error> list() const override;
    /// Inserts or replaces by clientId (empty: Invalid). updatedAt becomes the
    /// clock's now; createdAt is kept for an existing client, and for a new
    /// one is the given createdAt or, when invalid, now. Any thread.
    Result<void, Error> save(const Client &client) override;
    /// Returns false when there was no such client. Any thread.
    Result<bool, Error> remove(const QString &clientId) override;
    /// How many clients there are. Any thread.
    Result<qint64, Error> count() const override;
    /// Shared by every SqlClientStore of the process (a second store over
    /// the same database counts too): bumped by save() and remove() when
    /// they write and when the transaction they joined ends. Any thread.
    quint64 changeGeneration() const override;

private:
    /// Bumps the generation now and when the calling thread's transaction ends.
    void changed() const;

    Result<QList<Client>, Error> select(const QString &where, const QVariantList &values) const;

    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
