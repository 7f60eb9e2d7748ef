// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend/Backend.h"

#include "admin/AccountService.h"
#include "admin/ClientService.h"
#include "admin/ExportService.h"
#include "admin/ImportService.h"
#include "admin/KeyService.h"
#include "admin/SessionService.h"
#include "events/EventBus.h"
#include "runtime/Provider.h"
#include "store/SettingsKeys.h"
#include "store/SettingsStore.h"

#include <QTcpServer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

namespace {

/// The first start of the desktop picks a free port on the listen address
/// and stores it, so relying parties configured against the issuer keep
/// working across restarts ("a free fixed port, remembered"). Provider
/// thread.
Result<ProviderConfig, Error> rememberPort(Provider &provider, ProviderConfig config)
{
    auto stored = provider.settings()->all();
    if (!stored)
        return stored.error();
    if (stored->contains(QString(SettingsKeys::ListenPort)))
        return config;
    QTcpServer probe;
    if (!probe.listen(config.listenAddress, config.listenPort) &&
        !probe.listen(config.listenAddress, 0))
        return Error::io(u"cannot find a free port on %1: %2"_s.arg(config.listenAddress.toString(),
                                                                    probe.errorString()));
    config.listenPort = probe.serverPort();
    probe.close();
    if (auto saved = provider.settings()->set(QString(SettingsKeys::ListenPort),
                                              QString::number(config.listenPort));
        !saved)
        return saved.error();
    return config;
}

} // namespace

QString Backend::actor()
{
    return u"desktop"_s;
}

Backend::Backend(QObject *parent) : QObject(parent)
{
    // Admin work is short database reads and writes; two threads keep the
    // window responsive while one task waits (key generation, a big query).
    m_pool.setMaxThreadCount(2);
    // Each thread keeps its own database connection: don't let them expire.
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(u"admin"_s);

    m_thread = new QThread(this);
    m_thread->setObjectName(u"provider"_s);
    m_threadContext = new QObject;
    m_threadContext->moveToThread(m_thread);
    m_thread->start();
}

Backend::~Backend()
{
    m_pool.waitForDone();
    Provider *provider = m_provider;
    QMetaObject::invokeMethod(
        m_threadContext,
        [provider] {
            if (provider) {
                provider->stop();
                delete provider;
            }
        },
        Qt::BlockingQueuedConnection);
    m_provider = nullptr;
    m_thread->quit();
    m_thread->wait();
    delete m_threadContext;
}

void Backend::open(const QString &location)
{
    Q_ASSERT_X(!m_busy && !m_provider, "Backend::open", "call once");
    m_location = location;
    m_busy = true;
    setStatus({ServerStatus::State::Opening, {}, {}, {}});
    onProviderThread([this, location] {
        auto opened = Provider::open(location);
        if (!opened) {
            const QString message = opened.error().message;
            QMetaObject::invokeMethod(this, [this, message] {
                m_busy = false;
                setStatus({ServerStatus::State::Failed, {}, {}, message});
            });
            return;
        }
        Provider *provider = std::move(opened).value().release();
        auto config = rememberPort(*provider, provider->config());
        if (config)
            provider->setConfig(*config);
        QMetaObject::invokeMethod(this, [this, provider, config, stored = provider->config()] {
            m_provider = provider;
            m_config = stored;
            connect(provider->events(), &EventBus::recorded, this, &Backend::eventsRecorded);
            Q_EMIT ready();
            if (!config) {
                m_busy = false;
                setStatus({ServerStatus::State::Failed, {}, {}, config.error().message});
                return;
            }
            onProviderThread([this] { startOnProviderThread(); });
        });
    });
}

void Backend::startServer()
{
    if (m_busy || !m_provider || m_status.isRunning())
        return;
    m_busy = true;
    onProviderThread([this] {
        // Settings may have changed since the last start: read them again.
        auto config = m_provider->loadConfig();
        QMetaObject::invokeMethod(this, [this, config] {
            if (!config) {
                m_busy = false;
                setStatus({ServerStatus::State::Failed, {}, {}, config.error().message});
                return;
            }
            // Set here, on the GUI thread, which also reads the provider's
            // configuration (the service accessors); the queue orders it
            // before start() on the provider thread.
            m_provider->setConfig(*config);
            onProviderThread([this] { startOnProviderThread(); });
        });
    });
}

void Backend::stopServer()
{
    if (m_busy || !m_provider || !m_status.isRunning())
        return;
    m_busy = true;
    onProviderThread([this] { stopOnProviderThread(); });
}

void Backend::restartServer()
{
    if (m_busy || !m_provider)
        return;
    m_busy = true;
    onProviderThread([this] {
        stopOnProviderThread();
        QMetaObject::invokeMethod(this, [this] {
            m_busy = false;
            startServer();
        });
    });
}

void Backend::startOnProviderThread()
{
    QMetaObject::invokeMethod(this, [this] {
        setStatus({ServerStatus::State::Starting, {}, {}, {}});
    });
    auto url = m_provider->start();
    ServerStatus status;
    if (url) {
        status = {ServerStatus::State::Running, *url, m_provider->issuer(), {}};
    } else {
        status = {ServerStatus::State::Failed, {}, {}, url.error().message};
    }
    const ProviderConfig config = m_provider->config();
    QMetaObject::invokeMethod(this, [this, status, config] {
        m_busy = false;
        m_config = config;
        setStatus(status);
    });
}

void Backend::stopOnProviderThread()
{
    QMetaObject::invokeMethod(this, [this] {
        setStatus({ServerStatus::State::Stopping, {}, {}, {}});
    });
    m_provider->stop();
    QMetaObject::invokeMethod(this, [this] {
        m_busy = false;
        setStatus({ServerStatus::State::Stopped, {}, {}, {}});
    });
}

void Backend::onProviderThread(std::function<void()> step)
{
    QMetaObject::invokeMethod(m_threadContext, std::move(step), Qt::QueuedConnection);
}

void Backend::setStatus(ServerStatus status)
{
    m_status = std::move(status);
    Q_EMIT statusChanged(m_status);
}

ProviderConfig Backend::config() const
{
    return m_config;
}

KeyService Backend::keyService() const
{
    return m_provider->keyService();
}

SessionService Backend::sessionService() const
{
    return m_provider->sessionService();
}

ClientService Backend::clientService() const
{
    return m_provider->clientService();
}

AccountService Backend::accountService() const
{
    return m_provider->accountService();
}

ImportService Backend::importService() const
{
    return m_provider->importService();
}

ExportService Backend::exportService() const
{
    return m_provider->exportService();
}

std::shared_ptr<EventStore> Backend::eventStore() const
{
    return m_provider->eventStore();
}

EventBus *Backend::events() const
{
    return m_provider->events();
}

} // namespace lanyard::ui
