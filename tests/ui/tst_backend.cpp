// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "HttpTestClient.h"
#include "admin/KeyService.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "runtime/Provider.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::ServerStatus;

class tst_Backend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensStartsAndServes();
    void stopAndRestart();
    void adminWorkRunsOffTheGuiThread();
    void recordedEventsReachTheGuiThread();
    void unopenableDatabaseFails();
};

void tst_Backend::opensStartsAndServes()
{
    test::BackendFixture fixture;
    ui::Backend *backend = fixture.backend();
    QSignalSpy ready(backend, &ui::Backend::ready);
    QSignalSpy status(backend, &ui::Backend::statusChanged);
    QVERIFY(fixture.start());
    QCOMPARE(ready.count(), 1);
    QVERIFY(backend->isReady());
    // Opening, Starting, Running, in this order.
    QVERIFY(status.count() >= 3);
    QCOMPARE(status.first().first().value<ServerStatus>().state, ServerStatus::State::Opening);
    QCOMPARE(status.last().first().value<ServerStatus>().state, ServerStatus::State::Running);

    const QUrl url = backend->status().url;
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.port() > 0);
    QCOMPARE(backend->status().issuer, url);

    const auto response = test::HttpTestClient::exchange(
        static_cast<quint16>(url.port()),
        "GET /.well-known/openid-configuration HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Connection: close\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void tst_Backend::stopAndRestart()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    ui::Backend *backend = fixture.backend();
    const QUrl first = backend->status().url;

    backend->stopServer();
    QTRY_COMPARE_WITH_TIMEOUT(backend->status().state, ServerStatus::State::Stopped, 10'000);
    test::HttpTestClient http(static_cast<quint16>(first.port()));
    QVERIFY(!http.connect(1000));

    backend->startServer();
    QTRY_COMPARE_WITH_TIMEOUT(backend->status().state, ServerStatus::State::Running, 10'000);
    QSignalSpy spy(backend, &ui::Backend::statusChanged);
    backend->restartServer();
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && backend->status().isRunning(), 10'000);
    QList<ServerStatus::State> states;
    for (const auto &arguments : spy)
        states.append(arguments.first().value<ServerStatus>().state);
    const QList<ServerStatus::State> expected{
        ServerStatus::State::Stopping, ServerStatus::State::Stopped, ServerStatus::State::Starting,
        ServerStatus::State::Running};
    QCOMPARE(states, expected);
}

void tst_Backend::adminWorkRunsOffTheGuiThread()
{
    test::BackendFixture fixture;
    QVERIFY(fixture.start());
    ui::Backend *backend = fixture.backend();
    QThread *gui = QThread::currentThread();
    auto future = backend->run([keys = backend->keyService(), gui] {
        return std::make_pair(QThread::currentThread() != gui, keys.list());
    });
    const auto [offGuiThread, keys] = test::BackendFixture::wait(future);
    QVERIFY(offGuiThread);
    QVERIFY2(keys.ok(), qPrintable(keys.error().message));
    QCOMPARE(keys->size(), 2); // RS256 and ES256, generated on the first start
}

void tst_Backend::recordedEventsReachTheGuiThread()
{
    test::BackendFixture fixture;
    ui::Backend *backend = fixture.backend();
    QList<Event> seen;
    QObject context;
    connect(backend, &ui::Backend::eventsRecorded, &context, [&seen](const QList<Event> &events) {
        QCOMPARE(QThread::currentThread(), qApp->thread());
        seen += events;
    });
    QVERIFY(fixture.start());
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(seen.cbegin(), seen.cend(),
                    [](const Event &e) { return e.type == event_type::ServerStarted && e.id > 0; }),
        5'000);
}

void tst_Backend::unopenableDatabaseFails()
{
    ui::Backend backend;
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A database "inside" a regular file cannot be created.
    backend.open(dir.filePath(u"file/lanyard.db"_s));
    QTRY_COMPARE_WITH_TIMEOUT(backend.status().state, ServerStatus::State::Failed, 10'000);
    QVERIFY(!backend.status().error.isEmpty());
    QVERIFY(!backend.isReady());
}

QTEST_MAIN(tst_Backend)
#include "tst_backend.moc"
