// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "auth/ClientAuthThrottle.h"
#include "auth/ClientAuthenticator.h"
#include "core/Protocol.h"
#include "crypto/SecretHasher.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "http/RequestContext.h"
#include "store/SqlClientStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlThrottleStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

const QString Secret = u"service-secret-0123456789abcdefghijklmnop"_s;
const QString WrongSecret = u"guess-0123456789abcdefghijklmnopqrstuvwxy"_s;
const QHostAddress Attacker(u"192.0.2.66"_s);
const QHostAddress Service(u"198.51.100.7"_s);

QByteArray basic(const QString &id, const QString &secret)
{
    return "Basic " + (id.toUtf8() + ':' + secret.toUtf8()).toBase64();
}

RequestContext request(const QByteArray &body, const QHostAddress &from,
                       const QByteArray &authorization = {})
{
    RequestContext::HeaderList headers{{"Content-Type"_ba, "application/x-www-form-urlencoded"_ba}};
    if (!authorization.isEmpty())
        headers.append({"Authorization"_ba, authorization});
    ConnectionInfo connection;
    connection.peerAddress = from;
    return RequestContext::create("POST"_ba, "/token"_ba, headers, body, connection);
}

/// A request that authenticates `svc` with `secret` the way `how` says.
RequestContext attempt(const QString &how, const QString &secret, const QHostAddress &from)
{
    if (how == u"post"_s)
        return request("grant_type=client_credentials&client_id=svc-post&client_secret=" +
                           secret.toUtf8(),
                       from);
    return request("grant_type=client_credentials"_ba, from, basic(u"svc"_s, secret));
}

} // namespace

/// ClientAuthThrottle, alone and inside ClientAuthenticator: failed client
/// authentication per client_id and source address.
class TestClientAuthThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void lockAfterTheLimit_data();
    void lockAfterTheLimit();
    void belowTheLimitTheSecretStillWorks();
    void otherAddressAndOtherClientUnaffected();
    void lockEndsWhenTheWindowPasses();
    void throttledAttemptsAreNotCounted();
    void publicClientsAreNotCounted();
    void knownCleanPairStillLocksAfterFailures();
    void failuresOfAnotherInstanceAreSeenAfterTheCachePeriod();
    void keysAreBounded();

private:
    Result<ClientAuthenticator::Authenticated, OAuthError> authenticate(const RequestContext &r)
    {
        return m_auth->authenticate(r);
    }
    void fail(int times, const QString &how = u"basic"_s, const QHostAddress &from = Attacker);

    std::shared_ptr<MockClock> m_clock = std::make_shared<MockClock>();
    std::unique_ptr<TestDatabase> m_db;
    std::shared_ptr<SqlThrottleStore> m_store;
    std::unique_ptr<EventBus> m_events;
    std::unique_ptr<ClientAuthenticator> m_auth;
    QList<Event> m_published;
};

void TestClientAuthThrottle::initTestCase()
{
    m_db = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_db->db, qPrintable(m_db->error));
    auto clients = std::make_shared<SqlClientStore>(m_db->db);
    const auto hasher = std::make_shared<SecretHasher>();
    for (const auto &[id, method] : {std::pair{u"svc"_s, proto::auth_method::ClientSecretBasic},
                                     std::pair{u"svc-post"_s, proto::auth_method::ClientSecretPost},
                                     std::pair{u"other"_s, proto::auth_method::ClientSecretBasic},
                                     std::pair{u"spa"_s, proto::auth_method::None}}) {
        Client client;
        client.clientId = id;
        client.tokenEndpointAuthMethod = method;
        client.redirectUris = {u"https://app.example/cb"_s};
        if (method != proto::auth_method::None)
            client.secretHash = hasher->hash(Secret).value();
        QVERIFY(clients->save(client).ok());
    }
    m_store = std::make_shared<SqlThrottleStore>(m_db->db);
    m_events = std::make_unique<EventBus>(std::make_shared<SqlEventStore>(m_db->db), m_clock);
    connect(m_events.get(), &EventBus::published, this,
            [this](const Event &event) { m_published.append(event); });
    m_auth = std::make_unique<ClientAuthenticator>(clients, hasher, m_clock, m_events.get(),
                                                   nullptr, m_store);
}

void TestClientAuthThrottle::init()
{
    // A fresh hour: earlier tests' failures are out of the window.
    m_clock->advance(3600);
    m_published.clear();
}

void TestClientAuthThrottle::fail(int times, const QString &how, const QHostAddress &from)
{
    for (int i = 0; i < times; ++i) {
        const auto result = authenticate(attempt(how, WrongSecret, from));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), QString(proto::error::InvalidClient));
    }
}

void TestClientAuthThrottle::lockAfterTheLimit_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QByteArray>("failingBody");
    QTest::addColumn<QByteArray>("failingAuthorization");
    QTest::newRow("wrong secret, client_secret_basic")
        << u"basic"_s << "grant_type=client_credentials"_ba << basic(u"svc"_s, WrongSecret);
    QTest::newRow("wrong secret, client_secret_post")
        << u"post"_s
        << ("grant_type=client_credentials&client_id=svc-post&client_secret=" +
            WrongSecret.toUtf8())
        << QByteArray();
    QTest::newRow("the basic client trying client_secret_post")
        << u"basic"_s
        << ("grant_type=client_credentials&client_id=svc&client_secret=" + WrongSecret.toUtf8())
        << QByteArray();
    QTest::newRow("empty secret") << u"basic"_s << "grant_type=client_credentials"_ba
                                  << basic(u"svc"_s, QString());
}

void TestClientAuthThrottle::lockAfterTheLimit()
{
    QFETCH(QString, how);
    QFETCH(QByteArray, failingBody);
    QFETCH(QByteArray, failingAuthorization);
    for (int i = 0; i < ClientAuthThrottle::FailureLimit; ++i) {
        const auto failed = authenticate(request(failingBody, Attacker, failingAuthorization));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().httpStatus(), 401);
        QVERIFY(failed.error().detail() != ClientAuthenticator::throttledDetail());
    }
    // The right secret, from the guessing address: refused unseen.
    const auto refused = authenticate(attempt(how, Secret, Attacker));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), QString(proto::error::InvalidClient));
    QCOMPARE(refused.error().httpStatus(), 401);
    QCOMPARE(refused.error().detail(), ClientAuthenticator::throttledDetail());
    QVERIFY(refused.error().description().contains(u"Too many"_s));
    // The refusal is a client.auth.failed event saying why.
    QVERIFY(!m_published.isEmpty());
    const Event last = m_published.constLast();
    QCOMPARE(last.type, QString(event_type::ClientAuthFailed));
    QCOMPARE(last.details.value(u"reason"_s).toString(), ClientAuthenticator::throttledDetail());
    QCOMPARE(last.sourceAddress, Attacker.toString());
}

void TestClientAuthThrottle::belowTheLimitTheSecretStillWorks()
{
    fail(ClientAuthThrottle::FailureLimit - 1);
    QVERIFY(authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
}

void TestClientAuthThrottle::otherAddressAndOtherClientUnaffected()
{
    fail(ClientAuthThrottle::FailureLimit);
    QVERIFY(!authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
    // The real service, elsewhere, is not locked out by the guesser.
    QVERIFY(authenticate(attempt(u"basic"_s, Secret, Service)).ok());
    // Another client from the guessing address is not locked either.
    QVERIFY(authenticate(
                request("grant_type=client_credentials"_ba, Attacker, basic(u"other"_s, Secret)))
                .ok());
}

void TestClientAuthThrottle::lockEndsWhenTheWindowPasses()
{
    fail(ClientAuthThrottle::FailureLimit);
    QVERIFY(!authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
    m_clock->advance(ClientAuthThrottle::WindowSecs - 1);
    QVERIFY(!authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
    m_clock->advance(2);
    QVERIFY(authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
}

void TestClientAuthThrottle::throttledAttemptsAreNotCounted()
{
    fail(ClientAuthThrottle::FailureLimit);
    const QString key = ClientAuthThrottle::key(u"svc"_s, Attacker);
    const QDateTime since = m_clock->now().addSecs(-ClientAuthThrottle::WindowSecs);
    QCOMPARE(m_store->failuresSince(key, since).value(), ClientAuthThrottle::FailureLimit);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!authenticate(attempt(u"basic"_s, WrongSecret, Attacker)).ok());
    QCOMPARE(m_store->failuresSince(key, since).value(), ClientAuthThrottle::FailureLimit);
}

void TestClientAuthThrottle::publicClientsAreNotCounted()
{
    // A public client presents no secret: nothing to guess, nothing counted
    // (and a throttle would only lock real users of a shared address out).
    for (int i = 0; i < ClientAuthThrottle::FailureLimit + 2; ++i) {
        QVERIFY(
            !authenticate(request("grant_type=authorization_code&client_id=nobody"_ba, Attacker))
                 .ok());
    }
    QVERIFY(authenticate(request("grant_type=authorization_code&client_id=spa"_ba, Attacker)).ok());
    QCOMPARE(m_store
                 ->failuresSince(ClientAuthThrottle::key(u"nobody"_s, Attacker),
                                 m_clock->now().addSecs(-ClientAuthThrottle::WindowSecs))
                 .value(),
             0);
}

void TestClientAuthThrottle::knownCleanPairStillLocksAfterFailures()
{
    // A success first: the pair is remembered as clean. The failures that
    // follow must still lock it.
    QVERIFY(authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
    fail(ClientAuthThrottle::FailureLimit);
    const auto refused = authenticate(attempt(u"basic"_s, Secret, Attacker));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().detail(), ClientAuthenticator::throttledDetail());
}

void TestClientAuthThrottle::failuresOfAnotherInstanceAreSeenAfterTheCachePeriod()
{
    QVERIFY(authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
    // Another server on the same database counted the guesses.
    const QString key = ClientAuthThrottle::key(u"svc"_s, Attacker);
    for (int i = 0; i < ClientAuthThrottle::FailureLimit; ++i)
        QVERIFY(m_store->recordFailure(key, m_clock->now()).ok());
    // Within the cache period this instance trusts its clean reading ...
    QVERIFY(authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
    // ... and then reads the store again.
    m_clock->advance(ClientAuthThrottle::CleanCacheSecs);
    QVERIFY(!authenticate(attempt(u"basic"_s, Secret, Attacker)).ok());
}

void TestClientAuthThrottle::keysAreBounded()
{
    QCOMPARE(ClientAuthThrottle::key(u"svc"_s, QHostAddress(u"::1"_s)), u"client:svc@::1"_s);
    const QString longId(10'000, u'x');
    QVERIFY(ClientAuthThrottle::key(longId, Attacker).size() < 300);
    // The clean-pair memory stays bounded whatever ids a caller invents.
    ClientAuthThrottle throttle(m_store, m_clock);
    for (int i = 0; i < ClientAuthThrottle::MaxCleanPairs + 10; ++i)
        QCOMPARE(throttle.isLocked(u"invented-%1"_s.arg(i), Attacker).value(), false);
}

QTEST_GUILESS_MAIN(TestClientAuthThrottle)
#include "tst_clientauththrottle.moc"
