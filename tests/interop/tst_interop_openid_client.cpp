// SPDX-License-Identifier: GPL-3.0-or-later
// openid-client (npm), a certified OpenID Connect relying party library,
// signs a user in at a real `lanyard serve`: discovery, authorization code
// with PKCE S256, state and nonce through the login and consent pages, the
// code grant with its ID token checks (signature, iss, aud, nonce, at_hash,
// RFC 9207 `iss` in the authorization response), userinfo, refresh, single
// sign-on in the same browser (with max_age), and the refusals: a replayed
// code (and the tokens issued from it afterwards), prompt=none without a
// session, and a wrong PKCE verifier.
// The script is openid-client-flow.mjs; this test asserts what it printed.
#include "InteropSupport.h"
#include "ServeProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard::test;

class TestInteropOpenidClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signIn();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_db;
    ServeProcess m_server;
    QString m_issuer;
};

namespace {

const QString ClientId = u"interop-openid-client"_s;
// 48 characters: above 32, so Lanyard stores it with the fast HMAC hash.
const QString ClientSecret = u"interop-openid-client-secret-0123456789abcdefgh"_s;
const QString Username = u"alice"_s;
const QString Password = u"correct horse battery staple"_s;

QString redirectUri()
{
    // Never requested: the scripted browser stops at the redirect to it.
    return u"https://rp.interop.example/callback"_s;
}

QJsonObject importFile()
{
    const QJsonObject client{
        {u"client_id"_s, ClientId},
        {u"client_secret"_s, ClientSecret},
        {u"client_name"_s, u"openid-client interop"_s},
        {u"redirect_uris"_s, QJsonArray{redirectUri()}},
        {u"grant_types"_s, QJsonArray{u"authorization_code"_s, u"refresh_token"_s}},
        {u"response_types"_s, QJsonArray{u"code"_s}},
        {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
        {u"scope"_s, u"openid profile email groups offline_access"_s},
        // Shows the consent page, so the script answers it too.
        {u"require_consent"_s, true},
    };
    const QJsonObject account{
        {u"username"_s, Username},
        {u"password"_s, Password},
        {u"email"_s, u"alice@example.com"_s},
        {u"email_verified"_s, true},
        {u"name"_s, u"Alice Example"_s},
        {u"given_name"_s, u"Alice"_s},
        {u"family_name"_s, u"Example"_s},
        {u"groups"_s, QJsonArray{u"staff"_s}},
    };
    return {{u"clients"_s, QJsonArray{client}}, {u"accounts"_s, QJsonArray{account}}};
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void TestInteropOpenidClient::initTestCase()
{
    const QString missing = interop::missingPackages({u"openid-client"_s});
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"lanyard.db"_s);
    const QString imported = interop::importData(importFile(), m_dir.path(), m_db);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    QVERIFY2(m_server.start(m_db), qPrintable(m_server.errorString()));
    m_issuer = m_server.url().toString();
    const QString endpoints = interop::signInEndpointsMissing(m_server.url());
    QVERIFY2(endpoints.isEmpty(), qPrintable(endpoints));
}

void TestInteropOpenidClient::signIn()
{
    const interop::NodeRun run =
        interop::runNode(u"openid-client-flow.mjs"_s,
                         {m_issuer, ClientId, ClientSecret, redirectUri(), Username, Password});
    QVERIFY2(run.exitCode == 0 && !run.step(u"done"_s).isEmpty(), run.describe().constData());
    const QString subject = interop::accountSubject(m_db, Username);
    QVERIFY(!subject.isEmpty());

    // Discovery: openid-client accepted the document (its issuer matches).
    const QJsonObject discovery = run.step(u"discovery"_s);
    QCOMPARE(discovery[u"issuer"_s].toString(), m_issuer);
    QCOMPARE(discovery[u"authorization_response_iss_parameter_supported"_s].toBool(), true);
    QCOMPARE(strings(discovery[u"code_challenge_methods_supported"_s]), QStringList{u"S256"_s});

    // The browser saw the login page, then the consent page, and came back
    // with code, state and (RFC 9207) iss.
    const QJsonObject authorize = run.step(u"authorize"_s);
    QVERIFY2(authorize[u"ok"_s].toBool(), json(authorize).constData());
    QCOMPARE(strings(authorize[u"pages"_s]), (QStringList{u"login"_s, u"consent"_s}));
    QCOMPARE(strings(authorize[u"response_parameters"_s]),
             (QStringList{u"code"_s, u"iss"_s, u"state"_s}));
    QCOMPARE(authorize[u"iss"_s].toString(), m_issuer);
    QVERIFY(authorize[u"state_echoed"_s].toBool());

    // The code grant: openid-client validated the ID token (signature
    // against the JWKS, iss, aud, exp, nonce, at_hash) before this line.
    const QJsonObject code = run.step(u"code_grant"_s);
    QVERIFY2(code[u"ok"_s].toBool(), json(code).constData());
    QCOMPARE(code[u"token_type"_s].toString().toLower(), u"bearer"_s);
    const QStringList granted = code[u"scope"_s].toString().split(u' ');
    for (const QString &scope : {u"openid"_s, u"profile"_s, u"email"_s, u"offline_access"_s})
        QVERIFY2(granted.contains(scope), qPrintable(scope));
    QVERIFY2(!granted.contains(u"groups"_s), "a scope the client did not ask for was granted");
    QVERIFY(code[u"has_refresh_token"_s].toBool());
    QVERIFY(code[u"expires_in"_s].toInt() > 0);
    QCOMPARE(code[u"id_token_alg"_s].toString(), u"RS256"_s);
    // RFC 9068 §2.1: JWT access tokens are typed at+jwt.
    QCOMPARE(code[u"access_token_header"_s][u"typ"_s].toString().toLower(), u"at+jwt"_s);
    const QJsonObject claims = code[u"claims"_s].toObject();
    QCOMPARE(claims[u"iss"_s].toString(), m_issuer);
    QCOMPARE(claims[u"aud"_s].isArray() ? claims[u"aud"_s][0].toString()
                                        : claims[u"aud"_s].toString(),
             ClientId);
    QCOMPARE(claims[u"sub"_s].toString(), subject);
    QVERIFY2(subject != Username, "sub must never be the username");
    QVERIFY(claims.contains(u"nonce"_s));
    QVERIFY(claims.contains(u"auth_time"_s));
    QVERIFY(claims.contains(u"at_hash"_s));

    // Userinfo releases the claims of the granted scopes, and only those.
    const QJsonObject userinfo = run.step(u"userinfo"_s);
    QVERIFY2(userinfo[u"ok"_s].toBool(), json(userinfo).constData());
    const QJsonObject info = userinfo[u"claims"_s].toObject();
    QCOMPARE(info[u"sub"_s].toString(), subject);
    QCOMPARE(info[u"email"_s].toString(), u"alice@example.com"_s);
    QCOMPARE(info[u"email_verified"_s].toBool(), true);
    QCOMPARE(info[u"name"_s].toString(), u"Alice Example"_s);
    QCOMPARE(info[u"given_name"_s].toString(), u"Alice"_s);
    QCOMPARE(info[u"family_name"_s].toString(), u"Example"_s);
    QVERIFY2(!info.contains(u"groups"_s), json(info).constData());

    // Refresh (offline_access): new tokens for the same subject.
    const QJsonObject refresh = run.step(u"refresh"_s);
    QVERIFY2(refresh[u"ok"_s].toBool(), json(refresh).constData());
    QVERIFY(refresh[u"access_token_changed"_s].toBool());
    if (refresh[u"claims"_s].isObject())
        QCOMPARE(refresh[u"claims"_s][u"sub"_s].toString(), subject);
    const QJsonObject afterRefresh = run.step(u"userinfo_after_refresh"_s);
    QVERIFY2(afterRefresh[u"ok"_s].toBool(), json(afterRefresh).constData());
    QCOMPARE(afterRefresh[u"sub"_s].toString(), subject);

    // RFC 6749 §4.1.2 and §10.5: a code works once; the replay is refused
    // and (DESIGN.md) revokes every token issued from it.
    const QJsonObject replay = run.step(u"replay_code"_s);
    QVERIFY2(!replay[u"ok"_s].toBool(), "the same code was accepted twice");
    QCOMPARE(replay[u"error"_s][u"error"_s].toString(), u"invalid_grant"_s);
    const QJsonObject refreshAfterReplay = run.step(u"refresh_after_replay"_s);
    QVERIFY2(!refreshAfterReplay[u"ok"_s].toBool(),
             "the refresh token of a replayed code still works");
    QCOMPARE(refreshAfterReplay[u"error"_s][u"error"_s].toString(), u"invalid_grant"_s);
    const QJsonObject userinfoAfterReplay = run.step(u"userinfo_after_replay"_s);
    QVERIFY2(!userinfoAfterReplay[u"ok"_s].toBool(),
             "the access token of a replayed code still works at userinfo");
    QCOMPARE(userinfoAfterReplay[u"error"_s][u"status"_s].toInt(), 401);

    // Single sign-on: no login page, no consent page the second time
    // (consent is remembered), and the same subject.
    const QJsonObject again = run.step(u"authorize_again"_s);
    QVERIFY2(again[u"ok"_s].toBool(), json(again).constData());
    QCOMPARE(strings(again[u"pages"_s]), QStringList{});
    const QJsonObject codeAgain = run.step(u"code_grant_again"_s);
    QVERIFY2(codeAgain[u"ok"_s].toBool(), json(codeAgain).constData());
    QCOMPARE(codeAgain[u"claims"_s][u"sub"_s].toString(), subject);

    // OpenID Connect Core §3.1.2.6: prompt=none without a session answers
    // login_required at the redirect URI, with iss.
    const QJsonObject promptNone = run.step(u"prompt_none_signed_out"_s);
    QVERIFY2(promptNone[u"ok"_s].toBool(), json(promptNone).constData());
    QCOMPARE(strings(promptNone[u"pages"_s]), QStringList{});
    QCOMPARE(promptNone[u"error"_s].toString(), u"login_required"_s);
    QCOMPARE(promptNone[u"iss"_s].toString(), m_issuer);
    QVERIFY(promptNone[u"state_echoed"_s].toBool());

    // RFC 7636 §4.6: a code redeemed with another verifier is refused.
    const QJsonObject pkce = run.step(u"wrong_verifier"_s);
    QVERIFY2(run.step(u"authorize_pkce"_s)[u"ok"_s].toBool(), run.describe().constData());
    QVERIFY2(!pkce[u"ok"_s].toBool(), "a code was redeemed with the wrong PKCE verifier");
    QCOMPARE(pkce[u"error"_s][u"error"_s].toString(), u"invalid_grant"_s);

    // The server reported the sign-in, and never the password.
    QVERIFY(m_server.waitForEvent(u"code.replayed"_s));
    QStringList types;
    for (const QJsonObject &event : m_server.events()) {
        types.append(event[u"type"_s].toString());
        QVERIFY(!json(event).contains(Password.toUtf8()));
    }
    for (const QString &type : {u"login.succeeded"_s, u"consent.granted"_s, u"token.issued"_s,
                                u"token.refreshed"_s, u"code.replayed"_s})
        QVERIFY2(types.contains(type), qPrintable(type + u" missing in "_s + types.join(u' ')));
}

void TestInteropOpenidClient::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestInteropOpenidClient)
#include "tst_interop_openid_client.moc"
