// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "auth/ClientAuthenticator.h"
#include "auth/ClientSecretCache.h"
#include "core/Protocol.h"
#include "crypto/ConstantTime.h"
#include "crypto/SecretHasher.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "http/RequestContext.h"
#include "store/SqlClientStore.h"
#include "store/SqlEventStore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

// Secrets of 32+ bytes take SecretHasher's fast format; shorter ones Argon2id.
const QString BasicSecret = u"basic-secret-0123456789abcdefghijklmnop"_s;
const QString PostSecret = u"post-secret-0123456789abcdefghijklmnopq"_s;
// Characters that must be form-urlencoded in Basic credentials (RFC 6749 §2.3.1).
const QString OddId = u"odd:app ü&=%"_s;
const QString OddSecret = u"s3cret:with+plus%and space/and=equals-and-more-than-32"_s;
const QString ShortSecret = u"short-one"_s;
const QString PlusSecret = u"a+b-0123456789abcdefghijklmnopqrstuvwxyz"_s;

PasswordHasher cheapArgon2()
{
    PasswordHasher::Parameters p;
    p.memoryKiB = 256;
    p.iterations = 1;
    return PasswordHasher(p);
}

QByteArray formEncode(const QString &value)
{
    // application/x-www-form-urlencoded: unreserved kept, space as '+'.
    QByteArray encoded = value.toUtf8().toPercentEncoding(QByteArray(), QByteArray(" "));
    encoded.replace(' ', '+');
    return encoded;
}

QByteArray basic(const QString &id, const QString &secret)
{
    return "Basic " + (formEncode(id) + ':' + formEncode(secret)).toBase64();
}

QByteArray basicRaw(const QByteArray &userPass)
{
    return "Basic " + userPass.toBase64();
}

RequestContext tokenRequest(const QByteArray &body, const QList<QByteArray> &authorizations = {})
{
    RequestContext::HeaderList headers{{"Content-Type"_ba, "application/x-www-form-urlencoded"_ba}};
    for (const QByteArray &authorization : authorizations)
        headers.append({"Authorization"_ba, authorization});
    ConnectionInfo connection;
    connection.peerAddress = QHostAddress(u"192.0.2.7"_s);
    return RequestContext::create("POST"_ba, "/token"_ba, headers, body, connection);
}

} // namespace

class TestClientAuthenticator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void authenticate_data();
    void authenticate();
    void failuresPublishEventsWithoutSecrets();
    void successPublishesNothing();
    void secretsCompareInConstantTime();
    void argon2SecretsAreCached();
    void wrongSecretsAreNeverCached();
    void changedSecretMissesTheCache();
    void cacheStaysBounded();
    void cacheExpires();
    void cacheIsThreadSafe();
    void cacheSpeedup();
    void supportedMethods();

private:
    Client makeClient(const QString &id, QLatin1StringView method, const QString &secret);

    std::shared_ptr<MockClock> m_clock = std::make_shared<MockClock>();
    std::unique_ptr<TestDatabase> m_db;
    std::shared_ptr<SqlClientStore> m_clients;
    std::shared_ptr<SecretHasher> m_hasher;
    std::unique_ptr<EventBus> m_events;
    std::shared_ptr<ClientSecretCache> m_cache;
    std::unique_ptr<ClientAuthenticator> m_auth;
    QList<Event> m_published;
};

Client TestClientAuthenticator::makeClient(const QString &id, QLatin1StringView method,
                                           const QString &secret)
{
    Client client;
    client.clientId = id;
    client.tokenEndpointAuthMethod = method;
    client.redirectUris = {u"https://app.example/cb"_s};
    if (!secret.isEmpty())
        client.secretHash = m_hasher->hash(secret).value();
    return client;
}

void TestClientAuthenticator::initTestCase()
{
    m_db = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_db->db, qPrintable(m_db->error));
    m_clients = std::make_shared<SqlClientStore>(m_db->db);
    m_hasher = std::make_shared<SecretHasher>(nullptr, cheapArgon2());
    m_events = std::make_unique<EventBus>(std::make_shared<SqlEventStore>(m_db->db), m_clock);
    connect(m_events.get(), &EventBus::published, this,
            [this](const Event &event) { m_published.append(event); });

    namespace m = proto::auth_method;
    for (const Client &client : {
             makeClient(u"basic-app"_s, m::ClientSecretBasic, BasicSecret),
             makeClient(u"post-app"_s, m::ClientSecretPost, PostSecret),
             makeClient(u"public-app"_s, m::None, {}),
             makeClient(OddId, m::ClientSecretBasic, OddSecret),
             makeClient(u"short-app"_s, m::ClientSecretBasic, ShortSecret),
             makeClient(u"no-secret-app"_s, m::ClientSecretBasic, {}),
             makeClient(u"plus-app"_s, m::ClientSecretBasic, PlusSecret),
         }) {
        QVERIFY(m_clients->save(client).ok());
    }
    QVERIFY(!SecretHasher::isFastFormat(m_clients->find(u"short-app"_s).value()->secretHash));
    QVERIFY(SecretHasher::isFastFormat(m_clients->find(u"basic-app"_s).value()->secretHash));
}

void TestClientAuthenticator::init()
{
    m_cache = std::make_shared<ClientSecretCache>(m_clock);
    m_auth = std::make_unique<ClientAuthenticator>(m_clients, m_hasher, m_clock, m_events.get(),
                                                   m_cache);
    m_published.clear();
}

void TestClientAuthenticator::authenticate_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<QByteArray>>("authorizations");
    QTest::addColumn<QString>("error"); // empty: success
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("method");

    const QString ok;
    const QString invalidClient = proto::error::InvalidClient;
    const QString invalidRequest = proto::error::InvalidRequest;
    const QString basicM = proto::auth_method::ClientSecretBasic;
    const QString postM = proto::auth_method::ClientSecretPost;
    const QString noneM = proto::auth_method::None;
    const QByteArray g = "grant_type=authorization_code&code=x"_ba;

    QTest::newRow("basic ok") << g << QList<QByteArray>{basic(u"basic-app"_s, BasicSecret)} << ok
                              << u"basic-app"_s << basicM;
    QTest::newRow("basic scheme is case-insensitive")
        << g << QList<QByteArray>{"bAsIc " + basic(u"basic-app"_s, BasicSecret).mid(6)} << ok
        << u"basic-app"_s << basicM;
    QTest::newRow("basic with the same client_id in the body")
        << (g + "&client_id=basic-app") << QList<QByteArray>{basic(u"basic-app"_s, BasicSecret)}
        << ok << u"basic-app"_s << basicM;
    QTest::newRow("post ok") << (g + "&client_id=post-app&client_secret=" + formEncode(PostSecret))
                             << QList<QByteArray>{} << ok << u"post-app"_s << postM;
    QTest::newRow("none ok") << (g + "&client_id=public-app") << QList<QByteArray>{} << ok
                             << u"public-app"_s << noneM;
    QTest::newRow("url-encoded Basic credentials")
        << g << QList<QByteArray>{basic(OddId, OddSecret)} << ok << OddId << basicM;
    QTest::newRow("argon2id-hashed short secret")
        << g << QList<QByteArray>{basic(u"short-app"_s, ShortSecret)} << ok << u"short-app"_s
        << basicM;

    QTest::newRow("wrong secret (basic)")
        << g << QList<QByteArray>{basic(u"basic-app"_s, BasicSecret + u'x')} << invalidClient
        << u"basic-app"_s << basicM;
    QTest::newRow("wrong secret (post)")
        << (g + "&client_id=post-app&client_secret=nope") << QList<QByteArray>{} << invalidClient
        << u"post-app"_s << postM;
    QTest::newRow("wrong short secret (argon2id)")
        << g << QList<QByteArray>{basic(u"short-app"_s, u"short-two"_s)} << invalidClient
        << u"short-app"_s << basicM;
    QTest::newRow("empty password (basic)") << g << QList<QByteArray>{basic(u"basic-app"_s, {})}
                                            << invalidClient << u"basic-app"_s << basicM;
    QTest::newRow("unknown client (basic)")
        << g << QList<QByteArray>{basic(u"ghost"_s, BasicSecret)} << invalidClient << u"ghost"_s
        << basicM;
    QTest::newRow("unknown client (none)")
        << (g + "&client_id=ghost") << QList<QByteArray>{} << invalidClient << u"ghost"_s << noneM;
    QTest::newRow("client id is case-sensitive")
        << g << QList<QByteArray>{basic(u"BASIC-APP"_s, BasicSecret)} << invalidClient
        << u"BASIC-APP"_s << basicM;
    QTest::newRow("basic client using post")
        << (g + "&client_id=basic-app&client_secret=" + formEncode(BasicSecret))
        << QList<QByteArray>{} << invalidClient << u"basic-app"_s << postM;
    QTest::newRow("post client using basic")
        << g << QList<QByteArray>{basic(u"post-app"_s, PostSecret)} << invalidClient
        << u"post-app"_s << basicM;
    QTest::newRow("confidential client sending no secret")
        << (g + "&client_id=basic-app") << QList<QByteArray>{} << invalidClient << u"basic-app"_s
        << noneM;
    QTest::newRow("public client sending a secret (post)")
        << (g + "&client_id=public-app&client_secret=anything") << QList<QByteArray>{}
        << invalidClient << u"public-app"_s << postM;
    QTest::newRow("public client sending Basic")
        << g << QList<QByteArray>{basic(u"public-app"_s, u"anything"_s)} << invalidClient
        << u"public-app"_s << basicM;
    QTest::newRow("confidential client without a stored secret")
        << g << QList<QByteArray>{basic(u"no-secret-app"_s, u"x"_s)} << invalidClient
        << u"no-secret-app"_s << basicM;
    QTest::newRow("empty client_secret counts as omitted")
        << (g + "&client_id=post-app&client_secret=") << QList<QByteArray>{} << invalidClient
        << u"post-app"_s << noneM;
    QTest::newRow("no client authentication at all")
        << g << QList<QByteArray>{} << invalidClient << QString() << u"unknown"_s;
    QTest::newRow("client_assertion (unsupported)")
        << (g + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-"
                "bearer&client_assertion=a.b.c")
        << QList<QByteArray>{} << invalidClient << QString() << u"client_assertion"_s;
    QTest::newRow("form-encoded '+' in a Basic secret")
        << g << QList<QByteArray>{basic(u"plus-app"_s, PlusSecret)} << ok << u"plus-app"_s
        << basicM;
    QTest::newRow("raw (not form-encoded) '+' in a Basic secret is a space")
        << g << QList<QByteArray>{basicRaw("plus-app:" + PlusSecret.toUtf8())} << invalidClient
        << u"plus-app"_s << basicM;

    QTest::newRow("two methods: Basic and client_secret")
        << (g + "&client_secret=" + formEncode(BasicSecret))
        << QList<QByteArray>{basic(u"basic-app"_s, BasicSecret)} << invalidRequest << QString()
        << u"multiple"_s;
    QTest::newRow("two methods: Basic and client_assertion")
        << (g + "&client_assertion=a.b.c") << QList<QByteArray>{basic(u"basic-app"_s, BasicSecret)}
        << invalidRequest << QString() << u"multiple"_s;
    QTest::newRow("two Authorization headers")
        << g
        << QList<QByteArray>{basic(u"basic-app"_s, BasicSecret), basic(u"basic-app"_s, BasicSecret)}
        << invalidRequest << QString() << u"multiple"_s;
    QTest::newRow("body client_id differs from Basic")
        << (g + "&client_id=post-app") << QList<QByteArray>{basic(u"basic-app"_s, BasicSecret)}
        << invalidRequest << u"post-app"_s << basicM;
    QTest::newRow("post without client_id")
        << (g + "&client_secret=" + formEncode(PostSecret)) << QList<QByteArray>{} << invalidRequest
        << QString() << postM;
    QTest::newRow("malformed Basic: not base64")
        << g << QList<QByteArray>{"Basic !!!not-base64!!!"_ba} << invalidRequest << QString()
        << basicM;
    QTest::newRow("malformed Basic: no credentials")
        << g << QList<QByteArray>{"Basic"_ba} << invalidRequest << QString() << basicM;
    QTest::newRow("malformed Basic: no colon")
        << g << QList<QByteArray>{basicRaw("basic-app")} << invalidRequest << QString() << basicM;
    QTest::newRow("malformed Basic: empty client_id")
        << g << QList<QByteArray>{basicRaw(":" + BasicSecret.toUtf8())} << invalidRequest
        << QString() << basicM;
    QTest::newRow("malformed Basic: broken percent escape")
        << g << QList<QByteArray>{basicRaw("basic%zzapp:" + BasicSecret.toUtf8())} << invalidRequest
        << QString() << basicM;
    QTest::newRow("malformed Basic: escape yields invalid UTF-8")
        << g << QList<QByteArray>{basicRaw("basic-app:%ff%fe")} << invalidRequest << QString()
        << basicM;
    QTest::newRow("Authorization with another scheme")
        << (g + "&client_id=public-app") << QList<QByteArray>{"Bearer abc"_ba} << invalidRequest
        << u"public-app"_s << basicM;
}

void TestClientAuthenticator::authenticate()
{
    QFETCH(QByteArray, body);
    QFETCH(QList<QByteArray>, authorizations);
    QFETCH(QString, error);
    QFETCH(QString, clientId);
    QFETCH(QString, method);

    const auto result = m_auth->authenticate(tokenRequest(body, authorizations));
    if (error.isEmpty()) {
        QVERIFY2(result.ok(),
                 qPrintable(result.error().code() + u": "_s + result.error().detail()));
        QCOMPARE(result->client.clientId, clientId);
        QCOMPARE(result->method, method);
        QVERIFY(m_published.isEmpty());
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), error);
    // RFC 6749 §5.2: invalid_client is 401; invalid_request 400.
    QCOMPARE(result.error().httpStatus(), error == proto::error::InvalidClient ? 401 : 400);
    // One client.auth.failed per failure, naming the method tried.
    QCOMPARE(m_published.size(), 1);
    QCOMPARE(m_published.first().type, QString(event_type::ClientAuthFailed));
    QCOMPARE(m_published.first().details.value(u"method"_s).toString(), method);
    if (!clientId.isEmpty())
        QCOMPARE(m_published.first().clientId, clientId);
}

void TestClientAuthenticator::failuresPublishEventsWithoutSecrets()
{
    const QString guess = u"wrong-guess-that-must-not-be-logged"_s;
    QVERIFY(!m_auth->authenticate(tokenRequest("grant_type=x", {basic(u"basic-app"_s, guess)})));
    QVERIFY(!m_auth->authenticate(
        tokenRequest("grant_type=x&client_id=post-app&client_secret=" + guess.toUtf8())));
    QCOMPARE(m_published.size(), 2);
    for (const Event &event : std::as_const(m_published)) {
        QCOMPARE(event.type, QString(event_type::ClientAuthFailed));
        QVERIFY(!event.success);
        QCOMPARE(event.sourceAddress, u"192.0.2.7"_s);
        const QByteArray json = QJsonDocument(event.toJson()).toJson();
        QVERIFY(!json.contains(guess.toUtf8()));
        QVERIFY(!json.contains(basic(u"basic-app"_s, guess).mid(6)));
    }
}

void TestClientAuthenticator::successPublishesNothing()
{
    QVERIFY(
        m_auth->authenticate(tokenRequest("grant_type=x", {basic(u"basic-app"_s, BasicSecret)})));
    QVERIFY(m_published.isEmpty());
}

void TestClientAuthenticator::secretsCompareInConstantTime()
{
    const quint64 before = ConstantTime::comparisons();
    QVERIFY(!m_auth->authenticate(tokenRequest("grant_type=x", {basic(u"basic-app"_s, u"x"_s)})));
    QVERIFY(ConstantTime::comparisons() > before);
}

void TestClientAuthenticator::argon2SecretsAreCached()
{
    const auto request = tokenRequest("grant_type=x", {basic(u"short-app"_s, ShortSecret)});
    QVERIFY(m_auth->authenticate(request));
    QCOMPARE(m_cache->size(), 1);
    QCOMPARE(m_cache->hits(), 0u);
    QVERIFY(m_auth->authenticate(request));
    QCOMPARE(m_cache->hits(), 1u);
    // Fast-format secrets are cheap: not cached.
    QVERIFY(
        m_auth->authenticate(tokenRequest("grant_type=x", {basic(u"basic-app"_s, BasicSecret)})));
    QCOMPARE(m_cache->size(), 1);
}

void TestClientAuthenticator::wrongSecretsAreNeverCached()
{
    const auto wrong = tokenRequest("grant_type=x", {basic(u"short-app"_s, u"guess"_s)});
    QVERIFY(!m_auth->authenticate(wrong));
    QVERIFY(!m_auth->authenticate(wrong));
    QCOMPARE(m_cache->size(), 0);
    // A right secret cached does not make a wrong one pass.
    QVERIFY(
        m_auth->authenticate(tokenRequest("grant_type=x", {basic(u"short-app"_s, ShortSecret)})));
    QVERIFY(!m_auth->authenticate(wrong));
    QCOMPARE(m_cache->hits(), 0u);
}

void TestClientAuthenticator::changedSecretMissesTheCache()
{
    const auto request = tokenRequest("grant_type=x", {basic(u"short-app"_s, ShortSecret)});
    QVERIFY(m_auth->authenticate(request));
    // The admin sets a new secret: the old one must stop working at once.
    Client client = m_clients->find(u"short-app"_s).value().value();
    const QString oldHash = client.secretHash;
    client.secretHash = m_hasher->hash(u"new-short"_s).value();
    QVERIFY(m_clients->save(client).ok());
    QVERIFY(!m_auth->authenticate(request));
    QVERIFY(m_auth->authenticate(
        tokenRequest("grant_type=x", {basic(u"short-app"_s, u"new-short"_s)})));
    client.secretHash = oldHash;
    QVERIFY(m_clients->save(client).ok());
}

void TestClientAuthenticator::cacheStaysBounded()
{
    ClientSecretCache cache(m_clock, {300, 8});
    for (int i = 0; i < 50; ++i)
        cache.insert(u"c%1"_s.arg(i), u"s"_s, u"h"_s);
    QVERIFY(cache.size() <= 8);
    QVERIFY(cache.contains(u"c49"_s, u"s"_s, u"h"_s));
    QVERIFY(!cache.contains(u"c49"_s, u"t"_s, u"h"_s));
    QVERIFY(!cache.contains(u"c49"_s, u"s"_s, u"h2"_s));
    QVERIFY(!cache.contains(u"c48x"_s, u"s"_s, u"h"_s));
}

void TestClientAuthenticator::cacheExpires()
{
    ClientSecretCache cache(m_clock, {60, 8});
    cache.insert(u"c"_s, u"s"_s, u"h"_s);
    m_clock->advance(59);
    QVERIFY(cache.contains(u"c"_s, u"s"_s, u"h"_s));
    m_clock->advance(1);
    QVERIFY(!cache.contains(u"c"_s, u"s"_s, u"h"_s));
}

void TestClientAuthenticator::cacheIsThreadSafe()
{
    ClientSecretCache cache(m_clock, {300, 64});
    QList<QThread *> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&cache, &wrong, t] {
            for (int i = 0; i < 2000; ++i) {
                const QString id = u"c%1-%2"_s.arg(t).arg(i % 100);
                cache.insert(id, u"s"_s, u"h"_s);
                if (cache.contains(id, u"other"_s, u"h"_s))
                    ++wrong;
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(wrong.load(), 0);
    QVERIFY(cache.size() <= 64);
}

void TestClientAuthenticator::cacheSpeedup()
{
    // Real (OWASP) Argon2id parameters: what an imported short secret costs.
    const SecretHasher owasp;
    const QString hash = owasp.hash(ShortSecret).value();
    ClientSecretCache cache(m_clock);
    QElapsedTimer timer;
    timer.start();
    constexpr int Rounds = 3;
    for (int i = 0; i < Rounds; ++i)
        QVERIFY(owasp.verify(ShortSecret, hash));
    const double argonMs = static_cast<double>(timer.nsecsElapsed()) / 1e6 / Rounds;
    cache.insert(u"short-app"_s, ShortSecret, hash);
    timer.restart();
    constexpr int Lookups = 1000;
    for (int i = 0; i < Lookups; ++i)
        QVERIFY(cache.contains(u"short-app"_s, ShortSecret, hash));
    const double cachedUs = static_cast<double>(timer.nsecsElapsed()) / 1e3 / Lookups;
    qInfo("Argon2id verify: %.1f ms; cached verification: %.2f us", argonMs, cachedUs);
    QVERIFY(cachedUs / 1000.0 < argonMs / 10);
}

void TestClientAuthenticator::supportedMethods()
{
    QCOMPARE(ClientAuthenticator::supportedMethods(),
             (QStringList{u"client_secret_basic"_s, u"client_secret_post"_s, u"none"_s}));
}

QTEST_GUILESS_MAIN(TestClientAuthenticator)
#include "tst_clientauthenticator.moc"
