// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/ConnectionInfo.h"

#include <QAbstractHttpServer>

#include <memory>

namespace lanyard {

class Router;

/// One worker thread's QAbstractHttpServer: turns each request Qt completes
/// into a RequestContext (from the head the ConnectionGuard framed and the
/// body Qt read), routes it, and writes the HttpResponse - without a body
/// for HEAD, with `Connection: close` when the client or HTTP/1.0 asks.
///
/// Threads: lives in its worker thread; the router is shared, read-only.
class WorkerHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    /// `connection` supplies the trusted proxies and the base URL; its peer
    /// and TLS members are filled per request.
    WorkerHttpServer(std::shared_ptr<const Router> router, ConnectionInfo connection,
                     QObject *parent = nullptr);
    ~WorkerHttpServer() override;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    std::shared_ptr<const Router> m_router;
    ConnectionInfo m_connection;
};

} // namespace lanyard
