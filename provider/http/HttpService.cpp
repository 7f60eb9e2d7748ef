// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/HttpService.h"

#include "http/ConnectionInfo.h"
#include "http/HttpLog.h"
#include "http/HttpWorker.h"
#include "http/ListenSocket.h"
#include "http/Router.h"
#include "http/TlsCredentials.h"

#include <QThread>

#include <algorithm>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

constexpr int MaxWorkers = 256;

QUrl reachableUrl(const QHostAddress &address, quint16 port, bool tls)
{
    QHostAddress host = address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(tls ? u"https"_s : u"http"_s);
    url.setHost(host.toString());
    url.setPort(port);
    return url;
}

} // namespace

HttpService::HttpService(QObject *parent) : QObject(parent) {}

HttpService::~HttpService()
{
    stop();
}

Result<QUrl, Error> HttpService::start(const ProviderConfig &config,
                                       std::shared_ptr<const Router> router)
{
    return start(config, std::move(router), HttpLimits::fromConfig(config));
}

Result<QUrl, Error> HttpService::start(const ProviderConfig &config,
                                       std::shared_ptr<const Router> router,
                                       const HttpLimits &limits)
{
    if (isRunning())
        return Error::conflict(u"The HTTP server is running already."_s);
    if (!router)
        return Error::invalid(u"The HTTP server needs a router."_s);
    if (config.tlsCertificateFile.isEmpty() != config.tlsKeyFile.isEmpty())
        return Error::invalid(u"TLS needs both a certificate file and a key file."_s);

    std::optional<QSslConfiguration> tls;
    if (config.tlsEnabled()) {
        auto loaded = TlsCredentials::load(config.tlsCertificateFile, config.tlsKeyFile);
        if (!loaded)
            return loaded.error();
        tls = loaded.value();
    }

    const int workers = std::clamp(
        config.httpThreads > 0 ? config.httpThreads : QThread::idealThreadCount(), 1, MaxWorkers);

    // Claim the port without SO_REUSEPORT first: bind() then fails if any
    // socket holds it, and port 0 yields the free port all workers share.
    quint16 port = 0;
    {
        auto probe = ListenSocket::open(config.listenAddress, config.listenPort, false);
        if (!probe)
            return probe.error();
        port = probe->port();
    }
    std::vector<ListenSocket> sockets;
    sockets.reserve(static_cast<size_t>(workers));
    for (int i = 0; i < workers; ++i) {
        auto socket = ListenSocket::open(config.listenAddress, port, true);
        if (!socket)
            return socket.error();
        sockets.push_back(std::move(socket).value());
    }

    ProviderConfig bound = config;
    bound.listenPort = port;
    const QUrl issuer = bound.effectiveIssuer();
    if (Router::mountPrefixFor(issuer) != router->mountPrefix()) {
        return Error::invalid(
            u"The router serves under \"%1\" but the issuer %2 asks for \"%3\"."_s.arg(
                router->mountPrefix(), issuer.toString(), Router::mountPrefixFor(issuer)));
    }
    ConnectionInfo connection;
    connection.trustedProxies = config.trustedProxies;
    connection.baseUrl = issuer;

    for (size_t i = 0; i < sockets.size(); ++i) {
        auto *thread = new QThread;
        thread->setObjectName(u"lanyard-http-%1"_s.arg(i));
        auto *worker = new HttpWorker(sockets[i].release(), limits, tls, router, connection);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        m_threads.append(thread);
        m_workers.append(worker);
        bool listening = false;
        QMetaObject::invokeMethod(worker, &HttpWorker::start, Qt::BlockingQueuedConnection,
                                  &listening);
        if (!listening) {
            stop();
            return Error::io(u"An HTTP worker could not listen on port %1."_s.arg(port));
        }
    }

    m_port = port;
    m_issuer = issuer;
    m_url = reachableUrl(config.listenAddress, port, tls.has_value());
    qCInfo(lcHttp).noquote() << "listening on" << m_url.toString() << "with" << workers
                             << "worker threads";
    Q_EMIT started(m_url);
    return m_url;
}

void HttpService::stop()
{
    if (m_threads.isEmpty())
        return;
    const bool wasListening = m_port != 0;
    for (qsizetype i = 0; i < m_workers.size(); ++i) {
        Q_ASSERT(m_threads[i] != QThread::currentThread());
        QMetaObject::invokeMethod(m_workers[i], &HttpWorker::stop, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
    }
    // Each worker object is deleted in its thread as the thread finishes.
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
    m_threads.clear();
    m_workers.clear();
    m_port = 0;
    m_url.clear();
    m_issuer.clear();
    if (wasListening) {
        qCInfo(lcHttp) << "stopped listening";
        Q_EMIT stopped();
    }
}

} // namespace lanyard
