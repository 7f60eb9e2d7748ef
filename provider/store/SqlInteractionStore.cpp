// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlInteractionStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

SqlInteractionStore::SqlInteractionStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<void, Error> SqlInteractionStore::save(const Interaction &interaction)
{
    if (interaction.id.isEmpty())
        return Error::invalid(u"an interaction needs an id"_s);
    if (!interaction.expiresAt.isValid())
        return Error::invalid(u"an interaction needs an expiry time"_s);
    const auto written = SqlSupport::write(
        *m_db, u"cannot save an interaction"_s,
        u"INSERT INTO interactions (id, request, csrf_token, subject, session_id, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "request = excluded.request, csrf_token = excluded.csrf_token, "
        "subject = excluded.subject, session_id = excluded.session_id, "
        "expires_at = excluded.expires_at"_s,
        {
            SqlSupport::text(interaction.id),
            SqlSupport::jsonText(interaction.request),
            SqlSupport::text(interaction.csrfToken),
            SqlSupport::text(interaction.subject),
            SqlSupport::text(interaction.sessionId),
            SqlSupport::msecs(interaction.createdAt.isValid() ? interaction.createdAt
                                                              : m_db->clock()->now()),
            SqlSupport::msecs(interaction.expiresAt),
        });
    if (!written)
        return written.error();
    return {};
}

Result<std::optional<Interaction>, Error> SqlInteractionStore::find(const QString &id,
                                                                    const QDateTime &now) const
{
    auto query = SqlSupport::exec(
        *m_db, u"cannot read an interaction"_s,
        u"SELECT id, request, csrf_token, subject, session_id, created_at, expires_at "
        "FROM interactions WHERE id = ? AND expires_at > ?"_s,
        {SqlSupport::text(id), SqlSupport::msecs(now)});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Interaction>();
    Interaction interaction;
    interaction.id = query->value(0).toString();
    auto request = SqlSupport::object(query->value(1));
    if (!request)
        return Error::storage(u"an interaction has an unreadable request"_s);
    interaction.request = std::move(*request);
    interaction.csrfToken = query->value(2).toString();
    interaction.subject = query->value(3).toString();
    interaction.sessionId = query->value(4).toString();
    interaction.createdAt = SqlSupport::dateTime(query->value(5));
    interaction.expiresAt = SqlSupport::dateTime(query->value(6));
    return std::optional<Interaction>(std::move(interaction));
}

Result<bool, Error> SqlInteractionStore::remove(const QString &id)
{
    auto removed =
        SqlSupport::write(*m_db, u"cannot remove an interaction"_s,
                          u"DELETE FROM interactions WHERE id = ?"_s, {SqlSupport::text(id)});
    if (!removed)
        return removed.error();
    return *removed > 0;
}

Result<int, Error> SqlInteractionStore::purgeExpired(const QDateTime &now, int batch)
{
    if (batch < 1)
        return Error::invalid(u"an interaction purge needs a batch of at least 1"_s);
    if (!now.isValid())
        return Error::invalid(u"an interaction purge needs the time"_s);
    return SqlSupport::write(*m_db, u"cannot purge interactions"_s,
                             u"DELETE FROM interactions WHERE id IN (SELECT id FROM interactions "
                             "WHERE expires_at <= ? ORDER BY expires_at, id LIMIT ?)"_s,
                             {SqlSupport::msecs(now), QVariant(batch)});
}

} // namespace lanyard
