// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "events/EventTail.h"
#include "store/SqlEventStore.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

/// An EventStore whose reads can be made to fail.
class FlakyEventStore final : public EventStore
{
public:
    explicit FlakyEventStore(std::shared_ptr<EventStore> inner) : m_inner(std::move(inner)) {}
    bool failing = false;
    mutable int queries = 0;
    Result<QList<qint64>, Error> append(const QList<Event> &events) override
    {
        return m_inner->append(events);
    }
    Result<QList<Event>, Error> query(const EventQuery &q) const override
    {
        ++queries;
        if (failing)
            return Error::storage(u"database is locked"_s);
        return m_inner->query(q);
    }
    Result<int, Error> purgeOlderThan(const QDateTime &cutoff, int batch) override
    {
        return m_inner->purgeOlderThan(cutoff, batch);
    }

private:
    std::shared_ptr<EventStore> m_inner;
};

Event makeEvent(const QString &username)
{
    Event e;
    e.type = u"login.succeeded"_s;
    e.username = username;
    return e;
}

/// Every id the spy's appended() signals carried, in order.
QList<qint64> emittedIds(const QSignalSpy &spy)
{
    QList<qint64> ids;
    for (const auto &arguments : spy) {
        for (const Event &e : arguments.first().value<QList<Event>>())
            ids.append(e.id);
    }
    return ids;
}

} // namespace

class TestEventTail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startSkipsWhatIsThere();
    void emptyLogFollowsFromTheFirst();
    void idlePollsEmitNothing();
    void startAfterAnId();
    void longBacklogInPages();
    void missingIdIsWaitedFor();
    void missingIdIsGivenUpAfterTimeout();
    void laterGapsWaitAfterAnEarlierOneIsGivenUp();
    void failedReadIsReportedAndRetried();
    void nothingBeforeStartOrAfterStop();
    void timerPolls();
    void pollSoonMergesRequests();

private:
    /// Inserts an event row with exactly this id (as another writer would
    /// have, with lower ids still uncommitted).
    void insertWithId(qint64 id);
    QList<qint64> append(int count);

    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<SqlEventStore> m_store;
};

void TestEventTail::init()
{
    m_clock = std::make_shared<MockClock>();
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_shared<SqlEventStore>(m_t->db);
}

void TestEventTail::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestEventTail::insertWithId(qint64 id)
{
    QSqlQuery insert(m_t->db->connection());
    QVERIFY(insert.prepare(
        u"INSERT INTO events (id, time, type, success) VALUES (?, 0, 'login.failed', 0)"_s));
    insert.addBindValue(QVariant(static_cast<qlonglong>(id)));
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
}

QList<qint64> TestEventTail::append(int count)
{
    QList<Event> events;
    for (int i = 0; i < count; ++i)
        events.append(makeEvent(u"user%1"_s.arg(i)));
    const auto ids = m_store->append(events);
    if (!ids) {
        qWarning("append failed: %s", qPrintable(ids.error().message));
        return {};
    }
    return *ids;
}

void TestEventTail::startSkipsWhatIsThere()
{
    const QList<qint64> before = append(3);
    QCOMPARE(before.size(), 3);
    EventTail tail(m_store, m_clock);
    QSignalSpy spy(&tail, &EventTail::appended);
    QVERIFY(tail.start().ok());
    QCOMPARE(tail.watermark(), before.last());
    QCOMPARE(tail.poll().value(), 0);
    QVERIFY(spy.isEmpty());

    const QList<qint64> after = append(2);
    QCOMPARE(tail.poll().value(), 2);
    QCOMPARE(spy.size(), 1);
    const auto events = spy.at(0).at(0).value<QList<Event>>();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).id, after.at(0));
    QCOMPARE(events.at(0).username, u"user0"_s);
    QCOMPARE(events.at(1).id, after.at(1));
    QCOMPARE(tail.watermark(), after.last());
    QCOMPARE(tail.poll().value(), 0);
    QCOMPARE(spy.size(), 1);
}

void TestEventTail::emptyLogFollowsFromTheFirst()
{
    EventTail tail(m_store, m_clock);
    QSignalSpy spy(&tail, &EventTail::appended);
    QVERIFY(tail.start().ok());
    QCOMPARE(tail.watermark(), 0);
    const QList<qint64> ids = append(4);
    QCOMPARE(tail.poll().value(), 4);
    QCOMPARE(emittedIds(spy), ids);
}

void TestEventTail::idlePollsEmitNothing()
{
    append(2);
    auto flaky = std::make_shared<FlakyEventStore>(m_store);
    EventTail tail(flaky, m_clock);
    QSignalSpy spy(&tail, &EventTail::appended);
    QSignalSpy failed(&tail, &EventTail::failed);
    QVERIFY(tail.start().ok());
    flaky->queries = 0;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(tail.poll().value(), 0);
    QVERIFY(spy.isEmpty());
    QVERIFY(failed.isEmpty());
    QCOMPARE(flaky->queries, 5); // one query per poll
}

void TestEventTail::startAfterAnId()
{
    const QList<qint64> ids = append(5);
    EventTail tail(m_store, m_clock);
    QSignalSpy spy(&tail, &EventTail::appended);
    tail.startAfter(ids.at(1));
    QCOMPARE(tail.poll().value(), 3);
    QCOMPARE(emittedIds(spy), ids.mid(2));
}

void TestEventTail::longBacklogInPages()
{
    EventTail::Options options;
    options.pageSize = 10;
    options.maxPagesPerPoll = 2;
    EventTail tail(m_store, m_clock, options);
    QSignalSpy spy(&tail, &EventTail::appended);
    QVERIFY(tail.start().ok());
    const QList<qint64> ids = append(45);
    QCOMPARE(tail.poll().value(), 20);
    QCOMPARE(tail.poll().value(), 20);
    QCOMPARE(tail.poll().value(), 5);
    QCOMPARE(tail.poll().value(), 0);
    QCOMPARE(spy.size(), 3);
    QCOMPARE(emittedIds(spy), ids);
}

void TestEventTail::missingIdIsWaitedFor()
{
    EventTail tail(m_store, m_clock);
    QSignalSpy spy(&tail, &EventTail::appended);
    QVERIFY(tail.start().ok());
    // 2 and 4 are taken by writers that have not committed yet.
    insertWithId(1);
    insertWithId(3);
    insertWithId(5);
    QCOMPARE(tail.poll().value(), 3);
    QCOMPARE(emittedIds(spy), (QList<qint64>{1, 3, 5}));
    QCOMPARE(tail.watermark(), 1);
    // Read again behind the gap, never emitted twice.
    QCOMPARE(tail.poll().value(), 0);
    QCOMPARE(spy.size(), 1);

    insertWithId(4);
    QCOMPARE(tail.poll().value(), 1);
    QCOMPARE(tail.watermark(), 1);
    insertWithId(2);
    insertWithId(6);
    QCOMPARE(tail.poll().value(), 2);
    QCOMPARE(emittedIds(spy), (QList<qint64>{1, 3, 5, 4, 2, 6}));
    QCOMPARE(tail.watermark(), 6);
    QCOMPARE(tail.poll().value(), 0);
}

void TestEventTail::missingIdIsGivenUpAfterTimeout()
{
    EventTail::Options options;
    options.gapTimeoutMs = 10'000;
    EventTail tail(m_store, m_clock, options);
    QSignalSpy spy(&tail, &EventTail::appended);
    QVERIFY(tail.start().ok());
    insertWithId(1);
    insertWithId(3); // 2 was rolled back: it never comes
    QCOMPARE(tail.poll().value(), 2);
    QCOMPARE(tail.watermark(), 1);
    m_clock->advance(9);
    QCOMPARE(tail.poll().value(), 0);
    QCOMPARE(tail.watermark(), 1);
    m_clock->advance(1);
    QCOMPARE(tail.poll().value(), 0);
    QCOMPARE(tail.watermark(), 3);

    insertWithId(4);
    QCOMPARE(tail.poll().value(), 1);
    QCOMPARE(tail.watermark(), 4);
    QCOMPARE(emittedIds(spy), (QList<qint64>{1, 3, 4}));
}

void TestEventTail::laterGapsWaitAfterAnEarlierOneIsGivenUp()
{
    EventTail tail(m_store, m_clock);
    QSignalSpy spy(&tail, &EventTail::appended);
    QVERIFY(tail.start().ok());
    insertWithId(2); // 1 missing since now
    QCOMPARE(tail.poll().value(), 1);
    m_clock->advance(5);
    insertWithId(4); // 3 missing since now
    QCOMPARE(tail.poll().value(), 1);
    m_clock->advance(5);
    // 1 has waited 10 s: given up; 3 only 5 s: still waited for.
    QCOMPARE(tail.poll().value(), 0);
    QCOMPARE(tail.watermark(), 2);
    insertWithId(3);
    QCOMPARE(tail.poll().value(), 1);
    QCOMPARE(tail.watermark(), 4);
    QCOMPARE(emittedIds(spy), (QList<qint64>{2, 4, 3}));
}

void TestEventTail::failedReadIsReportedAndRetried()
{
    auto flaky = std::make_shared<FlakyEventStore>(m_store);
    EventTail tail(flaky, m_clock);
    QSignalSpy spy(&tail, &EventTail::appended);
    QSignalSpy failed(&tail, &EventTail::failed);

    // The first position cannot be read: the next poll reads it.
    flaky->failing = true;
    QVERIFY(!tail.start().ok());
    QVERIFY(tail.isActive());
    QVERIFY(!tail.poll().ok());
    QCOMPARE(failed.size(), 1);
    flaky->failing = false;
    QCOMPARE(tail.poll().value(), 0);

    const QList<qint64> ids = append(2);
    flaky->failing = true;
    const auto polled = tail.poll();
    QVERIFY(!polled.ok());
    QCOMPARE(polled.error().message, u"database is locked"_s);
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.at(1).at(0).toString(), u"database is locked"_s);
    QVERIFY(spy.isEmpty());
    flaky->failing = false;
    QCOMPARE(tail.poll().value(), 2);
    QCOMPARE(emittedIds(spy), ids);
}

void TestEventTail::nothingBeforeStartOrAfterStop()
{
    EventTail tail(m_store, m_clock);
    QSignalSpy spy(&tail, &EventTail::appended);
    append(1);
    QCOMPARE(tail.poll().value(), 0);
    QVERIFY(!tail.isActive());
    QVERIFY(tail.start().ok());
    tail.stop();
    QVERIFY(!tail.isActive());
    append(1);
    QCOMPARE(tail.poll().value(), 0);
    QVERIFY(spy.isEmpty());
}

void TestEventTail::timerPolls()
{
    EventTail::Options options;
    options.intervalMs = 20;
    EventTail tail(m_store, m_clock, options);
    QSignalSpy spy(&tail, &EventTail::appended);
    QVERIFY(tail.start().ok());
    const QList<qint64> ids = append(3);
    QTRY_COMPARE_WITH_TIMEOUT(emittedIds(spy), ids, 10'000);
}

void TestEventTail::pollSoonMergesRequests()
{
    EventTail::Options options;
    options.intervalMs = 3'600'000; // the timer stays out of it
    auto flaky = std::make_shared<FlakyEventStore>(m_store);
    EventTail tail(flaky, m_clock, options);
    QSignalSpy spy(&tail, &EventTail::appended);
    QVERIFY(tail.start().ok());
    const QList<qint64> ids = append(2);
    flaky->queries = 0;
    tail.pollSoon();
    tail.pollSoon();
    tail.pollSoon();
    QVERIFY(spy.isEmpty()); // not before the event loop turns
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 10'000);
    QCOMPARE(emittedIds(spy), ids);
    QCoreApplication::processEvents();
    QCOMPARE(flaky->queries, 1);
}

QTEST_GUILESS_MAIN(TestEventTail)
#include "tst_eventtail.moc"
