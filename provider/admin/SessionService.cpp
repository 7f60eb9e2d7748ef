// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/SessionService.h"

#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "logout/SessionTerminator.h"
#include "model/Account.h"
#include "store/AccountStore.h"
#include "store/ConsentStore.h"
#include "store/Database.h"
#include "store/SessionStore.h"
#include "store/TokenStore.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

SessionInfo infoOf(const Session &session, const QString &username)
{
    SessionInfo info;
    info.id = session.id;
    info.subject = session.subject;
    info.username = username;
    info.createdAt = session.createdAt;
    info.authTime = session.authTime;
    info.lastActiveAt = session.lastActiveAt;
    info.expiresAt = session.expiresAt;
    info.sourceAddress = session.sourceAddress;
    info.userAgent = session.userAgent;
    info.clientIds = session.clientIds;
    return info;
}

} // namespace

SessionService::SessionService(Dependencies dependencies) : m_deps(std::move(dependencies)) {}

Result<QString, Error> SessionService::usernameOf(const QString &subject) const
{
    auto account = m_deps.accounts->findBySubject(subject);
    if (!account)
        return account.error();
    return account->has_value() ? (*account)->username : QString();
}

Result<QList<SessionInfo>, Error> SessionService::list(const QString &subject) const
{
    auto sessions = m_deps.sessions->list(subject);
    if (!sessions)
        return sessions.error();
    QHash<QString, QString> usernames;
    if (subject.isEmpty()) {
        auto accounts = m_deps.accounts->list();
        if (!accounts)
            return accounts.error();
        for (const Account &account : std::as_const(*accounts))
            usernames.insert(account.subject, account.username);
    } else {
        auto username = usernameOf(subject);
        if (!username)
            return username.error();
        usernames.insert(subject, *username);
    }
    const QDateTime now = m_deps.clock->now();
    QList<SessionInfo> live;
    for (const Session &session : std::as_const(*sessions)) {
        if (session.expiresAt <= now)
            continue;
        live.append(infoOf(session, usernames.value(session.subject)));
    }
    return live;
}

SessionTerminator SessionService::terminator() const
{
    return SessionTerminator({m_deps.database, m_deps.sessions, m_deps.tokens, m_deps.clock,
                              m_deps.events, m_deps.endNotifier});
}

void SessionService::announce(const Session &session, const Ended &ended,
                              const QString &actor) const
{
    SessionTerminator::Context context;
    context.reason = AdminReason;
    context.username = ended.session.username;
    if (!actor.isEmpty())
        context.details.insert(u"actor"_s, actor);
    terminator().announce({session, ended.familiesRevoked}, context);
}

Result<SessionService::Ended, Error> SessionService::end(const QString &sessionId,
                                                         const QString &actor) const
{
    if (sessionId.isEmpty())
        return Error::invalid(u"ending a session needs its id"_s);
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return transaction.error();
    auto found = m_deps.sessions->find(sessionId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(u"no session %1"_s.arg(sessionId));
    const Session session = **found;
    auto username = usernameOf(session.subject);
    if (!username)
        return username.error();
    auto families = terminator().remove(session);
    if (!families)
        return families.error();
    if (!families->has_value())
        return Error::notFound(u"no session %1"_s.arg(sessionId));
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    Ended ended{infoOf(session, *username), **families};
    announce(session, ended, actor);
    return ended;
}

Result<QList<SessionService::Ended>, Error> SessionService::endAll(const QString &subject,
                                                                   const QString &actor) const
{
    if (subject.isEmpty())
        return Error::invalid(u"ending an account's sessions needs its subject"_s);
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return transaction.error();
    auto sessions = m_deps.sessions->list(subject);
    if (!sessions)
        return sessions.error();
    auto username = usernameOf(subject);
    if (!username)
        return username.error();
    const SessionTerminator ender = terminator();
    QList<Session> removed;
    QList<Ended> ended;
    for (const Session &session : std::as_const(*sessions)) {
        auto families = ender.remove(session);
        if (!families)
            return families.error();
        if (!families->has_value())
            continue;
        removed.append(session);
        ended.append(Ended{infoOf(session, *username), **families});
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    for (qsizetype i = 0; i < ended.size(); ++i)
        announce(removed.at(i), ended.at(i), actor);
    return ended;
}

Result<int, Error> SessionService::revokeClientGrant(const QString &subject,
                                                     const QString &clientId,
                                                     const QString &actor) const
{
    if (subject.isEmpty() || clientId.isEmpty())
        return Error::invalid(u"revoking a grant needs the account and the client"_s);
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return transaction.error();
    auto consent = m_deps.consents->revoke(subject, clientId);
    if (!consent)
        return consent.error();
    auto families = m_deps.tokens->revokeClientGrants(subject, clientId, m_deps.clock->now());
    if (!families)
        return families.error();
    auto username = usernameOf(subject);
    if (!username)
        return username.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    if (m_deps.events) {
        Event event;
        event.type = event_type::GrantRevoked;
        event.subject = subject;
        event.username = *username;
        event.clientId = clientId;
        QJsonObject details{
            {u"reason"_s, QString(AdminReason)},
            {u"consent_revoked"_s, *consent},
            {u"families_revoked"_s, *families},
        };
        if (!actor.isEmpty())
            details.insert(u"actor"_s, actor);
        event.details = details;
        m_deps.events->publish(event);
    }
    return *families;
}

} // namespace lanyard
