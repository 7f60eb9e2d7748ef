// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlSessionStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString Columns = u"id, cookie_hash, subject, auth_time, created_at, last_active_at, "
                        "expires_at, amr, source, user_agent, client_ids"_s;

Result<Session, Error> readSession(const QSqlQuery &query)
{
    Session session;
    session.id = query.value(0).toString();
    session.cookieHash = query.value(1).toString();
    session.subject = query.value(2).toString();
    session.authTime = SqlSupport::dateTime(query.value(3));
    session.createdAt = SqlSupport::dateTime(query.value(4));
    session.lastActiveAt = SqlSupport::dateTime(query.value(5));
    session.expiresAt = SqlSupport::dateTime(query.value(6));
    auto amr = SqlSupport::stringList(query.value(7));
    auto clientIds = SqlSupport::stringList(query.value(10));
    if (!amr || !clientIds)
        return Error::storage(u"a session of %1 is unreadable"_s.arg(session.subject));
    session.amr = std::move(*amr);
    session.sourceAddress = query.value(8).toString();
    session.userAgent = query.value(9).toString();
    session.clientIds = std::move(*clientIds);
    return session;
}

} // namespace

SqlSessionStore::SqlSessionStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<QList<Session>, Error> SqlSessionStore::select(const QString &where,
                                                      const QVariantList &values) const
{
    auto query = SqlSupport::exec(*m_db, u"cannot read sessions"_s,
                                  u"SELECT "_s + Columns + u" FROM sessions "_s + where, values);
    if (!query)
        return query.error();
    QList<Session> sessions;
    while (query->next()) {
        auto session = readSession(*query);
        if (!session)
            return session.error();
        sessions.append(std::move(session).value());
    }
    return sessions;
}

Result<void, Error> SqlSessionStore::create(const Session &session)
{
    if (session.id.isEmpty() || session.cookieHash.isEmpty())
        return Error::invalid(u"a session needs an id and a cookie hash"_s);
    if (session.subject.isEmpty())
        return Error::invalid(u"a session needs a subject"_s);
    if (!session.expiresAt.isValid())
        return Error::invalid(u"a session needs an expiry time"_s);
    const QDateTime createdAt =
        session.createdAt.isValid() ? session.createdAt : m_db->clock()->now();
    const auto written = SqlSupport::write(
        *m_db, u"cannot create a session for %1"_s.arg(session.subject),
        u"INSERT INTO sessions ("_s + Columns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {
            SqlSupport::text(session.id),
            SqlSupport::text(session.cookieHash),
            SqlSupport::text(session.subject),
            SqlSupport::msecs(session.authTime.isValid() ? session.authTime : createdAt),
            SqlSupport::msecs(createdAt),
            SqlSupport::msecs(session.lastActiveAt.isValid() ? session.lastActiveAt : createdAt),
            SqlSupport::msecs(session.expiresAt),
            SqlSupport::jsonText(session.amr),
            SqlSupport::text(session.sourceAddress),
            SqlSupport::text(session.userAgent),
            SqlSupport::jsonText(session.clientIds),
        });
    if (!written)
        return written.error();
    return {};
}

Result<std::optional<Session>, Error> SqlSessionStore::findByCookieHash(const QString &cookieHash,
                                                                        const QDateTime &now) const
{
    auto found = select(u"WHERE cookie_hash = ? AND expires_at > ?"_s,
                        {SqlSupport::text(cookieHash), SqlSupport::msecs(now)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Session>();
    return std::optional<Session>(found->takeFirst());
}

Result<std::optional<Session>, Error> SqlSessionStore::find(const QString &sessionId) const
{
    auto found = select(u"WHERE id = ?"_s, {SqlSupport::text(sessionId)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Session>();
    return std::optional<Session>(found->takeFirst());
}

Result<void, Error> SqlSessionStore::touch(const QString &sessionId, const QDateTime &now,
                                           const QDateTime &expiresAt, const QString &clientId,
                                           const QDateTime &authTime)
{
    if (!now.isValid() || !expiresAt.isValid())
        return Error::invalid(u"touching a session needs the time and a new expiry"_s);
    const QString what = u"cannot update a session"_s;
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    {
        // Writing first locks the row (PostgreSQL), so the client_ids read
        // below cannot race another touch.
        QVariantList values{SqlSupport::msecs(now), SqlSupport::msecs(expiresAt)};
        QString sql = u"UPDATE sessions SET last_active_at = ?, expires_at = ?"_s;
        if (authTime.isValid()) {
            sql += u", auth_time = ?"_s;
            values.append(SqlSupport::msecs(authTime));
        }
        sql += u" WHERE id = ?"_s;
        values.append(SqlSupport::text(sessionId));
        auto updated = SqlSupport::exec(*m_db, what, sql, values);
        if (!updated)
            return updated.error();
        if (updated->numRowsAffected() < 1)
            return Error::notFound(u"no such session"_s);
    }
    if (!clientId.isEmpty()) {
        QStringList clientIds;
        {
            auto query =
                SqlSupport::exec(*m_db, what, u"SELECT client_ids FROM sessions WHERE id = ?"_s,
                                 {SqlSupport::text(sessionId)});
            if (!query)
                return query.error();
            if (!query->next())
                return Error::notFound(u"no such session"_s);
            auto list = SqlSupport::stringList(query->value(0));
            if (!list)
                return Error::storage(u"a session has unreadable client ids"_s);
            clientIds = std::move(*list);
        }
        if (!clientIds.contains(clientId)) {
            clientIds.append(clientId);
            if (auto query = SqlSupport::exec(
                    *m_db, what, u"UPDATE sessions SET client_ids = ? WHERE id = ?"_s,
                    {SqlSupport::jsonText(clientIds), SqlSupport::text(sessionId)});
                !query)
                return query.error();
        }
    }
    return transaction.commit();
}

Result<bool, Error> SqlSessionStore::remove(const QString &sessionId)
{
    auto removed =
        SqlSupport::write(*m_db, u"cannot remove a session"_s,
                          u"DELETE FROM sessions WHERE id = ?"_s, {SqlSupport::text(sessionId)});
    if (!removed)
        return removed.error();
    return *removed > 0;
}

Result<QList<Session>, Error> SqlSessionStore::list(const QString &subject) const
{
    if (subject.isEmpty())
        return select(u"ORDER BY created_at DESC, id"_s, {});
    return select(u"WHERE subject = ? ORDER BY created_at DESC, id"_s, {SqlSupport::text(subject)});
}

Result<int, Error> SqlSessionStore::purgeExpired(const QDateTime &now, int batch)
{
    if (batch < 1)
        return Error::invalid(u"a session purge needs a batch of at least 1"_s);
    if (!now.isValid())
        return Error::invalid(u"a session purge needs the time"_s);
    return SqlSupport::write(*m_db, u"cannot purge sessions"_s,
                             u"DELETE FROM sessions WHERE id IN (SELECT id FROM sessions "
                             "WHERE expires_at <= ? ORDER BY expires_at, id LIMIT ?)"_s,
                             {SqlSupport::msecs(now), QVariant(batch)});
}

Result<QList<Session>, Error> SqlSessionStore::takeExpired(const QDateTime &now, int batch)
{
    if (batch < 1)
        return Error::invalid(u"a session purge needs a batch of at least 1"_s);
    if (!now.isValid())
        return Error::invalid(u"a session purge needs the time"_s);
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    auto expired = select(u"WHERE expires_at <= ? ORDER BY expires_at, id LIMIT ?"_s,
                          {SqlSupport::msecs(now), QVariant(batch)});
    if (!expired)
        return expired.error();
    QList<Session> taken;
    for (const Session &session : std::as_const(*expired)) {
        // Only while still expired: a touch() since the SELECT renewed it.
        auto removed = SqlSupport::write(*m_db, u"cannot purge sessions"_s,
                                         u"DELETE FROM sessions WHERE id = ? AND expires_at <= ?"_s,
                                         {SqlSupport::text(session.id), SqlSupport::msecs(now)});
        if (!removed)
            return removed.error();
        if (*removed > 0)
            taken.append(session);
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return taken;
}

} // namespace lanyard
