// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlClientStore.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

Q_DECLARE_METATYPE(lanyard::Client)

namespace {

/// Every stored field, one QCOMPARE each, so a failure names the field.
void compareStored(const Client &actual, const Client &expected)
{
    QCOMPARE(actual.clientId, expected.clientId);
    QCOMPARE(actual.clientName, expected.clientName);
    QCOMPARE(actual.secretHash, expected.secretHash);
    QCOMPARE(actual.redirectUris, expected.redirectUris);
    QCOMPARE(actual.postLogoutRedirectUris, expected.postLogoutRedirectUris);
    QCOMPARE(actual.grantTypes, expected.grantTypes);
    QCOMPARE(actual.responseTypes, expected.responseTypes);
    QCOMPARE(actual.tokenEndpointAuthMethod, expected.tokenEndpointAuthMethod);
    QCOMPARE(actual.scopes, expected.scopes);
    QCOMPARE(actual.requirePkce, expected.requirePkce);
    QCOMPARE(actual.requireConsent, expected.requireConsent);
    QCOMPARE(actual.idTokenSignedResponseAlg, expected.idTokenSignedResponseAlg);
    QCOMPARE(actual.opaqueAccessTokens, expected.opaqueAccessTokens);
    QCOMPARE(actual.rotateRefreshTokens, expected.rotateRefreshTokens);
    QCOMPARE(actual.accessTokenLifetimeSecs, expected.accessTokenLifetimeSecs);
    QCOMPARE(actual.idTokenLifetimeSecs, expected.idTokenLifetimeSecs);
    QCOMPARE(actual.refreshTokenLifetimeSecs, expected.refreshTokenLifetimeSecs);
    QCOMPARE(actual.backchannelLogoutUri, expected.backchannelLogoutUri);
    QCOMPARE(actual.backchannelLogoutSessionRequired, expected.backchannelLogoutSessionRequired);
}

Client client(const QString &id)
{
    Client c;
    c.clientId = id;
    c.clientName = u"App "_s + id;
    c.secretHash = u"$keyed$v1$abc"_s;
    c.redirectUris = {u"https://"_s + id + u".example/callback"_s};
    return c;
}

} // namespace

class TestClientStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roundTrip_data();
    void roundTrip();
    void findMissingIsEmpty();
    void saveStampsTimes();
    void saveKeepsGivenCreatedAtForNewClient();
    void saveReplacesById();
    void listIsOrderedById();
    void removeSaysWhetherItRemoved();
    void emptyIdIsInvalid();
    void unreadableRowIsStorageError();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlClientStore> m_store;
};

void TestClientStore::init()
{
    m_clock = std::make_shared<MockClock>();
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlClientStore>(m_t->db);
}

void TestClientStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestClientStore::roundTrip_data()
{
    QTest::addColumn<Client>("client");

    Client defaults;
    defaults.clientId = u"defaults"_s;
    QTest::newRow("model defaults") << defaults;

    Client publicClient;
    publicClient.clientId = u"native-app"_s;
    publicClient.tokenEndpointAuthMethod = u"none"_s;
    publicClient.redirectUris = {u"http://127.0.0.1/callback"_s, u"com.example.app:/cb"_s};
    publicClient.grantTypes = {u"authorization_code"_s, u"refresh_token"_s};
    QTest::newRow("public client") << publicClient;

    Client everything;
    everything.clientId = u"ñandú-客户端"_s;
    everything.clientName = u"Grafana \"prod\" — 東京"_s;
    everything.secretHash = u"$keyed$v1$c2FsdA$aGFzaA"_s;
    everything.redirectUris = {u"https://grafana.example/login/generic_oauth"_s,
                               u"https://grafana.example/cb?x=1&y=%20"_s};
    everything.postLogoutRedirectUris = {u"https://grafana.example/"_s};
    everything.grantTypes = {u"authorization_code"_s, u"refresh_token"_s, u"client_credentials"_s};
    everything.responseTypes = {u"code"_s};
    everything.tokenEndpointAuthMethod = u"client_secret_post"_s;
    everything.scopes = {u"openid"_s, u"groups"_s, u"offline_access"_s};
    everything.requirePkce = false;
    everything.requireConsent = true;
    everything.idTokenSignedResponseAlg = u"EdDSA"_s;
    everything.opaqueAccessTokens = true;
    everything.rotateRefreshTokens = false;
    everything.accessTokenLifetimeSecs = 300;
    everything.idTokenLifetimeSecs = 600;
    everything.refreshTokenLifetimeSecs = 86400 * 30;
    everything.backchannelLogoutUri = u"https://grafana.example/logout/backchannel"_s;
    everything.backchannelLogoutSessionRequired = false;
    QTest::newRow("every field set") << everything;

    Client emptyLists;
    emptyLists.clientId = u"empty-lists"_s;
    emptyLists.grantTypes = {};
    emptyLists.responseTypes = {};
    emptyLists.scopes = {};
    QTest::newRow("empty lists stay empty") << emptyLists;

    Client awkward;
    awkward.clientId = u"quote'n\"slash\\"_s;
    awkward.clientName = u"'; DROP TABLE clients; --"_s;
    awkward.redirectUris = {u"https://x.example/[\"]"_s, QString(), u"  "_s};
    QTest::newRow("quotes and odd strings") << awkward;
}

void TestClientStore::roundTrip()
{
    QFETCH(Client, client);
    QVERIFY(m_store->save(client).ok());
    const auto found = m_store->find(client.clientId);
    QVERIFY(found.ok());
    QVERIFY(found->has_value());
    compareStored(**found, client);
    if (QTest::currentTestFailed())
        return;
    const auto all = m_store->list();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 1);
    compareStored(all->first(), client);
    QCOMPARE(m_store->count().value(), qint64(1));
}

void TestClientStore::findMissingIsEmpty()
{
    const auto found = m_store->find(u"nobody"_s);
    QVERIFY(found.ok());
    QVERIFY(!found->has_value());
}

void TestClientStore::saveStampsTimes()
{
    const QDateTime first = m_clock->now();
    QVERIFY(m_store->save(client(u"a"_s)).ok());
    auto found = m_store->find(u"a"_s);
    QCOMPARE((*found)->createdAt, first);
    QCOMPARE((*found)->updatedAt, first);
    QCOMPARE((*found)->createdAt.timeSpec(), Qt::UTC);

    m_clock->advance(90);
    Client changed = **found;
    changed.clientName = u"Renamed"_s;
    changed.createdAt = QDateTime(); // what a form that never saw it sends
    QVERIFY(m_store->save(changed).ok());
    found = m_store->find(u"a"_s);
    QCOMPARE((*found)->clientName, u"Renamed"_s);
    QCOMPARE((*found)->createdAt, first);
    QCOMPARE((*found)->updatedAt, first.addSecs(90));
}

void TestClientStore::saveKeepsGivenCreatedAtForNewClient()
{
    Client imported = client(u"imported"_s);
    imported.createdAt = QDateTime::fromMSecsSinceEpoch(1'600'000'000'123, Qt::UTC);
    QVERIFY(m_store->save(imported).ok());
    const auto found = m_store->find(u"imported"_s);
    QCOMPARE((*found)->createdAt, imported.createdAt);
    QCOMPARE((*found)->updatedAt, m_clock->now());
}

void TestClientStore::saveReplacesById()
{
    QVERIFY(m_store->save(client(u"a"_s)).ok());
    Client replacement = client(u"a"_s);
    replacement.redirectUris = {u"https://new.example/cb"_s};
    replacement.scopes = {u"openid"_s};
    replacement.requirePkce = false;
    QVERIFY(m_store->save(replacement).ok());
    QCOMPARE(m_store->count().value(), qint64(1));
    const auto found = m_store->find(u"a"_s);
    compareStored(**found, replacement);
}

void TestClientStore::listIsOrderedById()
{
    for (const QString &id : {u"zeta"_s, u"alpha"_s, u"mid"_s})
        QVERIFY(m_store->save(client(id)).ok());
    const auto all = m_store->list();
    QVERIFY(all.ok());
    QStringList ids;
    for (const Client &c : *all)
        ids.append(c.clientId);
    QCOMPARE(ids, (QStringList{u"alpha"_s, u"mid"_s, u"zeta"_s}));
    QCOMPARE(m_store->count().value(), qint64(3));
}

void TestClientStore::removeSaysWhetherItRemoved()
{
    QVERIFY(m_store->save(client(u"a"_s)).ok());
    QVERIFY(m_store->save(client(u"b"_s)).ok());
    QCOMPARE(m_store->remove(u"a"_s).value(), true);
    QCOMPARE(m_store->remove(u"a"_s).value(), false);
    QVERIFY(!m_store->find(u"a"_s)->has_value());
    QVERIFY(m_store->find(u"b"_s)->has_value());
    QCOMPARE(m_store->count().value(), qint64(1));
}

void TestClientStore::emptyIdIsInvalid()
{
    const auto saved = m_store->save(Client());
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->count().value(), qint64(0));
}

void TestClientStore::unreadableRowIsStorageError()
{
    QVERIFY(m_store->save(client(u"a"_s)).ok());
    QSqlQuery corrupt(m_t->db->connection());
    QVERIFY(corrupt.exec(u"UPDATE clients SET scopes = 'openid profile'"_s));
    const auto found = m_store->find(u"a"_s);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().kind, Error::Kind::Storage);
    QVERIFY2(found.error().message.contains(u"scopes"_s), qPrintable(found.error().message));
    QVERIFY(!m_store->list().ok());
}

QTEST_GUILESS_MAIN(TestClientStore)
#include "tst_clientstore.moc"
