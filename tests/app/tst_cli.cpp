// SPDX-License-Identifier: GPL-3.0-or-later
// The `lanyard` binary as outside tools use it (CONTRACT.md, "Command line").
#include "ServeProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
