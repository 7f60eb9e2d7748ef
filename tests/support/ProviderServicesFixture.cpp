// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderServicesFixture.h"

#include "crypto/KeyGenerator.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "crypto/SecretHasher.h"
#include "events/EventBus.h"
#include "events/SessionEndNotifier.h"
#include "http/Endpoint.h"
#include "http/HttpService.h"
#include "http/Router.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "logout/SessionTerminator.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlCodeStore.h"
#include "store/SqlConsentStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlInteractionStore.h"
#include "store/SqlSessionStore.h"
#include "store/SqlThrottleStore.h"
#include "store/SqlTokenStore.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace lanyard::test {

namespace {

PasswordHasher cheapArgon2()
{
    PasswordHasher::Parameters p;
    p.memoryKiB = 256;
    p.iterations = 1;
    return PasswordHasher(p);
}

} // namespace

QUrl ProviderServicesFixture::issuer()
{
    return QUrl(u"https://op.example.test"_s);
}

ProviderServicesFixture::ProviderServicesFixture()
    : clock(std::make_shared<MockClock>()), database(std::make_unique<TestDatabase>(clock))
{
    if (!database->db) {
        error = database->error;
        return;
    }
    const auto db = database->db;
    events = std::make_unique<EventBus>(std::make_shared<SqlEventStore>(db), clock);
    // Emitted in the publishing (worker) thread: collect under the mutex.
    QObject::connect(
        events.get(), &EventBus::published, events.get(),
        [this](const Event &event) {
            QMutexLocker lock(&m_mutex);
            m_events.append(event);
        },
        Qt::DirectConnection);

    QList<SigningKey> keys;
    for (const QString &alg : {u"RS256"_s, u"ES256"_s, u"EdDSA"_s}) {
        auto key = KeyGenerator::generateSigningKey(alg, clock->now().addDays(-1));
        if (!key) {
            error = key.error().message;
            return;
        }
        key->state = KeyState::Active;
        key->activatedAt = clock->now().addDays(-1);
        keys.append(*key);
    }
    auto ring = KeyRing::fromKeys(keys, clock->now());
    if (!ring) {
        error = ring.error().message;
        return;
    }
    auto holder = std::make_shared<KeyRingHolder>();
    holder->replace(*ring);

    services = std::make_shared<ProviderServices>();
    services->config.issuer = issuer();
    services->config.listenAddress = QHostAddress::LocalHost;
    services->config.listenPort = 0;
    services->issuer = issuer();
    services->clock = clock;
    services->random = Random::system();
    services->database = db;
    services->clients = std::make_shared<SqlClientStore>(db);
    services->accounts = std::make_shared<SqlAccountStore>(db);
    services->sessions = std::make_shared<SqlSessionStore>(db);
    services->interactions = std::make_shared<SqlInteractionStore>(db);
    services->codes = std::make_shared<SqlCodeStore>(db);
    services->tokens = std::make_shared<SqlTokenStore>(db);
    services->consents = std::make_shared<SqlConsentStore>(db);
    services->throttle = std::make_shared<SqlThrottleStore>(db);
    services->keys = holder;
    services->secretHasher = std::make_shared<SecretHasher>(nullptr, cheapArgon2());
    services->passwordHasher = std::make_shared<PasswordHasher>(cheapArgon2());
    services->events = events.get();
    sessionEnds = std::make_unique<SessionEndNotifier>();
    services->sessionTerminator =
        std::make_shared<const SessionTerminator>(SessionTerminator::Dependencies{
            db, services->sessions, services->tokens, clock, events.get(), sessionEnds.get()});
}

ProviderServicesFixture::~ProviderServicesFixture()
{
    stop();
}

std::shared_ptr<const KeyRing> ProviderServicesFixture::keyRing() const
{
    return services && services->keys ? services->keys->current() : nullptr;
}

QList<Event> ProviderServicesFixture::publishedEvents() const
{
    QMutexLocker lock(&m_mutex);
    return m_events;
}

QList<Event> ProviderServicesFixture::publishedEvents(const QString &type) const
{
    QList<Event> matching;
    for (const Event &event : publishedEvents()) {
        if (event.type == type)
            matching.append(event);
    }
    return matching;
}

void ProviderServicesFixture::clearEvents()
{
    QMutexLocker lock(&m_mutex);
    m_events.clear();
}

QString ProviderServicesFixture::serve(const QList<std::shared_ptr<Endpoint>> &endpoints,
                                       int threads)
{
    auto router = std::make_shared<Router>(issuer());
    for (const auto &endpoint : endpoints) {
        if (auto added = router->add(endpoint); !added)
            return added.error().message;
    }
    m_router = router;
    ProviderConfig config = services->config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    config.httpThreads = threads;
    m_http = std::make_unique<HttpService>();
    auto started = m_http->start(config, m_router);
    if (!started)
        return started.error().message;
    return {};
}

void ProviderServicesFixture::stop()
{
    if (m_http)
        m_http->stop();
}

quint16 ProviderServicesFixture::port() const
{
    return m_http ? m_http->port() : 0;
}

QByteArray ProviderServicesFixture::request(const QByteArray &method, const QByteArray &target,
                                            const QList<QPair<QByteArray, QByteArray>> &headers,
                                            const QByteArray &body)
{
    QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\nHost: op.example.test\r\n";
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST")
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "Connection: close\r\n\r\n" + body;
    return bytes;
}

} // namespace lanyard::test
