// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderOpener.h"

#include "runtime/Provider.h"
#include "store/Database.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace lanyard::app {

QString ProviderOpener::databaseLocation(const Invocation &invocation)
{
    return invocation.database.isEmpty() ? Database::defaultLocation() : invocation.database;
}

Result<std::unique_ptr<Provider>, Error> ProviderOpener::open(const Invocation &invocation)
{
    auto provider = Provider::open(databaseLocation(invocation));
    if (!provider)
        return provider.error();
    ProviderConfig config = (*provider)->config();
    if (!invocation.issuer.isEmpty())
        config.issuer = QUrl(invocation.issuer, QUrl::StrictMode);
    if (!invocation.listenHost.isEmpty()) {
        config.listenAddress = invocation.listenHost == u"localhost"_s
                                   ? QHostAddress(QHostAddress::LocalHost)
                                   : QHostAddress(invocation.listenHost);
        config.listenPort = static_cast<quint16>(invocation.listenPort);
    }
    if (!invocation.tlsCertificate.isEmpty()) {
        config.tlsCertificateFile = invocation.tlsCertificate;
        config.tlsKeyFile = invocation.tlsKey;
    }
    (*provider)->setConfig(config);
    return provider;
}

} // namespace lanyard::app
