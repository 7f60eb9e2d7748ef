// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Session.h"

#include <QObject>
#include <QString>

namespace lanyard {

/// The hook that fires when an OP browser session is ended on purpose: by
/// an administrator (SessionService) and, later, by RP-initiated logout.
/// OpenID Connect Back-Channel Logout connects to sessionEnded() to send a
/// logout token to every client of `session.clientIds` that registered a
/// backchannel_logout_uri. Sessions that merely expire and are purged by the
/// maintenance job do not fire it.
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
