// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/GuardedTcpServer.h"

#include "core/OAuthError.h"
#include "core/Protocol.h"
#include "http/ConnectionGuard.h"
#include "http/HttpLog.h"
#include "http/ResponseWriter.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace lanyard {

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls,
                                   QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_tls(std::move(tls))
{}

GuardedTcpServer::~GuardedTcpServer() = default;

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    if (m_active >= m_limits.maxConnectionsPerWorker) {
        refuseBusy(descriptor);
        return;
    }
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot adopt an accepted connection:" << socket->errorString();
        delete socket;
        ::close(static_cast<int>(descriptor));
        return;
    }
    ++m_active;
    connect(socket, &QObject::destroyed, this, [this] { --m_active; });

    // First connection to readyRead: the guard frames every byte before
    // QAbstractHttpServer's reader sees it.
    auto *guard = new ConnectionGuard(socket, m_limits);
    if (auto *tls = qobject_cast<QSslSocket *>(socket)) {
        tls->setSslConfiguration(*m_tls);
        connect(tls, &QSslSocket::sslErrors, tls, [tls](const QList<QSslError> &errors) {
            qCInfo(lcHttp) << "TLS handshake with" << tls->peerAddress().toString()
                           << "failed:" << errors.value(0).errorString();
        });
        tls->startServerEncryption();
    }
    // Qt 6.4's QAbstractHttpServer connects its reader while this call emits
    // pendingConnectionAvailable; the guard's second slot goes after it.
    addPendingConnection(socket);
    guard->watchAfterReader();
}

void GuardedTcpServer::refuseBusy(qintptr descriptor)
{
    qCWarning(lcHttp) << "connection limit reached (" << m_limits.maxConnectionsPerWorker
                      << "per worker); refusing a connection";
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(static_cast<int>(descriptor));
        return;
    }
    if (m_tls) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *guard = new ConnectionGuard(socket, m_limits);
    HttpResponse busy = ResponseWriter::error(OAuthError(
        proto::error::TemporarilyUnavailable, u"Too many connections; retry shortly."_s, 503));
    busy.setHeader("Retry-After"_ba, "1"_ba);
    guard->refuse(busy);
}

} // namespace lanyard
