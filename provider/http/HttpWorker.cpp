// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/HttpWorker.h"

#include "http/GuardedTcpServer.h"
#include "http/HttpLog.h"
#include "http/Router.h"
#include "http/WorkerHttpServer.h"

#include <QThread>

#include <unistd.h>

namespace lanyard {

HttpWorker::HttpWorker(int listenDescriptor, const HttpLimits &limits,
                       std::optional<QSslConfiguration> tls, std::shared_ptr<const Router> router,
                       ConnectionInfo connection)
    : m_descriptor(listenDescriptor), m_limits(limits), m_tls(std::move(tls)),
      m_router(std::move(router)), m_connection(std::move(connection))
{}

HttpWorker::~HttpWorker()
{
    stop();
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

bool HttpWorker::start()
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_server = new WorkerHttpServer(m_router, m_connection, this);
    m_tcpServer = new GuardedTcpServer(m_limits, m_tls, m_server);
    if (!m_tcpServer->setSocketDescriptor(m_descriptor)) {
        qCCritical(lcHttp) << "a worker cannot listen:" << m_tcpServer->errorString();
        stop();
        return false;
    }
    m_descriptor = -1; // the QTcpServer owns it now
    m_server->bind(m_tcpServer);
    return true;
}

void HttpWorker::stop()
{
    if (m_tcpServer)
        m_tcpServer->close();
    // Deleting the server deletes the TCP server and, with it, every socket.
    delete m_server;
    m_server = nullptr;
    m_tcpServer = nullptr;
}

} // namespace lanyard
