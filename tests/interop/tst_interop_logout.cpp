// SPDX-License-Identifier: GPL-3.0-or-later
// Logout with real relying parties against a real `lanyard serve`:
// express-openid-connect's /logout (idpLogout) sends the browser to
// Lanyard's end_session_endpoint, which ends the Lanyard session (prompt=none
// then gets login_required, the app leads to the login page again) and
// sends a back-channel logout token to the app's registered
// backchannel_logout_uri (here a receiver in this test). The npm `jose`
// package verifies that token against the served JWKS, and this test checks
// it member by member (Back-Channel Logout 1.0 §2.4).
#include "InteropSupport.h"
#include "ServeProcess.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace lanyard::test;

namespace {

const QString ClientId = u"interop-logout"_s;
const QString ClientSecret = u"interop-logout-client-secret-0123456789abcdef"_s;
const QString SessionSecret = u"interop-logout-session-secret-0123456789abcdef"_s;
const QString Username = u"dora"_s;
const QString Password = u"another long and unguessable passphrase"_s;
const QString BackchannelEvent = u"http://schemas.openid.net/event/backchannel-logout"_s;

QString appUrl(quint16 port)
{
    return u"http://127.0.0.1:%1"_s.arg(port);
}

QByteArray json(const QJsonValue &value)
{
    return value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

/// The app's back-channel logout endpoint: keeps every request body and
/// answers 200. Runs in the test thread's event loop (runNode spins it).
class Receiver : public QObject
{
public:
    Receiver()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }
    QString uri() const
    {
        return u"http://127.0.0.1:%1/backchannel-logout"_s.arg(m_server.serverPort());
    }
    QList<QByteArray> bodies;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        bodies.append(buffer.mid(end + 4, length));
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        m_buffers.remove(socket);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestInteropLogout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void expressLogoutEndsTheLanyardSession();
    void cleanupTestCase();

private:
    bool startApp(QString *error);

    QTemporaryDir m_dir;
    QString m_db;
    ServeProcess m_server;
    QProcess m_app;
    Receiver m_receiver;
    quint16 m_appPort = 0;
};

void TestInteropLogout::initTestCase()
{
    const QString missing = interop::missingPackages(
        {u"express"_s, u"express-openid-connect"_s, u"jose"_s, u"openid-client"_s});
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"lanyard.db"_s);
    const QList<quint16> ports = interop::freePorts(1);
    QCOMPARE(ports.size(), 1);
    m_appPort = ports[0];
    const QJsonObject client{
        {u"client_id"_s, ClientId},
        {u"client_secret"_s, ClientSecret},
        {u"client_name"_s, u"Intranet (logout)"_s},
        {u"redirect_uris"_s, QJsonArray{appUrl(m_appPort) + u"/callback"_s}},
        // express-openid-connect returns to its base URL; both spellings.
        {u"post_logout_redirect_uris"_s, QJsonArray{appUrl(m_appPort), appUrl(m_appPort) + u"/"_s}},
        {u"backchannel_logout_uri"_s, m_receiver.uri()},
        {u"backchannel_logout_session_required"_s, true},
        {u"grant_types"_s, QJsonArray{u"authorization_code"_s}},
        {u"response_types"_s, QJsonArray{u"code"_s}},
        {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
        {u"scope"_s, u"openid profile email"_s},
    };
    const QJsonObject account{
        {u"username"_s, Username},
        {u"password"_s, Password},
        {u"email"_s, u"dora@example.com"_s},
        {u"name"_s, u"Dora Example"_s},
    };
    const QString imported = interop::importData(
        {{u"clients"_s, QJsonArray{client}}, {u"accounts"_s, QJsonArray{account}}}, m_dir.path(),
        m_db);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    QVERIFY2(m_server.start(m_db), qPrintable(m_server.errorString()));
    QString error;
    QVERIFY2(startApp(&error), qPrintable(error));
}

bool TestInteropLogout::startApp(QString *error)
{
    m_app.setWorkingDirectory(interop::interopDir());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"RP_CLIENT_SECRET"_s, ClientSecret);
    env.insert(u"RP_SESSION_SECRET"_s, SessionSecret);
    env.insert(u"RP_IDP_LOGOUT"_s, u"1"_s);
    m_app.setProcessEnvironment(env);
    m_app.start(u"node"_s, {u"express-rp.mjs"_s, m_server.url().toString(), ClientId,
                            QString::number(m_appPort)});
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
    *error = u"express-rp.mjs did not start: %1 %2"_s.arg(
        QString::fromUtf8(out), QString::fromUtf8(m_app.readAllStandardError()));
    return false;
}

void TestInteropLogout::expressLogoutEndsTheLanyardSession()
{
    const QString issuer = m_server.url().toString();
    const interop::NodeRun run = interop::runNode(u"express-rp-logout.mjs"_s,
                                                  {appUrl(m_appPort), issuer, Username, Password});
    const QByteArray appErrors = m_app.readAllStandardError();
    QVERIFY2(run.exitCode == 0,
             (run.describe() + "\n--- express-rp.mjs stderr\n" + appErrors).constData());
    const QString subject = interop::accountSubject(m_db, Username);

    const QJsonObject signin = run.step(u"signin"_s);
    QVERIFY2(signin[u"ok"_s].toBool(), json(signin).constData());
    QCOMPARE(signin[u"sub"_s].toString(), subject);
    QVERIFY(signin[u"lanyard_session"_s].toBool());
    // The ID token names the session (needed to match a logout token's sid).
    const QString sid = signin[u"sid"_s].toString();
    QVERIFY2(!sid.isEmpty(), json(signin).constData());

    // The app sent the browser to the end_session_endpoint with a hint and
    // where to come back; Lanyard ended the session without asking (the
    // hint names the signed-in user) and sent the browser back.
    const QJsonObject logout = run.step(u"logout"_s);
    QVERIFY2(logout[u"ok"_s].toBool(), json(logout).constData());
    const QStringList parameters = strings(logout[u"end_session_parameters"_s]);
    QVERIFY2(parameters.contains(u"id_token_hint"_s), json(logout).constData());
    QVERIFY2(parameters.contains(u"post_logout_redirect_uri"_s), json(logout).constData());
    QCOMPARE(logout[u"end_session_status"_s].toInt(), 302);
    QVERIFY2(logout[u"confirmation_page"_s].isNull(), json(logout).constData());
    QVERIFY2(logout[u"back_to"_s].toString().startsWith(appUrl(m_appPort)),
             json(logout).constData());
    QVERIFY2(!logout[u"lanyard_session"_s].toBool(), "the session cookie was not cleared");

    // OpenID Connect Core §3.1.2.6: no session, so prompt=none fails.
    const QJsonObject silent = run.step(u"prompt_none"_s);
    QVERIFY2(silent[u"ok"_s].toBool(), json(silent).constData());
    QCOMPARE(silent[u"status"_s].toInt(), 302);
    QVERIFY(silent[u"to_app"_s].toBool());
    QCOMPARE(silent[u"error"_s].toString(), u"login_required"_s);
    // And the app's pages lead to Lanyard's login page again.
    QCOMPARE(run.step(u"after_logout"_s)[u"page"_s].toString(), u"login"_s);

    QVERIFY(m_server.waitForEvent(u"session.ended"_s));
    bool ended = false;
    for (const QJsonObject &event : m_server.events()) {
        if (event[u"type"_s].toString() != u"session.ended"_s)
            continue;
        ended = true;
        QCOMPARE(event[u"details"_s][u"reason"_s].toString(), u"logout"_s);
        QCOMPARE(event[u"details"_s][u"sid"_s].toString(), sid);
        QCOMPARE(event[u"client_id"_s].toString(), ClientId);
    }
    QVERIFY(ended);

    // Back-channel logout reached the app's registered URI.
    QTRY_VERIFY_WITH_TIMEOUT(!m_receiver.bodies.isEmpty(), 30'000);
    QVERIFY(m_server.waitForEvent(u"backchannel.delivered"_s));
    QCOMPARE(m_receiver.bodies.size(), 1);
    const QUrlQuery form(QString::fromLatin1(m_receiver.bodies.first()));
    const QString token = form.queryItemValue(u"logout_token"_s, QUrl::FullyDecoded);
    QVERIFY(!token.isEmpty());
    QString tampered = token;
    const qsizetype at = tampered.lastIndexOf(u'.') + 4;
    tampered[at] = tampered.at(at) == u'A' ? u'B' : u'A';

    // An independent implementation verifies it with the served JWKS.
    const interop::NodeRun verify = interop::runNode(
        u"verify-jwt.mjs"_s, {u"remote"_s, issuer, ClientId, u"logout+jwt"_s, token, tampered});
    QVERIFY2(verify.exitCode == 0 && verify.lines.size() == 3, verify.describe().constData());
    const QJsonObject discovery = verify.lines.at(0);
    QCOMPARE(discovery[u"backchannel_logout_supported"_s].toBool(), true);
    QCOMPARE(discovery[u"backchannel_logout_session_supported"_s].toBool(), true);
    QCOMPARE(discovery[u"end_session_endpoint"_s].toString(), issuer + u"/logout"_s);
    const QJsonObject verified = verify.lines.at(1);
    QVERIFY2(verified[u"ok"_s].toBool(), json(verified).constData());
    QCOMPARE(verify.lines.at(2)[u"ok"_s].toBool(), false);
    QCOMPARE(verify.lines.at(2)[u"code"_s].toString(), u"ERR_JWS_SIGNATURE_VERIFICATION_FAILED"_s);

    // Back-Channel Logout 1.0 §2.4, member by member.
    const QJsonObject header = verified[u"header"_s].toObject();
    QCOMPARE(header[u"typ"_s].toString(), u"logout+jwt"_s);
    QCOMPARE(header[u"alg"_s].toString(), u"RS256"_s);
    QVERIFY(!header[u"kid"_s].toString().isEmpty());
    const QJsonObject claims = verified[u"payload"_s].toObject();
    QCOMPARE(claims[u"iss"_s].toString(), issuer);
    QCOMPARE(claims[u"aud"_s].toString(), ClientId);
    QCOMPARE(claims[u"sub"_s].toString(), subject);
    QCOMPARE(claims[u"sid"_s].toString(), sid);
    const qint64 iat = claims[u"iat"_s].toInteger();
    const qint64 exp = claims[u"exp"_s].toInteger();
    QVERIFY(iat > 0);
    QCOMPARE(exp - iat, 120);
    QVERIFY(!claims[u"jti"_s].toString().isEmpty());
    QCOMPARE(claims[u"events"_s].toObject(), (QJsonObject{{BackchannelEvent, QJsonObject()}}));
    QVERIFY(!claims.contains(u"nonce"_s));
    QStringList members = claims.keys();
    members.sort();
    QCOMPARE(members, (QStringList{u"aud"_s, u"events"_s, u"exp"_s, u"iat"_s, u"iss"_s, u"jti"_s,
                                   u"sid"_s, u"sub"_s}));

    // The delivery event names the client, the session and the outcome,
    // never the token.
    for (const QJsonObject &event : m_server.events()) {
        QVERIFY(!json(event).contains(token.toUtf8()));
        QVERIFY(!json(event).contains(Password.toUtf8()));
        if (event[u"type"_s].toString() != u"backchannel.delivered"_s)
            continue;
        QCOMPARE(event[u"client_id"_s].toString(), ClientId);
        QCOMPARE(event[u"details"_s][u"sid"_s].toString(), sid);
        QCOMPARE(event[u"details"_s][u"status"_s].toInt(), 200);
        QCOMPARE(event[u"details"_s][u"jti"_s].toString(), claims[u"jti"_s].toString());
    }
}

void TestInteropLogout::cleanupTestCase()
{
    if (m_app.state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(m_app.processId()), SIGTERM);
        if (!m_app.waitForFinished(5'000)) {
            m_app.kill();
            m_app.waitForFinished();
        }
    }
    QCOMPARE(m_server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestInteropLogout)
#include "tst_interop_logout.moc"
