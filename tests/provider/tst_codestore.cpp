// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlCodeStore.h"

#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <vector>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

using Outcome = CodeStore::Redemption::Outcome;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

AuthorizationCode code(const QString &hash, const QString &clientId = u"app"_s)
{
    AuthorizationCode c;
    c.codeHash = hash;
    c.clientId = clientId;
    c.subject = u"sub-alice"_s;
    c.redirectUri = u"https://app.example/cb"_s;
    c.scopes = {u"openid"_s, u"profile"_s};
    c.nonce = u"n-0S6_WzA2Mj"_s;
    c.codeChallenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;
    c.codeChallengeMethod = u"S256"_s;
    c.sessionId = u"sid-1"_s;
    c.authTime = T0.addSecs(-30);
    c.amr = {u"pwd"_s};
    c.familyId = u"fam-"_s + hash;
    c.createdAt = T0;
    c.expiresAt = T0.addSecs(60);
    return c;
}

} // namespace

class TestCodeStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void firstRedemptionReturnsEveryField();
    void secondRedemptionIsReplayed();
    void unknownCodeIsNotFound();
    void concurrentRedemptionsHaveOneWinner();
    void redemptionRolledBackWithItsTransaction();
    void duplicateHashConflicts();
    void saveNeedsFields_data();
    void saveNeedsFields();
    void deletingTheClientDeletesItsCodes();
    void purgeDeletesAtMostBatchOfExpired();
    void purgeNeedsBatchAndTime();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlCodeStore> m_store;
};

void TestCodeStore::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlCodeStore>(m_t->db);
    Account account;
    account.subject = u"sub-alice"_s;
    account.username = u"alice"_s;
    QVERIFY(SqlAccountStore(m_t->db).save(account).ok());
    for (const QString &id : {u"app"_s, u"other"_s}) {
        Client client;
        client.clientId = id;
        client.redirectUris = {u"https://app.example/cb"_s};
        QVERIFY(SqlClientStore(m_t->db).save(client).ok());
    }
}

void TestCodeStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestCodeStore::firstRedemptionReturnsEveryField()
{
    const AuthorizationCode c = code(u"hash-1"_s);
    QVERIFY(m_store->save(c).ok());
    const QDateTime now = T0.addSecs(5);
    const auto redeemed = m_store->redeem(c.codeHash, now);
    QVERIFY2(redeemed.ok(), qPrintable(redeemed.error().message));
    QCOMPARE(redeemed->outcome, Outcome::Redeemed);
    const AuthorizationCode &got = redeemed->code;
    QCOMPARE(got.codeHash, c.codeHash);
    QCOMPARE(got.clientId, c.clientId);
    QCOMPARE(got.subject, c.subject);
    QCOMPARE(got.redirectUri, c.redirectUri);
    QCOMPARE(got.scopes, c.scopes);
    QCOMPARE(got.nonce, c.nonce);
    QCOMPARE(got.codeChallenge, c.codeChallenge);
    QCOMPARE(got.codeChallengeMethod, c.codeChallengeMethod);
    QCOMPARE(got.sessionId, c.sessionId);
    QCOMPARE(got.authTime, c.authTime);
    QCOMPARE(got.amr, c.amr);
    QCOMPARE(got.familyId, c.familyId);
    QCOMPARE(got.createdAt, c.createdAt);
    QCOMPARE(got.expiresAt, c.expiresAt);
    QCOMPARE(got.consumedAt, now);
}

void TestCodeStore::secondRedemptionIsReplayed()
{
    const AuthorizationCode c = code(u"hash-1"_s);
    QVERIFY(m_store->save(c).ok());
    QCOMPARE(m_store->redeem(c.codeHash, T0.addSecs(5))->outcome, Outcome::Redeemed);
    const auto again = m_store->redeem(c.codeHash, T0.addSecs(9));
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, Outcome::Replayed);
    // The replay reports the code (for revoking its family) and the first use.
    QCOMPARE(again->code.familyId, c.familyId);
    QCOMPARE(again->code.consumedAt, T0.addSecs(5));
    QCOMPARE(m_store->redeem(c.codeHash, T0.addSecs(10))->outcome, Outcome::Replayed);
}

void TestCodeStore::unknownCodeIsNotFound()
{
    QVERIFY(m_store->save(code(u"hash-1"_s)).ok());
    const auto redeemed = m_store->redeem(u"hash-2"_s, T0);
    QVERIFY(redeemed.ok());
    QCOMPARE(redeemed->outcome, Outcome::NotFound);
    QVERIFY(redeemed->code.codeHash.isEmpty());
    // Looking up an unknown code consumes nothing.
    QCOMPARE(m_store->redeem(u"hash-1"_s, T0)->outcome, Outcome::Redeemed);
}

void TestCodeStore::concurrentRedemptionsHaveOneWinner()
{
    constexpr int Threads = 8;
    constexpr int Rounds = 3;
    for (int round = 0; round < Rounds; ++round) {
        const QString hash = u"race-%1"_s.arg(round);
        QVERIFY(m_store->save(code(hash)).ok());

        QSemaphore ready;
        QSemaphore go;
        QMutex mutex;
        QList<Outcome> outcomes;
        QStringList failures;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < Threads; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                SqlCodeStore store(m_t->db);
                // Open the connection before the start line.
                (void)m_t->db->connection();
                ready.release();
                go.acquire();
                const auto redeemed = store.redeem(hash, T0.addSecs(i));
                QMutexLocker lock(&mutex);
                if (redeemed)
                    outcomes.append(redeemed->outcome);
                else
                    failures.append(redeemed.error().message);
            }));
            threads.back()->start();
        }
        ready.acquire(Threads);
        go.release(Threads);
        for (auto &thread : threads)
            QVERIFY(thread->wait(60'000));

        QCOMPARE(failures, QStringList());
        QCOMPARE(outcomes.size(), Threads);
        QCOMPARE(outcomes.count(Outcome::Redeemed), 1);
        QCOMPARE(outcomes.count(Outcome::Replayed), Threads - 1);
        QCOMPARE(m_store->redeem(hash, T0.addSecs(60))->outcome, Outcome::Replayed);
    }
}

void TestCodeStore::redemptionRolledBackWithItsTransaction()
{
    QVERIFY(m_store->save(code(u"hash-1"_s)).ok());
    {
        Database::Transaction transaction(*m_t->db);
        QCOMPARE(m_store->redeem(u"hash-1"_s, T0)->outcome, Outcome::Redeemed);
        // Issuing the tokens failed: the transaction is not committed.
    }
    QCOMPARE(m_store->redeem(u"hash-1"_s, T0.addSecs(1))->outcome, Outcome::Redeemed);
}

void TestCodeStore::duplicateHashConflicts()
{
    QVERIFY(m_store->save(code(u"hash-1"_s)).ok());
    const auto again = m_store->save(code(u"hash-1"_s, u"other"_s));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, Error::Kind::Conflict);
    QVERIFY2(!again.error().message.contains(u"hash-1"_s), qPrintable(again.error().message));
    QCOMPARE(m_store->redeem(u"hash-1"_s, T0)->code.clientId, u"app"_s);
}

void TestCodeStore::saveNeedsFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("codeHash") << u"codeHash"_s;
    QTest::newRow("clientId") << u"clientId"_s;
    QTest::newRow("subject") << u"subject"_s;
    QTest::newRow("familyId") << u"familyId"_s;
    QTest::newRow("expiresAt") << u"expiresAt"_s;
}

void TestCodeStore::saveNeedsFields()
{
    QFETCH(QString, field);
    AuthorizationCode c = code(u"hash-1"_s);
    if (field == u"codeHash"_s)
        c.codeHash.clear();
    else if (field == u"clientId"_s)
        c.clientId.clear();
    else if (field == u"subject"_s)
        c.subject.clear();
    else if (field == u"familyId"_s)
        c.familyId.clear();
    else
        c.expiresAt = {};
    const auto saved = m_store->save(c);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, Error::Kind::Invalid);
}

void TestCodeStore::deletingTheClientDeletesItsCodes()
{
    QVERIFY(m_store->save(code(u"hash-1"_s)).ok());
    QVERIFY(m_store->save(code(u"hash-2"_s, u"other"_s)).ok());
    QVERIFY(SqlClientStore(m_t->db).remove(u"app"_s).value());
    QCOMPARE(m_store->redeem(u"hash-1"_s, T0)->outcome, Outcome::NotFound);
    QCOMPARE(m_store->redeem(u"hash-2"_s, T0)->outcome, Outcome::Redeemed);
    // An unknown client or account is refused outright.
    QVERIFY(!m_store->save(code(u"hash-3"_s, u"app"_s)).ok());
}

void TestCodeStore::purgeDeletesAtMostBatchOfExpired()
{
    for (int i = 0; i < 5; ++i) {
        AuthorizationCode c = code(u"old-%1"_s.arg(i));
        c.expiresAt = T0.addSecs(i);
        QVERIFY(m_store->save(c).ok());
    }
    QCOMPARE(m_store->redeem(u"old-0"_s, T0)->outcome, Outcome::Redeemed);
    QVERIFY(m_store->save(code(u"live"_s)).ok());
    const QDateTime now = T0.addSecs(4);
    QCOMPARE(m_store->purgeExpired(now, 3).value(), 3);
    QCOMPARE(m_store->purgeExpired(now, 3).value(), 2);
    QCOMPARE(m_store->purgeExpired(now, 3).value(), 0);
    QCOMPARE(m_store->redeem(u"old-0"_s, now)->outcome, Outcome::NotFound);
    QCOMPARE(m_store->redeem(u"old-4"_s, now)->outcome, Outcome::NotFound);
    QCOMPARE(m_store->redeem(u"live"_s, now)->outcome, Outcome::Redeemed);
}

void TestCodeStore::purgeNeedsBatchAndTime()
{
    QCOMPARE(m_store->purgeExpired(T0, 0).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->purgeExpired(QDateTime(), 1).error().kind, Error::Kind::Invalid);
}

QTEST_GUILESS_MAIN(TestCodeStore)
#include "tst_codestore.moc"
