// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace lanyard {

/// One OP browser session as the Sessions page and `lanyard sessions list`
/// show it (SessionService::list()): who, since when, from where, and which
/// clients took part. Never the cookie or its hash. Plain value.
struct SessionInfo
{
    /// The session id (`sid`).
    QString id;
    /// The account: its subject and its username at the time of listing.
    QString subject;
    QString username;
    /// When the session started, when the user last authenticated in it, when
    /// it was last used, and when it expires unless used again.
    QDateTime createdAt;
    QDateTime authTime;
    QDateTime lastActiveAt;
    QDateTime expiresAt;
    QString sourceAddress;
    QString userAgent;
    /// client_ids that received tokens in this session, in order of first use.
    QStringList clientIds;
};

} // namespace lanyard
