// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "overview/OverviewPage.h"
#include "overview/RecentEventsModel.h"
#include "overview/SignInChart.h"
#include "runtime/Provider.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/SessionStore.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::OverviewPage;
using lanyard::ui::ServerStatus;

namespace {

Event signIn(QLatin1StringView type, const QDateTime &time = {})
{
    Event event;
    event.type = QString(type);
    event.success = type == event_type::LoginSucceeded;
    event.time = time;
    event.username = u"alice"_s;
    event.subject = u"sub-alice"_s;
    event.clientId = u"intranet"_s;
    event.sourceAddress = u"127.0.0.1"_s;
    return event;
}

template<typename T> T *child(QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return widget;
}

} // namespace

class tst_OverviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsFollowTheStores();
    void startStopAndRestartFollowTheState();
    void copyPutsTheIssuerOnTheClipboard();
    void chartLoadsTheLastHour();
    void chartReceivesALiveFailedSignIn();
    void latestEventsAreNewestFirstAndLive();
    void showAllAsksForTheEventsPage();
    void failedOpeningDisablesEverything();
};

void tst_OverviewPage::countsFollowTheStores()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    ui::Backend *backend = fixture.backend();
    OverviewPage page(backend);
    QTRY_COMPARE_WITH_TIMEOUT(page.clientCount(), 0, 10'000);
    QCOMPARE(page.accountCount(), 0);
    QCOMPARE(page.sessionCount(), 0);
    auto *clients = child<QLabel>(page, u"clientCount"_s);
    auto *accounts = child<QLabel>(page, u"accountCount"_s);
    auto *sessions = child<QLabel>(page, u"sessionCount"_s);
    QVERIFY(clients && accounts && sessions);
    QCOMPARE(clients->text(), u"0"_s);

    // A client saved through the provider's store, announced as the admin
    // API does: the page reads the counts again.
    Client client;
    client.clientId = u"intranet"_s;
    client.clientName = u"Intranet"_s;
    client.redirectUris = {u"https://intranet.example/callback"_s};
    auto saved = test::BackendFixture::wait(backend->run(
        [store = backend->provider()->clients(), client] { return store->save(client); }));
    QVERIFY2(saved.ok(), qPrintable(saved.error().message));
    Event changed;
    changed.type = QString(event_type::AdminChanged);
    changed.clientId = client.clientId;
    backend->events()->publish(changed);
    QTRY_COMPARE_WITH_TIMEOUT(page.clientCount(), 1, 10'000);
    QCOMPARE(clients->text(), u"1"_s);
    QCOMPARE(accounts->text(), u"0"_s);

    // An account and a session; a sign-in event makes the page look again.
    Account account;
    account.subject = u"sub-alice"_s;
    account.username = u"alice"_s;
    Session session;
    session.id = u"sid-1"_s;
    session.cookieHash = u"hash-1"_s;
    session.subject = account.subject;
    session.createdAt = session.authTime = session.lastActiveAt = QDateTime::currentDateTimeUtc();
    session.expiresAt = session.createdAt.addSecs(3600);
    auto stored = test::BackendFixture::wait(
        backend->run([accountStore = backend->provider()->accounts(),
                      sessionStore = backend->provider()->sessions(), account, session] {
            if (auto a = accountStore->save(account); !a)
                return a.error().message;
            if (auto s = sessionStore->create(session); !s)
                return s.error().message;
            return QString();
        }));
    QVERIFY2(stored.isEmpty(), qPrintable(stored));
    backend->events()->publish(signIn(event_type::LoginSucceeded));
    QTRY_COMPARE_WITH_TIMEOUT(page.sessionCount(), 1, 10'000);
    QCOMPARE(page.accountCount(), 1);
    QCOMPARE(accounts->text(), u"1"_s);
    QCOMPARE(sessions->text(), u"1"_s);

    // An ended session (removed, then announced) counts down again.
    auto removed = test::BackendFixture::wait(backend->run(
        [store = backend->provider()->sessions()] { return store->remove(u"sid-1"_s); }));
    QVERIFY(removed.ok() && *removed);
    Event ended;
    ended.type = QString(event_type::SessionEnded);
    ended.subject = account.subject;
    backend->events()->publish(ended);
    QTRY_COMPARE_WITH_TIMEOUT(page.sessionCount(), 0, 10'000);

    // Events that change no count cause no read.
    QSignalSpy refreshed(&page, &OverviewPage::countsRefreshed);
    Event token;
    token.type = QString(event_type::TokenIssued);
    backend->events()->publish(token);
    QTRY_COMPARE_WITH_TIMEOUT(
        child<QTableView>(page, u"latestEventsView"_s)->model()->index(0, 1).data().toString(),
        QString(event_type::TokenIssued), 10'000);
    QTest::qWait(400); // longer than the debounce
    QCOMPARE(refreshed.count(), 0);
}

void tst_OverviewPage::startStopAndRestartFollowTheState()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    ui::Backend *backend = fixture.backend();
    OverviewPage page(backend);
    auto *start = child<QPushButton>(page, u"startButton"_s);
    auto *stop = child<QPushButton>(page, u"stopButton"_s);
    auto *restart = child<QPushButton>(page, u"restartButton"_s);
    auto *state = child<QLabel>(page, u"serverStateLabel"_s);
    QVERIFY(start && stop && restart && state);
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled());
    QVERIFY(restart->isEnabled());
    QVERIFY(state->text().contains(backend->status().url.toString()));

    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(backend->status().state, ServerStatus::State::Stopped, 10'000);
    QVERIFY(start->isEnabled());
    QVERIFY(!stop->isEnabled());
    QVERIFY(!restart->isEnabled());
    QVERIFY(!child<QPushButton>(page, u"openIssuerButton"_s)->isEnabled());
    QVERIFY(state->text().contains(u"Stopped"_s));

    QTest::mouseClick(start, Qt::LeftButton);
    // While it starts nothing can be clicked twice.
    QVERIFY(!stop->isEnabled() || backend->status().isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(backend->status().state, ServerStatus::State::Running, 10'000);
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled());

    QSignalSpy status(backend, &ui::Backend::statusChanged);
    QTest::mouseClick(restart, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status.count() >= 4 && backend->status().isRunning(), 10'000);
    QCOMPARE(status.first().first().value<ServerStatus>().state, ServerStatus::State::Stopping);
    QVERIFY(restart->isEnabled());
    QCOMPARE(child<QLineEdit>(page, u"issuerEdit"_s)->text(), backend->status().issuer.toString());
}

void tst_OverviewPage::copyPutsTheIssuerOnTheClipboard()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    OverviewPage page(fixture.backend());
    QGuiApplication::clipboard()->setText(u"something else"_s);
    auto *copy = child<QPushButton>(page, u"copyIssuerButton"_s);
    QVERIFY(copy);
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString issuer = fixture.backend()->status().issuer.toString();
    QVERIFY(issuer.startsWith(u"http://127.0.0.1:"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), issuer);
    QCOMPARE(child<QLineEdit>(page, u"issuerEdit"_s)->text(), issuer);
    QVERIFY(child<QLineEdit>(page, u"issuerEdit"_s)->isReadOnly());
}

void tst_OverviewPage::chartLoadsTheLastHour()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    ui::Backend *backend = fixture.backend();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Recorded before the page opens: two inside the hour, one long before.
    backend->events()->publish(signIn(event_type::LoginSucceeded, now.addSecs(-10 * 60)));
    backend->events()->publish(signIn(event_type::LoginFailed, now.addSecs(-20 * 60)));
    backend->events()->publish(signIn(event_type::LoginThrottled, now.addSecs(-20 * 60)));
    backend->events()->publish(signIn(event_type::LoginSucceeded, now.addSecs(-2 * 3600)));
    // Not a sign-in.
    Event token = signIn(event_type::TokenIssued, now.addSecs(-60));
    backend->events()->publish(token);
    auto flushed = test::BackendFixture::wait(
        backend->run([bus = backend->events()] { return bus->flush(); }));
    QVERIFY(flushed.ok());

    OverviewPage page(backend);
    QTRY_VERIFY_WITH_TIMEOUT(page.isHistoryLoaded(), 10'000);
    QCOMPARE(page.histogram().totalSucceeded(), 1);
    QCOMPARE(page.histogram().totalFailed(), 2);
    auto *chart = page.findChild<ui::SignInChart *>(u"signInChart"_s);
    QVERIFY(chart);
    QCOMPARE(chart->totalSucceeded(), 1);
    QCOMPARE(chart->totalFailed(), 2);
    QCOMPARE(chart->buckets().size(), 60);

    // An hour later they have left the chart.
    page.setNow(now.addSecs(3600));
    QCOMPARE(chart->totalSucceeded(), 0);
    QCOMPARE(chart->totalFailed(), 0);
}

void tst_OverviewPage::chartReceivesALiveFailedSignIn()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    ui::Backend *backend = fixture.backend();
    OverviewPage page(backend);
    QTRY_VERIFY_WITH_TIMEOUT(page.isHistoryLoaded(), 10'000);
    auto *chart = page.findChild<ui::SignInChart *>(u"signInChart"_s);
    QVERIFY(chart);
    QCOMPARE(chart->totalFailed(), 0);

    backend->events()->publish(signIn(event_type::LoginFailed));
    QTRY_COMPARE_WITH_TIMEOUT(chart->totalFailed(), 1, 10'000);
    QCOMPARE(chart->totalSucceeded(), 0);
    QCOMPARE(chart->buckets().last().failed, 1);
    backend->events()->publish(signIn(event_type::LoginSucceeded));
    QTRY_COMPARE_WITH_TIMEOUT(chart->totalSucceeded(), 1, 10'000);
    QCOMPARE(chart->totalFailed(), 1);
}

void tst_OverviewPage::latestEventsAreNewestFirstAndLive()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    ui::Backend *backend = fixture.backend();
    OverviewPage page(backend);
    auto *view = child<QTableView>(page, u"latestEventsView"_s);
    QVERIFY(view);
    QAbstractItemModel *model = view->model();
    // A first start records the keys it generated and server.started.
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 3, 10'000);
    QCOMPARE(model->index(0, ui::RecentEventsModel::Type).data().toString(),
             QString(event_type::ServerStarted));
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < model->rowCount(); ++row) {
        const qint64 id = model->index(row, 0).data(ui::RecentEventsModel::IdRole).toLongLong();
        QVERIFY(id < previous);
        previous = id;
    }

    backend->events()->publish(signIn(event_type::LoginFailed));
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, ui::RecentEventsModel::Type).data().toString(),
                              QString(event_type::LoginFailed), 10'000);
    QCOMPARE(model->index(0, ui::RecentEventsModel::Account).data().toString(), u"alice"_s);
    QCOMPARE(model->index(0, ui::RecentEventsModel::Client).data().toString(), u"intranet"_s);

    // Never more than ten.
    for (int i = 0; i < 12; ++i)
        backend->events()->publish(signIn(event_type::LoginSucceeded));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 10, 10'000);
    QTest::qWait(300);
    QCOMPARE(model->rowCount(), 10);
}

void tst_OverviewPage::showAllAsksForTheEventsPage()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    OverviewPage page(fixture.backend());
    QSignalSpy spy(&page, &OverviewPage::showAllEventsRequested);
    auto *button = child<QPushButton>(page, u"showAllEventsButton"_s);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
}

void tst_OverviewPage::failedOpeningDisablesEverything()
{
    ui::Backend backend;
    OverviewPage page(&backend);
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    backend.open(dir.filePath(u"file/lanyard.db"_s));
    QTRY_COMPARE_WITH_TIMEOUT(backend.status().state, ServerStatus::State::Failed, 10'000);
    auto *state = child<QLabel>(page, u"serverStateLabel"_s);
    QVERIFY(state->text().startsWith(u"Error: "_s));
    QVERIFY(state->text().contains(backend.status().error));
    for (const QString &name : {u"startButton"_s, u"stopButton"_s, u"restartButton"_s,
                                u"copyIssuerButton"_s, u"openIssuerButton"_s})
        QVERIFY2(!child<QPushButton>(page, name)->isEnabled(), qPrintable(name));
    QVERIFY(child<QLineEdit>(page, u"issuerEdit"_s)->text().isEmpty());
    QCOMPARE(page.clientCount(), -1);
}

QTEST_MAIN(tst_OverviewPage)
#include "tst_overviewpage.moc"
