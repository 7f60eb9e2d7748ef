// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlThrottleStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

SqlThrottleStore::SqlThrottleStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<void, Error> SqlThrottleStore::recordFailure(const QString &key, const QDateTime &when)
{
    if (key.isEmpty())
        return Error::invalid(u"a login failure needs a key"_s);
    auto written = SqlSupport::write(
        *m_db, u"cannot record a login failure"_s,
        u"INSERT INTO login_failures (key, time) VALUES (?, ?)"_s,
        {SqlSupport::text(key), SqlSupport::msecs(when.isValid() ? when : m_db->clock()->now())});
    if (!written)
        return written.error();
    return {};
}

Result<int, Error> SqlThrottleStore::failuresSince(const QString &key, const QDateTime &since) const
{
    if (!since.isValid())
        return Error::invalid(u"counting login failures needs a start time"_s);
    auto query =
        SqlSupport::exec(*m_db, u"cannot count login failures"_s,
                         u"SELECT COUNT(*) FROM login_failures WHERE key = ? AND time >= ?"_s,
                         {SqlSupport::text(key), SqlSupport::msecs(since)});
    if (!query)
        return query.error();
    if (!query->next())
        return 0;
    return query->value(0).toInt();
}

Result<void, Error> SqlThrottleStore::clear(const QString &key)
{
    auto removed =
        SqlSupport::write(*m_db, u"cannot clear login failures"_s,
                          u"DELETE FROM login_failures WHERE key = ?"_s, {SqlSupport::text(key)});
    if (!removed)
        return removed.error();
    return {};
}

Result<int, Error> SqlThrottleStore::purgeOlderThan(const QDateTime &cutoff, int batch)
{
    if (batch < 1)
        return Error::invalid(u"a login failure purge needs a batch of at least 1"_s);
    if (!cutoff.isValid())
        return Error::invalid(u"a login failure purge needs a cutoff time"_s);
    return SqlSupport::write(*m_db, u"cannot purge login failures"_s,
                             u"DELETE FROM login_failures WHERE id IN (SELECT id FROM "
                             "login_failures WHERE time < ? ORDER BY id LIMIT ?)"_s,
                             {SqlSupport::msecs(cutoff), QVariant(batch)});
}

} // namespace lanyard
