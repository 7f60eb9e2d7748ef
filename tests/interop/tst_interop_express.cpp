// SPDX-License-Identifier: GPL-3.0-or-later
// express-openid-connect (npm), the Express middleware an office intranet
// would use, protects a tiny app (express-rp.mjs) with Lanyard as its
// provider: a browser (express-rp-signin.mjs) asks the app for /profile, is
// sent to Lanyard, signs in and comes back through the app's /callback,
// where express-openid-connect redeems the code with client_secret_basic and
// checks the ID token; /profile then shows the user and what Lanyard's
// userinfo endpoint says about them. Twice: with the code in the query of a
// GET (the app's default for response_type code) and with response_mode
// form_post (Lanyard's auto-submitting page POSTs it to /callback).
#include "InteropSupport.h"
#include "ServeProcess.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace lanyard::test;

class TestInteropExpress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signIn_data();
    void signIn();
    void cleanup();
    void cleanupTestCase();

private:
    bool startApp(quint16 port, const QString &responseMode, QString *error);

    QTemporaryDir m_dir;
    QString m_db;
    ServeProcess m_server;
    QProcess m_app;
    /// One app (and one registered redirect URI) per response mode.
    quint16 m_queryPort = 0;
    quint16 m_formPostPort = 0;
};

namespace {

const QString ClientId = u"interop-express"_s;
const QString ClientSecret = u"interop-express-client-secret-0123456789abcdef"_s;
const QString SessionSecret = u"interop-express-session-secret-0123456789abcdef"_s;
const QString Username = u"bob"_s;
const QString Password = u"a long and unguessable passphrase"_s;

QString appUrl(quint16 port)
{
    return u"http://127.0.0.1:%1"_s.arg(port);
}

QJsonObject importFile(const QList<quint16> &appPorts)
{
    QJsonArray redirectUris;
    QJsonArray logoutUris;
    for (const quint16 port : appPorts) {
        redirectUris.append(appUrl(port) + u"/callback"_s);
        logoutUris.append(appUrl(port) + u"/"_s);
    }
    const QJsonObject client{
        {u"client_id"_s, ClientId},
        {u"client_secret"_s, ClientSecret},
        {u"client_name"_s, u"Intranet (express-openid-connect)"_s},
        {u"redirect_uris"_s, redirectUris},
        {u"post_logout_redirect_uris"_s, logoutUris},
        {u"grant_types"_s, QJsonArray{u"authorization_code"_s}},
        {u"response_types"_s, QJsonArray{u"code"_s}},
        {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
        {u"scope"_s, u"openid profile email"_s},
    };
    const QJsonObject account{
        {u"username"_s, Username},          {u"password"_s, Password},
        {u"email"_s, u"bob@example.com"_s}, {u"email_verified"_s, true},
        {u"name"_s, u"Bob Example"_s},
    };
    return {{u"clients"_s, QJsonArray{client}}, {u"accounts"_s, QJsonArray{account}}};
}

QByteArray json(const QJsonValue &value)
{
    return value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
}

} // namespace

void TestInteropExpress::initTestCase()
{
    const QString missing = interop::missingPackages({u"express"_s, u"express-openid-connect"_s});
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"lanyard.db"_s);
    const QList<quint16> ports = interop::freePorts(2);
    QCOMPARE(ports.size(), 2);
    m_queryPort = ports[0];
    m_formPostPort = ports[1];
    const QString imported =
        interop::importData(importFile({m_queryPort, m_formPostPort}), m_dir.path(), m_db);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    QVERIFY2(m_server.start(m_db), qPrintable(m_server.errorString()));
    const QString endpoints = interop::signInEndpointsMissing(m_server.url());
    QVERIFY2(endpoints.isEmpty(), qPrintable(endpoints));
}

bool TestInteropExpress::startApp(quint16 port, const QString &responseMode, QString *error)
{
    m_app.setWorkingDirectory(interop::interopDir());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"RP_CLIENT_SECRET"_s, ClientSecret);
    env.insert(u"RP_SESSION_SECRET"_s, SessionSecret);
    env.insert(u"RP_RESPONSE_MODE"_s, responseMode);
    m_app.setProcessEnvironment(env);
    m_app.start(u"node"_s,
                {u"express-rp.mjs"_s, m_server.url().toString(), ClientId, QString::number(port)});
    if (!m_app.waitForStarted()) {
        *error = u"cannot start node: "_s + m_app.errorString();
        return false;
    }
    QByteArray out;
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired() && !out.contains("listening on ")) {
        if (!m_app.waitForReadyRead(100) && m_app.state() == QProcess::NotRunning)
            break;
        out += m_app.readAllStandardOutput();
    }
    if (out.contains("listening on "))
        return true;
    *error = u"express-rp.mjs did not start (exit %1): %2 %3"_s.arg(m_app.exitCode())
                 .arg(QString::fromUtf8(out), QString::fromUtf8(m_app.readAllStandardError()));
    return false;
}

void TestInteropExpress::signIn_data()
{
    QTest::addColumn<QString>("responseMode");
    QTest::addColumn<QString>("callbackMethod");
    QTest::addColumn<QStringList>("pages");
    QTest::newRow("query (default)") << QString() << u"GET"_s << QStringList{u"login"_s};
    // Each row is a new browser, so both show the login page.
    QTest::newRow("form_post") << u"form_post"_s << u"POST"_s
                               << QStringList{u"login"_s, u"form_post"_s};
}

void TestInteropExpress::signIn()
{
    QFETCH(QString, responseMode);
    QFETCH(QString, callbackMethod);
    QFETCH(QStringList, pages);
    const quint16 appPort = responseMode.isEmpty() ? m_queryPort : m_formPostPort;
    QString error;
    QVERIFY2(startApp(appPort, responseMode, &error), qPrintable(error));

    const interop::NodeRun run =
        interop::runNode(u"express-rp-signin.mjs"_s,
                         {appUrl(appPort), m_server.url().toString(), Username, Password});
    const QByteArray appErrors = m_app.readAllStandardError();
    QVERIFY2(run.exitCode == 0,
             (run.describe() + "\n--- express-rp.mjs stderr\n" + appErrors).constData());

    // The app sent the browser to Lanyard with a code flow request: PKCE
    // S256, state and nonce, and a response_mode only when configured
    // (without one: query, a GET /callback).
    const QJsonObject redirect = run.step(u"login_redirect"_s);
    QVERIFY(redirect[u"to_provider"_s].toBool());
    QCOMPARE(redirect[u"response_type"_s].toString(), u"code"_s);
    QCOMPARE(redirect[u"response_mode"_s].toString(), responseMode);
    QCOMPARE(redirect[u"code_challenge_method"_s].toString(), u"S256"_s);
    QCOMPARE(redirect[u"redirect_uri"_s].toString(), appUrl(appPort) + u"/callback"_s);
    const QJsonArray parameters = redirect[u"parameters"_s].toArray();
    for (const QString &name : {u"state"_s, u"nonce"_s, u"code_challenge"_s})
        QVERIFY2(parameters.contains(name), qPrintable(name));

    // Login, no consent (a first-party app), back to the app's /callback
    // (through Lanyard's auto-submitting page with form_post), which
    // redirects to /profile.
    const QJsonObject signin = run.step(u"signin"_s);
    QStringList seen;
    bool callback = false;
    for (const QJsonValue &hop : signin[u"hops"_s].toArray()) {
        if (!hop[u"page"_s].isNull())
            seen.append(hop[u"page"_s].toString());
        if (hop[u"path"_s].toString() == u"/callback"_s) {
            callback = true;
            QCOMPARE(hop[u"method"_s].toString(), callbackMethod);
            QCOMPARE(hop[u"location"_s][u"path"_s].toString(), u"/profile"_s);
        }
    }
    QCOMPARE(seen, pages);
    QVERIFY2(callback, json(signin).constData());

    // What the app knows about the user.
    const QJsonObject profile = run.step(u"profile"_s)[u"profile"_s].toObject();
    QVERIFY2(profile[u"authenticated"_s].toBool(), json(profile).constData());
    const QString subject = interop::accountSubject(m_db, Username);
    const QJsonObject user = profile[u"user"_s].toObject();
    QCOMPARE(user[u"sub"_s].toString(), subject);
    const QJsonObject userinfo = profile[u"userinfo"_s].toObject();
    QCOMPARE(userinfo[u"sub"_s].toString(), subject);
    QCOMPARE(userinfo[u"email"_s].toString(), u"bob@example.com"_s);
    QCOMPARE(userinfo[u"name"_s].toString(), u"Bob Example"_s);
    QCOMPARE(profile[u"access_token_type"_s].toString().toLower(), u"bearer"_s);
    // req.oidc.user is the ID token's claims. OpenID Connect Core §5.4 puts
    // scope claims at userinfo when an access token is issued; say which
    // way Lanyard went, so a change is noticed.
    qInfo("req.oidc.user: %s", json(user).constData());

    // The app's session alone lets the browser in now.
    const QJsonObject again = run.step(u"profile_again"_s);
    QVERIFY2(again[u"ok"_s].toBool(), json(again).constData());
    QCOMPARE(again[u"sub"_s].toString(), subject);

    QVERIFY(m_server.waitForEvent(u"token.issued"_s));
    QStringList types;
    for (const QJsonObject &event : m_server.events()) {
        types.append(event[u"type"_s].toString());
        QVERIFY(!json(event).contains(Password.toUtf8()));
        QVERIFY(!json(event).contains(ClientSecret.toUtf8()));
    }
    QVERIFY2(types.contains(u"login.succeeded"_s), qPrintable(types.join(u' ')));
    QVERIFY2(types.contains(u"token.issued"_s), qPrintable(types.join(u' ')));
}

void TestInteropExpress::cleanup()
{
    if (m_app.state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(m_app.processId()), SIGTERM);
        if (!m_app.waitForFinished(5'000)) {
            m_app.kill();
            m_app.waitForFinished();
        }
    }
}

void TestInteropExpress::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestInteropExpress)
#include "tst_interop_express.moc"
