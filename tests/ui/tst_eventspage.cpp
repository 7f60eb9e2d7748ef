// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "events/EventBus.h"
#include "events/EventFilterBar.h"
#include "events/EventTableModel.h"
#include "events/EventTypes.h"
#include "events/EventsPage.h"
#include "store/EventStore.h"
#include "widgets/EmptyState.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::EventExporter;
using lanyard::ui::EventsPage;
using lanyard::ui::EventTableModel;

namespace {

/// Appends `events` through the store, off the GUI thread; returns their ids.
QList<qint64> append(ui::Backend *backend, const QList<Event> &events)
{
    const auto ids = test::BackendFixture::wait(
        backend->run([store = backend->eventStore(), events] { return store->append(events); }));
    if (!ids) {
        qWarning("cannot append events: %s", qPrintable(ids.error().message));
        return {};
    }
    return *ids;
}

Event filler(int i)
{
    Event event;
    event.type = QString(event_type::TokenIssued);
    event.clientId = u"filler"_s;
    event.username = u"user%1"_s.arg(i);
    event.time = QDateTime::currentDateTimeUtc().addSecs(-3600 + i);
    event.details = {{u"n"_s, i}};
    return event;
}

/// The event shown in the top row of the viewport.
qint64 topVisibleId(const EventsPage &page)
{
    const int row = page.view()->rowAt(0);
    return row < 0 ? -1 : page.model()->eventAt(row).id;
}

/// The row of the first event (from the top) with `username`, or -1.
int rowOfUser(const EventsPage &page, const QString &username)
{
    for (int row = 0; row < page.model()->rowCount(); ++row) {
        if (page.model()->eventAt(row).username == username)
            return row;
    }
    return -1;
}

bool loaded(const EventsPage &page)
{
    return QTest::qWaitFor(
        [&page] { return !page.model()->isFetching() && page.model()->rowCount() > 0; }, 10'000);
}

} // namespace

class TestEventsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void liveEventReachesThePage();
    void scrolledAwayCountsNewEventsWithoutJumping();
    void atTheTopNewEventsShowAtOnce();
    void detailsShowTheSelectedEventsJson();
    void filtersQueryTheDatabase();
    void emptyStateOffersToClearFilters();
    void exportWritesEveryMatchingEventExactly();
    void exportIncludesEventsNotLoaded();

private:
    std::unique_ptr<test::BackendFixture> m_fixture;
    std::unique_ptr<EventsPage> m_page;
};

void TestEventsPage::init()
{
    m_fixture = std::make_unique<test::BackendFixture>();
    QVERIFY(m_fixture->start());
    m_page = std::make_unique<EventsPage>(m_fixture->backend());
    m_page->resize(1000, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestEventsPage::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

void TestEventsPage::liveEventReachesThePage()
{
    QVERIFY(loaded(*m_page)); // server.started, key.generated, ...
    Event event;
    event.type = QString(event_type::LoginFailed);
    event.success = false;
    event.username = u"mallory"_s;
    event.sourceAddress = u"203.0.113.9"_s;
    m_fixture->backend()->events()->publish(event);

    QTRY_VERIFY_WITH_TIMEOUT(rowOfUser(*m_page, u"mallory"_s) >= 0, 10'000);
    const int row = rowOfUser(*m_page, u"mallory"_s);
    // At the top, unless something even newer came.
    QVERIFY(row < 3);
    const Event &shown = m_page->model()->eventAt(row);
    QCOMPARE(shown.type, u"login.failed"_s);
    QVERIFY(shown.id > 0);
    QCOMPARE(m_page->model()->index(row, EventTableModel::SourceColumn).data().toString(),
             u"203.0.113.9"_s);
    QCOMPARE(m_page->unseenCount(), 0);
}

void TestEventsPage::scrolledAwayCountsNewEventsWithoutJumping()
{
    QList<Event> events;
    for (int i = 0; i < 300; ++i)
        events.append(filler(i));
    QCOMPARE(append(m_fixture->backend(), events).size(), 300);
    m_page->model()->reload();
    QVERIFY(loaded(*m_page));
    QVERIFY(m_page->model()->rowCount() >= 300);

    QTableView *view = m_page->view();
    // Once the view has laid the rows out.
    QTRY_VERIFY(view->verticalScrollBar()->maximum() >= 100);
    view->scrollTo(m_page->model()->index(100, 0), QAbstractItemView::PositionAtTop);
    QTRY_COMPARE(view->rowAt(0), 100);
    const qint64 reading = topVisibleId(*m_page);
    const int rowsBefore = m_page->model()->rowCount();
    auto *button = m_page->findChild<QPushButton *>(u"newEventsButton"_s);
    QVERIFY(button);
    QVERIFY(button->isHidden());

    for (int i = 0; i < 3; ++i) {
        Event event;
        event.type = QString(event_type::LoginSucceeded);
        event.username = u"new%1"_s.arg(i);
        m_fixture->backend()->events()->publish(event);
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->rowCount() >= rowsBefore + 3, 10'000);
    QTest::qWait(100); // let the view lay itself out again
    // Counted, and the rows being read did not move.
    QCOMPARE(m_page->unseenCount(), m_page->model()->rowCount() - rowsBefore);
    QCOMPARE(topVisibleId(*m_page), reading);
    QVERIFY(button->isVisible());
    QVERIFY2(button->text().contains(QString::number(m_page->unseenCount())),
             qPrintable(button->text()));

    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(view->verticalScrollBar()->value(), 0);
    QCOMPARE(view->rowAt(0), 0);
    // The newest on top, the three among them (other events may come too).
    QStringList newest;
    for (int row = 0; row < m_page->model()->rowCount() - rowsBefore; ++row)
        newest.append(m_page->model()->eventAt(row).username);
    QVERIFY2(newest.contains(u"new2"_s) && newest.contains(u"new0"_s),
             qPrintable(newest.join(u',')));
    QVERIFY(m_page->model()->eventAt(0).id > m_page->model()->eventAt(1).id);
    QCOMPARE(m_page->unseenCount(), 0);
    QVERIFY(button->isHidden());
}

void TestEventsPage::atTheTopNewEventsShowAtOnce()
{
    QVERIFY(loaded(*m_page));
    QCOMPARE(m_page->view()->verticalScrollBar()->value(), 0);
    Event event;
    event.type = QString(event_type::TokenIssued);
    event.clientId = u"intranet"_s;
    event.username = u"walter"_s;
    m_fixture->backend()->events()->publish(event);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfUser(*m_page, u"walter"_s) >= 0, 10'000);
    QVERIFY(rowOfUser(*m_page, u"walter"_s) < 3);
    QTest::qWait(50);
    QCOMPARE(m_page->view()->verticalScrollBar()->value(), 0);
    QCOMPARE(m_page->view()->rowAt(0), 0);
    QCOMPARE(m_page->unseenCount(), 0);
    QVERIFY(m_page->findChild<QPushButton *>(u"newEventsButton"_s)->isHidden());
}

void TestEventsPage::detailsShowTheSelectedEventsJson()
{
    Event event = filler(1);
    event.details = {{u"grant_type"_s, u"authorization_code"_s}};
    const QList<qint64> ids = append(m_fixture->backend(), {event});
    QCOMPARE(ids.size(), 1);
    m_page->model()->reload();
    QVERIFY(loaded(*m_page));
    auto *details = m_page->findChild<QPlainTextEdit *>(u"eventDetails"_s);
    QVERIFY(details);
    QVERIFY(details->toPlainText().isEmpty());
    QTRY_VERIFY(m_page->model()->rowOfId(ids.first()) >= 0);
    m_page->view()->setCurrentIndex(
        m_page->model()->index(m_page->model()->rowOfId(ids.first()), 0));
    const QString text = details->toPlainText();
    QVERIFY2(text.contains(u"\"grant_type\": \"authorization_code\""_s), qPrintable(text));
    QVERIFY(text.contains(u"\"type\": \"token.issued\""_s));
    QVERIFY(text.count(u'\n') > 3); // pretty-printed
}

void TestEventsPage::filtersQueryTheDatabase()
{
    QList<Event> events;
    for (int i = 0; i < 5; ++i) {
        Event event = filler(i);
        event.type = QString(i % 2 ? event_type::LoginFailed : event_type::ConsentGranted);
        event.success = i % 2 == 0;
        event.clientId = u"crm"_s;
        events.append(event);
    }
    QCOMPARE(append(m_fixture->backend(), events).size(), 5);
    m_page->model()->reload();
    QVERIFY(loaded(*m_page));

    // Two types from the menu, and the client.
    auto *types = m_page->findChild<QToolButton *>(u"typeFilter"_s);
    QVERIFY(types);
    for (QAction *action : types->menu()->actions()) {
        if (action->data() == u"login.failed"_s || action->data() == u"consent.granted"_s)
            action->trigger();
    }
    m_page->findChild<QLineEdit *>(u"clientFilter"_s)->setText(u"crm"_s);
    m_page->filterBar()->applyNow();
    QTRY_VERIFY(!m_page->model()->isFetching() && m_page->model()->rowCount() == 5);
    const EventQuery query = m_page->model()->query();
    QCOMPARE(query.clientId, u"crm"_s);
    QCOMPARE(QSet<QString>(query.types.cbegin(), query.types.cend()),
             (QSet<QString>{u"login.failed"_s, u"consent.granted"_s}));

    // Free text after the debounce, no Enter needed.
    m_page->findChild<QLineEdit *>(u"searchEdit"_s)->setText(u"USER3"_s);
    QTRY_COMPARE(m_page->model()->query().text, u"USER3"_s);
    QTRY_VERIFY(!m_page->model()->isFetching() && m_page->model()->rowCount() == 1);
    QCOMPARE(m_page->model()->eventAt(0).username, u"user3"_s);

    // A live event of another client stays out.
    Event other;
    other.type = QString(event_type::LoginFailed);
    other.clientId = u"wiki"_s;
    other.username = u"user3"_s;
    m_fixture->backend()->events()->publish(other);
    Event matching = other;
    matching.clientId = u"crm"_s;
    m_fixture->backend()->events()->publish(matching);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 2, 10'000);
    QCOMPARE(m_page->model()->eventAt(0).clientId, u"crm"_s);
}

void TestEventsPage::emptyStateOffersToClearFilters()
{
    QVERIFY(loaded(*m_page));
    auto *empty = m_page->findChild<ui::EmptyState *>();
    QVERIFY(empty);
    QVERIFY(!empty->isVisible());
    m_page->findChild<QLineEdit *>(u"accountFilter"_s)->setText(u"nobody-at-all"_s);
    m_page->filterBar()->applyNow();
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->actionButton()->isVisible());
    empty->actionButton()->click();
    QTRY_VERIFY(!empty->isVisible());
    QVERIFY(m_page->findChild<QLineEdit *>(u"accountFilter"_s)->text().isEmpty());
    QTRY_VERIFY(m_page->model()->rowCount() > 0);
}

void TestEventsPage::exportWritesEveryMatchingEventExactly()
{
    // Recent: the maintenance job purges events older than the retention.
    const QDateTime t =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() / 60 * 60 - 3600, Qt::UTC);
    const auto iso = [&t](int minutes) {
        return t.addSecs(60 * minutes).toString(Qt::ISODateWithMs).toLatin1();
    };
    QVERIFY(iso(0).endsWith(":00.000Z"));
    Event failed;
    failed.time = t;
    failed.type = QString(event_type::LoginFailed);
    failed.success = false;
    failed.username = u"mallory, \"the tester\"\r\nline2"_s;
    failed.clientId = u"export-app"_s;
    failed.sourceAddress = u"192.0.2.7"_s;
    failed.instance = u"host:1"_s;
    failed.details = {{u"reason"_s, u"bad password"_s}};
    Event succeeded;
    succeeded.time = t.addSecs(60);
    succeeded.type = QString(event_type::LoginSucceeded);
    succeeded.username = u"alice"_s;
    succeeded.subject = u"sub-alice"_s;
    succeeded.clientId = u"export-app"_s;
    succeeded.sourceAddress = u"192.0.2.8"_s;
    succeeded.instance = u"host:1"_s;
    succeeded.details = {{u"note"_s, u"line one\nline two"_s}, {u"amr"_s, QJsonArray{u"pwd"_s}}};
    Event issued;
    issued.time = t.addSecs(120);
    issued.type = QString(event_type::TokenIssued);
    issued.username = u"zoë"_s;
    issued.subject = u"sub-zoe"_s;
    issued.clientId = u"export-app"_s;
    issued.sourceAddress = u"2001:db8::1"_s;
    issued.instance = u"host:1"_s;
    const QList<qint64> ids = append(m_fixture->backend(), {failed, succeeded, issued});
    QCOMPARE(ids.size(), 3);

    m_page->findChild<QLineEdit *>(u"clientFilter"_s)->setText(u"export-app"_s);
    m_page->filterBar()->applyNow();
    QTRY_VERIFY(!m_page->model()->isFetching() && m_page->model()->rowCount() == 3);

    QTemporaryDir dir;
    const QString csvPath = dir.filePath(u"events.csv"_s);
    QSignalSpy finished(m_page.get(), &EventsPage::exportFinished);
    m_page->exportTo(csvPath, EventExporter::Format::Csv);
    QVERIFY(m_page->isExporting());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!m_page->isExporting());

    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray expectedCsv =
        "id,time,type,result,username,subject,client_id,source,instance,details\r\n" +
        QByteArray::number(ids[2]) + "," + iso(2) +
        ",token.issued,success,zo\xc3\xab,sub-zoe,export-app,"
        "2001:db8::1,host:1,{}\r\n" +
        QByteArray::number(ids[1]) + "," + iso(1) +
        ",login.succeeded,success,alice,sub-alice,export-app,"
        "192.0.2.8,host:1,\"{\"\"amr\"\":[\"\"pwd\"\"],\"\"note\"\":\"\"line one\\nline "
        "two\"\"}\"\r\n" +
        QByteArray::number(ids[0]) + "," + iso(0) +
        ",login.failed,failure,\"mallory, \"\"the tester\"\"\r\n"
        "line2\",,export-app,192.0.2.7,host:1,\"{\"\"reason\"\":\"\"bad password\"\"}\"\r\n";
    QCOMPARE(csv.readAll(), expectedCsv);

    // JSON Lines through the menu, with the file dialog replaced.
    const QString jsonPath = dir.filePath(u"events.jsonl"_s);
    QString suggested;
    m_page->setSaveFileChooser(
        [&suggested, jsonPath](const QString &name, EventExporter::Format format) {
            suggested = name;
            return format == EventExporter::Format::JsonLines ? jsonPath : QString();
        });
    auto *action = m_page->findChild<QAction *>(u"exportJsonLinesAction"_s);
    QVERIFY(action);
    action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10'000);
    QVERIFY(finished.last().at(0).toBool());
    QVERIFY2(suggested.startsWith(u"lanyard-events-"_s) && suggested.endsWith(u".jsonl"_s),
             qPrintable(suggested));
    QFile jsonl(jsonPath);
    QVERIFY(jsonl.open(QIODevice::ReadOnly));
    const QByteArray expectedJsonl =
        "{\"client_id\":\"export-app\",\"id\":" + QByteArray::number(ids[2]) +
        ",\"instance\":\"host:1\",\"source\":\"2001:db8::1\",\"sub\":\"sub-zoe\",\"success\":"
        "true,\"time\":\"" +
        iso(2) +
        "\",\"type\":\"token.issued\",\"username\":"
        "\"zo\xc3\xab\"}\n"
        "{\"client_id\":\"export-app\",\"details\":{\"amr\":[\"pwd\"],\"note\":\"line "
        "one\\nline two\"},\"id\":" +
        QByteArray::number(ids[1]) +
        ",\"instance\":\"host:1\",\"source\":\"192.0.2.8\",\"sub\":\"sub-alice\",\"success\":"
        "true,\"time\":\"" +
        iso(1) +
        "\",\"type\":\"login.succeeded\",\"username\":"
        "\"alice\"}\n"
        "{\"client_id\":\"export-app\",\"details\":{\"reason\":\"bad password\"},\"id\":" +
        QByteArray::number(ids[0]) +
        ",\"instance\":\"host:1\",\"source\":\"192.0.2.7\",\"success\":false,\"time\":"
        "\"" +
        iso(0) +
        "\",\"type\":\"login.failed\",\"username\":\"mallory, "
        "\\\"the tester\\\"\\r\\nline2\"}\n";
    QCOMPARE(jsonl.readAll(), expectedJsonl);
}

void TestEventsPage::exportIncludesEventsNotLoaded()
{
    QList<Event> events;
    for (int i = 0; i < 200; ++i) {
        Event event = filler(i);
        event.clientId = u"bulk"_s;
        events.append(event);
    }
    events.append(filler(1000)); // another client: not exported
    QCOMPARE(append(m_fixture->backend(), events).size(), 201);
    m_page->model()->setPageSize(10);
    m_page->findChild<QLineEdit *>(u"clientFilter"_s)->setText(u"bulk"_s);
    m_page->filterBar()->applyNow();
    QTRY_VERIFY(m_page->model()->query().clientId == u"bulk"_s && !m_page->model()->isFetching() &&
                m_page->model()->rowCount() > 0);
    // The view loaded what fills it, far from everything.
    QVERIFY(!m_page->model()->isComplete());
    QVERIFY(m_page->model()->rowCount() < 200);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"bulk.jsonl"_s);
    QSignalSpy finished(m_page.get(), &EventsPage::exportFinished);
    m_page->exportTo(path, EventExporter::Format::JsonLines);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY2(finished.first().at(1).toString().contains(u"200"_s),
             qPrintable(finished.first().at(1).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 201); // 200 lines and the empty rest after the last LF
    QVERIFY(lines.last().isEmpty());
    qint64 previous = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < 200; ++i) {
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(object.value(u"client_id"_s).toString(), u"bulk"_s);
        const auto id = object.value(u"id"_s).toInteger();
        QVERIFY(id < previous); // newest first, each once
        previous = id;
    }
}

QTEST_MAIN(TestEventsPage)
#include "tst_eventspage.moc"
