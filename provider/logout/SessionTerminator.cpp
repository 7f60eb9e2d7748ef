// SPDX-License-Identifier: GPL-3.0-or-later
#include "logout/SessionTerminator.h"

#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "events/SessionEndNotifier.h"
#include "store/Database.h"
#include "store/SessionStore.h"
#include "store/TokenStore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

SessionTerminator::SessionTerminator(Dependencies dependencies) : m_deps(std::move(dependencies)) {}

Result<std::optional<int>, Error> SessionTerminator::remove(const Session &session) const
{
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return transaction.error();
    auto removed = m_deps.sessions->remove(session.id);
    if (!removed)
        return removed.error();
    if (!*removed)
        return std::optional<int>();
    auto families = m_deps.tokens->revokeSession(session.id, m_deps.clock->now());
    if (!families)
        return families.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return std::optional<int>(*families);
}

Result<std::optional<SessionTerminator::Ended>, Error>
SessionTerminator::end(const QString &sessionId, const Context &context) const
{
    if (sessionId.isEmpty())
        return Error::invalid(u"ending a session needs its id"_s);
    std::optional<Ended> ended;
    {
        Database::Transaction transaction(*m_deps.database);
        if (!transaction.isActive())
            return transaction.error();
        auto found = m_deps.sessions->find(sessionId);
        if (!found)
            return found.error();
        if (!found->has_value())
            return std::optional<Ended>();
        auto families = remove(**found);
        if (!families)
            return families.error();
        if (!families->has_value())
            return std::optional<Ended>();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        ended = Ended{**found, **families};
    }
    announce(*ended, context);
    return ended;
}

Result<QList<int>, Error> SessionTerminator::revokeTokensOf(const QList<Session> &sessions) const
{
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return transaction.error();
    const QDateTime now = m_deps.clock->now();
    QList<int> revoked;
    for (const Session &session : sessions) {
        auto families = m_deps.tokens->revokeSession(session.id, now);
        if (!families)
            return families.error();
        revoked.append(*families);
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return revoked;
}

void SessionTerminator::announce(const Ended &ended, const Context &context) const
{
    if (m_deps.events) {
        Event event;
        event.type = event_type::SessionEnded;
        event.subject = ended.session.subject;
        event.username = context.username;
        event.clientId = context.clientId;
        event.sourceAddress = context.sourceAddress;
        QJsonObject details = context.details;
        details.insert(u"sid"_s, ended.session.id);
        details.insert(u"reason"_s, context.reason);
        details.insert(u"clients"_s, QJsonArray::fromStringList(ended.session.clientIds));
        details.insert(u"families_revoked"_s, ended.familiesRevoked);
        event.details = details;
        m_deps.events->publish(event);
    }
    if (m_deps.notifier)
        m_deps.notifier->notify(ended.session, context.reason);
}

Result<int, Error> SessionTerminator::purgeExpired(int batch) const
{
    QList<Session> taken;
    QList<int> families;
    {
        Database::Transaction transaction(*m_deps.database);
        if (!transaction.isActive())
            return transaction.error();
        auto expired = m_deps.sessions->takeExpired(m_deps.clock->now(), batch);
        if (!expired)
            return expired.error();
        auto revoked = revokeTokensOf(*expired);
        if (!revoked)
            return revoked.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        taken = std::move(*expired);
        families = std::move(*revoked);
    }
    Context context;
    context.reason = ExpiredReason;
    for (qsizetype i = 0; i < taken.size(); ++i)
        announce(Ended{taken.at(i), families.value(i)}, context);
    return int(taken.size());
}

} // namespace lanyard
