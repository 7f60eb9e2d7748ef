// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SettingsStore.h"

#include <memory>

namespace lanyard {

class Database;

/// SettingsStore over the `settings` table. Uses the calling thread's
/// connection of the Database, so calls join a Database::Transaction open on
/// that thread. Any thread.
class SqlSettingsStore final : public SettingsStore
{
public:
    explicit SqlSettingsStore(std::shared_ptr<Database> db);

    /// Every stored setting, by key. Any thread.
    Result<QMap<QString, QString>, Error> all() const override;
    /// Stores `value` under `key` (inserting or replacing). An empty key is
    /// Invalid. The store does not check keys or values; SettingsApplier
    /// does. Any thread.
    Result<void, Error> set(const QString &key, const QString &value) override;
    /// Removes `key`; removing a missing key succeeds. Any thread.
    Result<void, Error> unset(const QString &key) override;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
