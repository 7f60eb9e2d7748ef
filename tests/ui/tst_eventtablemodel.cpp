// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "events/EventTableModel.h"
#include "events/EventTypes.h"
#include "store/SqlEventStore.h"

#include <QAbstractItemModelTester>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <vector>

Q_DECLARE_METATYPE(lanyard::EventQuery)

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::EventTableModel;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
constexpr int FixtureSize = 1000;

/// Event number `i` (1-based) of the fixture: four types in turn, seven
/// accounts, three clients, failures for login.failed (whose account is
/// unknown: a username without a subject), one minute apart.
Event fixtureEvent(int i)
{
    static const QLatin1StringView types[] = {event_type::LoginSucceeded, event_type::LoginFailed,
                                              event_type::TokenIssued, event_type::AdminChanged};
    Event event;
    event.type = types[i % 4];
    event.time = T0.addSecs(60LL * i);
    event.success = event.type != event_type::LoginFailed;
    if (event.success) {
        event.username = u"user%1"_s.arg(i % 7);
        event.subject = u"sub-%1"_s.arg(i % 7);
    } else {
        event.username = u"ghost"_s;
    }
    event.clientId = u"app%1"_s.arg(i % 3);
    event.sourceAddress = u"192.0.2.%1"_s.arg(i % 250);
    event.instance = u"host:42"_s;
    event.details = {{u"n"_s, i}, {u"note"_s, u"Row %1"_s.arg(i)}};
    if (i % 100 == 0)
        event.details.insert(u"progress"_s, u"100%"_s);
    return event;
}

/// A Fetch whose answers the test gives, one promise per fetch.
struct ManualFetch
{
    std::vector<std::unique_ptr<QPromise<EventTableModel::Page>>> promises;
    QList<EventQuery> queries;

    EventTableModel::Fetch fetch()
    {
        return [this](const EventQuery &query) {
            auto promise = std::make_unique<QPromise<EventTableModel::Page>>();
            promise->start();
            QFuture<EventTableModel::Page> future = promise->future();
            promises.push_back(std::move(promise));
            queries.append(query);
            return future;
        };
    }
    void answer(size_t index, const EventTableModel::Page &page)
    {
        promises.at(index)->addResult(page);
        promises.at(index)->finish();
    }
};

QList<qint64> ids(const EventTableModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.eventAt(row).id);
    return result;
}

} // namespace

class TestEventTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void fetchesIncrementallyNewestFirst();
    void filtersRunInTheDatabase_data();
    void filtersRunInTheDatabase();
    void liveEventsGoOnTopWhenTheyMatch();
    void liveEventsDuringTheFirstPageAreMergedOnce();
    void staleFetchResultsAreIgnored();
    void oneFetchAtATime();
    void fetchErrorIsReportedAndRetried();
    void columnsAndRoles();

private:
    EventTableModel::Fetch storeFetch() const;
    /// Sets `query` on `model` and fetches until everything is loaded.
    static bool loadAll(EventTableModel &model, const EventQuery &query);

    std::unique_ptr<test::TestDatabase> m_t;
    std::shared_ptr<SqlEventStore> m_store;
    QList<Event> m_fixture;
};

void TestEventTableModel::initTestCase()
{
    m_t = std::make_unique<test::TestDatabase>(std::make_shared<test::MockClock>(T0));
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_shared<SqlEventStore>(m_t->db);
    for (int i = 1; i <= FixtureSize; ++i)
        m_fixture.append(fixtureEvent(i));
    const auto appended = m_store->append(m_fixture);
    QVERIFY2(appended, qPrintable(appended.error().message));
    QCOMPARE(appended->size(), FixtureSize);
    for (int i = 0; i < FixtureSize; ++i)
        m_fixture[i].id = appended->at(i);
}

void TestEventTableModel::cleanupTestCase()
{
    QThreadPool::globalInstance()->waitForDone();
    m_store.reset();
    m_t.reset();
}

EventTableModel::Fetch TestEventTableModel::storeFetch() const
{
    return [store = m_store](const EventQuery &query) {
        return QtConcurrent::run(
            [store, query]() -> EventTableModel::Page { return store->query(query); });
    };
}

bool TestEventTableModel::loadAll(EventTableModel &model, const EventQuery &query)
{
    model.setQuery(query);
    for (int guard = 0; guard < 10'000; ++guard) {
        if (!QTest::qWaitFor([&model] { return !model.isFetching(); }, 10'000))
            return false;
        if (model.isComplete())
            return true;
        if (!model.canFetchMore({}))
            return false;
        model.fetchMore({});
    }
    return false;
}

void TestEventTableModel::fetchesIncrementallyNewestFirst()
{
    EventTableModel model(storeFetch());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(100);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.setQuery({});
    QVERIFY(model.isFetching());
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(model.rowCount(), 100);
    QVERIFY(!model.isComplete());
    QVERIFY(model.canFetchMore({}));
    // The newest hundred, newest first.
    QCOMPARE(model.eventAt(0).id, m_fixture.last().id);
    QCOMPARE(model.eventAt(99).id, m_fixture.at(FixtureSize - 100).id);

    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 200);
    QCOMPARE(inserted.count(), 2);
    // Appended below: rows 100..199.
    QCOMPARE(inserted.last().at(1).toInt(), 100);
    QCOMPARE(inserted.last().at(2).toInt(), 199);

    QVERIFY(loadAll(model, {}));
    QCOMPARE(model.rowCount(), FixtureSize);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
    QList<qint64> expected;
    for (auto it = m_fixture.crbegin(); it != m_fixture.crend(); ++it)
        expected.append(it->id);
    QCOMPARE(ids(model), expected);
    QCOMPARE(model.rowOfId(m_fixture.at(500).id), FixtureSize - 501);
    QCOMPARE(model.rowOfId(999'999), -1);
}

void TestEventTableModel::filtersRunInTheDatabase_data()
{
    QTest::addColumn<EventQuery>("query");
    QTest::addColumn<int>("expected");

    const auto make = [](auto setter) {
        EventQuery query;
        setter(query);
        return query;
    };
    QTest::newRow("type") << make([](EventQuery &q) { q.types = {u"login.failed"_s}; }) << 250;
    QTest::newRow("two types") << make([](EventQuery &q) {
        q.types = {u"login.failed"_s, u"admin.changed"_s};
    }) << 500;
    QTest::newRow("unknown type") << make([](EventQuery &q) { q.types = {u"nope"_s}; }) << 0;
    QTest::newRow("account by username")
        << make([](EventQuery &q) { q.account = u"user3"_s; }) << -1;
    QTest::newRow("account by subject")
        << make([](EventQuery &q) { q.account = u"sub-3"_s; }) << -1;
    QTest::newRow("account without subject")
        << make([](EventQuery &q) { q.account = u"ghost"_s; }) << 250;
    QTest::newRow("account is exact") << make([](EventQuery &q) { q.account = u"user"_s; }) << 0;
    QTest::newRow("client") << make([](EventQuery &q) { q.clientId = u"app1"_s; }) << -1;
    QTest::newRow("failures") << make([](EventQuery &q) { q.success = false; }) << 250;
    QTest::newRow("successes") << make([](EventQuery &q) { q.success = true; }) << 750;
    QTest::newRow("from") << make([](EventQuery &q) { q.from = T0.addSecs(60 * 901); }) << 100;
    QTest::newRow("range is half open") << make([](EventQuery &q) {
        q.from = T0.addSecs(60 * 10);
        q.to = T0.addSecs(60 * 20);
    }) << 10;
    QTest::newRow("text ignores case") << make([](EventQuery &q) { q.text = u"ROW 99"_s; }) << -1;
    QTest::newRow("text in source") << make([](EventQuery &q) { q.text = u"192.0.2.249"_s; }) << 4;
    QTest::newRow("percent is literal") << make([](EventQuery &q) { q.text = u"100%"_s; }) << 10;
    QTest::newRow("underscore is literal") << make([](EventQuery &q) { q.text = u"row_1"_s; }) << 0;
    QTest::newRow("combined") << make([](EventQuery &q) {
        q.types = {u"token.issued"_s};
        q.clientId = u"app2"_s;
        q.text = u"row 5"_s;
    }) << -1;
}

void TestEventTableModel::filtersRunInTheDatabase()
{
    QFETCH(EventQuery, query);
    QFETCH(int, expected);

    EventTableModel model(storeFetch());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(64);
    QVERIFY(loadAll(model, query));

    // What the database returned is exactly what matches() accepts, so live
    // events are filtered as the query filters the stored ones.
    QList<qint64> matching;
    for (auto it = m_fixture.crbegin(); it != m_fixture.crend(); ++it) {
        if (EventTableModel::matches(query, *it))
            matching.append(it->id);
    }
    QCOMPARE(ids(model), matching);
    if (expected >= 0)
        QCOMPARE(model.rowCount(), expected);
    else
        QVERIFY(model.rowCount() > 0);
}

void TestEventTableModel::liveEventsGoOnTopWhenTheyMatch()
{
    EventTableModel model(storeFetch());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(50);
    EventQuery failures;
    failures.success = false;
    model.setQuery(failures);
    QTRY_COMPARE(model.rowCount(), 50);
    const qint64 newest = model.eventAt(0).id;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // As Backend::eventsRecorded delivers them: oldest first, ids set.
    QList<Event> live;
    for (int i = 0; i < 4; ++i) {
        Event event = fixtureEvent(FixtureSize + 1 + i);
        event.id = 100'000 + i;
        live.append(event);
    }
    // Only login.failed matches the filter: event 1001 % 4 == 1.
    QCOMPARE(model.addLiveEvents(live), 1);
    QCOMPARE(model.rowCount(), 51);
    QCOMPARE(model.eventAt(0).id, 100'000);
    QCOMPARE(model.eventAt(1).id, newest);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);

    // Delivered twice, or older than what is shown: nothing new.
    QCOMPARE(model.addLiveEvents(live), 0);
    Event old = fixtureEvent(1);
    old.id = 5;
    QCOMPARE(model.addLiveEvents({old}), 0);

    // Several in one batch: newest on top.
    QList<Event> batch;
    for (int i = 0; i < 3; ++i) {
        Event event = fixtureEvent(1);
        event.id = 200'000 + i;
        batch.append(event);
    }
    QCOMPARE(model.addLiveEvents(batch), 3);
    QCOMPARE(model.eventAt(0).id, 200'002);
    QCOMPARE(model.eventAt(2).id, 200'000);
    QCOMPARE(model.eventAt(3).id, 100'000);
    // Paging goes on below the live rows, from the oldest loaded.
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 104);
    QVERIFY(model.eventAt(103).id < model.eventAt(53).id);
}

void TestEventTableModel::liveEventsDuringTheFirstPageAreMergedOnce()
{
    ManualFetch manual;
    EventTableModel model(manual.fetch());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(10);
    model.setQuery({});
    QCOMPARE(manual.queries.size(), 1);

    Event a = fixtureEvent(1);
    a.id = 2001;
    Event b = fixtureEvent(2);
    b.id = 2002;
    // The first page is still running: held back.
    QCOMPARE(model.addLiveEvents({a, b}), 0);
    QCOMPARE(model.rowCount(), 0);

    // The query saw `a` but ran before `b` was written.
    QList<Event> page{a};
    for (int i = 0; i < 9; ++i) {
        Event e = fixtureEvent(i + 10);
        e.id = 1999 - i;
        page.append(e);
    }
    manual.answer(0, page);
    QTRY_COMPARE(model.rowCount(), 11);
    QCOMPARE(model.eventAt(0).id, 2002);
    QCOMPARE(model.eventAt(1).id, 2001);
    QCOMPARE(model.eventAt(2).id, 1999);
}

void TestEventTableModel::staleFetchResultsAreIgnored()
{
    ManualFetch manual;
    EventTableModel model(manual.fetch());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(5);
    EventQuery first;
    first.types = {u"login.failed"_s};
    model.setQuery(first);
    EventQuery second;
    second.types = {u"token.issued"_s};
    model.setQuery(second);
    QCOMPARE(manual.queries.size(), 2);
    QCOMPARE(manual.queries.at(1).types, second.types);
    QCOMPARE(manual.queries.at(1).beforeId, 0);

    // The answer to the first filter arrives late: dropped.
    Event failed = fixtureEvent(1);
    failed.id = 7;
    manual.answer(0, QList<Event>{failed});
    QTest::qWait(50);
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isFetching());

    Event issued = fixtureEvent(2);
    issued.id = 8;
    manual.answer(1, QList<Event>{issued});
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.eventAt(0).type, u"token.issued"_s);
    QVERIFY(!model.isFetching());
    // A short page: nothing more to fetch.
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(manual.queries.size(), 2);
}

void TestEventTableModel::oneFetchAtATime()
{
    ManualFetch manual;
    EventTableModel model(manual.fetch());
    model.setPageSize(2);
    model.setQuery({});
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(manual.queries.size(), 1);

    Event a = fixtureEvent(1);
    a.id = 50;
    Event b = fixtureEvent(2);
    b.id = 40;
    manual.answer(0, QList<Event>{a, b});
    QTRY_COMPARE(model.rowCount(), 2);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(manual.queries.size(), 2);
    // Keyset pagination: older than the oldest row.
    QCOMPARE(manual.queries.at(1).beforeId, 40);
    QCOMPARE(manual.queries.at(1).limit, 2);
    manual.answer(1, QList<Event>{});
    QTRY_VERIFY(!model.isFetching());
    QVERIFY(model.isComplete());
}

void TestEventTableModel::fetchErrorIsReportedAndRetried()
{
    ManualFetch manual;
    EventTableModel model(manual.fetch());
    QSignalSpy failed(&model, &EventTableModel::fetchFailed);
    model.setQuery({});
    manual.answer(0, Error::storage(u"cannot read events: disk I/O error"_s));
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), u"cannot read events: disk I/O error"_s);
    QCOMPARE(model.lastError(), u"cannot read events: disk I/O error"_s);
    QVERIFY(!model.isFetching());
    // No endless retries from the view.
    QVERIFY(!model.canFetchMore({}));

    model.reload();
    QCOMPARE(manual.queries.size(), 2);
    QVERIFY(model.lastError().isEmpty());
    Event a = fixtureEvent(1);
    a.id = 3;
    manual.answer(1, QList<Event>{a});
    QTRY_COMPARE(model.rowCount(), 1);
}

void TestEventTableModel::columnsAndRoles()
{
    ManualFetch manual;
    EventTableModel model(manual.fetch());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery({});
    Event failed = fixtureEvent(1);
    failed.id = 11;
    Event unknownUser = fixtureEvent(2);
    unknownUser.id = 10;
    unknownUser.username.clear();
    manual.answer(0, QList<Event>{failed, unknownUser});
    QTRY_COMPARE(model.rowCount(), 2);

    QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));
    QCOMPARE(model.headerData(EventTableModel::SourceColumn, Qt::Horizontal).toString(),
             u"Source address"_s);
    const auto text = [&model](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, EventTableModel::TypeColumn), u"login.failed"_s);
    QCOMPARE(text(0, EventTableModel::ResultColumn), u"Failure"_s);
    QCOMPARE(text(0, EventTableModel::AccountColumn), u"ghost"_s);
    QCOMPARE(text(0, EventTableModel::ClientColumn), u"app1"_s);
    QCOMPARE(text(0, EventTableModel::SourceColumn), u"192.0.2.1"_s);
    QCOMPARE(text(0, EventTableModel::InstanceColumn), u"host:42"_s);
    QCOMPARE(text(0, EventTableModel::TimeColumn),
             failed.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    QVERIFY(model.index(0, EventTableModel::ResultColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(text(1, EventTableModel::ResultColumn), u"Success"_s);
    QVERIFY(!model.index(1, EventTableModel::ResultColumn).data(Qt::ForegroundRole).isValid());
    // Without a username, the subject stands for the account.
    QCOMPARE(text(1, EventTableModel::AccountColumn), u"sub-2"_s);
    QCOMPARE(model.index(1, 0).data(EventTableModel::EventIdRole).toLongLong(), 10);
}

QTEST_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
