// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/SessionInfo.h"
#include "sessions/SessionClient.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace lanyard::ui {

class BackchannelDeliveryLog;

/// The right side of the Sessions page: one session in full (account, times,
/// address, the whole user agent) and the clients that took part, each with
/// a "Revoke grant" button and, once the session has ended, the result of
/// its back-channel logout delivery. Keeps showing a session after it ended
/// (with a banner) so the deliveries can be followed. The page shows it
/// only while hasSession(). GUI thread.
class SessionDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit SessionDetailsPane(QWidget *parent = nullptr);

    /// Shows `session` (live), its clients described by `clients`.
    void showSession(const SessionInfo &session, const QHash<QString, SessionClient> &clients);
    /// Shows nothing.
    void clear();
    bool hasSession() const { return !m_session.id.isEmpty(); }
    const SessionInfo &session() const { return m_session; }

    /// Marks the shown session as ended, with `text` ("Ended at 10:42 by an
    /// administrator.") in the banner.
    void setEnded(const QString &text);
    bool isEnded() const { return m_ended; }

    /// Updates each client's back-channel line from `log`.
    void updateDeliveries(const BackchannelDeliveryLog &log);
    /// Enables or disables every Revoke button (while an operation runs).
    void setActionsEnabled(bool enabled);

Q_SIGNALS:
    /// The user asked to revoke what the session's account granted `clientId`.
    void revokeRequested(const QString &subject, const QString &clientId);

private:
    struct ClientRow
    {
        SessionClient client;
        QLabel *delivery = nullptr;
        QPushButton *revoke = nullptr;
    };

    void rebuildClients(const QHash<QString, SessionClient> &clients);

    SessionInfo m_session;
    bool m_ended = false;
    bool m_actionsEnabled = true;
    QLabel *m_title;
    QLabel *m_banner;
    QLabel *m_started;
    QLabel *m_authenticated;
    QLabel *m_lastActivity;
    QLabel *m_expires;
    QLabel *m_source;
    QLabel *m_userAgent;
    QLabel *m_sid;
    QLabel *m_noClients;
    QWidget *m_clientsBox;
    QVBoxLayout *m_clientsLayout;
    QList<ClientRow> m_clients;
};

} // namespace lanyard::ui
