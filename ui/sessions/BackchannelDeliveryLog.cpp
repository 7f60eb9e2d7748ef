// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/BackchannelDeliveryLog.h"

#include "events/EventTypes.h"
#include "logout/SessionTerminator.h"

#include <QJsonArray>
#include <QLocale>

namespace lanyard::ui {

namespace {

QString timeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    if (local.date() == QDate::currentDate())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

} // namespace

bool BackchannelDeliveryLog::isDeliveryEvent(const Event &event)
{
    return event.type.startsWith(TypePrefix);
}

void BackchannelDeliveryLog::setBackchannelClients(const QSet<QString> &clientIds)
{
    m_backchannelClients = clientIds;
}

void BackchannelDeliveryLog::remember(const QString &sid)
{
    if (m_order.contains(sid))
        return;
    m_order.append(sid);
    while (m_order.size() > MaxSessions) {
        const QString oldest = m_order.takeFirst();
        m_deliveries.remove(oldest);
        m_endings.remove(oldest);
    }
}

void BackchannelDeliveryLog::noteEnded(const QString &sid, const QStringList &clientIds,
                                       const QDateTime &time, const QString &reason)
{
    if (sid.isEmpty())
        return;
    remember(sid);
    if (!m_endings.contains(sid))
        m_endings.insert(sid, Ending{time, reason});
    QHash<QString, Delivery> &deliveries = m_deliveries[sid];
    for (const QString &clientId : clientIds) {
        if (m_backchannelClients.contains(clientId) && !deliveries.contains(clientId))
            deliveries.insert(clientId, Delivery{State::Pending, {}, time, 0});
    }
}

QString BackchannelDeliveryLog::apply(const Event &event)
{
    const QString sid = event.details.value(QLatin1StringView("sid")).toString();
    if (sid.isEmpty())
        return {};
    if (event.type == event_type::SessionEnded) {
        QStringList clients;
        const QJsonArray listed = event.details.value(QLatin1StringView("clients")).toArray();
        for (const auto &client : listed)
            clients.append(client.toString());
        const QString reason = event.details.value(QLatin1StringView("reason")).toString();
        noteEnded(sid, clients, event.time, reason);
        // The event is the record (noteEnded() by the page may come first).
        m_endings[sid] = Ending{event.time, reason};
        return sid;
    }
    if (!isDeliveryEvent(event))
        return {};
    // events/EventTypes.h: clientId names the client, details the rest.
    const QString clientId = event.clientId;
    if (clientId.isEmpty())
        return {};

    remember(sid);
    Delivery delivery = m_deliveries.value(sid).value(clientId);
    delivery.time = event.time;
    delivery.attempts =
        event.details.value(QLatin1StringView("attempt")).toInt(delivery.attempts + 1);
    delivery.maxAttempts = event.details.value(QLatin1StringView("max_attempts")).toInt();
    if (event.type == DeliveredType) {
        delivery.state = State::Delivered;
        delivery.problem.clear();
    } else if (event.type == FailedType || !event.success) {
        // A failed attempt that will be retried is not final ("final": false).
        const bool final = event.details.value(QLatin1StringView("final")).toBool(true);
        delivery.state = final ? State::Failed : State::Retrying;
        // "reason" in these details is why the session ended, not why the
        // delivery failed: that is "error" ("HTTP 503", "Connection refused").
        QString problem = event.details.value(QLatin1StringView("error")).toString();
        const int status = event.details.value(QLatin1StringView("status")).toInt();
        if (status > 0 && !problem.contains(QString::number(status)))
            problem = problem.isEmpty() ? tr("HTTP %1").arg(status)
                                        : tr("%1 (HTTP %2)").arg(problem).arg(status);
        delivery.problem = problem.isEmpty() ? tr("no reason given") : problem;
    } else {
        // Another step of a delivery (queued, sent): still on its way.
        if (delivery.state != State::Delivered && delivery.state != State::Failed)
            delivery.state = State::Pending;
    }
    m_deliveries[sid].insert(clientId, delivery);
    return sid;
}

std::optional<BackchannelDeliveryLog::Delivery>
BackchannelDeliveryLog::delivery(const QString &sid, const QString &clientId) const
{
    const auto session = m_deliveries.constFind(sid);
    if (session == m_deliveries.cend())
        return std::nullopt;
    const auto found = session->constFind(clientId);
    if (found == session->cend())
        return std::nullopt;
    return *found;
}

std::optional<BackchannelDeliveryLog::Ending>
BackchannelDeliveryLog::ending(const QString &sid) const
{
    const auto found = m_endings.constFind(sid);
    if (found == m_endings.cend())
        return std::nullopt;
    return *found;
}

QString BackchannelDeliveryLog::describe(const Delivery &delivery)
{
    switch (delivery.state) {
    case State::Pending:
        return tr("Logout pending");
    case State::Retrying:
        if (delivery.maxAttempts > 0)
            return tr("Logout attempt %1 of %2 failed (%3); retrying")
                .arg(delivery.attempts)
                .arg(delivery.maxAttempts)
                .arg(delivery.problem);
        return tr("Logout attempt %1 failed (%2); retrying")
            .arg(delivery.attempts)
            .arg(delivery.problem);
    case State::Delivered:
        return tr("Logout delivered at %1").arg(timeText(delivery.time));
    case State::Failed:
        return tr("Logout failed: %1").arg(delivery.problem);
    }
    return {};
}

QString BackchannelDeliveryLog::describe(const Ending &ending)
{
    const QString when = timeText(ending.time);
    if (ending.reason == SessionTerminator::AdminReason)
        return tr("Ended at %1 by an administrator.").arg(when);
    if (ending.reason == SessionTerminator::LogoutReason)
        return tr("Ended at %1: the user signed out.").arg(when);
    if (ending.reason == SessionTerminator::ExpiredReason)
        return tr("Expired at %1.").arg(when);
    if (ending.reason == SessionTerminator::ReplacedReason)
        return tr("Ended at %1: another account signed in on that browser.").arg(when);
    return tr("Ended at %1.").arg(when);
}

} // namespace lanyard::ui
