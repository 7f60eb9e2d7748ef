// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "admin/KeyService.h"
#include "endpoints/JwksSource.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "runtime/MaintenanceJob.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlCodeStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlInteractionStore.h"
#include "store/SqlKeyStore.h"
#include "store/SqlSessionStore.h"
#include "store/SqlThrottleStore.h"
#include "store/SqlTokenStore.h"

#include "events/SessionEndNotifier.h"
#include "logout/SessionTerminator.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

} // namespace

class TestMaintenanceJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void purgesExpiredRowsInBatches();
    void keepsWhatIsStillValid();
    void eventRetention();
    void reloadsTheKeyRingAfterAnExternalChange();
    void promotesDueKeysAndPublishesThem();
    void runsOnItsOwnThread();
    void expiredSessionsEndLikeAnyOther();

private:
    MaintenanceJob::Dependencies dependencies(const ProviderConfig &config = {}) const;
    qint64 rows(const QString &table) const;
    void addSession(const QString &id, qint64 expiresIn);
    void addCode(const QString &hash, qint64 expiresIn);
    void addToken(const QString &hash, qint64 expiresIn);
    void addInteraction(const QString &id, qint64 expiresIn);

    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<SqlKeyStore> m_keys;
    std::shared_ptr<KeyRingHolder> m_ring;
    std::shared_ptr<JwksSource> m_jwks;
    std::unique_ptr<SessionEndNotifier> m_notifier = std::make_unique<SessionEndNotifier>();
};

void TestMaintenanceJob::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_keys = std::make_shared<SqlKeyStore>(m_t->db);
    m_ring = std::make_shared<KeyRingHolder>();
    m_jwks = std::make_shared<JwksSource>();
    Account account;
    account.subject = u"sub-alice"_s;
    account.username = u"alice"_s;
    QVERIFY(SqlAccountStore(m_t->db).save(account).ok());
    Client client;
    client.clientId = u"app"_s;
    client.redirectUris = {u"https://app.example/cb"_s};
    QVERIFY(SqlClientStore(m_t->db).save(client).ok());
    const KeyService keys(
        {m_t->db, m_keys, std::make_shared<SqlClientStore>(m_t->db), m_clock, nullptr}, {});
    QVERIFY(keys.ensureSigningKeys().ok());
}

void TestMaintenanceJob::cleanup()
{
    m_ring.reset();
    m_jwks.reset();
    m_keys.reset();
    m_t.reset();
}

MaintenanceJob::Dependencies TestMaintenanceJob::dependencies(const ProviderConfig &config) const
{
    const auto &db = m_t->db;
    return {m_clock,
            std::make_shared<const KeyService>(
                KeyService::Dependencies{db, m_keys, std::make_shared<SqlClientStore>(db), m_clock,
                                         nullptr},
                config),
            m_ring, m_jwks, std::make_shared<SqlCodeStore>(db), std::make_shared<SqlTokenStore>(db),
            std::make_shared<SqlSessionStore>(db), std::make_shared<SqlInteractionStore>(db),
            std::make_shared<SqlThrottleStore>(db), std::make_shared<SqlEventStore>(db),
            // Expired sessions end through the shared step.
            std::make_shared<const SessionTerminator>(SessionTerminator::Dependencies{
                db, std::make_shared<SqlSessionStore>(db), std::make_shared<SqlTokenStore>(db),
                m_clock, nullptr, m_notifier.get()})};
}

qint64 TestMaintenanceJob::rows(const QString &table) const
{
    QSqlQuery query(m_t->db->connection());
    if (!query.exec(u"SELECT COUNT(*) FROM "_s + table) || !query.next())
        qFatal("cannot count %s", qPrintable(table));
    return query.value(0).toLongLong();
}

void TestMaintenanceJob::addSession(const QString &id, qint64 expiresIn)
{
    Session session;
    session.id = id;
    session.cookieHash = u"cookie-"_s + id;
    session.subject = u"sub-alice"_s;
    session.createdAt = T0.addSecs(-100'000);
    session.expiresAt = T0.addSecs(expiresIn);
    QVERIFY(SqlSessionStore(m_t->db).create(session).ok());
}

void TestMaintenanceJob::addCode(const QString &hash, qint64 expiresIn)
{
    AuthorizationCode code;
    code.codeHash = hash;
    code.clientId = u"app"_s;
    code.subject = u"sub-alice"_s;
    code.familyId = u"family-"_s + hash;
    code.createdAt = T0.addSecs(-100);
    code.expiresAt = T0.addSecs(expiresIn);
    QVERIFY(SqlCodeStore(m_t->db).save(code).ok());
}

void TestMaintenanceJob::addToken(const QString &hash, qint64 expiresIn)
{
    TokenRecord token;
    token.tokenHash = hash;
    token.clientId = u"app"_s;
    token.subject = u"sub-alice"_s;
    token.familyId = u"family-"_s + hash;
    token.issuedAt = T0.addSecs(-100);
    token.expiresAt = T0.addSecs(expiresIn);
    QVERIFY(SqlTokenStore(m_t->db).save(token).ok());
}

void TestMaintenanceJob::addInteraction(const QString &id, qint64 expiresIn)
{
    Interaction interaction;
    interaction.id = id;
    interaction.createdAt = T0.addSecs(-100);
    interaction.expiresAt = T0.addSecs(expiresIn);
    QVERIFY(SqlInteractionStore(m_t->db).save(interaction).ok());
}

void TestMaintenanceJob::purgesExpiredRowsInBatches()
{
    for (int i = 0; i < 7; ++i) {
        addSession(u"expired-session-%1"_s.arg(i), -1 - i);
        addCode(u"expired-code-%1"_s.arg(i), -1 - i);
        addToken(u"expired-token-%1"_s.arg(i), -1 - i);
        addInteraction(u"expired-interaction-%1"_s.arg(i), -1 - i);
        QVERIFY(SqlThrottleStore(m_t->db)
                    .recordFailure(u"account:alice"_s, T0.addSecs(-3600 - i))
                    .ok());
    }
    MaintenanceJob::Options options;
    options.batchSize = 3;
    options.maxBatchesPerRun = 2; // at most 6 rows per kind and run
    options.pauseBetweenBatchesMs = 0;
    options.loginFailureWindowSecs = 900;
    MaintenanceJob job(dependencies(), options);

    auto report = job.runOnce();
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
    QCOMPARE(report.sessions, 6);
    QCOMPARE(report.codes, 6);
    QCOMPARE(report.tokens, 6);
    QCOMPARE(report.interactions, 6);
    QCOMPARE(report.loginFailures, 6);
    QCOMPARE(rows(u"sessions"_s), 1);
    QCOMPARE(rows(u"authorization_codes"_s), 1);
    QCOMPARE(rows(u"interactions"_s), 1);
    QCOMPARE(rows(u"login_failures"_s), 1);

    // The next run takes the rest (tokens: the last token and then the
    // expired family records).
    report = job.runOnce();
    QVERIFY(report.errors.isEmpty());
    QCOMPARE(report.sessions, 1);
    QCOMPARE(report.codes, 1);
    QCOMPARE(report.interactions, 1);
    QCOMPARE(report.loginFailures, 1);
    QCOMPARE(rows(u"sessions"_s), 0);
    QCOMPARE(rows(u"authorization_codes"_s), 0);
    QCOMPARE(rows(u"tokens"_s), 0);
    QCOMPARE(rows(u"interactions"_s), 0);
    QCOMPARE(rows(u"login_failures"_s), 0);
    QCOMPARE(job.runOnce().sessions, 0);
}

void TestMaintenanceJob::keepsWhatIsStillValid()
{
    addSession(u"live"_s, 60);
    addSession(u"dead"_s, 0);
    addCode(u"live"_s, 30);
    addCode(u"dead"_s, -30);
    addToken(u"live"_s, 3600);
    addToken(u"dead"_s, -1);
    addInteraction(u"live"_s, 600);
    addInteraction(u"dead"_s, -600);
    QVERIFY(SqlThrottleStore(m_t->db).recordFailure(u"ip:192.0.2.1"_s, T0.addSecs(-60)).ok());
    QVERIFY(SqlThrottleStore(m_t->db).recordFailure(u"ip:192.0.2.1"_s, T0.addSecs(-901)).ok());
    MaintenanceJob::Options options;
    options.loginFailureWindowSecs = 900;
    MaintenanceJob job(dependencies(), options);
    const auto report = job.runOnce();
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
    QCOMPARE(rows(u"sessions"_s), 1);
    QVERIFY(SqlSessionStore(m_t->db).find(u"live"_s)->has_value());
    QCOMPARE(rows(u"authorization_codes"_s), 1);
    QVERIFY(SqlTokenStore(m_t->db).find(u"live"_s)->has_value());
    QVERIFY(!SqlTokenStore(m_t->db).find(u"dead"_s)->has_value());
    QCOMPARE(rows(u"interactions"_s), 1);
    QCOMPARE(SqlThrottleStore(m_t->db).failuresSince(u"ip:192.0.2.1"_s, T0.addDays(-1)).value(), 1);
}

void TestMaintenanceJob::eventRetention()
{
    QList<Event> old;
    for (int i = 0; i < 7; ++i) {
        Event event;
        event.type = u"login.failed"_s;
        event.time = T0.addDays(-91).addSecs(i);
        old.append(event);
    }
    QList<Event> recent;
    for (int i = 0; i < 3; ++i) {
        Event event;
        event.type = u"login.succeeded"_s;
        event.time = T0.addDays(-89).addSecs(i);
        recent.append(event);
    }
    SqlEventStore store(m_t->db);
    QVERIFY(store.append(old + recent).ok());

    MaintenanceJob::Options options;
    options.eventRetentionDays = 90;
    options.batchSize = 2;
    options.pauseBetweenBatchesMs = 1;
    MaintenanceJob job(dependencies(), options);
    const auto report = job.runOnce();
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
    QCOMPARE(report.events, 7);
    EventQuery query;
    query.limit = 100;
    const auto left = store.query(query);
    QCOMPARE(left->size(), 3);
    for (const Event &event : *left)
        QCOMPARE(event.type, u"login.succeeded"_s);

    // A shorter retention takes more.
    options.eventRetentionDays = 30;
    MaintenanceJob strict(dependencies(), options);
    QCOMPARE(strict.runOnce().events, 3);
    QVERIFY(store.query(query)->isEmpty());
}

void TestMaintenanceJob::reloadsTheKeyRingAfterAnExternalChange()
{
    MaintenanceJob job(dependencies(), {});
    QSignalSpy reloaded(&job, &MaintenanceJob::keyRingReloaded);
    auto report = job.runOnce();
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
    QVERIFY(report.keyRingReloaded);
    QVERIFY(m_ring->current());
    QVERIFY(m_jwks->current());
    const QStringList before = m_ring->current()->publishedKids();
    QCOMPARE(before.size(), 2);
    QCOMPARE(m_jwks->current()->jwksJson, m_ring->current()->jwksJson());

    // Nothing changed: nothing is reloaded.
    QVERIFY(!job.runOnce().keyRingReloaded);
    QCOMPARE(reloaded.size(), 1);

    // Another process (`lanyard keys rotate`) writes a key to the database.
    auto otherStore = std::make_shared<SqlKeyStore>(m_t->db);
    const KeyService other(
        {m_t->db, otherStore, std::make_shared<SqlClientStore>(m_t->db), m_clock, nullptr}, {});
    const auto rotated = other.rotate(u"ES256"_s);
    QVERIFY(rotated.ok());
    report = job.runOnce();
    QVERIFY(report.keyRingReloaded);
    QVERIFY(report.keys.isEmpty()); // not due yet: only published
    QCOMPARE(reloaded.size(), 2);
    QVERIFY(m_ring->current()->publishedKids().contains(rotated->kid));
    QVERIFY(reloaded.last().at(0).toStringList().contains(rotated->kid));
    QVERIFY(m_jwks->current()->jwksJson.contains(rotated->kid.toUtf8()));
    QVERIFY(m_ring->current()->activeKid(u"ES256"_s) != rotated->kid);

    // A retirement elsewhere is followed too.
    QVERIFY(other.retire(rotated->kid).ok());
    QVERIFY(job.runOnce().keyRingReloaded);
    QVERIFY(!m_ring->current()->publishedKids().contains(rotated->kid));
    QVERIFY(!m_jwks->current()->jwksJson.contains(rotated->kid.toUtf8()));
}

void TestMaintenanceJob::promotesDueKeysAndPublishesThem()
{
    ProviderConfig config;
    MaintenanceJob job(dependencies(config), {});
    QVERIFY(job.runOnce().errors.isEmpty());
    const QString oldKid = m_ring->current()->activeKid(u"RS256"_s);
    const KeyService keys(
        {m_t->db, m_keys, std::make_shared<SqlClientStore>(m_t->db), m_clock, nullptr}, config);
    const auto rotated = keys.rotate(u"RS256"_s);
    QVERIFY(rotated.ok());
    QVERIFY(job.runOnce().keyRingReloaded);
    QCOMPARE(m_ring->current()->activeKid(u"RS256"_s), oldKid);

    m_clock->set(keys.signsFrom(*rotated));
    const auto report = job.runOnce();
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
    QCOMPARE(report.keys.activated.size(), 1);
    QVERIFY(report.keyRingReloaded);
    QCOMPARE(m_ring->current()->activeKid(u"RS256"_s), rotated->kid);
    QVERIFY(m_ring->current()->publishedKids().contains(oldKid));
    QCOMPARE(m_jwks->current()->signingAlgorithms, (QStringList{u"RS256"_s, u"ES256"_s}));
}

void TestMaintenanceJob::runsOnItsOwnThread()
{
    MaintenanceJob::Options options;
    options.intervalMs = 50;
    MaintenanceJob job(dependencies(), options);
    QSignalSpy reloaded(&job, &MaintenanceJob::keyRingReloaded);
    QVERIFY(!job.isRunning());
    job.start();
    QVERIFY(job.isRunning());
    // The first run happens at once, off this thread.
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.size(), 1, 10'000);
    QVERIFY(m_ring->current());
    // Later runs follow an external change.
    const KeyService keys({m_t->db, std::make_shared<SqlKeyStore>(m_t->db),
                           std::make_shared<SqlClientStore>(m_t->db), m_clock, nullptr},
                          {});
    const auto rotated = keys.rotate(u"ES256"_s);
    QVERIFY(rotated.ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_ring->current()->publishedKids().contains(rotated->kid), 10'000);
    job.stop();
    QVERIFY(!job.isRunning());
    job.stop(); // idempotent
}

void TestMaintenanceJob::expiredSessionsEndLikeAnyOther()
{
    addSession(u"expired"_s, -1);
    addSession(u"live"_s, 60);
    // A family bound to the expired session (an access token's), and an
    // offline_access family of the same account, which outlives sessions.
    SqlTokenStore tokens(m_t->db);
    QVERIFY(
        tokens
            .createFamily(u"bound"_s, u"app"_s, u"sub-alice"_s, u"expired"_s, T0, T0.addSecs(3600))
            .ok());
    QVERIFY(
        tokens.createFamily(u"offline"_s, u"app"_s, u"sub-alice"_s, {}, T0, T0.addSecs(3600)).ok());
    QSignalSpy ended(m_notifier.get(), &SessionEndNotifier::sessionEnded);
    MaintenanceJob job(dependencies(), {});
    const auto report = job.runOnce();
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
    QCOMPARE(report.sessions, 1);
    // Back-channel logout hears of it, with the reason.
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).value<Session>().id, u"expired"_s);
    QCOMPARE(ended.at(0).at(1).toString(), u"expired"_s);
    QVERIFY(tokens.isFamilyRevoked(u"bound"_s).value());
    QVERIFY(!tokens.isFamilyRevoked(u"offline"_s).value());
    QVERIFY(SqlSessionStore(m_t->db).find(u"live"_s)->has_value());
}

QTEST_GUILESS_MAIN(TestMaintenanceJob)
#include "tst_maintenancejob.moc"
