// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/InteractionStore.h"

#include <memory>

namespace lanyard {

class Database;

/// InteractionStore over the `interactions` table (the request as a JSON
/// object). Uses the calling thread's connection of the Database, so calls
/// join a Database::Transaction open on that thread. Any thread.
class SqlInteractionStore final : public InteractionStore
{
public:
    explicit SqlInteractionStore(std::shared_ptr<Database> db);

    /// Inserts or replaces by id (the login step saves it again with the
    /// subject and session id). Needs id and expiresAt (Invalid otherwise);
    /// an invalid createdAt becomes the clock's now, and a replace keeps the
    /// stored createdAt. Any thread.
    Result<void, Error> save(const Interaction &interaction) override;
    /// The interaction whose expiresAt is after `now`; nullopt when it
    /// expired or never existed. Any thread.
    Result<std::optional<Interaction>, Error> find(const QString &id,
                                                   const QDateTime &now) const override;
    /// Deletes it; false when there was none. Any thread.
    Result<bool, Error> remove(const QString &id) override;
    /// Deletes up to `batch` (at least 1) interactions whose expiresAt is at
    /// or before `now`; returns how many. Any thread.
    Result<int, Error> purgeExpired(const QDateTime &now, int batch) override;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
