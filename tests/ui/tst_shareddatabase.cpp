// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a database that someone else serves (issue 6: "manage it
// from the desktop with the same database when it is local"): opened with
// Backend::manageOnly() it binds no port and stores nothing of its own, and
// events that other processes write (`lanyard serve`, `lanyard import`,
// another instance) reach eventsRecorded once each, in id order, together
// with the window's own.
#include "BackendFixture.h"
#include "ServeProcess.h"

#include "admin/SessionService.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "runtime/Provider.h"
#include "shell/MainWindow.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventStore.h"
#include "store/SessionStore.h"
#include "store/SettingsKeys.h"
#include "store/SettingsStore.h"
#include "store/SqlEventStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::BackendFixture;
using lanyard::test::ServeProcess;
using lanyard::ui::Backend;
using lanyard::ui::ServerStatus;

namespace {

/// Inodes of the TCP sockets this process listens on, from /proc: the
/// process's socket descriptors matched against the kernel's LISTEN table.
QSet<QString> listeningSockets()
{
    QSet<QString> ours;
    const QDir fds(u"/proc/self/fd"_s);
    for (const QString &name : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        // "socket:[INODE]" (Qt may make the target look like a path).
        const QString text = QFileInfo(fds.filePath(name)).symLinkTarget();
        const qsizetype open = text.indexOf(u"socket:["_s);
        if (open >= 0)
            ours.insert(text.mid(open + 8).chopped(1));
    }
    QSet<QString> listening;
    for (const QString &table : {u"/proc/net/tcp"_s, u"/proc/net/tcp6"_s}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
            if (fields.size() > 9 && fields.at(3) == "0A") {
                const QString inode = QString::fromLatin1(fields.at(9));
                if (ours.contains(inode))
                    listening.insert(inode);
            }
        }
    }
    return listening;
}

/// Ids of `events`, in order.
QList<qint64> idsOf(const QList<Event> &events)
{
    QList<qint64> ids;
    for (const Event &e : events)
        ids.append(e.id);
    return ids;
}

/// A back-channel logout endpoint: answers 200 and keeps the bodies.
class LogoutEndpoint : public QObject
{
    Q_OBJECT

public:
    LogoutEndpoint()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, &LogoutEndpoint::accept);
    }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> bodies() const { return m_bodies; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                QByteArray &buffer = m_buffers[socket];
                buffer += socket->readAll();
                const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
                if (headEnd < 0)
                    return;
                qsizetype length = 0;
                for (const QByteArray &line : buffer.left(headEnd).split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (buffer.size() < headEnd + 4 + length)
                    return;
                m_bodies.append(buffer.mid(headEnd + 4, length));
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_bodies;
};

} // namespace

class tst_SharedDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void manageOnlyBindsNoPortAndStoresNothing();
    void startIsStillAvailable();
    void eventsOfOtherProcessesArriveOnce();
    void ownAndForeignEventsArriveOnceInIdOrder();
    void servicesIssuerIsShown();
    void endedSessionIsAnnouncedWithoutServing();
    void missingDatabaseIsRefused();

private:
    QString databasePath() const { return m_dir->filePath(u"lanyard.db"_s); }
    /// Opens m_backend on the database, managing only; waits until open.
    bool openManageOnly();
    /// The stored settings, read off the GUI thread.
    QMap<QString, QString> storedSettings() const;
    /// The newest event id in the database now (another connection).
    qint64 newestId() const;
    /// Every event with an id above `afterId`, oldest first (another connection).
    QList<Event> storedAfter(qint64 afterId) const;
    /// Waits until an event of `type` is in the database (`lanyard serve`
    /// prints its events before its recorder writes them).
    bool waitForStored(QLatin1StringView type) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
    QList<Event> m_received;
};

void tst_SharedDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_received.clear();
    // The database as `lanyard serve` leaves it on a first start: schema
    // and keys, and no listen_port (the service is given --listen).
    auto created = Provider::open(databasePath());
    QVERIFY2(created, qPrintable(created.error().message));
    QVERIFY((*created)->prepareKeys().ok());
    m_backend = std::make_unique<Backend>();
    connect(m_backend.get(), &Backend::eventsRecorded, this,
            [this](const QList<Event> &events) { m_received += events; });
}

void tst_SharedDatabase::cleanup()
{
    m_backend.reset();
    m_dir.reset();
}

bool tst_SharedDatabase::openManageOnly()
{
    m_backend->open(databasePath(), Backend::manageOnly());
    return QTest::qWaitFor(
               [this] {
                   const auto state = m_backend->status().state;
                   return state == ServerStatus::State::Stopped ||
                          state == ServerStatus::State::Failed;
               },
               30'000) &&
           m_backend->status().state == ServerStatus::State::Stopped && m_backend->isReady();
}

QMap<QString, QString> tst_SharedDatabase::storedSettings() const
{
    const auto all = BackendFixture::wait(
        m_backend->run([settings = m_backend->provider()->settings()] { return settings->all(); }));
    if (!all) {
        qWarning("cannot read the settings: %s", qPrintable(all.error().message));
        return {};
    }
    return *all;
}

qint64 tst_SharedDatabase::newestId() const
{
    auto db = Database::open(databasePath(), Clock::system());
    if (!db)
        return -1;
    EventQuery newest;
    newest.limit = 1;
    const auto found = SqlEventStore(*db).query(newest);
    if (!found)
        return -1;
    return found->isEmpty() ? 0 : found->constFirst().id;
}

QList<Event> tst_SharedDatabase::storedAfter(qint64 afterId) const
{
    auto db = Database::open(databasePath(), Clock::system());
    if (!db)
        return {};
    EventQuery query;
    query.afterId = afterId;
    query.limit = SqlEventStore::MaxQueryLimit;
    return SqlEventStore(*db).query(query).valueOr({});
}

bool tst_SharedDatabase::waitForStored(QLatin1StringView type) const
{
    return QTest::qWaitFor(
        [this, type] {
            const QList<Event> stored = storedAfter(0);
            return std::any_of(stored.cbegin(), stored.cend(),
                               [type](const Event &e) { return e.type == type; });
        },
        10'000);
}

void tst_SharedDatabase::manageOnlyBindsNoPortAndStoresNothing()
{
    // The probe sees a listening socket of this process.
    const QSet<QString> before = listeningSockets();
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        QCOMPARE(listeningSockets().size(), before.size() + 1);
    }
    QCOMPARE(listeningSockets(), before);

    ui::MainWindow window(m_backend.get());
    QVERIFY(openManageOnly());
    QVERIFY(m_backend->isManageOnly());
    QCOMPARE(m_backend->databaseDisplayName(), databasePath());
    QCOMPARE(listeningSockets(), before);
    QVERIFY(!m_backend->status().url.isValid());
    const QMap<QString, QString> settings = storedSettings();
    QVERIFY2(!settings.contains(QString(SettingsKeys::ListenPort)),
             qPrintable(settings.value(QString(SettingsKeys::ListenPort))));

    // The window says so, in the status bar and on the Overview.
    auto *status = window.findChild<QLabel *>(u"serverStatus"_s);
    QVERIFY(status);
    QVERIFY2(status->text().contains(u"Managing"_s) && status->text().contains(databasePath()),
             qPrintable(status->text()));
    auto *overview =
        window.page(ui::MainWindow::Page::Overview)->findChild<QLabel *>(u"serverStateLabel"_s);
    QVERIFY(overview);
    QVERIFY2(overview->text().contains(databasePath()), qPrintable(overview->text()));

    // A restart (Settings' "Restart server now") does not start serving.
    m_backend->restartServer();
    QCoreApplication::processEvents();
    QCOMPARE(m_backend->status().state, ServerStatus::State::Stopped);
    QCOMPARE(listeningSockets(), before);
}

void tst_SharedDatabase::startIsStillAvailable()
{
    {
        // A free port for the explicit start (9090 may be taken here).
        auto provider = Provider::open(databasePath());
        QVERIFY(provider);
        QVERIFY((*provider)->settings()->set(QString(SettingsKeys::ListenPort), u"0"_s).ok());
    }
    const QSet<QString> before = listeningSockets();
    QVERIFY(openManageOnly());
    QCOMPARE(listeningSockets(), before);

    m_backend->startServer();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->status().state, ServerStatus::State::Running, 10'000);
    QVERIFY(listeningSockets().size() > before.size()); // a socket per worker
    // Port 0 stays as stored: nothing was remembered.
    QCOMPARE(storedSettings().value(QString(SettingsKeys::ListenPort)), u"0"_s);

    m_backend->stopServer();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->status().state, ServerStatus::State::Stopped, 10'000);
    QCOMPARE(listeningSockets(), before);
}

void tst_SharedDatabase::eventsOfOtherProcessesArriveOnce()
{
    // The service serves the database; the window manages it.
    ServeProcess service;
    QVERIFY2(service.start(databasePath()), qPrintable(service.errorString()));
    QVERIFY(waitForStored(event_type::ServerStarted));
    const qint64 start = newestId();
    QVERIFY(start > 0);
    QVERIFY(openManageOnly());

    // `lanyard import`, a third process, writes while both run.
    const QString file = qEnvironmentVariable("LANYARD_TEST_DATA") + u"/contract-example.json"_s;
    QByteArray out;
    QByteArray err;
    QCOMPARE(ServeProcess::run({u"import"_s, file, u"--db"_s, databasePath()}, &out, &err), 0);
    // The service stops: its server.stopped comes from the service itself.
    QCOMPARE(service.stop(), 0);

    const auto arrived = [this](QLatin1StringView type) {
        return std::count_if(m_received.cbegin(), m_received.cend(),
                             [type](const Event &e) { return e.type == type; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(arrived(event_type::ServerStopped) == 1, 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(arrived(event_type::AdminChanged) == 2, 10'000);
    // Some more polls: nothing arrives twice.
    QTest::qWait(2'500);
    const QList<Event> stored = storedAfter(start);
    QCOMPARE(idsOf(m_received), idsOf(stored));
    QCOMPARE(arrived(event_type::AdminChanged), 2);
    QCOMPARE(arrived(event_type::ServerStopped), 1);
    QCOMPARE(arrived(event_type::ServerStarted), 0); // before the window opened
    // Nothing was written by the window.
    for (const Event &e : m_received)
        QVERIFY2(e.instance != m_backend->events()->instance(), qPrintable(e.type));
}

void tst_SharedDatabase::ownAndForeignEventsArriveOnceInIdOrder()
{
    QVERIFY(openManageOnly());
    const qint64 start = newestId();
    // Another instance on the same file (its own connection and bus).
    auto other = Provider::open(databasePath());
    QVERIFY2(other, qPrintable(other.error().message));
    EventBus *theirs = (*other)->events();
    EventBus *ours = m_backend->events();

    const auto event = [](const QString &username) {
        Event e;
        e.type = QString(event_type::LoginSucceeded);
        e.username = username;
        return e;
    };
    for (int round = 0; round < 3; ++round) {
        ours->publish(event(u"ours%1"_s.arg(round)));
        QVERIFY(BackendFixture::wait(m_backend->run([ours] { return ours->flush(); })).ok());
        theirs->publish(event(u"theirs%1"_s.arg(round)));
        QVERIFY(theirs->flush().ok());
    }
    // Recorded by the window's own bus from another thread, as admin work is.
    QVERIFY(BackendFixture::wait(m_backend->run([ours, event] {
                ours->publish(event(u"ours-last"_s));
                return ours->flush();
            })).ok());

    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 7, 10'000);
    QTest::qWait(2'500);
    QCOMPARE(m_received.size(), 7);
    const QList<Event> stored = storedAfter(start);
    QCOMPARE(idsOf(m_received), idsOf(stored));
    QStringList usernames;
    for (const Event &e : m_received)
        usernames.append(e.username);
    QCOMPARE(usernames, (QStringList{u"ours0"_s, u"theirs0"_s, u"ours1"_s, u"theirs1"_s, u"ours2"_s,
                                     u"theirs2"_s, u"ours-last"_s}));
}

void tst_SharedDatabase::servicesIssuerIsShown()
{
    ServeProcess service;
    QVERIFY2(service.start(databasePath(), {u"--issuer"_s, u"https://sso.example.test"_s}),
             qPrintable(service.errorString()));
    QVERIFY(waitForStored(event_type::ServerStarted));
    ui::MainWindow window(m_backend.get());
    QVERIFY(openManageOnly());
    QCOMPARE(m_backend->config().effectiveIssuer(), QUrl(u"https://sso.example.test"_s));
    // What the Overview offers to copy into relying parties.
    auto *issuer =
        window.page(ui::MainWindow::Page::Overview)->findChild<QLineEdit *>(u"issuerEdit"_s);
    QVERIFY(issuer);
    QCOMPARE(issuer->text(), u"https://sso.example.test"_s);
    // Nothing was stored: the issuer came from the service's start.
    QVERIFY(!storedSettings().contains(QString(SettingsKeys::Issuer)));
}

void tst_SharedDatabase::endedSessionIsAnnouncedWithoutServing()
{
    LogoutEndpoint endpoint;
    {
        // The service started once with its issuer, then someone signed
        // in to a client with back-channel logout.
        ServeProcess service;
        QVERIFY2(service.start(databasePath(), {u"--issuer"_s, u"https://sso.example.test"_s}),
                 qPrintable(service.errorString()));
        QVERIFY(waitForStored(event_type::ServerStarted));
        QCOMPARE(service.stop(), 0);
    }
    const QJsonObject office{
        {u"clients"_s,
         QJsonArray{QJsonObject{
             {u"client_id"_s, u"wiki"_s},
             {u"client_secret"_s, u"a-secret-long-enough-for-no-warning-000000"_s},
             {u"redirect_uris"_s, QJsonArray{u"https://wiki.example/cb"_s}},
             {u"backchannel_logout_uri"_s, u"http://127.0.0.1:%1/bc"_s.arg(endpoint.port())},
         }}},
        {u"accounts"_s, QJsonArray{QJsonObject{{u"username"_s, u"alice"_s},
                                               {u"password"_s, u"correct horse battery"_s}}}},
    };
    const QString file = m_dir->filePath(u"office.json"_s);
    {
        QFile json(file);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(office).toJson());
    }
    QByteArray err;
    QCOMPARE(ServeProcess::run({u"import"_s, file, u"--db"_s, databasePath()}, nullptr, &err), 0);
    Session session;
    {
        auto other = Provider::open(databasePath());
        QVERIFY(other);
        const auto alice = (*other)->accounts()->findByUsername(u"alice"_s);
        QVERIFY(alice && alice->has_value());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        session.id = u"sid-shared-1"_s;
        session.cookieHash = u"cookie-hash"_s;
        session.subject = (*alice)->subject;
        session.authTime = session.createdAt = session.lastActiveAt = now;
        session.expiresAt = now.addSecs(3600);
        session.amr = {u"pwd"_s};
        session.clientIds = {u"wiki"_s};
        QVERIFY((*other)->sessions()->create(session).ok());
    }

    QVERIFY(openManageOnly());
    const auto ended = BackendFixture::wait(
        m_backend->run([sessions = m_backend->sessionService(), id = session.id] {
            return sessions.end(id, Backend::actor());
        }));
    QVERIFY2(ended.ok(), qPrintable(ended.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(endpoint.bodies().size(), 1, 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(m_received.cbegin(), m_received.cend(),
                    [](const Event &e) { return e.type == event_type::BackchannelDelivered; }),
        10'000);
    // OpenID Connect Back-Channel Logout 1.0 §2.4: iss is the OP's issuer,
    // here the one the service serves with.
    const QByteArray token =
        QUrl::fromPercentEncoding(endpoint.bodies().first().mid(sizeof("logout_token=") - 1))
            .toLatin1();
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject claims =
        QJsonDocument::fromJson(
            QByteArray::fromBase64(parts.at(1),
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            .object();
    QCOMPARE(claims.value(u"iss"_s).toString(), u"https://sso.example.test"_s);
    QCOMPARE(claims.value(u"sid"_s).toString(), session.id);
    QCOMPARE(m_backend->status().state, ServerStatus::State::Stopped);
}

void tst_SharedDatabase::missingDatabaseIsRefused()
{
    const QString missing = m_dir->filePath(u"typo/lanyard.db"_s);
    QByteArray err;
    QCOMPARE(ServeProcess::run({u"--db"_s, missing}, nullptr, &err), 1);
    QVERIFY2(err.contains("no database at"), err.constData());
    QVERIFY(!QFileInfo::exists(missing));
}

QTEST_MAIN(tst_SharedDatabase)
#include "tst_shareddatabase.moc"
