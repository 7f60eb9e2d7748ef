// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime/Provider.h"

#include "admin/ExportService.h"
#include "admin/ImportService.h"
#include "admin/KeyService.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "crypto/SecretHasher.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/DiscoveryEndpoint.h"
#include "endpoints/JwksEndpoint.h"
#include "endpoints/JwksSource.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "http/HttpService.h"
#include "http/Router.h"
#include "jose/KeyRing.h"
#include "store/Database.h"
#include "store/SettingsApplier.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlKeyStore.h"
#include "store/SqlSettingsStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

Provider::Provider(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock)
    : m_clock(std::move(clock)), m_db(std::move(db)),
      m_clients(std::make_shared<SqlClientStore>(m_db)),
      m_accounts(std::make_shared<SqlAccountStore>(m_db)),
      m_settings(std::make_shared<SqlSettingsStore>(m_db)),
      m_keys(std::make_shared<SqlKeyStore>(m_db)),
      m_eventStore(std::make_shared<SqlEventStore>(m_db)),
      m_events(std::make_unique<EventBus>(m_eventStore, m_clock)), m_random(Random::system()),
      m_secretHasher(std::make_shared<SecretHasher>()),
      m_passwordHasher(std::make_shared<PasswordHasher>()), m_jwks(std::make_shared<JwksSource>()),
      m_http(std::make_unique<HttpService>())
{}

Provider::~Provider()
{
    stop();
    m_events->stopRecorder();
}

Result<std::unique_ptr<Provider>, Error> Provider::open(const QString &location,
                                                        std::shared_ptr<const Clock> clock)
{
    auto db = Database::open(location, clock);
    if (!db)
        return db.error();
    std::unique_ptr<Provider> provider(new Provider(*db, std::move(clock)));
    auto stored = provider->m_settings->all();
    if (!stored)
        return stored.error();
    auto config = SettingsApplier::apply(*stored, ProviderConfig{});
    if (!config)
        return config.error();
    provider->m_config = *config;
    provider->m_events->startRecorder();
    return provider;
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
    return KeyService(m_keys, m_clock, m_events.get());
}

Result<void, Error> Provider::prepareKeys()
{
    const KeyService keys = keyService();
    if (auto created = keys.ensureSigningKeys(); !created)
        return created.error();
    auto ring = keys.loadKeyRing();
    if (!ring)
        return ring.error();
    m_keyRing = *ring;
    m_jwks->publish(m_keyRing->jwksJson(), m_keyRing->signingAlgorithms());
    return {};
}

Result<std::shared_ptr<const Router>, Error> Provider::buildRouter(const QUrl &issuer) const
{
    auto router = std::make_shared<Router>(issuer);
    const std::weak_ptr<const Router> weak = router;
    const int maxAge = m_config.jwksMaxAgeSecs;
    if (auto added = router->add(std::make_shared<DiscoveryEndpoint>(weak, m_jwks, maxAge)); !added)
        return added.error();
    if (auto added = router->add(std::make_shared<JwksEndpoint>(m_jwks, maxAge)); !added)
        return added.error();
    return std::shared_ptr<const Router>(std::move(router));
}

Result<QUrl, Error> Provider::start()
{
    if (m_http->isRunning())
        return Error::conflict(u"the server is already running"_s);
    if (auto prepared = prepareKeys(); !prepared)
        return prepared.error();
    auto router = buildRouter(m_config.effectiveIssuer());
    if (!router)
        return router.error();
    auto url = m_http->start(m_config, *router);
    if (!url)
        return url.error();

    Event event;
    event.type = event_type::ServerStarted;
    event.details = {{u"url"_s, url->toString()}, {u"issuer"_s, issuer().toString()}};
    m_events->publish(event);
    return url;
}

void Provider::stop()
{
    if (!m_http->isRunning())
        return;
    const QUrl url = m_http->url();
    m_http->stop();
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

Result<QByteArray, Error> Provider::discoveryJson()
{
    if (auto prepared = prepareKeys(); !prepared)
        return prepared.error();
    const QUrl iss = m_config.effectiveIssuer();
    auto router = buildRouter(iss);
    if (!router)
        return router.error();
    return DiscoveryDocument(iss, (*router)->mounted(), m_keyRing->signingAlgorithms()).json();
}

Result<QByteArray, Error> Provider::jwksJson()
{
    if (auto prepared = prepareKeys(); !prepared)
        return prepared.error();
    return m_keyRing->jwksJson();
}

} // namespace lanyard
