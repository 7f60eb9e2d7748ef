// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ProviderConfig.h"

namespace lanyard {

QUrl ProviderConfig::effectiveIssuer() const
{
    if (!issuer.isEmpty())
        return issuer;
    QUrl url;
    url.setScheme(tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"));
    QHostAddress host = listenAddress;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    url.setHost(host.toString());
    url.setPort(listenPort);
    return url;
}

} // namespace lanyard
