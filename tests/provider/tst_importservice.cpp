// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ExportService.h"
#include "admin/ImportService.h"
#include "crypto/PasswordHasher.h"
#include "crypto/SecretHasher.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "runtime/Provider.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

/// CONTRACT.md's import example, verbatim.
QByteArray contractExampleJson()
{
    QFile file(qEnvironmentVariable("LANYARD_TEST_DATA") + u"/contract-example.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("tests/data/contract-example.json is missing");
    return file.readAll();
}

QStringList lines(const ImportReport &report)
{
    QStringList out;
    for (const ImportChange &change : report.changes)
        out.append(change.toString());
    return out;
}

QStringList lines(const ValidationProblems &problems)
{
    QStringList out;
    for (const ValidationProblem &p : problems)
        out.append(p.toString());
    return out;
}

} // namespace

class TestImportService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsContractExample();
    void reimportIsUnchanged();
    void updateNamesChangedFields();
    void keepsStoredSecretWhenOmitted();
    void invalidFilesChangeNothing_data();
    void invalidFilesChangeNothing();
    void usernameTakenBySubject();
    void exportImportRoundTrip();

private:
    const QByteArray contractExample = contractExampleJson();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Provider> m_provider;
};

void TestImportService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto provider = Provider::open(m_dir->filePath(u"lanyard.db"_s));
    QVERIFY2(provider.ok(), qPrintable(provider.error().message));
    m_provider = std::move(provider).value();
}

void TestImportService::cleanup()
{
    m_provider.reset();
    m_dir.reset();
}

void TestImportService::importsContractExample()
{
    QSignalSpy published(m_provider->events(), &EventBus::published);
    auto report = m_provider->importService().importJson(contractExample, u"test"_s);
    QVERIFY2(report.ok(), qPrintable(lines(report.error()).join(u'\n')));
    QCOMPARE(lines(*report), (QStringList{u"created client app1"_s, u"created account alice"_s}));
    QCOMPARE(report->warnings.size(), 1); // "s3cret" is short: a warning, not a refusal
    QCOMPARE(report->warnings.first().path, u"clients[0].client_secret"_s);

    auto client = m_provider->clients()->find(u"app1"_s);
    QVERIFY(client.ok() && client->has_value());
    const Client &c = **client;
    QCOMPARE(c.clientName, u"Intranet"_s);
    QVERIFY(!c.secretHash.contains(u"s3cret"_s));
    QVERIFY(SecretHasher().verify(u"s3cret"_s, c.secretHash));
    QVERIFY(!SecretHasher().verify(u"s3cret!"_s, c.secretHash));
    QCOMPARE(c.scopes, (QStringList{u"openid"_s, u"profile"_s, u"email"_s, u"offline_access"_s}));

    auto account = m_provider->accounts()->findByUsername(u"alice"_s);
    QVERIFY(account.ok() && account->has_value());
    const Account &a = **account;
    QVERIFY(a.passwordHash.startsWith(u"$argon2id$"_s));
    QVERIFY(PasswordHasher().verify(u"correct horse battery staple"_s, a.passwordHash));
    QVERIFY(!a.subject.isEmpty());
    QVERIFY(a.subject != a.username);
    QCOMPARE(a.claims.value(u"email"_s).toString(), u"alice@example.com"_s);
    QCOMPARE(a.claims.value(u"email_verified"_s).toBool(), true);

    QCOMPARE(published.size(), 2);
    const Event first = published.at(0).at(0).value<Event>();
    QCOMPARE(first.type, QString(event_type::AdminChanged));
    QCOMPARE(first.clientId, u"app1"_s);
    QCOMPARE(first.details.value(u"action"_s).toString(), u"created"_s);
    const QByteArray eventJson = QJsonDocument(first.toJson()).toJson();
    QVERIFY(!eventJson.contains("s3cret"));
}

void TestImportService::reimportIsUnchanged()
{
    QVERIFY(m_provider->importService().importJson(contractExample, u"test"_s).ok());
    const QString subject = (*m_provider->accounts()->findByUsername(u"alice"_s))->subject;
    QSignalSpy published(m_provider->events(), &EventBus::published);
    auto report = m_provider->importService().importJson(contractExample, u"test"_s);
    QVERIFY(report.ok());
    QCOMPARE(lines(*report),
             (QStringList{u"unchanged client app1"_s, u"unchanged account alice"_s}));
    QCOMPARE(published.size(), 0);
    QCOMPARE((*m_provider->accounts()->findByUsername(u"alice"_s))->subject, subject);
}

void TestImportService::updateNamesChangedFields()
{
    QVERIFY(m_provider->importService().importJson(contractExample, u"test"_s).ok());
    QByteArray changed = contractExample;
    changed.replace("alice@example.com", "alice@office.example");
    changed.replace("correct horse battery staple", "a new passphrase that is long");
    auto report = m_provider->importService().importJson(changed, u"test"_s);
    QVERIFY(report.ok());
    QCOMPARE(lines(*report), (QStringList{u"unchanged client app1"_s,
                                          u"updated account alice (email, password)"_s}));
    const Account a = **m_provider->accounts()->findByUsername(u"alice"_s);
    QVERIFY(PasswordHasher().verify(u"a new passphrase that is long"_s, a.passwordHash));
}

void TestImportService::keepsStoredSecretWhenOmitted()
{
    QVERIFY(m_provider->importService().importJson(contractExample, u"test"_s).ok());
    const QByteArray noSecret =
        R"({"clients":[{"client_id":"app1","client_name":"Renamed","redirect_uris":["https://app1.example/callback"]}]})";
    auto report = m_provider->importService().importJson(noSecret, u"test"_s);
    QVERIFY2(report.ok(), qPrintable(lines(report.error()).join(u'\n')));
    const Client c = **m_provider->clients()->find(u"app1"_s);
    QCOMPARE(c.clientName, u"Renamed"_s);
    QVERIFY(SecretHasher().verify(u"s3cret"_s, c.secretHash));
}

void TestImportService::invalidFilesChangeNothing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    auto row = [](const char *name, const char *json, const char *problem) {
        QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(problem);
    };
    row("not json", "{\"clients\": [", "not valid JSON: unterminated array at offset 13");
    row("top-level array", "[]",
        "the top level must be an object with \"clients\" and/or \"accounts\"");
    row("clients not array", R"({"clients":{}})", "clients: must be an array");
    row("unknown top-level", R"({"clients":[],"users":[]})", "users: unknown field");
    row("element not object", R"({"accounts":["alice"]})", "accounts[0]: must be an object");
    row("bad second client after a good one",
        R"({"clients":[{"client_id":"ok","client_secret":"x","redirect_uris":["https://ok.example/cb"]},
                       {"client_id":"bad","client_secret":"x","redirect_uris":["https://bad.example/cb#frag"]}]})",
        "clients[1].redirect_uris[0]: fragment not allowed");
    row("duplicate client",
        R"({"clients":[{"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb"]},
                       {"client_id":"a","client_secret":"y","redirect_uris":["https://a.example/cb"]}]})",
        "clients[1].client_id: duplicate of clients[0]");
    row("duplicate username",
        R"({"accounts":[{"username":"bob","password":"pw1"},{"username":"bob","password":"pw2"}]})",
        "accounts[1].username: duplicate of accounts[0]");
    row("good account, bad client",
        R"({"accounts":[{"username":"carol","password":"pw"}],
            "clients":[{"client_id":"c","redirect_uris":["https://c.example/cb"]}]})",
        "clients[0].client_secret: required for client_secret_basic");
}

void TestImportService::invalidFilesChangeNothing()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QSignalSpy published(m_provider->events(), &EventBus::published);
    auto report = m_provider->importService().importJson(json, u"test"_s);
    QVERIFY(!report.ok());
    const QStringList problems = lines(report.error());
    QVERIFY2(problems.contains(problem), qPrintable(problems.join(u" | "_s)));
    QCOMPARE(*m_provider->clients()->count(), 0);
    QCOMPARE(*m_provider->accounts()->count(), 0);
    QCOMPARE(published.size(), 0);
}

void TestImportService::usernameTakenBySubject()
{
    QVERIFY(m_provider->importService()
                .importJson(R"({"accounts":[{"username":"dave","sub":"s-1","password":"pw"}]})",
                            u"test"_s)
                .ok());
    auto report = m_provider->importService().importJson(
        R"({"accounts":[{"username":"dave","sub":"s-2","password":"pw"}]})", u"test"_s);
    QVERIFY(!report.ok());
    QCOMPARE(lines(report.error()),
             QStringList{u"accounts[0].username: already used by another account (sub s-1)"_s});
    // Renaming through a known sub is an update.
    report = m_provider->importService().importJson(
        R"({"accounts":[{"username":"david","sub":"s-1"}]})", u"test"_s);
    QVERIFY(report.ok());
    QCOMPARE(lines(*report), QStringList{u"updated account david (username)"_s});
    QVERIFY(PasswordHasher().verify(
        u"pw"_s, (*m_provider->accounts()->findBySubject(u"s-1"_s))->passwordHash));
}

void TestImportService::exportImportRoundTrip()
{
    QVERIFY(m_provider->importService().importJson(contractExample, u"test"_s).ok());
    QVERIFY(
        m_provider->importService()
            .importJson(
                R"({"clients":[{"client_id":"svc","client_secret":"0123456789abcdef0123456789abcdef",
                    "grant_types":["client_credentials"],"response_types":[],"redirect_uris":[]},
                    {"client_id":"spa","token_endpoint_auth_method":"none","redirect_uris":["http://127.0.0.1/cb"]}],
                    "accounts":[{"username":"erin","groups":["staff"],"disabled":true}]})",
                u"test"_s)
            .ok());
    auto exported = m_provider->exportService().exportAll(true);
    QVERIFY(exported.ok());
    const QByteArray bytes = QJsonDocument(*exported).toJson();
    QVERIFY(!bytes.contains("s3cret"));
    QVERIFY(!bytes.contains("correct horse"));
    QCOMPARE(exported->value(u"clients"_s).toArray().size(), 3);

    auto withoutSecrets = m_provider->exportService().exportAll(false);
    QVERIFY(!QJsonDocument(*withoutSecrets).toJson().contains("$argon2id$"));
    QVERIFY(!QJsonDocument(*withoutSecrets).toJson().contains("client_secret_hash"));

    QTemporaryDir other;
    auto fresh = Provider::open(other.filePath(u"fresh.db"_s));
    QVERIFY(fresh.ok());
    auto report = (*fresh)->importService().importJson(bytes, u"test"_s);
    QVERIFY2(report.ok(), qPrintable(lines(report.error()).join(u'\n')));
    auto again = (*fresh)->exportService().exportAll(true);
    QVERIFY(again.ok());
    QCOMPARE(QJsonDocument(*again).toJson(), bytes);
    const Client app1 = **(*fresh)->clients()->find(u"app1"_s);
    QVERIFY(SecretHasher().verify(u"s3cret"_s, app1.secretHash));
}

QTEST_GUILESS_MAIN(TestImportService)
#include "tst_importservice.moc"
