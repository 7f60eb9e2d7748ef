// SPDX-License-Identifier: GPL-3.0-or-later
// The `lanyard` binary as outside tools use it (CONTRACT.md, "Command line").
#include "ServeProcess.h"

#include "model/Account.h"
#include "model/Session.h"
#include "store/Database.h"
#include "store/SqlAccountStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlSessionStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using lanyard::test::ServeProcess;

namespace {

QString dataFile(const QString &name)
{
    return qEnvironmentVariable("LANYARD_TEST_DATA") + u'/' + name;
}

QByteArray httpGet(const QUrl &url, int *status = nullptr)
{
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10'000))
        return {};
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

/// Receives back-channel logout POSTs on its own thread (the test's thread
/// blocks while the command runs) and answers 200.
class LogoutReceiver : public QThread
{
public:
    quint16 port() const { return m_port.loadAcquire(); }
    QByteArray body() const
    {
        QMutexLocker lock(&m_mutex);
        return m_body;
    }

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return;
        m_port.storeRelease(server.serverPort());
        QByteArray request;
        QTcpSocket *socket = nullptr;
        while (!isInterruptionRequested()) {
            if (!socket) {
                if (server.waitForNewConnection(50))
                    socket = server.nextPendingConnection();
                continue;
            }
            if (socket->waitForReadyRead(50))
                request += socket->readAll();
            const qsizetype end = request.indexOf("\r\n\r\n");
            if (end < 0)
                continue;
            const qsizetype lengthAt = request.toLower().indexOf("content-length:");
            const qsizetype length =
                lengthAt < 0
                    ? 0
                    : request.mid(lengthAt + 15, request.indexOf('\r', lengthAt) - lengthAt - 15)
                          .trimmed()
                          .toLongLong();
            if (request.size() < end + 4 + length)
                continue;
            {
                QMutexLocker lock(&m_mutex);
                m_body = request.mid(end + 4, length);
            }
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->waitForBytesWritten(1000);
            socket->disconnectFromHost();
            delete socket;
            socket = nullptr;
            request.clear();
        }
        delete socket;
    }

private:
    QAtomicInteger<quint16> m_port{0};
    mutable QMutex m_mutex;
    QByteArray m_body;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void versionAndUsage();
    void importPrintsChanges();
    void invalidImportChangesNothing();
    void missingImportFile();
    void exportImportRoundTrip();
    void discoveryMatchesServer();
    void serveEventsAndSignals();
    void newerSchemaRefused();
    void keysRotateThenList();
    void keysRefusals();
    void sessionsOnEmptyDatabase();
    void sessionsListAndEnd();
    void sessionsEndSignsWithTheAnnouncedIssuer();

private:
    QString db(const QString &name = u"lanyard.db"_s) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::init()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("LANYARD_BINARY"), "run through ctest");
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestCli::versionAndUsage()
{
    QByteArray out, err;
    QCOMPARE(ServeProcess::run({u"--version"_s}, &out, &err), 0);
    QVERIFY(out.startsWith("lanyard "));
    QCOMPARE(ServeProcess::run({u"frobnicate"_s}, &out, &err), 2);
    QCOMPARE(err.count('\n'), 1); // one-line message
    QVERIFY(err.contains("unknown command"));
    QCOMPARE(ServeProcess::run({u"serve"_s, u"--listen"_s, u"nowhere"_s}, &out, &err), 2);
}

void TestCli::importPrintsChanges()
{
    QByteArray out, err;
    QCOMPARE(ServeProcess::run({u"import"_s, dataFile(u"contract-example.json"_s), u"--db"_s, db()},
                               &out, &err),
             0);
    QCOMPARE(out, "created client app1\ncreated account alice\n");
    QVERIFY(err.contains("warning: clients[0].client_secret"));
    QVERIFY(!err.contains("s3cret"));
    QCOMPARE(ServeProcess::run({u"import"_s, dataFile(u"contract-example.json"_s), u"--db"_s, db()},
                               &out, &err),
             0);
    QCOMPARE(out, "unchanged client app1\nunchanged account alice\n");
}

void TestCli::invalidImportChangesNothing()
{
    QByteArray before, after, err;
    QCOMPARE(
        ServeProcess::run({u"import"_s, dataFile(u"contract-example.json"_s), u"--db"_s, db()}), 0);
    QCOMPARE(ServeProcess::run({u"export"_s, u"--with-secrets"_s, u"--db"_s, db()}, &before), 0);

    const QString bad = m_dir->filePath(u"bad.json"_s);
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"clients":[{"client_id":"app1","client_secret":"changed-secret","redirect_uris":["https://app1.example/new"]},
                              {"client_id":"app2","client_secret":"x","redirect_uris":["https://app2.example/cb#frag"]}],
                   "accounts":[{"username":"mallory","password":"pw","email_verified":"yes"}]})");
    file.close();
    QByteArray out;
    QCOMPARE(ServeProcess::run({u"import"_s, bad, u"--db"_s, db()}, &out, &err), 1);
    QVERIFY(out.isEmpty());
    QVERIFY2(err.contains("clients[1].redirect_uris[0]: fragment not allowed"), err.constData());
    QVERIFY2(err.contains("accounts[0].email_verified: must be true or false"), err.constData());
    QVERIFY(err.contains("nothing was changed"));
    QCOMPARE(ServeProcess::run({u"export"_s, u"--with-secrets"_s, u"--db"_s, db()}, &after), 0);
    QCOMPARE(after, before);
}

void TestCli::missingImportFile()
{
    QByteArray err;
    QCOMPARE(ServeProcess::run({u"import"_s, m_dir->filePath(u"nope.json"_s), u"--db"_s, db()},
                               nullptr, &err),
             1);
    QVERIFY(err.startsWith("lanyard: cannot read"));
    QCOMPARE(err.count('\n'), 1);
}

void TestCli::exportImportRoundTrip()
{
    QCOMPARE(
        ServeProcess::run({u"import"_s, dataFile(u"contract-example.json"_s), u"--db"_s, db()}), 0);
    QByteArray exported;
    QCOMPARE(ServeProcess::run({u"export"_s, u"--with-secrets"_s, u"--db"_s, db()}, &exported), 0);
    QVERIFY(!exported.contains("s3cret"));
    const QString dump = m_dir->filePath(u"dump.json"_s);
    QFile file(dump);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(exported);
    file.close();
    QByteArray out;
    QCOMPARE(ServeProcess::run({u"import"_s, dump, u"--db"_s, db(u"fresh.db"_s)}, &out), 0);
    QCOMPARE(out, "created client app1\ncreated account alice\n");
    QByteArray again;
    QCOMPARE(
        ServeProcess::run({u"export"_s, u"--with-secrets"_s, u"--db"_s, db(u"fresh.db"_s)}, &again),
        0);
    QCOMPARE(again, exported);

    QByteArray plain;
    QCOMPARE(ServeProcess::run({u"export"_s, u"--db"_s, db()}, &plain), 0);
    QVERIFY(!plain.contains("client_secret_hash"));
    QVERIFY(!plain.contains("password_hash"));
    QVERIFY(QJsonDocument::fromJson(plain).isObject());
}

void TestCli::discoveryMatchesServer()
{
    ServeProcess server;
    QVERIFY2(server.start(db()), qPrintable(server.errorString()));
    const QUrl base = server.url();
    int status = 0;
    const QByteArray served =
        httpGet(QUrl(base.toString() + u"/.well-known/openid-configuration"_s), &status);
    QCOMPARE(status, 200);
    const QJsonObject document = QJsonDocument::fromJson(served).object();
    QCOMPARE(document.value(u"issuer"_s).toString(), base.toString());
    const QByteArray servedJwks = httpGet(QUrl(document.value(u"jwks_uri"_s).toString()), &status);
    QCOMPARE(status, 200);
    QCOMPARE(QJsonDocument::fromJson(servedJwks).object().value(u"keys"_s).toArray().size(), 2);

    QByteArray out, err;
    QCOMPARE(ServeProcess::run({u"discovery"_s, u"--db"_s, db(), u"--issuer"_s, base.toString()},
                               &out, &err),
             0);
    auto line = [](const QByteArray &body) {
        return body.endsWith('\n') ? body : body + '\n';
    };
    QCOMPARE(out, line(served) + line(servedJwks));

    // A path issuer is kept exactly, with no trailing-slash drift.
    QCOMPARE(
        ServeProcess::run(
            {u"discovery"_s, u"--db"_s, db(), u"--issuer"_s, u"https://id.example/office"_s}, &out),
        0);
    const QJsonObject pathDoc =
        QJsonDocument::fromJson(out.left(out.indexOf("\n{\"keys\"") + 1)).object();
    QCOMPARE(pathDoc.value(u"issuer"_s).toString(), u"https://id.example/office"_s);
    QCOMPARE(pathDoc.value(u"jwks_uri"_s).toString(), u"https://id.example/office/jwks"_s);
    QCOMPARE(server.stop(), 0);
}

void TestCli::serveEventsAndSignals()
{
    ServeProcess server;
    QVERIFY2(server.start(db()), qPrintable(server.errorString()));
    QVERIFY(server.waitForEvent(u"server.started"_s));
    QVERIFY(server.waitForEvent(u"key.generated"_s));
    QCOMPARE(server.stop(), 0);
    bool stopped = false;
    for (const QJsonObject &event : server.events())
        stopped |= event.value(u"type"_s).toString() == u"server.stopped"_s;
    QVERIFY(stopped);

    // Same database again: the keys persist, nothing is generated anew.
    ServeProcess again;
    QVERIFY2(again.start(db()), qPrintable(again.errorString()));
    QVERIFY(again.waitForEvent(u"server.started"_s));
    for (const QJsonObject &event : again.events())
        QVERIFY(event.value(u"type"_s).toString() != u"key.generated"_s);
    QCOMPARE(again.stop(), 0);
}

void TestCli::newerSchemaRefused()
{
    QCOMPARE(ServeProcess::run({u"export"_s, u"--db"_s, db()}), 0);
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        sql.setDatabaseName(db());
        QVERIFY(sql.open());
        QSqlQuery query(sql);
        QVERIFY(query.exec(u"INSERT INTO schema_version (version, applied_at) VALUES (999, 0)"_s));
        sql.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    QByteArray err;
    QCOMPARE(ServeProcess::run({u"export"_s, u"--db"_s, db()}, nullptr, &err), 1);
    QVERIFY2(err.contains("newer"), err.constData());
    QCOMPARE(err.count('\n'), 1);
}

namespace {

/// The non-empty lines of `out`, split into whitespace-separated columns.
QList<QStringList> table(const QByteArray &out)
{
    QList<QStringList> rows;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            rows.append(QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts));
    }
    return rows;
}

/// The kid in a `generated ALG key KID: ...` line.
QString generatedKid(const QByteArray &line)
{
    const QList<QByteArray> words = line.split(' ');
    return words.size() > 3 ? QString::fromUtf8(words.at(3)).chopped(1) : QString();
}

} // namespace

void TestCli::keysRotateThenList()
{
    QByteArray out, err;
    // An empty database has no keys yet: nothing to list, and success.
    QCOMPARE(ServeProcess::run({u"keys"_s, u"list"_s, u"--db"_s, db()}, &out, &err), 0);
    QVERIFY(out.isEmpty());

    QCOMPARE(ServeProcess::run({u"keys"_s, u"rotate"_s, u"--db"_s, db()}, &out, &err), 0);
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2); // RS256 and ES256, generated on first use and rotated
    QVERIFY2(lines.at(0).startsWith("generated RS256 key "), out.constData());
    QVERIFY2(lines.at(1).startsWith("generated ES256 key "), out.constData());
    QVERIFY(lines.at(0).contains(": published now, signs from "));
    const QString nextRs = generatedKid(lines.at(0));
    const QString nextEs = generatedKid(lines.at(1));
    QCOMPARE(nextRs.size(), 43); // RFC 7638 SHA-256 thumbprint, base64url

    QCOMPARE(ServeProcess::run({u"keys"_s, u"list"_s, u"--db"_s, db()}, &out, &err), 0);
    const QList<QStringList> rows = table(out);
    QCOMPARE(rows.size(), 5); // header and four keys
    QCOMPARE(rows.at(0).mid(0, 3), (QStringList{u"KID"_s, u"ALG"_s, u"STATE"_s}));
    // Aligned: every column starts at the same offset on every line.
    const QList<QByteArray> listed = out.trimmed().split('\n');
    const qsizetype algColumn = listed.at(0).indexOf("ALG");
    const qsizetype stateColumn = listed.at(0).indexOf("STATE");
    for (const QByteArray &line : listed.mid(1)) {
        QVERIFY2(line.mid(algColumn).startsWith("RS256") || line.mid(algColumn).startsWith("ES256"),
                 line.constData());
        QVERIFY2(line.mid(stateColumn - 2, 2) == "  ", line.constData());
    }
    int active = 0;
    QStringList next;
    for (const QStringList &row : rows.mid(1)) {
        QCOMPARE(row.size(), 7);
        if (row.at(2) == u"active"_s)
            ++active;
        if (row.at(2) == u"next"_s) {
            next.append(row.at(0));
            // ACTIVATED: when it starts signing, after the rotation delay.
            QVERIFY(QDateTime::fromString(row.at(4), Qt::ISODate) >
                    QDateTime::fromString(row.at(3), Qt::ISODate).addSecs(600));
            QCOMPARE(row.at(5), u"-"_s);
        }
    }
    QCOMPARE(active, 2);
    QCOMPARE(next, (QStringList{nextRs, nextEs}));

    // Published at once: the JWKS served from now on holds the new keys.
    QCOMPARE(ServeProcess::run({u"discovery"_s, u"--db"_s, db()}, &out, &err), 0);
    QVERIFY(out.contains(nextRs.toUtf8()));
    QVERIFY(out.contains(nextEs.toUtf8()));

    // A key waiting to sign can be retired; it disappears from the JWKS.
    QCOMPARE(ServeProcess::run({u"keys"_s, u"retire"_s, nextEs, u"--db"_s, db()}, &out, &err), 0);
    QCOMPARE(out, "retired ES256 key " + nextEs.toUtf8() +
                      ": it never signed and is no longer published\n");
    QCOMPARE(ServeProcess::run({u"discovery"_s, u"--db"_s, db()}, &out, &err), 0);
    QVERIFY(!out.contains(nextEs.toUtf8()));
    // ... and another generated for that algorithm alone.
    QCOMPARE(ServeProcess::run({u"keys"_s, u"rotate"_s, u"ES256"_s, u"--db"_s, db()}, &out, &err),
             0);
    QVERIFY2(out.startsWith("generated ES256 key "), out.constData());
    QCOMPARE(out.count('\n'), 1);
}

void TestCli::keysRefusals()
{
    QByteArray out, err;
    QCOMPARE(ServeProcess::run({u"keys"_s, u"rotate"_s, u"RS256"_s, u"--db"_s, db()}, &out, &err),
             0);
    // A second rotation while one waits is refused, with the reason.
    QCOMPARE(ServeProcess::run({u"keys"_s, u"rotate"_s, u"RS256"_s, u"--db"_s, db()}, &out, &err),
             1);
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(err.contains("already has a key waiting to sign"), err.constData());
    QVERIFY(out.isEmpty());

    QCOMPARE(ServeProcess::run({u"keys"_s, u"list"_s, u"--db"_s, db()}, &out, &err), 0);
    QString activeRs;
    for (const QStringList &row : table(out).mid(1)) {
        if (row.at(1) == u"RS256"_s && row.at(2) == u"active"_s)
            activeRs = row.at(0);
    }
    QVERIFY(!activeRs.isEmpty());
    QCOMPARE(ServeProcess::run({u"keys"_s, u"retire"_s, activeRs, u"--db"_s, db()}, &out, &err), 1);
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(err.contains("the only active RS256 key"), err.constData());
    QCOMPARE(ServeProcess::run({u"keys"_s, u"retire"_s, u"nope"_s, u"--db"_s, db()}, &out, &err),
             1);
    QVERIFY2(err.contains("no signing key has kid nope"), err.constData());
    // Usage errors exit 2 with one line.
    QCOMPARE(ServeProcess::run({u"keys"_s, u"rotate"_s, u"HS256"_s, u"--db"_s, db()}, &out, &err),
             2);
    QCOMPARE(err.count('\n'), 1);
    QCOMPARE(ServeProcess::run({u"keys"_s, u"--db"_s, db()}, &out, &err), 2);
    QCOMPARE(ServeProcess::run({u"sessions"_s, u"end"_s, u"--db"_s, db()}, &out, &err), 2);
    QCOMPARE(err.count('\n'), 1);
}

void TestCli::sessionsOnEmptyDatabase()
{
    QByteArray out, err;
    QVERIFY2(ServeProcess::run({u"sessions"_s, u"list"_s, u"--db"_s, db()}, &out, &err) == 0,
             err.constData());
    QVERIFY(out.isEmpty());
    QCOMPARE(ServeProcess::run({u"sessions"_s, u"end"_s, u"sid-x"_s, u"--db"_s, db()}, &out, &err),
             1);
    QCOMPARE(err, "lanyard: no session sid-x\n");
    QCOMPARE(
        ServeProcess::run({u"sessions"_s, u"end-all"_s, u"alice"_s, u"--db"_s, db()}, &out, &err),
        1);
    QCOMPARE(err, "lanyard: no account alice\n");
}

void TestCli::sessionsListAndEnd()
{
    QCOMPARE(
        ServeProcess::run({u"import"_s, dataFile(u"contract-example.json"_s), u"--db"_s, db()}), 0);
    QString subject;
    {
        auto database = lanyard::Database::open(db());
        QVERIFY(database.ok());
        const auto alice = lanyard::SqlAccountStore(*database).findByUsername(u"alice"_s);
        QVERIFY(alice.ok() && alice->has_value());
        subject = (*alice)->subject;
        lanyard::SqlSessionStore sessions(*database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QString &id : {u"sid-one"_s, u"sid-two"_s}) {
            lanyard::Session session;
            session.id = id;
            session.cookieHash = u"cookie-"_s + id;
            session.subject = subject;
            session.createdAt = now.addSecs(id == u"sid-one"_s ? -120 : -60);
            session.expiresAt = now.addSecs(3600);
            session.sourceAddress = u"192.0.2.9"_s;
            session.userAgent = u"Mozilla/5.0 (X11)"_s;
            session.clientIds = {u"app1"_s};
            QVERIFY(sessions.create(session).ok());
        }
    }
    QByteArray out, err;
    QVERIFY2(ServeProcess::run({u"sessions"_s, u"list"_s, u"--db"_s, db()}, &out, &err) == 0,
             err.constData());
    const QList<QStringList> rows = table(out);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).first(), u"SESSION"_s);
    QCOMPARE(rows.at(1).mid(0, 3), (QStringList{u"sid-two"_s, u"alice"_s, subject}));
    QCOMPARE(rows.at(2).first(), u"sid-one"_s);
    for (const QStringList &row : rows.mid(1)) {
        QCOMPARE(row.at(5), u"192.0.2.9"_s);
        QCOMPARE(row.at(6), u"app1"_s);
        // The user agent comes last, spaces and all.
        QCOMPARE(row.mid(7).join(u' '), u"Mozilla/5.0 (X11)"_s);
    }
    QVERIFY(!out.contains("cookie-"));

    QCOMPARE(
        ServeProcess::run({u"sessions"_s, u"end"_s, u"sid-one"_s, u"--db"_s, db()}, &out, &err), 0);
    QCOMPARE(out, "ended session sid-one of alice (0 token families revoked)\n");
    QCOMPARE(
        ServeProcess::run({u"sessions"_s, u"end-all"_s, u"alice"_s, u"--db"_s, db()}, &out, &err),
        0);
    QCOMPARE(out, "ended session sid-two of alice (0 token families revoked)\n");
    QCOMPARE(ServeProcess::run({u"sessions"_s, u"list"_s, u"--db"_s, db()}, &out, &err), 0);
    QVERIFY(out.isEmpty());

    // Each end was recorded as a session.ended event.
    auto database = lanyard::Database::open(db());
    QVERIFY(database.ok());
    QSqlQuery query((*database)->connection());
    QVERIFY(query.exec(u"SELECT COUNT(*) FROM events WHERE type = 'session.ended'"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 2);
}

void TestCli::sessionsEndSignsWithTheAnnouncedIssuer()
{
    // The service serves this database with an --issuer of its own; the
    // stored settings know nothing of it. `lanyard sessions end` must sign
    // the back-channel logout token with the issuer relying parties use.
    LogoutReceiver receiver;
    receiver.start();
    QTRY_VERIFY(receiver.port() != 0);
    const QString file = m_dir->filePath(u"bcl.json"_s);
    {
        QFile json(file);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(
            QJsonDocument(
                QJsonObject{
                    {u"clients"_s,
                     QJsonArray{QJsonObject{
                         {u"client_id"_s, u"rp"_s},
                         {u"client_secret"_s, u"a-secret-of-at-least-32-characters!!"_s},
                         {u"redirect_uris"_s, QJsonArray{u"https://rp.example/cb"_s}},
                         {u"backchannel_logout_uri"_s,
                          u"http://127.0.0.1:%1/bcl"_s.arg(receiver.port())}}}},
                    {u"accounts"_s, QJsonArray{QJsonObject{{u"username"_s, u"alice"_s},
                                                           {u"password"_s, u"correct horse"_s}}}}})
                .toJson());
    }
    QCOMPARE(ServeProcess::run({u"import"_s, file, u"--db"_s, db()}), 0);
    {
        auto database = lanyard::Database::open(db());
        QVERIFY(database.ok());
        const auto alice = lanyard::SqlAccountStore(*database).findByUsername(u"alice"_s);
        QVERIFY(alice.ok() && alice->has_value());
        lanyard::Session session;
        session.id = u"sid-bcl"_s;
        session.cookieHash = u"cookie-bcl"_s;
        session.subject = (*alice)->subject;
        session.createdAt = QDateTime::currentDateTimeUtc();
        session.expiresAt = session.createdAt.addSecs(3600);
        session.clientIds = {u"rp"_s};
        QVERIFY(lanyard::SqlSessionStore(*database).create(session).ok());
        lanyard::Event started;
        started.type = u"server.started"_s;
        started.time = QDateTime::currentDateTimeUtc();
        started.details = {{u"issuer"_s, u"https://sso.example.com"_s},
                           {u"url"_s, u"http://127.0.0.1:9090"_s}};
        QVERIFY(lanyard::SqlEventStore(*database).append({started}).ok());
    }
    QByteArray err;
    QVERIFY2(ServeProcess::run({u"sessions"_s, u"end"_s, u"sid-bcl"_s, u"--db"_s, db()}, nullptr,
                               &err) == 0,
             err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(!receiver.body().isEmpty(), 10'000);
    receiver.requestInterruption();
    receiver.wait();

    const QByteArray body = receiver.body();
    QVERIFY2(body.startsWith("logout_token="), body.constData());
    const QList<QByteArray> parts = QByteArray::fromPercentEncoding(body.mid(13)).split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding))
            .object();
    QCOMPARE(claims.value(u"iss"_s).toString(), u"https://sso.example.com"_s);
    QCOMPARE(claims.value(u"aud"_s).toString(), u"rp"_s);
    QCOMPARE(claims.value(u"sid"_s).toString(), u"sid-bcl"_s);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
