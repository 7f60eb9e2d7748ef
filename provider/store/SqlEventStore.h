// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/EventStore.h"

#include <memory>

namespace lanyard {

class Database;

/// EventStore over the `events` table (details as JSON text). Uses the
/// calling thread's connection of the Database, so calls join a
/// Database::Transaction open on that thread. Any thread.
class SqlEventStore final : public EventStore
{
public:
    /// The most rows one query() returns; larger limits are lowered to it.
    static constexpr int MaxQueryLimit = 10'000;

    explicit SqlEventStore(std::shared_ptr<Database> db);

    /// Appends `events` in one transaction (joining one open on this thread)
    /// with one prepared statement, and returns their ids in order. An
    /// invalid time is stored as the clock's now. Any thread.
    Result<QList<qint64>, Error> append(const QList<Event> &events) override;
    /// The events matching every set member of `query`, newest (highest id)
    /// first, or oldest first when afterId is set (the primary key index
    /// serves `id > ? ORDER BY id`); see EventQuery for the members. A limit
    /// below 1 is Invalid. Any thread.
    Result<QList<Event>, Error> query(const EventQuery &query) const override;
    /// Deletes at most `batch` (at least 1) of the oldest events whose time
    /// is before `cutoff`; returns how many went. Call again until it returns
    /// less than `batch`, so no single transaction grows large. Any thread.
    Result<int, Error> purgeOlderThan(const QDateTime &cutoff, int batch) override;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
