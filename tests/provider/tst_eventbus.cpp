// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "events/EventBus.h"
#include "store/SqlEventStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

/// An EventStore that can be told to fail, to prove nothing is lost.
class FlakyEventStore final : public EventStore
{
public:
    explicit FlakyEventStore(std::shared_ptr<EventStore> inner) : m_inner(std::move(inner)) {}
    bool failing = false;
    Result<QList<qint64>, Error> append(const QList<Event> &events) override
    {
        if (failing)
            return Error::storage(u"disk full"_s);
        return m_inner->append(events);
    }
    Result<QList<Event>, Error> query(const EventQuery &q) const override
    {
        return m_inner->query(q);
    }
    Result<int, Error> purgeOlderThan(const QDateTime &cutoff, int batch) override
    {
        return m_inner->purgeOlderThan(cutoff, batch);
    }

private:
    std::shared_ptr<EventStore> m_inner;
};

Event makeEvent(const QString &type)
{
    Event e;
    e.type = type;
    e.clientId = u"app"_s;
    return e;
}

} // namespace

class TestEventBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishStampsAndAnnounces();
    void flushRecordsWithIds();
    void failedBatchIsKept();
    void recorderThreadWritesInBackground();
    void publishFromManyThreads();
};

void TestEventBus::publishStampsAndAnnounces()
{
    auto clock = std::make_shared<test::MockClock>();
    test::TestDatabase t(clock);
    QVERIFY2(t.db, qPrintable(t.error));
    EventBus bus(std::make_shared<SqlEventStore>(t.db), clock);
    QSignalSpy published(&bus, &EventBus::published);
    bus.publish(makeEvent(u"server.started"_s));
    QCOMPARE(published.size(), 1);
    const Event e = published.at(0).at(0).value<Event>();
    QCOMPARE(e.time, clock->now());
    QVERIFY(e.instance.contains(u':'));
    QCOMPARE(e.id, 0); // not recorded yet
}

void TestEventBus::flushRecordsWithIds()
{
    auto clock = std::make_shared<test::MockClock>();
    test::TestDatabase t(clock);
    auto store = std::make_shared<SqlEventStore>(t.db);
    EventBus bus(store, clock);
    QSignalSpy recorded(&bus, &EventBus::recorded);
    bus.publish(makeEvent(u"a.one"_s));
    bus.publish(makeEvent(u"a.two"_s));
    QVERIFY(bus.flush().ok());
    QCOMPARE(recorded.size(), 1);
    const auto batch = recorded.at(0).at(0).value<QList<Event>>();
    QCOMPARE(batch.size(), 2);
    QVERIFY(batch.at(0).id > 0);
    QVERIFY(batch.at(1).id > batch.at(0).id);
    auto stored = store->query({});
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->first().type, u"a.two"_s); // newest first
    QVERIFY(bus.flush().ok());
    QCOMPARE(recorded.size(), 1); // nothing new: no empty batch
}

void TestEventBus::failedBatchIsKept()
{
    auto clock = std::make_shared<test::MockClock>();
    test::TestDatabase t(clock);
    auto flaky = std::make_shared<FlakyEventStore>(std::make_shared<SqlEventStore>(t.db));
    EventBus bus(flaky, clock);
    QSignalSpy failed(&bus, &EventBus::recordFailed);
    flaky->failing = true;
    bus.publish(makeEvent(u"b.first"_s));
    QVERIFY(!bus.flush().ok());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), u"disk full"_s);
    bus.publish(makeEvent(u"b.second"_s));
    flaky->failing = false;
    QVERIFY(bus.flush().ok());
    auto stored = flaky->query({});
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->at(1).type, u"b.first"_s); // order kept
    QCOMPARE(stored->at(0).type, u"b.second"_s);
}

void TestEventBus::recorderThreadWritesInBackground()
{
    auto clock = std::make_shared<test::MockClock>();
    test::TestDatabase t(clock);
    auto store = std::make_shared<SqlEventStore>(t.db);
    EventBus bus(store, clock, EventBus::Options{20, 512});
    QSignalSpy recorded(&bus, &EventBus::recorded);
    bus.startRecorder();
    bus.publish(makeEvent(u"c.one"_s));
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 5000);
    bus.publish(makeEvent(u"c.two"_s));
    bus.stopRecorder(); // writes what is left
    QCOMPARE(store->query({})->size(), 2);
}

void TestEventBus::publishFromManyThreads()
{
    auto clock = std::make_shared<test::MockClock>();
    test::TestDatabase t(clock);
    auto store = std::make_shared<SqlEventStore>(t.db);
    EventBus bus(store, clock, EventBus::Options{10, 64});
    bus.startRecorder();
    QList<QThread *> threads;
    for (int i = 0; i < 4; ++i) {
        threads.append(QThread::create([&bus] {
            for (int n = 0; n < 250; ++n)
                bus.publish(makeEvent(u"d.many"_s));
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    bus.stopRecorder();
    EventQuery all;
    all.limit = 5000;
    QCOMPARE(store->query(all)->size(), 1000);
}

QTEST_GUILESS_MAIN(TestEventBus)
#include "tst_eventbus.moc"
