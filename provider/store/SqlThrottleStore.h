// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ThrottleStore.h"

#include <memory>

namespace lanyard {

class Database;

/// ThrottleStore over the `login_failures` table: one row per failure
/// (key, time), indexed on (key, time). Shared by every instance using the
/// database. Uses the calling thread's connection of the Database, so calls
/// join a Database::Transaction open on that thread. Any thread.
class SqlThrottleStore final : public ThrottleStore
{
public:
    explicit SqlThrottleStore(std::shared_ptr<Database> db);

    /// Records one failure of `key` (not empty) at `when` (the clock's now
    /// when invalid). Any thread.
    Result<void, Error> recordFailure(const QString &key, const QDateTime &when) override;
    /// How many failures of `key` were recorded at or after `since`. Any thread.
    Result<int, Error> failuresSince(const QString &key, const QDateTime &since) const override;
    /// Deletes every failure of `key`. Any thread.
    Result<void, Error> clear(const QString &key) override;
    /// Deletes up to `batch` (at least 1) failures, of any key, recorded
    /// before `cutoff`, oldest first; returns how many. Any thread.
    Result<int, Error> purgeOlderThan(const QDateTime &cutoff, int batch) override;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
