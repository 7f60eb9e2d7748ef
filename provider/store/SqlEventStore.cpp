// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlEventStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QSqlError>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard {

SqlEventStore::SqlEventStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<QList<qint64>, Error> SqlEventStore::append(const QList<Event> &events)
{
    QList<qint64> ids;
    if (events.isEmpty())
        return ids;
    ids.reserve(events.size());
    const QString what = u"cannot record events"_s;

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    {
        QSqlQuery insert(m_db->connection());
        // RETURNING: SQLite 3.35+ and PostgreSQL (QPSQL's lastInsertId() is an OID).
        if (!insert.prepare(u"INSERT INTO events (time, type, success, client_id, subject, "
                            "username, source, instance, details) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s))
            return SqlSupport::error(what, insert.lastError());
        const QDateTime now = m_db->clock()->now();
        for (const Event &event : events) {
            insert.addBindValue(SqlSupport::msecs(event.time.isValid() ? event.time : now));
            insert.addBindValue(SqlSupport::text(event.type));
            insert.addBindValue(SqlSupport::flag(event.success));
            insert.addBindValue(SqlSupport::text(event.clientId));
            insert.addBindValue(SqlSupport::text(event.subject));
            insert.addBindValue(SqlSupport::text(event.username));
            insert.addBindValue(SqlSupport::text(event.sourceAddress));
            insert.addBindValue(SqlSupport::text(event.instance));
            insert.addBindValue(SqlSupport::jsonText(event.details));
            if (!insert.exec())
                return SqlSupport::error(what, insert.lastError());
            if (!insert.next())
                return Error::storage(what + u": no id was returned"_s);
            ids.append(insert.value(0).toLongLong());
            insert.finish();
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return ids;
}

Result<QList<Event>, Error> SqlEventStore::query(const EventQuery &filter) const
{
    if (filter.limit < 1)
        return Error::invalid(u"an event query needs a limit of at least 1"_s);

    QStringList where;
    QVariantList values;
    if (!filter.types.isEmpty()) {
        QStringList placeholders;
        for (const QString &type : filter.types) {
            placeholders.append(u"?"_s);
            values.append(SqlSupport::text(type));
        }
        where.append(u"type IN ("_s + placeholders.join(u", "_s) + u')');
    }
    if (!filter.clientId.isEmpty()) {
        where.append(u"client_id = ?"_s);
        values.append(SqlSupport::text(filter.clientId));
    }
    if (!filter.subject.isEmpty()) {
        where.append(u"subject = ?"_s);
        values.append(SqlSupport::text(filter.subject));
    }
    if (!filter.account.isEmpty()) {
        where.append(u"(username = ? OR subject = ?)"_s);
        values.append(SqlSupport::text(filter.account));
        values.append(SqlSupport::text(filter.account));
    }
    if (filter.success.has_value()) {
        where.append(u"success = ?"_s);
        values.append(SqlSupport::flag(*filter.success));
    }
    if (filter.from.isValid()) {
        where.append(u"time >= ?"_s);
        values.append(SqlSupport::msecs(filter.from));
    }
    if (filter.to.isValid()) {
        where.append(u"time < ?"_s);
        values.append(SqlSupport::msecs(filter.to));
    }
    if (!filter.text.isEmpty()) {
        const QString pattern = SqlSupport::likeContains(filter.text);
        const QString escape = QString(QChar(SqlSupport::LikeEscape));
        // SQLite's LIKE ignores ASCII case by itself, and its LOWER() folds
        // nothing but ASCII either: the same test without LOWER() reads a
        // large log about three times faster. PostgreSQL's LIKE heeds case.
        const QString test = m_db->driver() == Database::Driver::Sqlite
                                 ? u"%1 LIKE ? ESCAPE '%2'"_s
                                 : u"LOWER(%1) LIKE ? ESCAPE '%2'"_s;
        QStringList anyColumn;
        for (const QString &column :
             {u"type"_s, u"client_id"_s, u"username"_s, u"source"_s, u"details"_s}) {
            anyColumn.append(test.arg(column, escape));
            values.append(pattern);
        }
        where.append(u'(' + anyColumn.join(u" OR "_s) + u')');
    }
    if (filter.beforeId > 0) {
        where.append(u"id < ?"_s);
        values.append(QVariant(static_cast<qlonglong>(filter.beforeId)));
    }
    if (filter.afterId.has_value()) {
        where.append(u"id > ?"_s);
        values.append(QVariant(static_cast<qlonglong>(*filter.afterId)));
    }
    values.append(QVariant(std::min(filter.limit, MaxQueryLimit)));

    const QString sql =
        u"SELECT id, time, type, success, client_id, subject, username, source, instance, "
        "details FROM events "_s +
        (where.isEmpty() ? QString() : u"WHERE "_s + where.join(u" AND "_s) + u' ') +
        (filter.afterId.has_value() ? u"ORDER BY id ASC LIMIT ?"_s : u"ORDER BY id DESC LIMIT ?"_s);
    auto query = SqlSupport::exec(*m_db, u"cannot read events"_s, sql, values);
    if (!query)
        return query.error();
    QList<Event> events;
    while (query->next()) {
        Event event;
        event.id = query->value(0).toLongLong();
        event.time = SqlSupport::dateTime(query->value(1));
        event.type = query->value(2).toString();
        event.success = query->value(3).toLongLong() != 0;
        event.clientId = query->value(4).toString();
        event.subject = query->value(5).toString();
        event.username = query->value(6).toString();
        event.sourceAddress = query->value(7).toString();
        event.instance = query->value(8).toString();
        auto details = SqlSupport::object(query->value(9));
        if (!details)
            return Error::storage(u"event %1 has unreadable details"_s.arg(event.id));
        event.details = std::move(*details);
        events.append(std::move(event));
    }
    return events;
}

Result<int, Error> SqlEventStore::purgeOlderThan(const QDateTime &cutoff, int batch)
{
    if (batch < 1)
        return Error::invalid(u"an event purge needs a batch of at least 1"_s);
    if (!cutoff.isValid())
        return Error::invalid(u"an event purge needs a cutoff time"_s);

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    int removed = 0;
    {
        auto query = SqlSupport::exec(*m_db, u"cannot purge events"_s,
                                      u"DELETE FROM events WHERE id IN (SELECT id FROM events "
                                      "WHERE time < ? ORDER BY id LIMIT ?)"_s,
                                      {SqlSupport::msecs(cutoff), QVariant(batch)});
        if (!query)
            return query.error();
        removed = query->numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return removed;
}

} // namespace lanyard
