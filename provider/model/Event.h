// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace lanyard {

/// One security-relevant happening (login.succeeded, token.issued,
/// admin.changed, ...). Plain value, safe to copy across threads.
/// Never carries a secret, token, code or password.
struct Event
{
    /// Database id; 0 until recorded.
    qint64 id = 0;
    QDateTime time;
    /// Dotted type name, see events/EventTypes.h.
    QString type;
    /// false for failures (login.failed, client.auth.failed, ...).
    bool success = true;
    QString clientId;
    /// Account subject (`sub`) and username, when an account is involved.
    QString subject;
    QString username;
    /// Remote address of the request, after trusted-proxy handling.
    QString sourceAddress;
    /// Which server instance produced it (host name and pid).
    QString instance;
    /// Type-specific members (grant_type, reason, changed fields, ...).
    QJsonObject details;

    /// The event as one JSON object (the `serve` output line and the export format).
    QJsonObject toJson() const;
};

} // namespace lanyard

Q_DECLARE_METATYPE(lanyard::Event)
