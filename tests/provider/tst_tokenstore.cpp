// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlTokenStore.h"

#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

Q_DECLARE_METATYPE(lanyard::TokenRecord::Kind)

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

TokenRecord token(const QString &hash, const QString &familyId, const QString &sessionId = {},
                  qint64 lifetimeSecs = 3600)
{
    TokenRecord t;
    t.tokenHash = hash;
    t.kind = TokenRecord::Kind::RefreshToken;
    t.clientId = u"app"_s;
    t.subject = u"sub-alice"_s;
    t.scopes = {u"openid"_s, u"offline_access"_s};
    t.familyId = familyId;
    t.sessionId = sessionId;
    t.authTime = T0.addSecs(-60);
    t.amr = {u"pwd"_s};
    t.issuedAt = T0;
    t.expiresAt = T0.addSecs(lifetimeSecs);
    return t;
}

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyFieldRoundTrips_data();
    void everyFieldRoundTrips();
    void saveNeedsFields_data();
    void saveNeedsFields();
    void duplicateHashConflicts();
    void markRotatedOnlyOnce();
    void concurrentRotationHasOneWinner();
    void revokeKeepsFirstTime();
    void revokeFamilyCoversStoredTokens();
    void revokeFamilyWithOnlyJwtAccessTokens();
    void revokeSessionSparesOfflineFamilies();
    void revokeSessionNeedsAnId();
    void revokeClientGrantsCoversOnlyThePair();
    void revokeClientGrantsNeedsAccountAndClient();
    void createFamilyConflictsAndNeedsFields();
    void deletingAccountOrClientDeletesTokens();
    void purgeDeletesAtMostBatchOfExpired();
    void purgeKeepsRevocationUntilTheFamilyExpires();
    void purgeNeedsBatchAndTime();
    void accessTokenRevocationByJti();
    void accessTokenRevocationNeedsFields_data();
    void accessTokenRevocationNeedsFields();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlTokenStore> m_store;
};

void TestTokenStore::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlTokenStore>(m_t->db);
    for (const QString &name : {u"alice"_s, u"bob"_s}) {
        Account account;
        account.subject = u"sub-"_s + name;
        account.username = name;
        QVERIFY(SqlAccountStore(m_t->db).save(account).ok());
    }
    for (const QString &id : {u"app"_s, u"service"_s}) {
        Client client;
        client.clientId = id;
        client.redirectUris = {u"https://app.example/cb"_s};
        QVERIFY(SqlClientStore(m_t->db).save(client).ok());
    }
}

void TestTokenStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestTokenStore::everyFieldRoundTrips_data()
{
    QTest::addColumn<TokenRecord::Kind>("kind");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("sessionId");
    QTest::newRow("refresh token")
        << TokenRecord::Kind::RefreshToken << u"sub-alice"_s << u"sid-1"_s;
    QTest::newRow("opaque access token")
        << TokenRecord::Kind::AccessToken << u"sub-alice"_s << u"sid-1"_s;
    QTest::newRow("offline refresh token")
        << TokenRecord::Kind::RefreshToken << u"sub-alice"_s << QString();
    QTest::newRow("client_credentials, no subject")
        << TokenRecord::Kind::AccessToken << QString() << QString();
}

void TestTokenStore::everyFieldRoundTrips()
{
    QFETCH(TokenRecord::Kind, kind);
    QFETCH(QString, subject);
    QFETCH(QString, sessionId);
    TokenRecord t = token(u"hash-1"_s, u"fam-1"_s, sessionId);
    t.kind = kind;
    t.subject = subject;
    t.clientId = u"service"_s;
    t.rotatedAt = T0.addSecs(5);
    t.revokedAt = T0.addSecs(6);
    QVERIFY(m_store->save(t).ok());
    const auto found = m_store->find(t.tokenHash);
    QVERIFY2(found.ok(), qPrintable(found.error().message));
    QVERIFY(found->has_value());
    const TokenRecord &got = **found;
    QCOMPARE(got.tokenHash, t.tokenHash);
    QCOMPARE(got.kind, t.kind);
    QCOMPARE(got.clientId, t.clientId);
    QCOMPARE(got.subject, t.subject);
    QCOMPARE(got.scopes, t.scopes);
    QCOMPARE(got.familyId, t.familyId);
    QCOMPARE(got.sessionId, t.sessionId);
    QCOMPARE(got.authTime, t.authTime);
    QCOMPARE(got.amr, t.amr);
    QCOMPARE(got.issuedAt, t.issuedAt);
    QCOMPARE(got.expiresAt, t.expiresAt);
    QCOMPARE(got.rotatedAt, t.rotatedAt);
    QCOMPARE(got.revokedAt, t.revokedAt);
    QVERIFY(!m_store->find(u"hash-2"_s)->has_value());
}

void TestTokenStore::saveNeedsFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("tokenHash") << u"tokenHash"_s;
    QTest::newRow("clientId") << u"clientId"_s;
    QTest::newRow("familyId") << u"familyId"_s;
    QTest::newRow("expiresAt") << u"expiresAt"_s;
}

void TestTokenStore::saveNeedsFields()
{
    QFETCH(QString, field);
    TokenRecord t = token(u"hash-1"_s, u"fam-1"_s);
    if (field == u"tokenHash"_s)
        t.tokenHash.clear();
    else if (field == u"clientId"_s)
        t.clientId.clear();
    else if (field == u"familyId"_s)
        t.familyId.clear();
    else
        t.expiresAt = {};
    QCOMPARE(m_store->save(t).error().kind, Error::Kind::Invalid);
}

void TestTokenStore::duplicateHashConflicts()
{
    QVERIFY(m_store->save(token(u"hash-1"_s, u"fam-1"_s)).ok());
    const auto again = m_store->save(token(u"hash-1"_s, u"fam-2"_s));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, Error::Kind::Conflict);
    QVERIFY2(!again.error().message.contains(u"hash-1"_s), qPrintable(again.error().message));
    QCOMPARE(m_store->find(u"hash-1"_s)->value().familyId, u"fam-1"_s);
}

void TestTokenStore::markRotatedOnlyOnce()
{
    QVERIFY(m_store->save(token(u"hash-1"_s, u"fam-1"_s)).ok());
    QCOMPARE(m_store->markRotated(u"hash-1"_s, T0.addSecs(10)).value(), true);
    QCOMPARE(m_store->markRotated(u"hash-1"_s, T0.addSecs(20)).value(), false);
    QCOMPARE(m_store->find(u"hash-1"_s)->value().rotatedAt, T0.addSecs(10));
    QCOMPARE(m_store->markRotated(u"hash-x"_s, T0).value(), false);
}

void TestTokenStore::concurrentRotationHasOneWinner()
{
    QVERIFY(m_store->save(token(u"hash-1"_s, u"fam-1"_s)).ok());
    constexpr int Threads = 8;
    QSemaphore ready;
    QSemaphore go;
    std::atomic<int> won{0};
    std::atomic<int> lost{0};
    std::atomic<int> failed{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Threads; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            SqlTokenStore store(m_t->db);
            (void)m_t->db->connection();
            ready.release();
            go.acquire();
            const auto rotated = store.markRotated(u"hash-1"_s, T0.addSecs(i));
            if (!rotated)
                ++failed;
            else if (*rotated)
                ++won;
            else
                ++lost;
        }));
        threads.back()->start();
    }
    ready.acquire(Threads);
    go.release(Threads);
    for (auto &thread : threads)
        QVERIFY(thread->wait(60'000));
    QCOMPARE(failed.load(), 0);
    QCOMPARE(won.load(), 1);
    QCOMPARE(lost.load(), Threads - 1);
}

void TestTokenStore::revokeKeepsFirstTime()
{
    QVERIFY(m_store->save(token(u"hash-1"_s, u"fam-1"_s)).ok());
    QCOMPARE(m_store->revoke(u"hash-1"_s, T0.addSecs(10)).value(), true);
    QCOMPARE(m_store->revoke(u"hash-1"_s, T0.addSecs(20)).value(), true);
    QCOMPARE(m_store->find(u"hash-1"_s)->value().revokedAt, T0.addSecs(10));
    QCOMPARE(m_store->revoke(u"hash-x"_s, T0).value(), false);
    // Revoking one token does not revoke its family.
    QCOMPARE(m_store->isFamilyRevoked(u"fam-1"_s).value(), false);
}

void TestTokenStore::revokeFamilyCoversStoredTokens()
{
    QVERIFY(m_store->save(token(u"r1"_s, u"fam-1"_s)).ok());
    QVERIFY(m_store->save(token(u"r2"_s, u"fam-1"_s)).ok());
    TokenRecord access = token(u"a1"_s, u"fam-1"_s);
    access.kind = TokenRecord::Kind::AccessToken;
    QVERIFY(m_store->save(access).ok());
    QVERIFY(m_store->revoke(u"r1"_s, T0.addSecs(1)).value());
    QVERIFY(m_store->save(token(u"other"_s, u"fam-2"_s)).ok());

    QCOMPARE(m_store->isFamilyRevoked(u"fam-1"_s).value(), false);
    // r1 was revoked already: two more.
    QCOMPARE(m_store->revokeFamily(u"fam-1"_s, T0.addSecs(5)).value(), 2);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-1"_s).value(), true);
    QCOMPARE(m_store->find(u"r1"_s)->value().revokedAt, T0.addSecs(1));
    QCOMPARE(m_store->find(u"r2"_s)->value().revokedAt, T0.addSecs(5));
    QCOMPARE(m_store->find(u"a1"_s)->value().revokedAt, T0.addSecs(5));
    QVERIFY(!m_store->find(u"other"_s)->value().revokedAt.isValid());
    QCOMPARE(m_store->isFamilyRevoked(u"fam-2"_s).value(), false);
    // Again: nothing left to revoke, still revoked.
    QCOMPARE(m_store->revokeFamily(u"fam-1"_s, T0.addSecs(6)).value(), 0);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-1"_s).value(), true);
    QCOMPARE(m_store->revokeFamily(QString(), T0).error().kind, Error::Kind::Invalid);
}

void TestTokenStore::revokeFamilyWithOnlyJwtAccessTokens()
{
    QVERIFY(
        m_store
            ->createFamily(u"fam-jwt"_s, u"app"_s, u"sub-alice"_s, u"sid-1"_s, T0, T0.addSecs(300))
            .ok());
    QCOMPARE(m_store->revokeFamily(u"fam-jwt"_s, T0.addSecs(5)).value(), 0);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-jwt"_s).value(), true);
    // A family nobody recorded (a replayed code whose first use failed) too.
    QCOMPARE(m_store->revokeFamily(u"fam-unknown"_s, T0.addSecs(5)).value(), 0);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-unknown"_s).value(), true);
}

void TestTokenStore::revokeSessionSparesOfflineFamilies()
{
    // fam-a: session s1, a refresh token and its record.
    QVERIFY(
        m_store->createFamily(u"fam-a"_s, u"app"_s, u"sub-alice"_s, u"s1"_s, T0, T0.addSecs(3600))
            .ok());
    QVERIFY(m_store->save(token(u"ra"_s, u"fam-a"_s, u"s1"_s)).ok());
    // fam-b: session s1, JWT access tokens only (no stored token).
    QVERIFY(
        m_store
            ->createFamily(u"fam-b"_s, u"service"_s, u"sub-alice"_s, u"s1"_s, T0, T0.addSecs(300))
            .ok());
    // fam-c: session s1 known only from its stored token (no family record).
    QVERIFY(m_store->save(token(u"rc"_s, u"fam-c"_s, u"s1"_s)).ok());
    // fam-off: offline_access, no session.
    QVERIFY(
        m_store
            ->createFamily(u"fam-off"_s, u"app"_s, u"sub-alice"_s, QString(), T0, T0.addSecs(86400))
            .ok());
    QVERIFY(m_store->save(token(u"roff"_s, u"fam-off"_s)).ok());
    // fam-s2: another session.
    QVERIFY(
        m_store->createFamily(u"fam-s2"_s, u"app"_s, u"sub-bob"_s, u"s2"_s, T0, T0.addSecs(3600))
            .ok());
    TokenRecord bobs = token(u"rs2"_s, u"fam-s2"_s, u"s2"_s);
    bobs.subject = u"sub-bob"_s;
    QVERIFY(m_store->save(bobs).ok());

    QCOMPARE(m_store->revokeSession(u"s1"_s, T0.addSecs(10)).value(), 3);
    for (const QString &family : {u"fam-a"_s, u"fam-b"_s, u"fam-c"_s})
        QVERIFY2(m_store->isFamilyRevoked(family).value(), qPrintable(family));
    QCOMPARE(m_store->find(u"ra"_s)->value().revokedAt, T0.addSecs(10));
    QCOMPARE(m_store->find(u"rc"_s)->value().revokedAt, T0.addSecs(10));

    QCOMPARE(m_store->isFamilyRevoked(u"fam-off"_s).value(), false);
    QVERIFY(!m_store->find(u"roff"_s)->value().revokedAt.isValid());
    QCOMPARE(m_store->isFamilyRevoked(u"fam-s2"_s).value(), false);
    QVERIFY(!m_store->find(u"rs2"_s)->value().revokedAt.isValid());

    QCOMPARE(m_store->revokeSession(u"s-unknown"_s, T0).value(), 0);
}

void TestTokenStore::revokeClientGrantsCoversOnlyThePair()
{
    // alice + app: a session family, an offline family, and one known only
    // from its stored token.
    QVERIFY(
        m_store->createFamily(u"fam-a"_s, u"app"_s, u"sub-alice"_s, u"s1"_s, T0, T0.addSecs(3600))
            .ok());
    QVERIFY(m_store->save(token(u"ra"_s, u"fam-a"_s, u"s1"_s)).ok());
    QVERIFY(
        m_store
            ->createFamily(u"fam-off"_s, u"app"_s, u"sub-alice"_s, QString(), T0, T0.addSecs(86400))
            .ok());
    QVERIFY(m_store->save(token(u"roff"_s, u"fam-off"_s)).ok());
    QVERIFY(m_store->save(token(u"rc"_s, u"fam-c"_s, u"s2"_s)).ok());
    // alice + service, same session: another client's grant.
    QVERIFY(
        m_store
            ->createFamily(u"fam-svc"_s, u"service"_s, u"sub-alice"_s, u"s1"_s, T0, T0.addSecs(300))
            .ok());
    // bob + app: another account's grant.
    QVERIFY(
        m_store->createFamily(u"fam-bob"_s, u"app"_s, u"sub-bob"_s, u"s3"_s, T0, T0.addSecs(3600))
            .ok());
    TokenRecord bobs = token(u"rbob"_s, u"fam-bob"_s, u"s3"_s);
    bobs.subject = u"sub-bob"_s;
    QVERIFY(m_store->save(bobs).ok());
    // client_credentials of app: no account at all.
    QVERIFY(m_store->createFamily(u"fam-cc"_s, u"app"_s, QString(), QString(), T0, T0.addSecs(300))
                .ok());

    QCOMPARE(m_store->revokeClientGrants(u"sub-alice"_s, u"app"_s, T0.addSecs(10)).value(), 3);
    for (const QString &family : {u"fam-a"_s, u"fam-off"_s, u"fam-c"_s})
        QVERIFY2(m_store->isFamilyRevoked(family).value(), qPrintable(family));
    for (const QString &hash : {u"ra"_s, u"roff"_s, u"rc"_s})
        QCOMPARE(m_store->find(hash)->value().revokedAt, T0.addSecs(10));
    for (const QString &family : {u"fam-svc"_s, u"fam-bob"_s, u"fam-cc"_s})
        QVERIFY2(!m_store->isFamilyRevoked(family).value(), qPrintable(family));
    QVERIFY(!m_store->find(u"rbob"_s)->value().revokedAt.isValid());

    // Again: the same families, the first revocation time kept.
    QCOMPARE(m_store->revokeClientGrants(u"sub-alice"_s, u"app"_s, T0.addSecs(20)).value(), 3);
    QCOMPARE(m_store->find(u"ra"_s)->value().revokedAt, T0.addSecs(10));
    QCOMPARE(m_store->revokeClientGrants(u"sub-bob"_s, u"service"_s, T0).value(), 0);
}

void TestTokenStore::revokeClientGrantsNeedsAccountAndClient()
{
    QVERIFY(m_store->createFamily(u"fam-cc"_s, u"app"_s, QString(), QString(), T0, T0.addSecs(300))
                .ok());
    for (const auto &[subject, client] :
         {std::pair{QString(), u"app"_s}, std::pair{u"sub-alice"_s, QString()}}) {
        const auto revoked = m_store->revokeClientGrants(subject, client, T0);
        QVERIFY(!revoked.ok());
        QCOMPARE(revoked.error().kind, Error::Kind::Invalid);
    }
    QVERIFY(!m_store->revokeClientGrants(u"sub-alice"_s, u"app"_s, QDateTime()).ok());
    QCOMPARE(m_store->isFamilyRevoked(u"fam-cc"_s).value(), false);
}

void TestTokenStore::revokeSessionNeedsAnId()
{
    QVERIFY(m_store->save(token(u"roff"_s, u"fam-off"_s)).ok());
    const auto revoked = m_store->revokeSession(QString(), T0);
    QVERIFY(!revoked.ok());
    QCOMPARE(revoked.error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-off"_s).value(), false);
}

void TestTokenStore::createFamilyConflictsAndNeedsFields()
{
    QVERIFY(m_store->createFamily(u"fam-1"_s, u"app"_s, u"sub-alice"_s, u"s1"_s, T0, T0.addSecs(60))
                .ok());
    const auto again =
        m_store->createFamily(u"fam-1"_s, u"app"_s, u"sub-alice"_s, u"s2"_s, T0, T0.addSecs(60));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, Error::Kind::Conflict);
    // client_credentials: no subject.
    QVERIFY(
        m_store->createFamily(u"fam-cc"_s, u"service"_s, QString(), QString(), {}, T0.addSecs(60))
            .ok());
    QCOMPARE(m_store->createFamily(QString(), u"app"_s, {}, {}, T0, T0.addSecs(60)).error().kind,
             Error::Kind::Invalid);
    QCOMPARE(m_store->createFamily(u"f"_s, QString(), {}, {}, T0, T0.addSecs(60)).error().kind,
             Error::Kind::Invalid);
    QCOMPARE(m_store->createFamily(u"f"_s, u"app"_s, {}, {}, T0, QDateTime()).error().kind,
             Error::Kind::Invalid);
    // Unknown client or account: refused by the foreign keys.
    QVERIFY(!m_store->createFamily(u"f"_s, u"nope"_s, {}, {}, T0, T0.addSecs(60)).ok());
    QVERIFY(!m_store->createFamily(u"f"_s, u"app"_s, u"sub-nobody"_s, {}, T0, T0.addSecs(60)).ok());
}

void TestTokenStore::deletingAccountOrClientDeletesTokens()
{
    QVERIFY(m_store->save(token(u"alice-app"_s, u"fam-1"_s)).ok());
    TokenRecord bobs = token(u"bob-app"_s, u"fam-2"_s);
    bobs.subject = u"sub-bob"_s;
    QVERIFY(m_store->save(bobs).ok());
    TokenRecord service = token(u"cc"_s, u"fam-3"_s);
    service.subject.clear();
    service.clientId = u"service"_s;
    QVERIFY(m_store->save(service).ok());

    QVERIFY(SqlAccountStore(m_t->db).remove(u"sub-alice"_s).value());
    QVERIFY(!m_store->find(u"alice-app"_s)->has_value());
    QVERIFY(m_store->find(u"bob-app"_s)->has_value());
    QVERIFY(m_store->find(u"cc"_s)->has_value());

    QVERIFY(SqlClientStore(m_t->db).remove(u"service"_s).value());
    QVERIFY(!m_store->find(u"cc"_s)->has_value());
    QVERIFY(m_store->find(u"bob-app"_s)->has_value());
}

void TestTokenStore::purgeDeletesAtMostBatchOfExpired()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_store->save(token(u"old-%1"_s.arg(i), u"fam-old"_s, {}, i)).ok());
    QVERIFY(m_store->save(token(u"live"_s, u"fam-live"_s, {}, 100)).ok());
    QVERIFY(
        m_store
            ->createFamily(u"fam-expired"_s, u"app"_s, u"sub-alice"_s, u"s1"_s, T0, T0.addSecs(2))
            .ok());
    QVERIFY(
        m_store->createFamily(u"fam-live"_s, u"app"_s, u"sub-alice"_s, u"s1"_s, T0, T0.addSecs(100))
            .ok());
    const QDateTime now = T0.addSecs(3);
    // 4 tokens + 1 family record, 3 at a time.
    QCOMPARE(m_store->purgeExpired(now, 3).value(), 3);
    QCOMPARE(m_store->purgeExpired(now, 3).value(), 2);
    QCOMPARE(m_store->purgeExpired(now, 3).value(), 0);
    for (int i = 0; i < 4; ++i)
        QVERIFY(!m_store->find(u"old-%1"_s.arg(i))->has_value());
    QVERIFY(m_store->find(u"live"_s)->has_value());
    // The expired family record is gone: revoking its session no longer finds it.
    QCOMPARE(m_store->revokeSession(u"s1"_s, now).value(), 1);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-expired"_s).value(), false);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-live"_s).value(), true);
}

void TestTokenStore::purgeKeepsRevocationUntilTheFamilyExpires()
{
    // The family record says 10 s; a later refresh token extends it to 100 s.
    QVERIFY(m_store->createFamily(u"fam-1"_s, u"app"_s, u"sub-alice"_s, u"s1"_s, T0, T0.addSecs(10))
                .ok());
    QVERIFY(m_store->save(token(u"r1"_s, u"fam-1"_s, u"s1"_s, 100)).ok());
    QCOMPARE(m_store->revokeFamily(u"fam-1"_s, T0.addSecs(1)).value(), 1);

    QCOMPARE(m_store->purgeExpired(T0.addSecs(50), 10).value(), 0);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-1"_s).value(), true);
    // At 100 s: the token, the family record and the revocation record.
    QCOMPARE(m_store->purgeExpired(T0.addSecs(100), 10).value(), 3);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-1"_s).value(), false);

    // Nothing known about the family: the revocation record is kept.
    QCOMPARE(m_store->revokeFamily(u"fam-unknown"_s, T0).value(), 0);
    QCOMPARE(m_store->purgeExpired(T0.addYears(10), 10).value(), 0);
    QCOMPARE(m_store->isFamilyRevoked(u"fam-unknown"_s).value(), true);
}

void TestTokenStore::purgeNeedsBatchAndTime()
{
    QCOMPARE(m_store->purgeExpired(T0, 0).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->purgeExpired(QDateTime(), 1).error().kind, Error::Kind::Invalid);
}

void TestTokenStore::accessTokenRevocationByJti()
{
    QCOMPARE(m_store->isAccessTokenRevoked(u"jti-1"_s).value(), false);
    QVERIFY(m_store->revokeAccessToken(u"jti-1"_s, u"app"_s, T0, T0.addSecs(600)).ok());
    // A second revocation keeps the first record (and is no error).
    QVERIFY(m_store->revokeAccessToken(u"jti-1"_s, u"app"_s, T0.addSecs(5), T0.addSecs(900)).ok());
    QCOMPARE(m_store->isAccessTokenRevoked(u"jti-1"_s).value(), true);
    // Revoked alone: nothing else is.
    QCOMPARE(m_store->isAccessTokenRevoked(u"jti-2"_s).value(), false);
    // Kept until the token's exp, then purged with the rest.
    QCOMPARE(m_store->purgeExpired(T0.addSecs(599), 10).value(), 0);
    QCOMPARE(m_store->isAccessTokenRevoked(u"jti-1"_s).value(), true);
    QCOMPARE(m_store->purgeExpired(T0.addSecs(600), 10).value(), 1);
    QCOMPARE(m_store->isAccessTokenRevoked(u"jti-1"_s).value(), false);
}

void TestTokenStore::accessTokenRevocationNeedsFields_data()
{
    QTest::addColumn<QString>("jti");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("expiresAt");
    QTest::newRow("no jti") << QString() << T0 << T0.addSecs(60);
    QTest::newRow("no time") << u"j"_s << QDateTime() << T0.addSecs(60);
    QTest::newRow("no expiry") << u"j"_s << T0 << QDateTime();
}

void TestTokenStore::accessTokenRevocationNeedsFields()
{
    QFETCH(QString, jti);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, expiresAt);
    const auto revoked = m_store->revokeAccessToken(jti, u"app"_s, now, expiresAt);
    QVERIFY(!revoked.ok());
    QCOMPARE(revoked.error().kind, Error::Kind::Invalid);
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
