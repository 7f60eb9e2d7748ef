// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlThrottleStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

} // namespace

class TestThrottleStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void failuresSinceCountsFromTheStart();
    void keysAreSeparate();
    void whenDefaultsToClock();
    void clearForgetsOneKey();
    void purgeDeletesAtMostBatchOfOld();
    void invalidArguments();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlThrottleStore> m_store;
};

void TestThrottleStore::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlThrottleStore>(m_t->db);
}

void TestThrottleStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestThrottleStore::failuresSinceCountsFromTheStart()
{
    const QString key = u"account:alice"_s;
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_store->recordFailure(key, T0.addSecs(i * 10)).ok());
    QCOMPARE(m_store->failuresSince(key, T0).value(), 5);
    QCOMPARE(m_store->failuresSince(key, T0.addSecs(20)).value(), 3); // at 20 counts
    QCOMPARE(m_store->failuresSince(key, T0.addSecs(21)).value(), 2);
    QCOMPARE(m_store->failuresSince(key, T0.addSecs(41)).value(), 0);
    // Two failures at the same instant are two failures.
    QVERIFY(m_store->recordFailure(key, T0.addSecs(40)).ok());
    QCOMPARE(m_store->failuresSince(key, T0.addSecs(40)).value(), 2);
}

void TestThrottleStore::keysAreSeparate()
{
    QVERIFY(m_store->recordFailure(u"account:alice"_s, T0).ok());
    QVERIFY(m_store->recordFailure(u"ip:192.0.2.1"_s, T0).ok());
    QVERIFY(m_store->recordFailure(u"ip:192.0.2.1"_s, T0).ok());
    QCOMPARE(m_store->failuresSince(u"account:alice"_s, T0).value(), 1);
    QCOMPARE(m_store->failuresSince(u"ip:192.0.2.1"_s, T0).value(), 2);
    QCOMPARE(m_store->failuresSince(u"account:Alice"_s, T0).value(), 0);
    QCOMPARE(m_store->failuresSince(u"account:%"_s, T0).value(), 0);
}

void TestThrottleStore::whenDefaultsToClock()
{
    m_clock->set(T0.addSecs(100));
    QVERIFY(m_store->recordFailure(u"k"_s, QDateTime()).ok());
    QCOMPARE(m_store->failuresSince(u"k"_s, T0.addSecs(100)).value(), 1);
    QCOMPARE(m_store->failuresSince(u"k"_s, T0.addSecs(101)).value(), 0);
}

void TestThrottleStore::clearForgetsOneKey()
{
    QVERIFY(m_store->recordFailure(u"account:alice"_s, T0).ok());
    QVERIFY(m_store->recordFailure(u"account:bob"_s, T0).ok());
    QVERIFY(m_store->clear(u"account:alice"_s).ok());
    QCOMPARE(m_store->failuresSince(u"account:alice"_s, T0).value(), 0);
    QCOMPARE(m_store->failuresSince(u"account:bob"_s, T0).value(), 1);
    QVERIFY(m_store->clear(u"account:nobody"_s).ok());
}

void TestThrottleStore::purgeDeletesAtMostBatchOfOld()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_store->recordFailure(i % 2 ? u"a"_s : u"b"_s, T0.addSecs(i)).ok());
    QVERIFY(m_store->recordFailure(u"a"_s, T0.addSecs(100)).ok());
    const QDateTime cutoff = T0.addSecs(5);
    QCOMPARE(m_store->purgeOlderThan(cutoff, 2).value(), 2);
    QCOMPARE(m_store->purgeOlderThan(cutoff, 2).value(), 2);
    QCOMPARE(m_store->purgeOlderThan(cutoff, 2).value(), 1);
    QCOMPARE(m_store->purgeOlderThan(cutoff, 2).value(), 0);
    QCOMPARE(m_store->failuresSince(u"a"_s, T0).value(), 1);
    QCOMPARE(m_store->failuresSince(u"b"_s, T0).value(), 0);
}

void TestThrottleStore::invalidArguments()
{
    QCOMPARE(m_store->recordFailure(QString(), T0).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->failuresSince(u"k"_s, QDateTime()).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->purgeOlderThan(T0, 0).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->purgeOlderThan(QDateTime(), 1).error().kind, Error::Kind::Invalid);
}

QTEST_GUILESS_MAIN(TestThrottleStore)
#include "tst_throttlestore.moc"
