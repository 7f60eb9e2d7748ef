// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QUrl>

namespace lanyard {

/// What the HTTP layer knows about the connection a request came on, and the
/// settings needed to interpret it. Plain value, safe to copy across threads.
struct ConnectionInfo
{
    /// The address of the TCP peer (the client, or a reverse proxy).
    QHostAddress peerAddress;
    /// The request arrived over TLS on this very connection.
    bool tls = false;
    /// Peers whose Forwarded / X-Forwarded-* headers are believed
    /// (ProviderConfig::trustedProxies).
    QList<QHostAddress> trustedProxies;
    /// The issuer: base of every absolute URL the provider writes.
    QUrl baseUrl;
};

} // namespace lanyard
