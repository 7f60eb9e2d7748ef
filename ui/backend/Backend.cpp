// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend/Backend.h"

#include "admin/AccountService.h"
#include "admin/ClientService.h"
#include "admin/ExportService.h"
#include "admin/ImportService.h"
#include "admin/KeyService.h"
#include "admin/SessionService.h"
#include "events/EventBus.h"
#include "events/EventTail.h"
#include "events/EventTypes.h"
#include "logout/BackchannelLogoutSender.h"
#include "runtime/Provider.h"
#include "store/DatabaseLocation.h"
#include "store/EventStore.h"
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

/// A database served elsewhere: the issuer that server announced
/// (Provider::announcedIssuer: its command line may override the stored
/// settings), so the window shows the issuer relying parties use and signs
/// back-channel logout tokens with it. `config` unchanged when there is none.
/// Provider thread.
ProviderConfig withServedIssuer(const Provider &provider, ProviderConfig config)
{
    if (const QUrl announced = provider.announcedIssuer(); !announced.isEmpty())
        config.issuer = announced;
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
        [this, provider] {
            delete m_tail;
            m_tail = nullptr;
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

void Backend::open(const QString &location, const OpenOptions &options)
{
    Q_ASSERT_X(!m_busy && !m_provider, "Backend::open", "call once");
    m_location = location;
    m_options = options;
    const auto parsed = DatabaseLocation::parse(location);
    m_displayName = parsed ? parsed->displayName() : location;
    m_busy = true;
    setStatus({ServerStatus::State::Opening, {}, {}, {}});
    onProviderThread([this, location, options] {
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
        // Follow the events table from its newest event on: what this
        // window records (the bus asks for a poll at once) and what other
        // processes write (found at the next tick).
        m_tail = new EventTail(provider->eventStore(), Clock::system());
        connect(m_tail, &EventTail::appended, this, &Backend::eventsRecorded);
        connect(provider->events(), &EventBus::recorded, m_tail, &EventTail::pollSoon);
        (void)m_tail->start(); // on failure, the next poll tries again

        Result<ProviderConfig, Error> config = provider->config();
        if (options.rememberPort)
            config = rememberPort(*provider, provider->config());
        if (!options.serve && config)
            config = withServedIssuer(*provider, *config);
        if (config)
            provider->setConfig(*config);
        if (!options.serve)
            deliverLogoutsWhileStopped(*provider);
        // While another process serves, it rotates the keys: sign the
        // window's logout tokens with the keys in force.
        connect(m_tail, &EventTail::appended, m_tail, [provider](const QList<Event> &events) {
            const bool keysChanged =
                std::any_of(events.cbegin(), events.cend(), [](const Event &e) {
                    return e.type == event_type::KeyActivated || e.type == event_type::KeyRetired ||
                           e.type == event_type::KeyRemoved;
                });
            if (keysChanged && !provider->isRunning())
                (void)provider->prepareKeys();
        });
        QMetaObject::invokeMethod(
            this, [this, provider, config, options, stored = provider->config()] {
                m_provider = provider;
                m_config = stored;
                Q_EMIT ready();
                if (!config) {
                    m_busy = false;
                    setStatus({ServerStatus::State::Failed, {}, {}, config.error().message});
                    return;
                }
                if (!options.serve) {
                    m_busy = false;
                    setStatus({ServerStatus::State::Stopped, {}, {}, {}});
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
    // Managing a database served elsewhere: a restart must not turn into
    // the window's first start (startServer() is that, on purpose).
    if (isManageOnly() && !m_status.isRunning())
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
    // The server delivers back-channel logouts for its own issuer.
    m_provider->backchannelLogout()->stop();
    auto url = m_provider->start();
    if (!url)
        deliverLogoutsWhileStopped(*m_provider);
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
    deliverLogoutsWhileStopped(*m_provider);
    QMetaObject::invokeMethod(this, [this] {
        m_busy = false;
        setStatus({ServerStatus::State::Stopped, {}, {}, {}});
    });
}

void Backend::deliverLogoutsWhileStopped(Provider &provider)
{
    // The tokens are signed with the keys in the database (the command
    // line does the same); a failure shows in the backchannel.failed events.
    (void)provider.prepareKeys();
    provider.backchannelLogout()->start(provider.issuer());
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
