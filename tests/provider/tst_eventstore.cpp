// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlEventStore.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

const QDateTime T0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);

Event makeEvent(int secondsAfterT0, const QString &type, bool success, const QString &clientId,
                const QString &subject, const QString &username, const QString &source,
                const char *details)
{
    Event e;
    e.time = T0.addSecs(secondsAfterT0);
    e.type = type;
    e.success = success;
    e.clientId = clientId;
    e.subject = subject;
    e.username = username;
    e.sourceAddress = source;
    e.instance = u"host-a/4242"_s;
    e.details = QJsonDocument::fromJson(QByteArray(details)).object();
    return e;
}

/// The fixture the query table runs on; rows name events by index.
QList<Event> fixture()
{
    return {
        makeEvent(0, u"login.succeeded"_s, true, u"app1"_s, u"s1"_s, u"alice"_s, u"10.0.0.1"_s,
                  R"({"method":"password"})"),
        makeEvent(10, u"login.failed"_s, false, u"app1"_s, QString(), u"bob"_s, u"10.0.0.2"_s,
                  R"({"reason":"bad password"})"),
        makeEvent(20, u"token.issued"_s, true, u"app2"_s, u"s1"_s, u"alice"_s, u"10.0.0.1"_s,
                  R"({"grant":"refresh"})"),
        makeEvent(30, u"token.revoked"_s, true, u"app2"_s, u"s2"_s, u"carol"_s, u"192.168.1.5"_s,
                  R"({})"),
        makeEvent(40, u"client.auth.failed"_s, false, u"app_3"_s, QString(), QString(),
                  u"10.0.0.3"_s, R"({"reason":"100% wrong"})"),
        makeEvent(50, u"admin.changed"_s, true, QString(), QString(), u"admin"_s, u"127.0.0.1"_s,
                  R"({"what":"settings"})"),
        makeEvent(60, u"login.succeeded"_s, true, u"appX3"_s, u"s2"_s, u"Carol!"_s, u"10.0.0.9"_s,
                  R"({"method":"password"})"),
    };
}

void compareEvent(const Event &actual, const Event &expected)
{
    QCOMPARE(actual.time, expected.time);
    QCOMPARE(actual.type, expected.type);
    QCOMPARE(actual.success, expected.success);
    QCOMPARE(actual.clientId, expected.clientId);
    QCOMPARE(actual.subject, expected.subject);
    QCOMPARE(actual.username, expected.username);
    QCOMPARE(actual.sourceAddress, expected.sourceAddress);
    QCOMPARE(actual.instance, expected.instance);
    QCOMPARE(actual.details, expected.details);
}

} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void appendReturnsIncreasingIds();
    void appendNothing();
    void everyFieldRoundTrips();
    void unsetTimeUsesClock();
    void queryFilters_data();
    void queryFilters();
    void pagingNewestFirst();
    void followingOldestFirst();
    void afterIdCombines_data();
    void afterIdCombines();
    void limitIsChecked();
    void purgeDeletesAtMostBatch();
    void purgeNeedsBatchAndCutoff();
    void appendJoinsOuterTransaction();
    void appendIsAllOrNothing();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlEventStore> m_store;
};

void TestEventStore::init()
{
    m_clock = std::make_shared<MockClock>();
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlEventStore>(m_t->db);
}

void TestEventStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestEventStore::appendReturnsIncreasingIds()
{
    QList<Event> events = fixture();
    events[0].id = 999'999; // ignored: the database assigns ids
    const auto ids = m_store->append(events);
    QVERIFY(ids.ok());
    QCOMPARE(ids->size(), events.size());
    for (qsizetype i = 1; i < ids->size(); ++i)
        QVERIFY(ids->at(i) > ids->at(i - 1));
    QVERIFY(ids->first() > 0);
    QVERIFY(ids->first() != 999'999);

    const auto more = m_store->append(fixture());
    QVERIFY(more.ok());
    QVERIFY(more->first() > ids->last());

    EventQuery everything;
    everything.limit = 100;
    const auto stored = m_store->query(everything);
    QCOMPARE(stored->size(), 2 * events.size());
    QCOMPARE(stored->last().id, ids->first());
    QCOMPARE(stored->first().id, more->last());
}

void TestEventStore::appendNothing()
{
    const auto ids = m_store->append({});
    QVERIFY(ids.ok());
    QVERIFY(ids->isEmpty());
}

void TestEventStore::everyFieldRoundTrips()
{
    Event e = makeEvent(
        5, u"consent.granted"_s, true, u"nextcloud"_s, u"9b2f-sub"_s, u"zoë"_s, u"2001:db8::1"_s,
        R"({"scopes":["openid","email"],"nested":{"n":1.5,"b":false},"q":"it's \"x\""})");
    const auto ids = m_store->append({e});
    QVERIFY(ids.ok());
    const auto stored = m_store->query({});
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().id, ids->first());
    compareEvent(stored->first(), e);
    QCOMPARE(stored->first().time.timeSpec(), Qt::UTC);
}

void TestEventStore::unsetTimeUsesClock()
{
    Event e;
    e.type = u"session.ended"_s;
    QVERIFY(m_store->append({e}).ok());
    QCOMPARE(m_store->query({})->first().time, m_clock->now());
}

void TestEventStore::queryFilters_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<int>("success");  // -1: any
    QTest::addColumn<int>("fromSecs"); // -1: unset
    QTest::addColumn<int>("toSecs");   // -1: unset
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("beforeIndex"); // -1: unset; else the id of that fixture event
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<int>>("expected"); // fixture indexes, newest first

    const QStringList none;
    const QString any;
    // clang-format off
    QTest::newRow("everything")          << none << any << any << -1 << -1 << -1 << any << -1 << 200 << QList<int>{6, 5, 4, 3, 2, 1, 0};
    QTest::newRow("one type")            << QStringList{u"login.succeeded"_s} << any << any << -1 << -1 << -1 << any << -1 << 200 << QList<int>{6, 0};
    QTest::newRow("two types")           << QStringList{u"login.failed"_s, u"token.revoked"_s} << any << any << -1 << -1 << -1 << any << -1 << 200 << QList<int>{3, 1};
    QTest::newRow("type is exact")       << QStringList{u"login"_s} << any << any << -1 << -1 << -1 << any << -1 << 200 << QList<int>{};
    QTest::newRow("client")              << none << u"app2"_s << any << -1 << -1 << -1 << any << -1 << 200 << QList<int>{3, 2};
    QTest::newRow("client is exact")     << none << u"app_"_s << any << -1 << -1 << -1 << any << -1 << 200 << QList<int>{};
    QTest::newRow("subject")             << none << any << u"s1"_s << -1 << -1 << -1 << any << -1 << 200 << QList<int>{2, 0};
    QTest::newRow("successes")           << none << any << any << 1 << -1 << -1 << any << -1 << 200 << QList<int>{6, 5, 3, 2, 0};
    QTest::newRow("failures")            << none << any << any << 0 << -1 << -1 << any << -1 << 200 << QList<int>{4, 1};
    QTest::newRow("from is inclusive")   << none << any << any << -1 << 20 << -1 << any << -1 << 200 << QList<int>{6, 5, 4, 3, 2};
    QTest::newRow("to is exclusive")     << none << any << any << -1 << -1 << 20 << any << -1 << 200 << QList<int>{1, 0};
    QTest::newRow("time range")          << none << any << any << -1 << 10 << 40 << any << -1 << 200 << QList<int>{3, 2, 1};
    QTest::newRow("empty range")         << none << any << any << -1 << 41 << 49 << any << -1 << 200 << QList<int>{};
    QTest::newRow("text in type")        << none << any << any << -1 << -1 << -1 << u"revoked"_s << -1 << 200 << QList<int>{3};
    QTest::newRow("text in client")      << none << any << any << -1 << -1 << -1 << u"app1"_s << -1 << 200 << QList<int>{1, 0};
    QTest::newRow("text in username")    << none << any << any << -1 << -1 << -1 << u"bob"_s << -1 << 200 << QList<int>{1};
    QTest::newRow("text ignores case")   << none << any << any << -1 << -1 << -1 << u"CAROL"_s << -1 << 200 << QList<int>{6, 3};
    QTest::newRow("text in source")      << none << any << any << -1 << -1 << -1 << u"192.168"_s << -1 << 200 << QList<int>{3};
    QTest::newRow("text in details")     << none << any << any << -1 << -1 << -1 << u"bad password"_s << -1 << 200 << QList<int>{1};
    QTest::newRow("text not in subject") << none << any << any << -1 << -1 << -1 << u"s2"_s << -1 << 200 << QList<int>{};
    QTest::newRow("percent is literal")  << none << any << any << -1 << -1 << -1 << u"%"_s << -1 << 200 << QList<int>{4};
    QTest::newRow("percent in a word")   << none << any << any << -1 << -1 << -1 << u"0% w"_s << -1 << 200 << QList<int>{4};
    QTest::newRow("underscore literal")  << none << any << any << -1 << -1 << -1 << u"p_3"_s << -1 << 200 << QList<int>{4};
    QTest::newRow("escape char literal") << none << any << any << -1 << -1 << -1 << u"!"_s << -1 << 200 << QList<int>{6};
    QTest::newRow("escape then percent") << none << any << any << -1 << -1 << -1 << u"!%"_s << -1 << 200 << QList<int>{};
    QTest::newRow("quote in text")       << none << any << any << -1 << -1 << -1 << u"'"_s << -1 << 200 << QList<int>{};
    QTest::newRow("combined")            << QStringList{u"login.succeeded"_s, u"token.issued"_s} << any << u"s1"_s << 1 << -1 << -1 << any << -1 << 200 << QList<int>{2, 0};
    QTest::newRow("combined with text")  << none << u"app2"_s << any << 1 << 0 << 100 << u"carol"_s << -1 << 200 << QList<int>{3};
    QTest::newRow("limit")               << none << any << any << -1 << -1 << -1 << any << -1 << 2 << QList<int>{6, 5};
    QTest::newRow("before id")           << none << any << any << -1 << -1 << -1 << any << 3 << 200 << QList<int>{2, 1, 0};
    QTest::newRow("before id, limit")    << none << any << any << -1 << -1 << -1 << any << 3 << 2 << QList<int>{2, 1};
    QTest::newRow("before id, filter")   << QStringList{u"login.succeeded"_s} << any << any << -1 << -1 << -1 << any << 6 << 200 << QList<int>{0};
    QTest::newRow("before the oldest")   << none << any << any << -1 << -1 << -1 << any << 0 << 200 << QList<int>{};
    // clang-format on
}

void TestEventStore::queryFilters()
{
    QFETCH(QStringList, types);
    QFETCH(QString, clientId);
    QFETCH(QString, subject);
    QFETCH(int, success);
    QFETCH(int, fromSecs);
    QFETCH(int, toSecs);
    QFETCH(QString, text);
    QFETCH(int, beforeIndex);
    QFETCH(int, limit);
    QFETCH(QList<int>, expected);

    const auto ids = m_store->append(fixture());
    QVERIFY(ids.ok());

    EventQuery query;
    query.types = types;
    query.clientId = clientId;
    query.subject = subject;
    if (success >= 0)
        query.success = success == 1;
    if (fromSecs >= 0)
        query.from = T0.addSecs(fromSecs);
    if (toSecs >= 0)
        query.to = T0.addSecs(toSecs);
    query.text = text;
    if (beforeIndex >= 0)
        query.beforeId = ids->at(beforeIndex);
    query.limit = limit;

    const auto found = m_store->query(query);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
    QList<qint64> expectedIds;
    for (int index : expected)
        expectedIds.append(ids->at(index));
    QList<qint64> foundIds;
    for (const Event &e : *found)
        foundIds.append(e.id);
    QCOMPARE(foundIds, expectedIds);
    const QList<Event> events = fixture();
    for (qsizetype i = 0; i < found->size(); ++i)
        compareEvent(found->at(i), events.at(expected.at(i)));
}

void TestEventStore::pagingNewestFirst()
{
    QList<Event> events;
    for (int i = 0; i < 25; ++i)
        events.append(
            makeEvent(i, u"token.issued"_s, true, u"app"_s, QString(), QString(), QString(), "{}"));
    const auto ids = m_store->append(events);
    QVERIFY(ids.ok());

    QList<qint64> seen;
    QList<qsizetype> pageSizes;
    EventQuery page;
    page.limit = 10;
    for (int guard = 0; guard < 10; ++guard) {
        const auto found = m_store->query(page);
        QVERIFY(found.ok());
        pageSizes.append(found->size());
        if (found->isEmpty())
            break;
        for (const Event &e : *found)
            seen.append(e.id);
        page.beforeId = found->last().id;
    }
    QCOMPARE(pageSizes, (QList<qsizetype>{10, 10, 5, 0}));
    QList<qint64> newestFirst = *ids;
    std::reverse(newestFirst.begin(), newestFirst.end());
    QCOMPARE(seen, newestFirst);
}

void TestEventStore::followingOldestFirst()
{
    QList<Event> events;
    for (int i = 0; i < 25; ++i)
        events.append(
            makeEvent(i, u"token.issued"_s, true, u"app"_s, QString(), QString(), QString(), "{}"));
    const auto ids = m_store->append(events);
    QVERIFY(ids.ok());

    // From before the first event, as a reader that has seen nothing.
    QList<qint64> seen;
    QList<qsizetype> pageSizes;
    EventQuery page;
    page.afterId = 0;
    page.limit = 10;
    for (int guard = 0; guard < 10; ++guard) {
        const auto found = m_store->query(page);
        QVERIFY2(found.ok(), qPrintable(found.error().message));
        pageSizes.append(found->size());
        if (found->isEmpty())
            break;
        for (const Event &e : *found)
            seen.append(e.id);
        page.afterId = found->last().id;
    }
    QCOMPARE(pageSizes, (QList<qsizetype>{10, 10, 5, 0}));
    QCOMPARE(seen, *ids);
    for (qsizetype i = 0; i < events.size(); ++i) {
        EventQuery one;
        one.afterId = ids->at(i) - 1;
        one.limit = 1;
        const auto found = m_store->query(one);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, ids->at(i));
        compareEvent(found->first(), events.at(i));
    }

    // Nothing newer than the newest; a later event is found alone.
    EventQuery after;
    after.afterId = ids->last();
    QVERIFY(m_store->query(after)->isEmpty());
    const auto later = m_store->append(
        {makeEvent(99, u"login.failed"_s, false, QString(), QString(), u"eve"_s, QString(), "{}")});
    QVERIFY(later.ok());
    const auto found = m_store->query(after);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().id, later->first());
    QCOMPARE(found->first().username, u"eve"_s);
}

void TestEventStore::afterIdCombines_data()
{
    // Fixture indices (ids in append order) after 2, filtered as named.
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<int>("afterIndex");
    QTest::addColumn<int>("beforeIndex"); // -1: unset
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("after 2") << QStringList() << 2 << -1 << 100 << QList<int>{3, 4, 5, 6};
    QTest::newRow("after 2, limit 2: the oldest two")
        << QStringList() << 2 << -1 << 2 << QList<int>{3, 4};
    QTest::newRow("after 2, type")
        << QStringList{u"login.succeeded"_s} << 2 << -1 << 100 << QList<int>{6};
    QTest::newRow("after 0, type")
        << QStringList{u"login.succeeded"_s} << 0 << -1 << 100 << QList<int>{6};
    QTest::newRow("range 1 < id < 5") << QStringList() << 1 << 5 << 100 << QList<int>{2, 3, 4};
    QTest::newRow("empty range") << QStringList() << 3 << 4 << 100 << QList<int>{};
    QTest::newRow("inverted range") << QStringList() << 5 << 2 << 100 << QList<int>{};
    QTest::newRow("after the newest") << QStringList() << 6 << -1 << 100 << QList<int>{};
    QTest::newRow("type not after")
        << QStringList{u"login.failed"_s} << 1 << -1 << 100 << QList<int>{};
}

void TestEventStore::afterIdCombines()
{
    QFETCH(QStringList, types);
    QFETCH(int, afterIndex);
    QFETCH(int, beforeIndex);
    QFETCH(int, limit);
    QFETCH(QList<int>, expected);
    const auto ids = m_store->append(fixture());
    QVERIFY(ids.ok());
    EventQuery query;
    query.types = types;
    query.afterId = ids->at(afterIndex);
    if (beforeIndex >= 0)
        query.beforeId = ids->at(beforeIndex);
    query.limit = limit;
    const auto found = m_store->query(query);
    QVERIFY2(found.ok(), qPrintable(found.error().message));
    QList<qint64> foundIds;
    for (const Event &e : *found)
        foundIds.append(e.id);
    QList<qint64> expectedIds;
    for (int index : expected)
        expectedIds.append(ids->at(index));
    QCOMPARE(foundIds, expectedIds);
}

void TestEventStore::limitIsChecked()
{
    QVERIFY(m_store->append(fixture()).ok());
    EventQuery query;
    query.limit = 0;
    QCOMPARE(m_store->query(query).error().kind, Error::Kind::Invalid);
    query.limit = -5;
    QCOMPARE(m_store->query(query).error().kind, Error::Kind::Invalid);
    query.limit = std::numeric_limits<int>::max(); // lowered, not refused
    QCOMPARE(m_store->query(query)->size(), fixture().size());
    query.afterId = 0;
    query.limit = 0;
    QCOMPARE(m_store->query(query).error().kind, Error::Kind::Invalid);
}

void TestEventStore::purgeDeletesAtMostBatch()
{
    QList<Event> events;
    for (int i = 0; i < 10; ++i)
        events.append(makeEvent(i, u"token.issued"_s, true, QString(), QString(), QString(),
                                QString(), "{}"));
    const auto ids = m_store->append(events);
    QVERIFY(ids.ok());

    // Events 0..6 are older than T0 + 7 s.
    const QDateTime cutoff = T0.addSecs(7);
    QCOMPARE(m_store->purgeOlderThan(cutoff, 3).value(), 3);
    QCOMPARE(m_store->purgeOlderThan(cutoff, 3).value(), 3);
    QCOMPARE(m_store->purgeOlderThan(cutoff, 3).value(), 1);
    QCOMPARE(m_store->purgeOlderThan(cutoff, 3).value(), 0);

    const auto remaining = m_store->query({});
    QVERIFY(remaining.ok());
    QList<qint64> left;
    for (const Event &e : *remaining)
        left.append(e.id);
    QCOMPARE(left, (QList<qint64>{ids->at(9), ids->at(8), ids->at(7)}));

    QCOMPARE(m_store->purgeOlderThan(T0.addSecs(100), 1000).value(), 3);
    QVERIFY(m_store->query({})->isEmpty());
}

void TestEventStore::purgeNeedsBatchAndCutoff()
{
    QVERIFY(m_store->append(fixture()).ok());
    QCOMPARE(m_store->purgeOlderThan(T0.addSecs(100), 0).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->purgeOlderThan(T0.addSecs(100), -1).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->purgeOlderThan(QDateTime(), 10).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->query({})->size(), fixture().size());
}

void TestEventStore::appendJoinsOuterTransaction()
{
    {
        Database::Transaction transaction(*m_t->db);
        QVERIFY(m_store->append(fixture()).ok());
        QVERIFY(m_store->append(fixture()).ok());
        QCOMPARE(m_store->query({})->size(), 2 * fixture().size());
        QVERIFY(m_t->db->inTransaction());
    }
    QVERIFY(m_store->query({})->isEmpty());
    {
        Database::Transaction transaction(*m_t->db);
        QVERIFY(m_store->append(fixture()).ok());
        QVERIFY(transaction.commit().ok());
    }
    QCOMPARE(m_store->query({})->size(), fixture().size());
}

void TestEventStore::appendIsAllOrNothing()
{
    if (TestDatabase::usingPostgres())
        QSKIP("uses a SQLite trigger to fail one insert");
    QSqlQuery trigger(m_t->db->connection());
    QVERIFY(trigger.exec(u"CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.type = 'boom' "
                         "BEGIN SELECT RAISE(ABORT, 'boom'); END"_s));
    QList<Event> events = fixture();
    events.insert(3,
                  makeEvent(0, u"boom"_s, true, QString(), QString(), QString(), QString(), "{}"));
    const auto ids = m_store->append(events);
    QVERIFY(!ids.ok());
    QCOMPARE(ids.error().kind, Error::Kind::Storage);
    QVERIFY(m_store->query({})->isEmpty());
}

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
