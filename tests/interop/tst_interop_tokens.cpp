// SPDX-License-Identifier: GPL-3.0-or-later
// openid-client (npm) introspects (RFC 7662) and revokes (RFC 7009) tokens
// at a real `lanyard serve`, with the endpoints it found in discovery: a
// signed-in user's access and refresh tokens as their own client, the same
// as a resource server (access tokens only), then revocation of the access
// token alone and of the refresh token with its grant. The script is
// openid-client-tokens.mjs; this test asserts what it printed.
#include "InteropSupport.h"
#include "ServeProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard::test;

class TestInteropTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void introspectAndRevoke();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_db;
    ServeProcess m_server;
    QString m_issuer;
};

namespace {

const QString ClientId = u"interop-tokens"_s;
const QString ClientSecret = u"interop-tokens-secret-0123456789abcdefghijkl"_s;
const QString ApiId = u"interop-api"_s;
const QString ApiSecret = u"interop-api-secret-0123456789abcdefghijklmno"_s;
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
        {u"client_name"_s, u"openid-client introspection and revocation"_s},
        {u"redirect_uris"_s, QJsonArray{redirectUri()}},
        {u"grant_types"_s, QJsonArray{u"authorization_code"_s, u"refresh_token"_s}},
        {u"response_types"_s, QJsonArray{u"code"_s}},
        {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
        {u"scope"_s, u"openid profile offline_access"_s},
    };
    // An API that validates the access tokens presented to it.
    const QJsonObject api{
        {u"client_id"_s, ApiId},
        {u"client_secret"_s, ApiSecret},
        {u"client_name"_s, u"Reports API"_s},
        {u"redirect_uris"_s, QJsonArray{}},
        {u"grant_types"_s, QJsonArray{u"client_credentials"_s}},
        {u"response_types"_s, QJsonArray{}},
        {u"token_endpoint_auth_method"_s, u"client_secret_post"_s},
        {u"resource_server"_s, true},
    };
    const QJsonObject account{
        {u"username"_s, Username},
        {u"password"_s, Password},
        {u"name"_s, u"Alice Example"_s},
    };
    return {{u"clients"_s, QJsonArray{client, api}}, {u"accounts"_s, QJsonArray{account}}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

} // namespace

void TestInteropTokens::initTestCase()
{
    const QString missing = interop::missingPackages({u"openid-client"_s});
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"lanyard.db"_s);
    const QString imported = interop::importData(importFile(), m_dir.path(), m_db);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    QVERIFY2(m_server.start(m_db), qPrintable(m_server.errorString()));
    m_issuer = m_server.url().toString();
}

void TestInteropTokens::introspectAndRevoke()
{
    const interop::NodeRun run = interop::runNode(
        u"openid-client-tokens.mjs"_s,
        {m_issuer, ClientId, ClientSecret, redirectUri(), Username, Password, ApiId, ApiSecret});
    QVERIFY2(run.exitCode == 0 && !run.step(u"done"_s).isEmpty(), run.describe().constData());
    const QString subject = interop::accountSubject(m_db, Username);
    QVERIFY(!subject.isEmpty());
    const auto ok = [&run](const QString &name) {
        const QJsonObject line = run.step(name);
        if (!line[u"ok"_s].toBool())
            qWarning().noquote() << name << json(line);
        return line[u"ok"_s].toBool();
    };

    // Discovery (RFC 8414 §2) names both endpoints and their methods.
    const QJsonObject discovery = run.step(u"discovery"_s);
    QCOMPARE(discovery[u"introspection_endpoint"_s].toString(), m_issuer + u"/introspect"_s);
    QCOMPARE(discovery[u"revocation_endpoint"_s].toString(), m_issuer + u"/revoke"_s);
    QCOMPARE(strings(discovery[u"introspection_endpoint_auth_methods_supported"_s]),
             (QStringList{u"client_secret_basic"_s, u"client_secret_post"_s}));
    QCOMPARE(strings(discovery[u"revocation_endpoint_auth_methods_supported"_s]),
             (QStringList{u"client_secret_basic"_s, u"client_secret_post"_s, u"none"_s}));
    QVERIFY2(run.step(u"sign_in"_s)[u"has_refresh_token"_s].toBool(), run.describe().constData());

    // RFC 7662 §2.2: a live access token with its members.
    QVERIFY(ok(u"introspect_access"_s));
    const QJsonObject access = run.step(u"introspect_access"_s);
    QCOMPARE(access[u"active"_s].toBool(), true);
    QCOMPARE(access[u"token_type"_s].toString(), u"Bearer"_s);
    QCOMPARE(access[u"client_id"_s].toString(), ClientId);
    QCOMPARE(access[u"sub"_s].toString(), subject);
    QCOMPARE(access[u"username"_s].toString(), Username);
    QCOMPARE(access[u"scope"_s].toString(), u"openid profile offline_access"_s);
    QCOMPARE(access[u"aud"_s].toString(), m_issuer);
    QCOMPARE(access[u"iss"_s].toString(), m_issuer);
    QVERIFY(access[u"has_jti"_s].toBool());
    QVERIFY(access[u"exp_in_future"_s].toBool());

    QVERIFY(ok(u"introspect_refresh"_s));
    const QJsonObject refresh = run.step(u"introspect_refresh"_s);
    QCOMPARE(refresh[u"active"_s].toBool(), true);
    QCOMPARE(refresh[u"client_id"_s].toString(), ClientId);
    QVERIFY(refresh[u"token_type"_s].isNull());
    QCOMPARE(run.step(u"introspect_refresh_wrong_hint"_s)[u"active"_s].toBool(), true);

    // A resource server learns about access tokens, never refresh tokens.
    QVERIFY(ok(u"introspect_access_as_resource_server"_s));
    const QJsonObject asApi = run.step(u"introspect_access_as_resource_server"_s);
    QCOMPARE(asApi[u"active"_s].toBool(), true);
    QCOMPARE(asApi[u"client_id"_s].toString(), ClientId);
    QVERIFY(ok(u"introspect_refresh_as_resource_server"_s));
    QCOMPARE(run.step(u"introspect_refresh_as_resource_server"_s)[u"members"_s].toArray(),
             QJsonArray{u"active"_s});
    QVERIFY(ok(u"introspect_garbage"_s));
    QCOMPARE(run.step(u"introspect_garbage"_s)[u"active"_s].toBool(), false);

    // RFC 7009: the access token alone.
    QVERIFY(ok(u"revoke_access"_s));
    QVERIFY(ok(u"introspect_access_after_revoke"_s));
    QCOMPARE(run.step(u"introspect_access_after_revoke"_s)[u"active"_s].toBool(), false);
    const QJsonObject userinfoRevoked = run.step(u"userinfo_after_access_revoke"_s);
    QVERIFY2(!userinfoRevoked[u"ok"_s].toBool(), "userinfo accepted a revoked access token");
    QCOMPARE(userinfoRevoked[u"error"_s][u"status"_s].toInt(), 401);
    QCOMPARE(run.step(u"introspect_refresh_after_access_revoke"_s)[u"active"_s].toBool(), true);

    // The refresh token: the grant goes, its access tokens with it.
    QVERIFY(ok(u"refresh"_s));
    QVERIFY(ok(u"userinfo_after_refresh"_s));
    QVERIFY(run.step(u"userinfo_after_refresh"_s)[u"sub_matches"_s].toBool());
    QVERIFY(ok(u"revoke_refresh"_s));
    QCOMPARE(run.step(u"introspect_access_after_refresh_revoke"_s)[u"active"_s].toBool(), false);
    const QJsonObject userinfoAfter = run.step(u"userinfo_after_refresh_revoke"_s);
    QVERIFY2(!userinfoAfter[u"ok"_s].toBool(), "an access token of a revoked grant still works");
    QCOMPARE(userinfoAfter[u"error"_s][u"status"_s].toInt(), 401);
    const QJsonObject refreshAfter = run.step(u"refresh_after_revoke"_s);
    QVERIFY2(!refreshAfter[u"ok"_s].toBool(), "a revoked refresh token still works");
    QCOMPARE(refreshAfter[u"error"_s][u"error"_s].toString(), u"invalid_grant"_s);
    QVERIFY(ok(u"revoke_unknown"_s));

    // token.revoked for both revocations; never a secret in any event.
    QVERIFY(m_server.waitForEvent(u"token.revoked"_s));
    const auto revocations = [this] {
        int count = 0;
        for (const QJsonObject &event : m_server.events()) {
            if (event[u"type"_s].toString() == u"token.revoked"_s && event[u"success"_s].toBool())
                ++count;
        }
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(revocations(), 2, 10'000);
    for (const QJsonObject &event : m_server.events())
        QVERIFY(!json(event).contains(ClientSecret.toUtf8()));
}

void TestInteropTokens::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestInteropTokens)
#include "tst_interop_tokens.moc"
