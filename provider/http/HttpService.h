// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/ProviderConfig.h"
#include "core/Result.h"
#include "http/HttpLimits.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

namespace lanyard {

class HttpWorker;
class Router;

/// Hosts the provider's HTTP(S) server: the facade the composition root
/// starts and stops.
///
/// Threading design: N worker threads (ProviderConfig::httpThreads, 0 = one
/// per core), each with its own QAbstractHttpServer and its own
/// GuardedTcpServer listening on the same address and port through its own
/// SO_REUSEPORT socket; the kernel spreads new connections over the
/// listeners, and each connection then lives on one worker. Nothing is
/// shared between workers but the read-only Router (and what its endpoints
/// share). The alternative STYLE.md names - one server thread handing work
/// to a bounded pool through QFuture - keeps one accept/parse thread; this
/// design parallelises parsing and TLS too but lets one slow handler delay
/// the other connections of its worker. tests/bench compares them.
///
/// The port is claimed first with a plain (non-SO_REUSEPORT) socket, so a
/// port held by any other socket - including another Lanyard - is refused
/// with a clear error instead of being silently shared.
///
/// Threads: create, start() and stop() on one thread (the GUI thread or the
/// headless main thread). start() and stop() wait only for the workers to
/// adopt or release their sockets (milliseconds).
class HttpService : public QObject
{
    Q_OBJECT

public:
    explicit HttpService(QObject *parent = nullptr);
    ~HttpService() override;

    /// Starts serving `router` as `config` says: listen address and port
    /// (0 = any free port), worker threads, TLS when both certificate and key
    /// files are set (plain HTTP when neither is), and the limits of
    /// HttpLimits::fromConfig(config). Returns the URL the server is reached
    /// at and emits started(). Fails, serving nothing, when already running,
    /// when TLS files are unreadable, unmatched or only one is set, when the
    /// address cannot be bound, or when `router` was built for another issuer
    /// path than the effective issuer's.
    Result<QUrl, Error> start(const ProviderConfig &config, std::shared_ptr<const Router> router);
    /// start() with explicit limits (connection cap, linger, ...).
    Result<QUrl, Error> start(const ProviderConfig &config, std::shared_ptr<const Router> router,
                              const HttpLimits &limits);

    /// Stops accepting, drops open connections, joins the worker threads and
    /// closes the listening sockets; the port is free when it returns.
    /// Emits stopped() if it was running.
    void stop();

    bool isRunning() const { return !m_threads.isEmpty(); }
    /// The bound port; 0 when stopped.
    quint16 port() const { return m_port; }
    /// The URL start() returned; empty when stopped.
    QUrl url() const { return m_url; }
    /// The issuer requests see as RequestContext::baseUrl().
    QUrl issuer() const { return m_issuer; }
    int workerCount() const { return static_cast<int>(m_threads.size()); }

Q_SIGNALS:
    void started(const QUrl &url);
    void stopped();

private:
    QList<QThread *> m_threads;
    QList<HttpWorker *> m_workers;
    quint16 m_port = 0;
    QUrl m_url;
    QUrl m_issuer;
};

} // namespace lanyard
