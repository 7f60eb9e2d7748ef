// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlSettingsStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

SqlSettingsStore::SqlSettingsStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<QMap<QString, QString>, Error> SqlSettingsStore::all() const
{
    auto query = SqlSupport::exec(*m_db, u"cannot read the settings"_s,
                                  u"SELECT key, value FROM settings"_s);
    if (!query)
        return query.error();
    QMap<QString, QString> settings;
    while (query->next())
        settings.insert(query->value(0).toString(), query->value(1).toString());
    return settings;
}

Result<void, Error> SqlSettingsStore::set(const QString &key, const QString &value)
{
    if (key.isEmpty())
        return Error::invalid(u"a setting needs a key"_s);
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    if (auto query = SqlSupport::exec(*m_db, u"cannot store the setting %1"_s.arg(key),
                                      u"INSERT INTO settings (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                                      {SqlSupport::text(key), SqlSupport::text(value)});
        !query)
        return query.error();
    return transaction.commit();
}

Result<void, Error> SqlSettingsStore::unset(const QString &key)
{
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    if (auto query =
            SqlSupport::exec(*m_db, u"cannot remove the setting %1"_s.arg(key),
                             u"DELETE FROM settings WHERE key = ?"_s, {SqlSupport::text(key)});
        !query)
        return query.error();
    return transaction.commit();
}

} // namespace lanyard
