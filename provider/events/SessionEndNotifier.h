// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Session.h"

#include <QObject>
#include <QString>

namespace lanyard {

/// The hook that fires when an OP browser session ends
/// (logout/SessionTerminator): RP-initiated logout, an administrator
/// (SessionService), expiry (the maintenance job's purge) or another
/// account signing in on the browser. OpenID Connect Back-Channel Logout
/// (logout/BackchannelLogoutSender) connects to sessionEnded() to send a
/// logout token to every client of `session.clientIds` that registered a
/// backchannel_logout_uri.
///
/// Owned by Provider; lives on the thread that created it. notify() may be
/// called from any thread; receivers on other threads get queued copies.
class SessionEndNotifier : public QObject
{
    Q_OBJECT

public:
    explicit SessionEndNotifier(QObject *parent = nullptr);

    /// Emits sessionEnded() in the calling thread, after the session and its
    /// tokens are gone from the database. Any thread.
    void notify(const lanyard::Session &session, const QString &reason);

Q_SIGNALS:
    /// `session` as it was stored before it ended (subject, sid, clientIds);
    /// `reason` as in the session.ended event: "admin", "logout", ...
    void sessionEnded(const lanyard::Session &session, const QString &reason);
};

} // namespace lanyard
