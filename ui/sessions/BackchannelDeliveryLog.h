// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/EventTypes.h"
#include "model/Event.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLatin1StringView>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

namespace lanyard::ui {

/// What became of the back-channel logout tokens of ended sessions, as the
/// Sessions page shows it, read from the event stream: session.ended marks
/// every client of the session that registered a backchannel_logout_uri
/// as pending; each delivery attempt's event (backchannel.delivered,
/// backchannel.failed, sent by logout/BackchannelLogoutSender with the
/// client and the sid) moves it on. The one place that knows those event
/// names and their details. GUI thread (plain value).
class BackchannelDeliveryLog
{
    Q_DECLARE_TR_FUNCTIONS(BackchannelDeliveryLog)

public:
    /// Delivery event types (OpenID Connect Back-Channel Logout 1.0 §2.5,
    /// one event per attempt; see events/EventTypes.h for their details).
    static constexpr QLatin1StringView DeliveredType = event_type::BackchannelDelivered;
    static constexpr QLatin1StringView FailedType = event_type::BackchannelFailed;
    static constexpr QLatin1StringView TypePrefix{"backchannel."};
    /// Sessions remembered; older ones are forgotten first.
    static constexpr int MaxSessions = 500;

    enum class State {
        /// The session ended; no attempt has reported yet.
        Pending,
        /// An attempt failed and the sender tries again.
        Retrying,
        Delivered,
        /// The last attempt failed.
        Failed,
    };

    struct Delivery
    {
        State state = State::Pending;
        /// Why the last attempt failed ("HTTP 500", "timeout", ...), if it did.
        QString problem;
        /// When the last event about it happened.
        QDateTime time;
        /// Attempts reported so far (0 while pending).
        int attempts = 0;
        /// How many attempts the sender makes at most, when it said.
        int maxAttempts = 0;
    };

    /// How a session ended (session.ended).
    struct Ending
    {
        QDateTime time;
        /// "admin", "logout", "expired", "replaced".
        QString reason;
    };

    /// True for the event types of deliveries.
    static bool isDeliveryEvent(const Event &event);

    /// The clients that registered a backchannel_logout_uri: only they get
    /// a logout token, so only they turn pending when a session ends.
    void setBackchannelClients(const QSet<QString> &clientIds);

    /// Records that session `sid`, in which `clientIds` took part, ended at
    /// `time` for `reason`: marks the back-channel clients pending (unless
    /// an attempt already reported). Idempotent.
    void noteEnded(const QString &sid, const QStringList &clientIds, const QDateTime &time,
                   const QString &reason);

    /// Applies one event (session.ended or a delivery event; others are
    /// ignored). Returns the sid whose information changed, or empty.
    QString apply(const Event &event);

    std::optional<Delivery> delivery(const QString &sid, const QString &clientId) const;
    std::optional<Ending> ending(const QString &sid) const;

    /// "Logout pending", "Logout delivered at 10:42", "Logout failed: HTTP
    /// 500", "Attempt 1 failed (timeout); retrying".
    static QString describe(const Delivery &delivery);
    /// "Ended at 10:42 by an administrator", "… when the user signed out", ...
    static QString describe(const Ending &ending);

private:
    /// Remembers `sid` (newest last) and forgets the oldest beyond MaxSessions.
    void remember(const QString &sid);

    QSet<QString> m_backchannelClients;
    QHash<QString, QHash<QString, Delivery>> m_deliveries;
    QHash<QString, Ending> m_endings;
    QList<QString> m_order;
};

} // namespace lanyard::ui
