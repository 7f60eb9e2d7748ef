// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTestClient.h"
#include "MockClock.h"
#include "TestDatabase.h"

#include "admin/ClientService.h"
#include "admin/ImportService.h"
#include "runtime/Provider.h"
#include "store/CachedClientStore.h"
#include "store/SqlClientStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::HttpTestClient;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

constexpr int TtlMs = 2000;

Client makeClient(const QString &id, const QString &name)
{
    Client client;
    client.clientId = id;
    client.clientName = name;
    client.secretHash = u"$keyed$v1$abc"_s;
    client.grantTypes = {u"client_credentials"_s};
    client.responseTypes = {};
    client.scopes = {u"reports.read"_s};
    return client;
}

/// Runs `work` on a thread of its own (with its own database connection)
/// and waits for it.
template<typename Work> void onOtherThread(Work work)
{
    std::unique_ptr<QThread> thread(QThread::create(std::move(work)));
    thread->start();
    thread->wait();
}

/// The client's name as `store` finds it; "(none)" when there is no such
/// client, "(error)" when the look-up fails.
QString nameIn(const ClientStore &store, const QString &id)
{
    auto found = store.find(id);
    if (!found)
        return u"(error)"_s;
    return found->has_value() ? (*found)->clientName : u"(none)"_s;
}

} // namespace

class TestCachedClientStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // The store on its own.
    void repeatedFindIsAnsweredFromMemory();
    void writeThroughTheStoreIsSeenAtOnce();
    void writeThroughAnotherStoreOfTheProcessIsSeenAtOnce();
    void removalIsSeenAtOnce();
    void writeInATransactionIsSeenWhenItCommits();
    void rolledBackWriteLeavesTheClientAsItWas();
    void findInsideATransactionReadsTheDatabase();
    void otherProcessChangeIsSeenWithinTheTtl();
    void otherProcessRemovalIsSeenWithinTheTtl();
    void unknownClientsAreNotRemembered();
    void clockGoingBackDoesNotExtendAnEntry();
    void zeroTtlTurnsTheCacheOff();
    void fullCacheStartsAfresh();

    // Through a running provider and its token endpoint.
    void adminChangeTakesEffectAtTheNextTokenRequest_data();
    void adminChangeTakesEffectAtTheNextTokenRequest();
    void importTakesEffectAtTheNextTokenRequest();
    void otherProcessRevocationTakesEffectWithinTheTtl();

private:
    /// Changes the client's name on a connection of its own, without any
    /// store: what another process sharing the database does.
    bool renameElsewhere(const QString &id, const QString &name);
    bool removeElsewhere(const QString &id);
    bool execElsewhere(const QString &sql, const QVariantList &values);
    void advanceMs(qint64 ms);

    // Provider-based tests.
    bool startProvider();
    int tokenStatus(const QString &clientId, const QString &secret);

    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<SqlClientStore> m_sql;
    std::unique_ptr<CachedClientStore> m_cache;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Provider> m_provider;
};

void TestCachedClientStore::init()
{
    m_clock = std::make_shared<MockClock>();
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_sql = std::make_shared<SqlClientStore>(m_t->db);
    m_cache = std::make_unique<CachedClientStore>(m_sql, m_t->db, m_clock,
                                                  CachedClientStore::Options{TtlMs, 16});
    QVERIFY(m_sql->save(makeClient(u"app"_s, u"v1"_s)).ok());
}

void TestCachedClientStore::cleanup()
{
    if (m_provider)
        m_provider->stop();
    m_provider.reset();
    m_dir.reset();
    m_cache.reset();
    m_sql.reset();
    m_t.reset();
}

bool TestCachedClientStore::execElsewhere(const QString &sql, const QVariantList &values)
{
    // A second Database object opens connections of its own; the SQL is
    // run directly, so nothing in this process learns of the change.
    auto other = Database::open(m_t->location, m_clock);
    if (!other)
        return false;
    QSqlQuery query((*other)->connection());
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning() << query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

bool TestCachedClientStore::renameElsewhere(const QString &id, const QString &name)
{
    return execElsewhere(u"UPDATE clients SET client_name = ? WHERE client_id = ?"_s, {name, id});
}

bool TestCachedClientStore::removeElsewhere(const QString &id)
{
    return execElsewhere(u"DELETE FROM clients WHERE client_id = ?"_s, {id});
}

void TestCachedClientStore::advanceMs(qint64 ms)
{
    m_clock->set(m_clock->now().addMSecs(ms));
}

void TestCachedClientStore::repeatedFindIsAnsweredFromMemory()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    QCOMPARE(m_cache->hits(), 0u);
    auto again = m_cache->find(u"app"_s);
    QVERIFY(again.ok() && again->has_value());
    QCOMPARE(m_cache->hits(), 1u);
    const Client &client = **again;
    QCOMPARE(client.clientId, u"app"_s);
    QCOMPARE(client.secretHash, u"$keyed$v1$abc"_s);
    QCOMPARE(client.scopes, QStringList{u"reports.read"_s});
}

void TestCachedClientStore::writeThroughTheStoreIsSeenAtOnce()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    Client changed = makeClient(u"app"_s, u"v2"_s);
    changed.secretHash = u"$keyed$v1$rotated"_s;
    QVERIFY(m_sql->save(changed).ok());
    auto found = m_cache->find(u"app"_s);
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE((*found)->clientName, u"v2"_s);
    QCOMPARE((*found)->secretHash, u"$keyed$v1$rotated"_s);
    QCOMPARE(m_cache->hits(), 0u);
}

void TestCachedClientStore::writeThroughAnotherStoreOfTheProcessIsSeenAtOnce()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    QVERIFY(SqlClientStore(m_t->db).save(makeClient(u"app"_s, u"v2"_s)).ok());
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v2"_s);
}

void TestCachedClientStore::removalIsSeenAtOnce()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    QVERIFY(m_sql->remove(u"app"_s).value());
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"(none)"_s);
}

void TestCachedClientStore::writeInATransactionIsSeenWhenItCommits()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    Database::Transaction transaction(*m_t->db);
    QVERIFY(transaction.isActive());
    QVERIFY(m_sql->save(makeClient(u"app"_s, u"v2"_s)).ok());
    // Another thread cannot see the write yet: it reads (and keeps) v1.
    QString seen;
    onOtherThread([&] { seen = nameIn(*m_cache, u"app"_s); });
    QCOMPARE(seen, u"v1"_s);
    onOtherThread([&] { seen = nameIn(*m_cache, u"app"_s); });
    QCOMPARE(seen, u"v1"_s);
    QVERIFY(transaction.commit().ok());
    // Committed: v1 must not be answered from memory any more.
    onOtherThread([&] { seen = nameIn(*m_cache, u"app"_s); });
    QCOMPARE(seen, u"v2"_s);
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v2"_s);
}

void TestCachedClientStore::rolledBackWriteLeavesTheClientAsItWas()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    {
        Database::Transaction transaction(*m_t->db);
        QVERIFY(transaction.isActive());
        QVERIFY(m_sql->save(makeClient(u"app"_s, u"v2"_s)).ok());
        QCOMPARE(nameIn(*m_cache, u"app"_s), u"v2"_s);
        transaction.rollback();
    }
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
}

void TestCachedClientStore::findInsideATransactionReadsTheDatabase()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    Database::Transaction transaction(*m_t->db);
    QVERIFY(transaction.isActive());
    // A write of this transaction that no store made (no generation change).
    QSqlQuery query(m_t->db->connection());
    QVERIFY(query.prepare(u"UPDATE clients SET client_name = ? WHERE client_id = ?"_s));
    query.addBindValue(u"v2"_s);
    query.addBindValue(u"app"_s);
    QVERIFY(query.exec());
    const quint64 hits = m_cache->hits();
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v2"_s);
    QCOMPARE(m_cache->hits(), hits);
    transaction.rollback();
}

void TestCachedClientStore::otherProcessChangeIsSeenWithinTheTtl()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    QVERIFY(renameElsewhere(u"app"_s, u"v2"_s));
    // The documented delay: until the entry is TtlMs old, v1 is still answered.
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    advanceMs(TtlMs - 1);
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    advanceMs(1);
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v2"_s);
}

void TestCachedClientStore::otherProcessRemovalIsSeenWithinTheTtl()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    QVERIFY(removeElsewhere(u"app"_s));
    advanceMs(TtlMs);
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"(none)"_s);
    // And stays gone.
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"(none)"_s);
}

void TestCachedClientStore::unknownClientsAreNotRemembered()
{
    QCOMPARE(nameIn(*m_cache, u"later"_s), u"(none)"_s);
    QCOMPARE(nameIn(*m_cache, u"later"_s), u"(none)"_s);
    QCOMPARE(m_cache->hits(), 0u);
    // Created by another process: found at once, no TTL to wait.
    QVERIFY(execElsewhere(u"INSERT INTO clients SELECT 'later', client_name, secret_hash, "
                          "redirect_uris, post_logout_redirect_uris, grant_types, response_types, "
                          "token_endpoint_auth_method, scopes, require_pkce, require_consent, "
                          "id_token_signed_response_alg, opaque_access_tokens, "
                          "rotate_refresh_tokens, access_token_lifetime, id_token_lifetime, "
                          "refresh_token_lifetime, backchannel_logout_uri, "
                          "backchannel_logout_session_required, created_at, updated_at, "
                          "resource_server FROM clients WHERE client_id = ?"_s,
                          {u"app"_s}));
    QCOMPARE(nameIn(*m_cache, u"later"_s), u"v1"_s);
}

void TestCachedClientStore::clockGoingBackDoesNotExtendAnEntry()
{
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v1"_s);
    QVERIFY(renameElsewhere(u"app"_s, u"v2"_s));
    advanceMs(-1);
    QCOMPARE(nameIn(*m_cache, u"app"_s), u"v2"_s);
}

void TestCachedClientStore::zeroTtlTurnsTheCacheOff()
{
    CachedClientStore uncached(m_sql, m_t->db, m_clock, CachedClientStore::Options{0, 16});
    QCOMPARE(nameIn(uncached, u"app"_s), u"v1"_s);
    QVERIFY(renameElsewhere(u"app"_s, u"v2"_s));
    QCOMPARE(nameIn(uncached, u"app"_s), u"v2"_s);
    QCOMPARE(uncached.hits(), 0u);
}

void TestCachedClientStore::fullCacheStartsAfresh()
{
    CachedClientStore small(m_sql, m_t->db, m_clock, CachedClientStore::Options{TtlMs, 2});
    for (const QString &id : {u"b"_s, u"c"_s})
        QVERIFY(m_sql->save(makeClient(id, id)).ok());
    QCOMPARE(nameIn(small, u"app"_s), u"v1"_s);
    QCOMPARE(nameIn(small, u"b"_s), u"b"_s);
    QCOMPARE(nameIn(small, u"c"_s), u"c"_s); // full: the cache starts afresh with c
    QCOMPARE(small.hits(), 0u);
    QCOMPARE(nameIn(small, u"c"_s), u"c"_s);
    QCOMPARE(small.hits(), 1u);
    QCOMPARE(nameIn(small, u"app"_s), u"v1"_s);
    QCOMPARE(small.hits(), 1u);
}

// ---- through a running provider --------------------------------------------

namespace {

const QString ServiceSecret = u"service-secret-0123456789abcdefghijklmnopqrstuv"_s;

QByteArray importJson(const QString &secret, const QStringList &grantTypes)
{
    const QJsonObject client{
        {u"client_id"_s, u"service"_s},
        {u"client_secret"_s, secret},
        {u"client_name"_s, u"Service"_s},
        {u"redirect_uris"_s, QJsonArray()},
        {u"grant_types"_s, QJsonArray::fromStringList(grantTypes)},
        {u"response_types"_s, QJsonArray()},
        {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
        {u"scope"_s, u"reports.read"_s},
    };
    return QJsonDocument(QJsonObject{{u"clients"_s, QJsonArray{client}}}).toJson();
}

} // namespace

bool TestCachedClientStore::startProvider()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto provider = Provider::open(m_dir->filePath(u"lanyard.db"_s), m_clock);
    if (!provider) {
        qWarning() << provider.error().message;
        return false;
    }
    m_provider = std::move(provider).value();
    ProviderConfig config = m_provider->config();
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    m_provider->setConfig(config);
    if (!m_provider->importService()
             .importJson(importJson(ServiceSecret, {u"client_credentials"_s}), u"test"_s)
             .ok())
        return false;
    auto url = m_provider->start();
    if (!url)
        qWarning() << url.error().message;
    return url.ok();
}

int TestCachedClientStore::tokenStatus(const QString &clientId, const QString &secret)
{
    const quint16 port = static_cast<quint16>(m_provider->url().port());
    const QByteArray body = "grant_type=client_credentials";
    const QByteArray request =
        "POST /token HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
        "\r\nAuthorization: Basic " + (clientId + u':' + secret).toUtf8().toBase64() +
        "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
        QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    const auto response = HttpTestClient::exchange(port, request);
    return response ? response->status : -1;
}

void TestCachedClientStore::adminChangeTakesEffectAtTheNextTokenRequest_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("status");
    QTest::newRow("secret rotated: old secret refused") << u"rotate"_s << 401;
    QTest::newRow("client deleted") << u"delete"_s << 401;
    QTest::newRow("client_credentials no longer allowed") << u"grant"_s << 400;
    QTest::newRow("made public") << u"public"_s << 401;
    QTest::newRow("name changed: still served") << u"rename"_s << 200;
}

void TestCachedClientStore::adminChangeTakesEffectAtTheNextTokenRequest()
{
    QFETCH(QString, change);
    QFETCH(int, status);
    QVERIFY(startProvider());
    // Twice: the second request is answered with the client from memory.
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), 200);
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), 200);

    const ClientService admin = m_provider->clientService();
    auto current = admin.get(u"service"_s);
    QVERIFY(current.ok());
    Client client = *current;
    if (change == u"rotate"_s) {
        QVERIFY(admin.rotateSecret(u"service"_s, u"test"_s).ok());
    } else if (change == u"delete"_s) {
        QVERIFY(admin.remove(u"service"_s, u"test"_s).ok());
    } else if (change == u"grant"_s) {
        client.grantTypes = {u"authorization_code"_s};
        client.responseTypes = {u"code"_s};
        client.redirectUris = {u"https://service.example/cb"_s};
        QVERIFY(admin.update(client, u"test"_s).ok());
    } else if (change == u"public"_s) {
        client.tokenEndpointAuthMethod = u"none"_s;
        client.grantTypes = {u"authorization_code"_s};
        client.responseTypes = {u"code"_s};
        client.redirectUris = {u"https://service.example/cb"_s};
        QVERIFY(admin.update(client, u"test"_s).ok());
    } else {
        client.clientName = u"Renamed"_s;
        QVERIFY(admin.update(client, u"test"_s).ok());
    }
    // No clock movement: the very next request sees the change.
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), status);
}

void TestCachedClientStore::importTakesEffectAtTheNextTokenRequest()
{
    QVERIFY(startProvider());
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), 200);
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), 200);
    const QString newSecret = u"another-secret-0123456789abcdefghijklmnopqrstuv"_s;
    QVERIFY(m_provider->importService()
                .importJson(importJson(newSecret, {u"client_credentials"_s}), u"test"_s)
                .ok());
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), 401);
    QCOMPARE(tokenStatus(u"service"_s, newSecret), 200);
}

void TestCachedClientStore::otherProcessRevocationTakesEffectWithinTheTtl()
{
    QVERIFY(startProvider());
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), 200);
    // `lanyard import` or a second server removes the client from the shared database.
    auto other = Database::open(m_dir->filePath(u"lanyard.db"_s), m_clock);
    QVERIFY(other.ok());
    {
        QSqlQuery query((*other)->connection());
        QVERIFY(query.prepare(u"DELETE FROM clients WHERE client_id = ?"_s));
        query.addBindValue(u"service"_s);
        QVERIFY(query.exec());
        QCOMPARE(query.numRowsAffected(), 1);
    }
    // Within the TTL this process may still honour the client (README:
    // up to two seconds); at the TTL it must not.
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), 200);
    advanceMs(CachedClientStore::Options{}.ttlMs);
    QCOMPARE(tokenStatus(u"service"_s, ServiceSecret), 401);
}

QTEST_GUILESS_MAIN(TestCachedClientStore)
#include "tst_cachedclientstore.moc"
