// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/ConnectionInfo.h"
#include "http/HttpLimits.h"

#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>

namespace lanyard {

class GuardedTcpServer;
class Router;
class WorkerHttpServer;

/// One HTTP worker: its own QAbstractHttpServer and GuardedTcpServer on its
/// own SO_REUSEPORT listening descriptor, all living in the worker's thread.
///
/// Threads: constructed on the controlling thread, moved to the worker
/// thread; start() and stop() run in the worker thread (HttpService invokes
/// them with blocking queued calls).
class HttpWorker : public QObject
{
    Q_OBJECT

public:
    /// Takes ownership of `listenDescriptor`.
    HttpWorker(int listenDescriptor, const HttpLimits &limits, std::optional<QSslConfiguration> tls,
               std::shared_ptr<const Router> router, ConnectionInfo connection);
    ~HttpWorker() override;

    /// Worker thread: creates the servers and starts accepting on the
    /// descriptor. False (and logged) when the descriptor cannot be adopted.
    bool start();
    /// Worker thread: stops accepting and drops every open connection.
    void stop();

private:
    int m_descriptor;
    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    std::shared_ptr<const Router> m_router;
    ConnectionInfo m_connection;
    WorkerHttpServer *m_server = nullptr;
    GuardedTcpServer *m_tcpServer = nullptr;
};

} // namespace lanyard
