// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/ServerStatus.h"
#include "core/ProviderConfig.h"
#include "model/Event.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

class QThread;

namespace lanyard {
class AccountService;
class ClientService;
class EventBus;
class EventStore;
class EventTail;
class ExportService;
class ImportService;
class KeyService;
class Provider;
class SessionService;
} // namespace lanyard

namespace lanyard::ui {

/// The window's way to the embedded OpenID Provider. Lives on the GUI
/// thread; every page gets a pointer to it.
///
/// The Provider itself lives on a thread of its own ("provider"): opening
/// the database (creating it and its keys on a first start), starting and
/// stopping the server happen there, so the window never waits for them.
/// Admin work (the provider's admin services: plain values that any thread
/// may call) runs on a small pool through run(); continue on the GUI thread
/// with QFuture::then(context, ...):
///
///     m_backend->run([keys = m_backend->keyService()] { return keys.list(); })
///         .then(this, [this](const Result<QList<SigningKey>, Error> &r) { ... });
///
/// Events reach the GUI as batches through eventsRecorded() (ids assigned),
/// queued to the GUI thread: an EventTail on the provider thread follows the
/// events table, so events written by other processes sharing the database
/// (the service, `lanyard import`, other instances) arrive as well as the
/// window's own, each once and in id order.
class Backend : public QObject
{
    Q_OBJECT

public:
    /// The `actor` the desktop passes to admin services; it appears in the
    /// admin.changed, session.ended, ... events.
    static QString actor();

    /// How open() treats the database.
    struct OpenOptions
    {
        /// Start the server as soon as the database is open (the desktop's
        /// own database). false: manage only — someone else (the system
        /// service) serves this database; the window binds no port until
        /// the user starts the server explicitly (startServer()).
        bool serve = true;
        /// When no listen_port is stored, pick a free port and store it,
        /// so the next start keeps the issuer (the desktop's own database
        /// only: never write into a database the service owns).
        bool rememberPort = true;
    };
    /// The options for a database served elsewhere: no serving, nothing stored.
    static OpenOptions manageOnly() { return {false, false}; }

    explicit Backend(QObject *parent = nullptr);
    /// Stops the server, waits for admin tasks and closes the provider.
    ~Backend() override;

    /// Opens the database at `location` (a file path or a postgresql:// URL)
    /// on the provider thread and then, unless `options` say otherwise,
    /// starts the server. Emits ready() once open (pages may load data from
    /// then on) and statusChanged() at every step; Failed state when it
    /// cannot open. Call once. GUI thread.
    void open(const QString &location, const OpenOptions &options);
    /// open() with the default options: serve, remember the port.
    void open(const QString &location) { open(location, OpenOptions{}); }

    /// True once ready() was emitted: the service accessors below work.
    bool isReady() const { return m_provider != nullptr; }
    const ServerStatus &status() const { return m_status; }
    /// The database location given to open().
    QString databaseLocation() const { return m_location; }
    /// The location for display: the path, or the URL without its password.
    QString databaseDisplayName() const { return m_displayName; }
    /// The options given to open().
    const OpenOptions &openOptions() const { return m_options; }
    /// Opened to manage a database that someone else serves (OpenOptions::serve false).
    bool isManageOnly() const { return !m_options.serve; }

    /// Start, stop or restart the server (with the stored settings read
    /// again) on the provider thread. Ignored while a step runs; a restart
    /// is ignored too when managing only and not running. GUI thread.
    void startServer();
    void stopServer();
    void restartServer();

    /// Runs `work` on the admin pool (never the GUI thread); returns its
    /// future. `work` must only use values it captured (services, ids), not
    /// widgets. GUI thread.
    template<typename Work> auto run(Work &&work)
    {
        return QtConcurrent::run(&m_pool, std::forward<Work>(work));
    }

    // The provider's admin API. Valid after ready(); the returned services
    // are values that any thread may use.
    /// The provider's configuration as stored (defaults, then settings).
    ProviderConfig config() const;
    KeyService keyService() const;
    SessionService sessionService() const;
    ClientService clientService() const;
    AccountService accountService() const;
    ImportService importService() const;
    ExportService exportService() const;
    std::shared_ptr<EventStore> eventStore() const;
    /// The bus, for publishing; prefer eventsRecorded() for listening.
    EventBus *events() const;
    /// The provider, for what the accessors above don't cover. Call only its
    /// thread-safe accessors (stores, services, discoveryJson, jwksJson),
    /// never start()/stop() — those belong to the provider thread.
    Provider *provider() const { return m_provider; }

Q_SIGNALS:
    /// The database is open; admin services work from now on.
    void ready();
    void statusChanged(const lanyard::ui::ServerStatus &status);
    /// Events written to the database, oldest first, ids set. Queued to
    /// the GUI thread in batches (the recorder writes every 200 ms).
    void eventsRecorded(const QList<lanyard::Event> &events);

private:
    void setStatus(ServerStatus status);
    /// Runs `step` on the provider thread.
    void onProviderThread(std::function<void()> step);
    /// Provider thread: start the server, report the outcome to the GUI.
    void startOnProviderThread();
    /// Provider thread: stop the server, report to the GUI.
    void stopOnProviderThread();
    /// Provider thread, while the server does not run: deliver the
    /// back-channel logouts of sessions ended from the window, as the
    /// command line does (Provider::start() delivers them while serving).
    static void deliverLogoutsWhileStopped(Provider &provider);

    QString m_location;
    QString m_displayName;
    OpenOptions m_options;
    ServerStatus m_status;
    /// The configuration of the last start (GUI thread's copy).
    ProviderConfig m_config;
    QThread *m_thread = nullptr;
    /// Lives on m_thread; the context of provider-thread steps.
    QObject *m_threadContext = nullptr;
    /// Owned; created, used and destroyed on m_thread. Set on the GUI thread
    /// when opening succeeded (then its accessors may be read anywhere).
    Provider *m_provider = nullptr;
    /// Follows the events table; created, used and destroyed on m_thread.
    EventTail *m_tail = nullptr;
    bool m_busy = false;
    QThreadPool m_pool;
};

} // namespace lanyard::ui
