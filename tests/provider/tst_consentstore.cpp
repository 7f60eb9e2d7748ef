// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlConsentStore.h"

#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <vector>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

Consent consent(const QStringList &scopes, const QDateTime &grantedAt = T0,
                const QString &clientId = u"app"_s)
{
    Consent c;
    c.subject = u"sub-alice"_s;
    c.clientId = clientId;
    c.scopes = scopes;
    c.grantedAt = grantedAt;
    return c;
}

} // namespace

class TestConsentStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void nothingGrantedIsNullopt();
    void grantRoundTrips();
    void grantMergesScopesInStableOrder_data();
    void grantMergesScopesInStableOrder();
    void grantedAtDefaultsToClock();
    void consentIsPerClient();
    void concurrentGrantsKeepEveryScope();
    void revokeSaysWhetherItRevoked();
    void grantNeedsSubjectAndClient();
    void deletingAccountOrClientDeletesConsent();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlConsentStore> m_store;
};

void TestConsentStore::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlConsentStore>(m_t->db);
    Account account;
    account.subject = u"sub-alice"_s;
    account.username = u"alice"_s;
    QVERIFY(SqlAccountStore(m_t->db).save(account).ok());
    for (const QString &id : {u"app"_s, u"wiki"_s}) {
        Client client;
        client.clientId = id;
        client.redirectUris = {u"https://app.example/cb"_s};
        QVERIFY(SqlClientStore(m_t->db).save(client).ok());
    }
}

void TestConsentStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestConsentStore::nothingGrantedIsNullopt()
{
    const auto found = m_store->find(u"sub-alice"_s, u"app"_s);
    QVERIFY(found.ok());
    QVERIFY(!found->has_value());
}

void TestConsentStore::grantRoundTrips()
{
    QVERIFY(m_store->grant(consent({u"openid"_s, u"email"_s})).ok());
    const auto found = m_store->find(u"sub-alice"_s, u"app"_s);
    QVERIFY(found.ok());
    QVERIFY(found->has_value());
    QCOMPARE((*found)->subject, u"sub-alice"_s);
    QCOMPARE((*found)->clientId, u"app"_s);
    QCOMPARE((*found)->scopes, QStringList({u"openid"_s, u"email"_s}));
    QCOMPARE((*found)->grantedAt, T0);
}

void TestConsentStore::grantMergesScopesInStableOrder_data()
{
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("second");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("new scopes appended")
        << QStringList{u"openid"_s, u"profile"_s} << QStringList{u"email"_s, u"groups"_s}
        << QStringList{u"openid"_s, u"profile"_s, u"email"_s, u"groups"_s};
    QTest::newRow("overlap kept once, earlier order wins")
        << QStringList{u"openid"_s, u"profile"_s} << QStringList{u"email"_s, u"openid"_s}
        << QStringList{u"openid"_s, u"profile"_s, u"email"_s};
    QTest::newRow("subset changes nothing")
        << QStringList{u"openid"_s, u"profile"_s} << QStringList{u"profile"_s}
        << QStringList{u"openid"_s, u"profile"_s};
    QTest::newRow("duplicates in one grant dropped")
        << QStringList{u"openid"_s, u"openid"_s} << QStringList{u"email"_s, u"email"_s}
        << QStringList{u"openid"_s, u"email"_s};
    QTest::newRow("empty grant") << QStringList{u"openid"_s} << QStringList{}
                                 << QStringList{u"openid"_s};
}

void TestConsentStore::grantMergesScopesInStableOrder()
{
    QFETCH(QStringList, first);
    QFETCH(QStringList, second);
    QFETCH(QStringList, expected);
    QVERIFY(m_store->grant(consent(first)).ok());
    QVERIFY(m_store->grant(consent(second, T0.addSecs(60))).ok());
    const Consent got = m_store->find(u"sub-alice"_s, u"app"_s).value().value();
    QCOMPARE(got.scopes, expected);
    QCOMPARE(got.grantedAt, T0.addSecs(60));
}

void TestConsentStore::grantedAtDefaultsToClock()
{
    m_clock->set(T0.addSecs(99));
    QVERIFY(m_store->grant(consent({u"openid"_s}, QDateTime())).ok());
    QCOMPARE(m_store->find(u"sub-alice"_s, u"app"_s)->value().grantedAt, T0.addSecs(99));
}

void TestConsentStore::consentIsPerClient()
{
    QVERIFY(m_store->grant(consent({u"openid"_s}, T0, u"app"_s)).ok());
    QVERIFY(m_store->grant(consent({u"email"_s}, T0, u"wiki"_s)).ok());
    QCOMPARE(m_store->find(u"sub-alice"_s, u"app"_s)->value().scopes, QStringList{u"openid"_s});
    QCOMPARE(m_store->find(u"sub-alice"_s, u"wiki"_s)->value().scopes, QStringList{u"email"_s});
    QVERIFY(!m_store->find(u"sub-bob"_s, u"app"_s)->has_value());
}

void TestConsentStore::concurrentGrantsKeepEveryScope()
{
    constexpr int Threads = 8;
    QSemaphore ready;
    QSemaphore go;
    QMutex mutex;
    QStringList failures;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Threads; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            SqlConsentStore store(m_t->db);
            (void)m_t->db->connection();
            ready.release();
            go.acquire();
            for (int round = 0; round < 3; ++round) {
                const auto granted =
                    store.grant(consent({u"openid"_s, u"scope-%1-%2"_s.arg(i).arg(round)}));
                if (!granted) {
                    QMutexLocker lock(&mutex);
                    failures.append(granted.error().message);
                }
            }
        }));
        threads.back()->start();
    }
    ready.acquire(Threads);
    go.release(Threads);
    for (auto &thread : threads)
        QVERIFY(thread->wait(60'000));
    QCOMPARE(failures, QStringList());
    const QStringList scopes = m_store->find(u"sub-alice"_s, u"app"_s)->value().scopes;
    QCOMPARE(scopes.size(), 1 + Threads * 3);
    QCOMPARE(scopes.first(), u"openid"_s);
    for (int i = 0; i < Threads; ++i) {
        for (int round = 0; round < 3; ++round)
            QVERIFY(scopes.contains(u"scope-%1-%2"_s.arg(i).arg(round)));
    }
}

void TestConsentStore::revokeSaysWhetherItRevoked()
{
    QVERIFY(m_store->grant(consent({u"openid"_s}, T0, u"app"_s)).ok());
    QVERIFY(m_store->grant(consent({u"openid"_s}, T0, u"wiki"_s)).ok());
    QCOMPARE(m_store->revoke(u"sub-alice"_s, u"app"_s).value(), true);
    QCOMPARE(m_store->revoke(u"sub-alice"_s, u"app"_s).value(), false);
    QVERIFY(!m_store->find(u"sub-alice"_s, u"app"_s)->has_value());
    QVERIFY(m_store->find(u"sub-alice"_s, u"wiki"_s)->has_value());
    // Granting again starts from nothing.
    QVERIFY(m_store->grant(consent({u"email"_s}, T0, u"app"_s)).ok());
    QCOMPARE(m_store->find(u"sub-alice"_s, u"app"_s)->value().scopes, QStringList{u"email"_s});
}

void TestConsentStore::grantNeedsSubjectAndClient()
{
    Consent noSubject = consent({u"openid"_s});
    noSubject.subject.clear();
    QCOMPARE(m_store->grant(noSubject).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->grant(consent({u"openid"_s}, T0, QString())).error().kind,
             Error::Kind::Invalid);
    // Unknown client: refused by the foreign key.
    QVERIFY(!m_store->grant(consent({u"openid"_s}, T0, u"nope"_s)).ok());
}

void TestConsentStore::deletingAccountOrClientDeletesConsent()
{
    QVERIFY(m_store->grant(consent({u"openid"_s}, T0, u"app"_s)).ok());
    QVERIFY(m_store->grant(consent({u"openid"_s}, T0, u"wiki"_s)).ok());
    QVERIFY(SqlClientStore(m_t->db).remove(u"app"_s).value());
    QVERIFY(!m_store->find(u"sub-alice"_s, u"app"_s)->has_value());
    QVERIFY(m_store->find(u"sub-alice"_s, u"wiki"_s)->has_value());
    QVERIFY(SqlAccountStore(m_t->db).remove(u"sub-alice"_s).value());
    QVERIFY(!m_store->find(u"sub-alice"_s, u"wiki"_s)->has_value());
}

QTEST_GUILESS_MAIN(TestConsentStore)
#include "tst_consentstore.moc"
