// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/ProviderConfig.h"
#include "core/Result.h"
#include "events/SessionEndNotifier.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace lanyard {

class AccountService;
class AccountStore;
class BackchannelLogoutSender;
class ClientService;
class ClientStore;
class Database;
class EventBus;
class EventStore;
class ExportService;
class HttpService;
class ImportService;
class JwksSource;
class KeyRing;
class KeyRingHolder;
class KeyService;
class KeyStore;
class MaintenanceJob;
class SessionService;
class SettingsService;
class SessionTerminator;
class PasswordHasher;
class RandomSource;
class Router;
class SecretHasher;
class SettingsStore;
class SessionStore;
class InteractionStore;
class CodeStore;
class TokenStore;
class ConsentStore;
class ThrottleStore;
struct ProviderServices;

/// The OpenID Provider assembled: database, stores, signing keys, event bus
/// and HTTP hosting. The composition root shared by `lanyard serve`, the
/// other commands and the desktop window. Lives on the thread that opened it
/// (the GUI or main thread); serving happens on HttpService's worker threads.
class Provider : public QObject
{
    Q_OBJECT

public:
    /// Opens (creating on first use) the database at `location` (a file or a
    /// postgresql:// URL), applies migrations and reads the stored settings
    /// over ProviderConfig's defaults.
    static Result<std::unique_ptr<Provider>, Error>
    open(const QString &location, std::shared_ptr<const Clock> clock = Clock::system());
    ~Provider() override;

    /// Defaults, overlaid with stored settings, overlaid with setConfig().
    const ProviderConfig &config() const { return m_config; }
    /// Replaces the configuration used by the next start() (command-line
    /// overrides). Does not store anything.
    void setConfig(const ProviderConfig &config) { m_config = config; }
    /// Defaults overlaid with the settings stored now (what open() did):
    /// the configuration a restart should use. Any thread.
    Result<ProviderConfig, Error> loadConfig() const;

    /// Makes sure the signing keys exist (generating them on first start)
    /// and publishes them to the JWKS. Called by start(); idempotent.
    Result<void, Error> prepareKeys();

    /// Starts serving; returns the URL it listens on. Emits server.started.
    /// Starts the MaintenanceJob (key rotation steps, KeyRing reloads,
    /// purges) on its own thread while the server runs.
    Result<QUrl, Error> start();
    /// Stops serving and the MaintenanceJob; emits server.stopped and writes
    /// pending events.
    void stop();
    bool isRunning() const;
    QUrl url() const;
    /// The issuer in effect (configured, or derived from the bound address).
    QUrl issuer() const;
    /// The issuer the latest server on this database announced (its
    /// server.started event): what relying parties use when a service serves
    /// the database with an --issuer of its own. Empty when no server ever
    /// started or the event holds no usable URL. Any thread.
    QUrl announcedIssuer() const;

    /// The bodies of `/.well-known/openid-configuration` and the JWKS,
    /// byte for byte as the server serves them: for the running server's
    /// issuer while it runs, otherwise for the configured issuer.
    Result<QByteArray, Error> discoveryJson();
    Result<QByteArray, Error> jwksJson();

    EventBus *events() const { return m_events.get(); }
    std::shared_ptr<Database> database() const { return m_db; }
    std::shared_ptr<ClientStore> clients() const { return m_clients; }
    std::shared_ptr<AccountStore> accounts() const { return m_accounts; }
    std::shared_ptr<SettingsStore> settings() const { return m_settings; }
    std::shared_ptr<KeyStore> keys() const { return m_keys; }
    std::shared_ptr<SessionStore> sessions() const { return m_sessions; }
    std::shared_ptr<TokenStore> tokens() const { return m_tokens; }
    std::shared_ptr<EventStore> eventStore() const { return m_eventStore; }

    ImportService importService() const;
    ExportService exportService() const;
    KeyService keyService() const;
    /// Sessions as admin operations (list, end, revoke a client's grant).
    SessionService sessionService() const;
    /// Clients as admin operations (create, edit, delete, rotate secrets).
    ClientService clientService() const;
    /// Accounts as admin operations (create, edit, passwords, disable, delete).
    AccountService accountService() const;
    /// The stored settings as admin operations (read, validate, update).
    SettingsService settingsService() const;
    /// Fires when a session is ended on purpose (the back-channel logout
    /// hook). Lives on the Provider's thread.
    SessionEndNotifier *sessionEnds() const { return m_sessionEnds.get(); }
    /// Sends back-channel logout tokens for ended sessions (connected to
    /// sessionEnds()); runs while the server runs. A command that ends
    /// sessions without a server starts it (start(issuer())) and waits for
    /// it (waitForIdle()) before exiting. Lives on the Provider's thread.
    BackchannelLogoutSender *backchannelLogout() const { return m_backchannel.get(); }

private:
    Provider(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock);
    /// What endpoints share for one run of the server, with `config` fixed.
    std::shared_ptr<const ProviderServices> makeServices(const ProviderConfig &config) const;
    /// Creates and starts m_maintenance for the current configuration.
    void startMaintenance();
    /// The shared end-session step over this Provider's stores and events.
    std::shared_ptr<const SessionTerminator> sessionTerminator() const;
    /// The router with every endpoint, for `services->issuer`.
    Result<std::shared_ptr<const Router>, Error>
    buildRouter(const std::shared_ptr<const ProviderServices> &services) const;

    std::shared_ptr<const Clock> m_clock;
    std::shared_ptr<Database> m_db;
    std::shared_ptr<ClientStore> m_clients;
    std::shared_ptr<AccountStore> m_accounts;
    std::shared_ptr<SettingsStore> m_settings;
    std::shared_ptr<KeyStore> m_keys;
    std::shared_ptr<EventStore> m_eventStore;
    std::shared_ptr<SessionStore> m_sessions;
    std::shared_ptr<InteractionStore> m_interactions;
    std::shared_ptr<CodeStore> m_codes;
    std::shared_ptr<TokenStore> m_tokens;
    std::shared_ptr<ConsentStore> m_consents;
    std::shared_ptr<ThrottleStore> m_throttle;
    std::unique_ptr<EventBus> m_events;
    std::shared_ptr<RandomSource> m_random;
    std::shared_ptr<const SecretHasher> m_secretHasher;
    std::shared_ptr<const PasswordHasher> m_passwordHasher;
    std::shared_ptr<JwksSource> m_jwks;
    std::shared_ptr<KeyRingHolder> m_keyRing;
    std::unique_ptr<HttpService> m_http;
    std::unique_ptr<SessionEndNotifier> m_sessionEnds = std::make_unique<SessionEndNotifier>();
    std::unique_ptr<BackchannelLogoutSender> m_backchannel;
    /// Runs while the server runs (start() to stop()).
    std::unique_ptr<MaintenanceJob> m_maintenance;
    ProviderConfig m_config;
};

} // namespace lanyard
