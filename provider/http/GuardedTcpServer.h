// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/HttpLimits.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace lanyard {

/// The QTcpServer one worker's QAbstractHttpServer is bound to. It creates
/// each accepted socket itself (a QSslSocket doing the server handshake when
/// TLS is configured) and puts a ConnectionGuard on it before Qt's HTTP
/// server gets it, so the limits run beneath Qt's reader. It also caps the
/// open connections: past HttpLimits::maxConnectionsPerWorker a new
/// connection is answered 503 (plain HTTP) or closed (TLS).
///
/// Qt 6.4's QAbstractHttpServer::sslSetup() only affects listen(), which
/// would create an unguarded QSslServer; with bind() the TLS handshake is
/// ours to run, so it runs here with the same QSslConfiguration.
///
/// Threads: lives in its worker thread, like its sockets.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls,
                     QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    /// Connections accepted and not yet destroyed.
    int activeConnections() const { return m_active; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuseBusy(qintptr descriptor);

    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    int m_active = 0;
};

} // namespace lanyard
