// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlInteractionStore.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

Interaction interaction(const QString &id, qint64 lifetimeSecs = 600)
{
    Interaction i;
    i.id = id;
    i.request = QJsonObject{{u"client_id"_s, u"app"_s},
                            {u"redirect_uri"_s, u"https://app.example/cb?x=1&y=\"2\""_s},
                            {u"scope"_s, u"openid profile"_s},
                            {u"state"_s, u"xyz"_s},
                            {u"max_age"_s, 300},
                            {u"claims_locales"_s, QJsonArray{u"de"_s, u"zh-CN"_s}}};
    i.csrfToken = u"csrf-"_s + id;
    i.createdAt = T0;
    i.expiresAt = T0.addSecs(lifetimeSecs);
    return i;
}

} // namespace

class TestInteractionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyFieldRoundTrips();
    void saveReplacesAndKeepsCreatedAt();
    void createdAtDefaultsToClock();
    void findIgnoresExpired();
    void removeSaysWhetherItRemoved();
    void saveNeedsIdAndExpiry();
    void purgeDeletesAtMostBatchOfExpired();
    void purgeNeedsBatchAndTime();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlInteractionStore> m_store;
};

void TestInteractionStore::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlInteractionStore>(m_t->db);
}

void TestInteractionStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestInteractionStore::everyFieldRoundTrips()
{
    Interaction i = interaction(u"int-1"_s);
    i.subject = u"sub-alice"_s;
    i.sessionId = u"sid-1"_s;
    QVERIFY(m_store->save(i).ok());
    const auto found = m_store->find(i.id, T0);
    QVERIFY(found.ok());
    QVERIFY(found->has_value());
    const Interaction &got = **found;
    QCOMPARE(got.id, i.id);
    QCOMPARE(got.request, i.request);
    QCOMPARE(got.csrfToken, i.csrfToken);
    QCOMPARE(got.subject, i.subject);
    QCOMPARE(got.sessionId, i.sessionId);
    QCOMPARE(got.createdAt, i.createdAt);
    QCOMPARE(got.expiresAt, i.expiresAt);
    QVERIFY(!m_store->find(u"int-2"_s, T0)->has_value());
}

void TestInteractionStore::saveReplacesAndKeepsCreatedAt()
{
    QVERIFY(m_store->save(interaction(u"int-1"_s)).ok());
    Interaction afterLogin = interaction(u"int-1"_s, 900);
    afterLogin.createdAt = T0.addSecs(30);
    afterLogin.subject = u"sub-alice"_s;
    afterLogin.sessionId = u"sid-1"_s;
    afterLogin.request.insert(u"prompt"_s, u"consent"_s);
    QVERIFY(m_store->save(afterLogin).ok());
    const Interaction got = m_store->find(u"int-1"_s, T0).value().value();
    QCOMPARE(got.subject, u"sub-alice"_s);
    QCOMPARE(got.sessionId, u"sid-1"_s);
    QCOMPARE(got.request.value(u"prompt"_s).toString(), u"consent"_s);
    QCOMPARE(got.expiresAt, T0.addSecs(900));
    QCOMPARE(got.createdAt, T0);
}

void TestInteractionStore::createdAtDefaultsToClock()
{
    Interaction i = interaction(u"int-1"_s);
    i.createdAt = {};
    m_clock->set(T0.addSecs(7));
    QVERIFY(m_store->save(i).ok());
    QCOMPARE(m_store->find(i.id, T0)->value().createdAt, T0.addSecs(7));
}

void TestInteractionStore::findIgnoresExpired()
{
    QVERIFY(m_store->save(interaction(u"int-1"_s, 60)).ok());
    QVERIFY(m_store->find(u"int-1"_s, T0.addSecs(59))->has_value());
    QVERIFY(!m_store->find(u"int-1"_s, T0.addSecs(60))->has_value());
    QVERIFY(!m_store->find(u"int-1"_s, T0.addSecs(61))->has_value());
}

void TestInteractionStore::removeSaysWhetherItRemoved()
{
    QVERIFY(m_store->save(interaction(u"int-1"_s)).ok());
    QCOMPARE(m_store->remove(u"int-1"_s).value(), true);
    QCOMPARE(m_store->remove(u"int-1"_s).value(), false);
    QVERIFY(!m_store->find(u"int-1"_s, T0)->has_value());
}

void TestInteractionStore::saveNeedsIdAndExpiry()
{
    Interaction noId = interaction(u"int-1"_s);
    noId.id.clear();
    QCOMPARE(m_store->save(noId).error().kind, Error::Kind::Invalid);
    Interaction noExpiry = interaction(u"int-1"_s);
    noExpiry.expiresAt = {};
    QCOMPARE(m_store->save(noExpiry).error().kind, Error::Kind::Invalid);
}

void TestInteractionStore::purgeDeletesAtMostBatchOfExpired()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_store->save(interaction(u"old-%1"_s.arg(i), i)).ok());
    QVERIFY(m_store->save(interaction(u"live"_s, 100)).ok());
    const QDateTime now = T0.addSecs(4);
    QCOMPARE(m_store->purgeExpired(now, 2).value(), 2);
    QCOMPARE(m_store->purgeExpired(now, 2).value(), 2);
    QCOMPARE(m_store->purgeExpired(now, 2).value(), 1);
    QCOMPARE(m_store->purgeExpired(now, 2).value(), 0);
    QVERIFY(m_store->find(u"live"_s, now)->has_value());
    // Gone, not just hidden: an earlier `now` does not bring them back.
    QVERIFY(!m_store->find(u"old-4"_s, T0)->has_value());
}

void TestInteractionStore::purgeNeedsBatchAndTime()
{
    QCOMPARE(m_store->purgeExpired(T0, 0).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->purgeExpired(QDateTime(), 1).error().kind, Error::Kind::Invalid);
}

QTEST_GUILESS_MAIN(TestInteractionStore)
#include "tst_interactionstore.moc"
