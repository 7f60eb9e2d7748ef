// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime/Provider.h"

#include "admin/AccountService.h"
#include "admin/ClientService.h"
#include "admin/ExportService.h"
#include "admin/ImportService.h"
#include "admin/KeyService.h"
#include "admin/SessionService.h"
#include "admin/SettingsService.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "crypto/SecretHasher.h"
#include "endpoints/AuthorizationEndpoint.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/DiscoveryEndpoint.h"
#include "endpoints/EndSessionEndpoint.h"
#include "endpoints/InteractionEndpoint.h"
#include "endpoints/IntrospectionEndpoint.h"
#include "endpoints/JwksEndpoint.h"
#include "endpoints/JwksSource.h"
#include "endpoints/PageAssetEndpoint.h"
#include "endpoints/RevocationEndpoint.h"
#include "endpoints/TokenEndpoint.h"
#include "endpoints/UserInfoEndpoint.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "http/HttpService.h"
#include "http/Router.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "logout/BackchannelLogoutSender.h"
#include "logout/SessionTerminator.h"
#include "runtime/MaintenanceJob.h"
#include "runtime/ProviderServices.h"
#include "store/CachedClientStore.h"
#include "store/Database.h"
#include "store/EventStore.h"
#include "store/SettingsApplier.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlCodeStore.h"
#include "store/SqlConsentStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlInteractionStore.h"
#include "store/SqlKeyStore.h"
#include "store/SqlSessionStore.h"
#include "store/SqlSettingsStore.h"
#include "store/SqlThrottleStore.h"
#include "store/SqlTokenStore.h"

#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace lanyard {

Provider::Provider(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock)
    : m_clock(std::move(clock)), m_db(std::move(db)),
      m_clients(std::make_shared<SqlClientStore>(m_db)),
      m_accounts(std::make_shared<SqlAccountStore>(m_db)),
      m_settings(std::make_shared<SqlSettingsStore>(m_db)),
      m_keys(std::make_shared<SqlKeyStore>(m_db)),
      m_eventStore(std::make_shared<SqlEventStore>(m_db)),
      m_sessions(std::make_shared<SqlSessionStore>(m_db)),
      m_interactions(std::make_shared<SqlInteractionStore>(m_db)),
      m_codes(std::make_shared<SqlCodeStore>(m_db)),
      m_tokens(std::make_shared<SqlTokenStore>(m_db)),
      m_consents(std::make_shared<SqlConsentStore>(m_db)),
      m_throttle(std::make_shared<SqlThrottleStore>(m_db)),
      m_events(std::make_unique<EventBus>(m_eventStore, m_clock)), m_random(Random::system()),
      m_secretHasher(std::make_shared<SecretHasher>()),
      m_passwordHasher(std::make_shared<PasswordHasher>()), m_jwks(std::make_shared<JwksSource>()),
      m_keyRing(std::make_shared<KeyRingHolder>()), m_http(std::make_unique<HttpService>())
{
    m_backchannel = std::make_unique<BackchannelLogoutSender>(BackchannelLogoutSender::Dependencies{
        m_clients, m_keyRing, m_clock, m_random, m_events.get()});
    // Direct: sessionEnded() only queues the work onto the sender's thread.
    connect(m_sessionEnds.get(), &SessionEndNotifier::sessionEnded, m_backchannel.get(),
            &BackchannelLogoutSender::sessionEnded, Qt::DirectConnection);
}

Provider::~Provider()
{
    stop();
    m_backchannel->stop();
    m_events->stopRecorder();
}

Result<std::unique_ptr<Provider>, Error> Provider::open(const QString &location,
                                                        std::shared_ptr<const Clock> clock)
{
    auto db = Database::open(location, clock);
    if (!db)
        return db.error();
    std::unique_ptr<Provider> provider(new Provider(*db, std::move(clock)));
    auto config = provider->loadConfig();
    if (!config)
        return config.error();
    provider->m_config = *config;
    provider->m_events->startRecorder();
    return provider;
}

Result<ProviderConfig, Error> Provider::loadConfig() const
{
    auto stored = m_settings->all();
    if (!stored)
        return stored.error();
    return SettingsApplier::apply(*stored, ProviderConfig{});
}

ImportService Provider::importService() const
{
    return ImportService(
        {m_db, m_clients, m_accounts, m_secretHasher, m_passwordHasher, m_random, m_events.get()});
}

ExportService Provider::exportService() const
{
    return ExportService(m_clients, m_accounts);
}

KeyService Provider::keyService() const
{
    return KeyService({m_db, m_keys, m_clients, m_clock, m_events.get()}, m_config);
}

SessionService Provider::sessionService() const
{
    return SessionService({m_db, m_sessions, m_accounts, m_tokens, m_consents, m_clock,
                           m_events.get(), m_sessionEnds.get()});
}

std::shared_ptr<const SessionTerminator> Provider::sessionTerminator() const
{
    return std::make_shared<const SessionTerminator>(SessionTerminator::Dependencies{
        m_db, m_sessions, m_tokens, m_clock, m_events.get(), m_sessionEnds.get()});
}

ClientService Provider::clientService() const
{
    return ClientService(
        {m_db, m_clients, m_tokens, m_consents, m_secretHasher, m_random, m_clock, m_events.get()});
}

AccountService Provider::accountService() const
{
    return AccountService({m_db, m_accounts, m_tokens, m_consents, m_passwordHasher, m_random,
                           m_clock, std::make_shared<const SessionService>(sessionService()),
                           m_events.get()});
}

SettingsService Provider::settingsService() const
{
    return SettingsService({m_db, m_settings, m_events.get()});
}

void Provider::startMaintenance()
{
    MaintenanceJob::Options options;
    options.eventRetentionDays = m_config.eventRetentionDays;
    m_maintenance = std::make_unique<MaintenanceJob>(
        MaintenanceJob::Dependencies{m_clock, std::make_shared<const KeyService>(keyService()),
                                     m_keyRing, m_jwks, m_codes, m_tokens, m_sessions,
                                     m_interactions, m_throttle, m_eventStore, sessionTerminator()},
        options);
    m_maintenance->start();
}

Result<void, Error> Provider::prepareKeys()
{
    const KeyService keys = keyService();
    if (auto created = keys.ensureSigningKeys(); !created)
        return created.error();
    auto ring = keys.loadKeyRing();
    if (!ring)
        return ring.error();
    m_keyRing->replace(*ring);
    m_jwks->publish((*ring)->jwksJson(), (*ring)->signingAlgorithms());
    return {};
}

std::shared_ptr<const ProviderServices> Provider::makeServices(const ProviderConfig &config) const
{
    auto services = std::make_shared<ProviderServices>();
    services->config = config;
    services->issuer = config.effectiveIssuer();
    services->clock = m_clock;
    services->random = m_random;
    services->database = m_db;
    // Every token request looks its client up: served from memory, with
    // this process's writes seen at once (CachedClientStore).
    services->clients = std::make_shared<CachedClientStore>(m_clients, m_db, m_clock);
    services->accounts = m_accounts;
    services->sessions = m_sessions;
    services->interactions = m_interactions;
    services->codes = m_codes;
    services->tokens = m_tokens;
    services->consents = m_consents;
    services->throttle = m_throttle;
    services->keys = m_keyRing;
    services->secretHasher = m_secretHasher;
    services->passwordHasher = m_passwordHasher;
    services->events = m_events.get();
    services->sessionTerminator = sessionTerminator();
    return services;
}

Result<std::shared_ptr<const Router>, Error>
Provider::buildRouter(const std::shared_ptr<const ProviderServices> &services) const
{
    auto router = std::make_shared<Router>(services->issuer);
    const std::weak_ptr<const Router> weak = router;
    const int maxAge = services->config.jwksMaxAgeSecs;
    const QList<std::shared_ptr<Endpoint>> endpoints{
        std::make_shared<DiscoveryEndpoint>(weak, m_jwks, maxAge),
        std::make_shared<JwksEndpoint>(m_jwks, maxAge),
        std::make_shared<TokenEndpoint>(services),
        std::make_shared<UserInfoEndpoint>(services),
        std::make_shared<IntrospectionEndpoint>(services),
        std::make_shared<RevocationEndpoint>(services),
        std::make_shared<AuthorizationEndpoint>(services),
        std::make_shared<InteractionEndpoint>(services),
        std::make_shared<EndSessionEndpoint>(services),
        std::make_shared<PageAssetEndpoint>(),
    };
    for (const auto &endpoint : endpoints) {
        if (auto added = router->add(endpoint); !added)
            return added.error();
    }
    return std::shared_ptr<const Router>(std::move(router));
}

Result<QUrl, Error> Provider::start()
{
    if (m_http->isRunning())
        return Error::conflict(u"the server is already running"_s);
    if (auto prepared = prepareKeys(); !prepared)
        return prepared.error();

    ProviderConfig config = m_config;
    if (config.listenPort == 0) {
        // Port 0 (tests, benchmarks): learn a free port first, so the issuer
        // that every endpoint uses names the port clients will reach.
        QTcpServer probe;
        if (!probe.listen(config.listenAddress, 0))
            return Error::io(
                u"cannot bind %1: %2"_s.arg(config.listenAddress.toString(), probe.errorString()));
        config.listenPort = probe.serverPort();
    }
    const auto services = makeServices(config);
    auto router = buildRouter(services);
    if (!router)
        return router.error();
    auto url = m_http->start(config, *router);
    if (!url)
        return url.error();
    m_backchannel->start(services->issuer);
    startMaintenance();

    Event event;
    event.type = event_type::ServerStarted;
    event.details = {{u"url"_s, url->toString()}, {u"issuer"_s, issuer().toString()}};
    m_events->publish(event);
    return url;
}

void Provider::stop()
{
    m_maintenance.reset();
    if (!m_http->isRunning())
        return;
    const QUrl url = m_http->url();
    m_http->stop();
    m_backchannel->stop();
    Event event;
    event.type = event_type::ServerStopped;
    event.details = {{u"url"_s, url.toString()}};
    m_events->publish(event);
    (void)m_events->flush();
}

bool Provider::isRunning() const
{
    return m_http->isRunning();
}

QUrl Provider::url() const
{
    return m_http->url();
}

QUrl Provider::issuer() const
{
    return m_http->isRunning() ? m_http->issuer() : m_config.effectiveIssuer();
}

QUrl Provider::announcedIssuer() const
{
    EventQuery latest;
    latest.types = {QString(event_type::ServerStarted)};
    latest.limit = 1;
    const auto found = m_eventStore->query(latest);
    if (!found || found->isEmpty())
        return {};
    const QUrl issuer(found->constFirst().details.value(u"issuer"_s).toString(), QUrl::StrictMode);
    if (!issuer.isValid() || issuer.host().isEmpty() ||
        (issuer.scheme() != u"https"_s && issuer.scheme() != u"http"_s))
        return {};
    return issuer;
}

Result<QByteArray, Error> Provider::discoveryJson()
{
    if (auto prepared = prepareKeys(); !prepared)
        return prepared.error();
    ProviderConfig config = m_config;
    // While serving, the document the server serves: its issuer (port 0
    // resolved to the bound port), not the configured one.
    if (m_http->isRunning())
        config.issuer = m_http->issuer();
    const auto services = makeServices(config);
    auto router = buildRouter(services);
    if (!router)
        return router.error();
    return DiscoveryDocument(services->issuer, (*router)->mounted(),
                             m_keyRing->current()->signingAlgorithms())
        .json();
}

Result<QByteArray, Error> Provider::jwksJson()
{
    if (auto prepared = prepareKeys(); !prepared)
        return prepared.error();
    return m_keyRing->current()->jwksJson();
}

} // namespace lanyard
