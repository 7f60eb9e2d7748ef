// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTestClient.h"
#include "ProviderServicesFixture.h"

#include "auth/ClientCors.h"
#include "core/Protocol.h"
#include "crypto/SecretHasher.h"
#include "endpoints/IntrospectionEndpoint.h"
#include "endpoints/RevocationEndpoint.h"
#include "endpoints/TokenEndpoint.h"
#include "endpoints/UserInfoEndpoint.h"
#include "http/RequestContext.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "tokens/TokenIssuer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::HttpTestClient;
using lanyard::test::ProviderServicesFixture;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QString Secret = u"web-secret-0123456789abcdefghijklmnopqrstu"_s;
const QString Alice = u"sub-alice-cors"_s;
const QByteArray SpaOrigin = "https://spa.example"_ba;
const QByteArray WebOrigin = "https://web.example:8443"_ba;
const QByteArray EvilOrigin = "https://evil.example"_ba;

RequestContext withOrigins(const QList<QByteArray> &origins)
{
    RequestContext::HeaderList headers;
    for (const QByteArray &origin : origins)
        headers.append({"Origin"_ba, origin});
    return RequestContext::create("POST"_ba, "/token"_ba, headers);
}

} // namespace

/// ClientCors: which origins a browser page may read the token and userinfo
/// endpoints' answers from, and the preflights.
class TestClientCors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void originOf_data();
    void originOf();
    void requestOrigin_data();
    void requestOrigin();
    void allows_data();
    void allows();
    void endpoints_data();
    void endpoints();

private:
    QString mint(const QString &clientId, const QStringList &scopes) const;
    HttpTestClient::Response send(const QByteArray &method, const QByteArray &target,
                                  const Headers &headers, const QByteArray &body = {}) const;

    std::unique_ptr<ProviderServicesFixture> m_f;
};

void TestClientCors::initTestCase()
{
    m_f = std::make_unique<ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    Client spa;
    spa.clientId = u"spa"_s;
    spa.tokenEndpointAuthMethod = proto::auth_method::None;
    spa.redirectUris = {u"https://spa.example/callback"_s, u"http://localhost:5173/cb"_s};
    spa.grantTypes = {proto::grant::AuthorizationCode, proto::grant::RefreshToken};
    spa.scopes = {u"openid"_s, u"profile"_s, u"offline_access"_s};
    QVERIFY(m_f->services->clients->save(spa).ok());
    Client web;
    web.clientId = u"web"_s;
    web.secretHash = m_f->services->secretHasher->hash(Secret).value();
    web.redirectUris = {u"https://web.example:8443/cb"_s};
    web.grantTypes = {proto::grant::AuthorizationCode, proto::grant::ClientCredentials};
    web.scopes = {u"openid"_s, u"api"_s};
    QVERIFY(m_f->services->clients->save(web).ok());
    Account alice;
    alice.subject = Alice;
    alice.username = u"alice"_s;
    QVERIFY(m_f->services->accounts->save(alice).ok());

    const std::shared_ptr<const ProviderServices> services = m_f->services;
    const QString served = m_f->serve({std::make_shared<TokenEndpoint>(services),
                                       std::make_shared<UserInfoEndpoint>(services),
                                       std::make_shared<IntrospectionEndpoint>(services),
                                       std::make_shared<RevocationEndpoint>(services)});
    QVERIFY2(served.isEmpty(), qPrintable(served));
}

QString TestClientCors::mint(const QString &clientId, const QStringList &scopes) const
{
    const TokenIssuer issuer(m_f->services);
    TokenIssuer::Grant grant;
    grant.grantType = proto::grant::AuthorizationCode;
    grant.client = m_f->services->clients->find(clientId).value().value();
    grant.subject = Alice;
    grant.scopes = scopes;
    grant.familyId = issuer.newFamilyId();
    grant.issuer = ProviderServicesFixture::issuer().toString(QUrl::FullyEncoded);
    grant.issuedAt = m_f->clock->now();
    grant.authTime = grant.issuedAt;
    if (!issuer.createFamily(grant, {}, grant.issuedAt.addSecs(3600)).ok())
        qFatal("cannot create a family");
    return issuer.issueAccessToken(grant, {}).value().value;
}

HttpTestClient::Response TestClientCors::send(const QByteArray &method, const QByteArray &target,
                                              const Headers &headers, const QByteArray &body) const
{
    const auto response = HttpTestClient::exchange(
        m_f->port(), ProviderServicesFixture::request(method, target, headers, body));
    return response.value_or(HttpTestClient::Response{});
}

void TestClientCors::originOf_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("origin");
    QTest::newRow("https, default port dropped")
        << u"https://App.Example:443/cb?x=1"_s << u"https://app.example"_s;
    QTest::newRow("https, other port kept")
        << u"https://app.example:8443/cb"_s << u"https://app.example:8443"_s;
    QTest::newRow("http loopback with port")
        << u"http://localhost:5173/cb"_s << u"http://localhost:5173"_s;
    QTest::newRow("http, default port dropped")
        << u"http://127.0.0.1:80/cb"_s << u"http://127.0.0.1"_s;
    QTest::newRow("IPv6 loopback") << u"http://[::1]:8080/cb"_s << u"http://[::1]:8080"_s;
    QTest::newRow("private-use scheme: no web origin") << u"com.example.app:/cb"_s << QString();
    QTest::newRow("no host") << u"https:///cb"_s << QString();
    QTest::newRow("not a URL") << u"::::"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestClientCors::originOf()
{
    QFETCH(QString, uri);
    QFETCH(QString, origin);
    QCOMPARE(ClientCors::originOf(uri), origin);
}

void TestClientCors::requestOrigin_data()
{
    QTest::addColumn<QList<QByteArray>>("origins");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one origin") << QList<QByteArray>{SpaOrigin} << QString::fromLatin1(SpaOrigin);
    QTest::newRow("none: not a cross-origin browser request") << QList<QByteArray>{} << QString();
    QTest::newRow("the opaque origin null") << QList<QByteArray>{"null"_ba} << QString();
    QTest::newRow("two Origin headers") << QList<QByteArray>{SpaOrigin, EvilOrigin} << QString();
    QTest::newRow("empty value") << QList<QByteArray>{QByteArray()} << QString();
}

void TestClientCors::requestOrigin()
{
    QFETCH(QList<QByteArray>, origins);
    QFETCH(QString, expected);
    QCOMPARE(ClientCors::requestOrigin(withOrigins(origins)), expected);
}

void TestClientCors::allows_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("a redirect URI's origin") << u"https://spa.example"_s << true;
    QTest::newRow("the other redirect URI's origin") << u"http://localhost:5173"_s << true;
    QTest::newRow("another port") << u"http://localhost:5174"_s << false;
    QTest::newRow("another scheme") << u"http://spa.example"_s << false;
    QTest::newRow("a subdomain") << u"https://a.spa.example"_s << false;
    QTest::newRow("a suffix trick") << u"https://spa.example.evil.example"_s << false;
    QTest::newRow("with a path") << u"https://spa.example/callback"_s << false;
    QTest::newRow("another origin") << QString::fromLatin1(EvilOrigin) << false;
    QTest::newRow("empty") << QString() << false;
}

void TestClientCors::allows()
{
    QFETCH(QString, origin);
    QFETCH(bool, allowed);
    const Client spa = m_f->services->clients->find(u"spa"_s).value().value();
    QCOMPARE(ClientCors::allows(spa, origin), allowed);
}

void TestClientCors::endpoints_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QString>("request"); // what the request carries
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allowOrigin"); // empty: no CORS header

    // Preflights (the Fetch standard's CORS-preflight request).
    QTest::newRow("token: preflight from a registered origin")
        << "OPTIONS"_ba
        << "/token"_ba << SpaOrigin << u"preflight"_s << 204 << SpaOrigin;
    QTest::newRow("token: preflight from an unregistered origin")
        << "OPTIONS"_ba
        << "/token"_ba << EvilOrigin << u"preflight"_s << 204 << QByteArray();
    QTest::newRow("token: OPTIONS without Origin")
        << "OPTIONS"_ba
        << "/token"_ba << QByteArray() << u"preflight"_s << 204 << QByteArray();
    QTest::newRow("token: OPTIONS with Origin but no requested method")
        << "OPTIONS"_ba
        << "/token"_ba << SpaOrigin << u"plain-options"_s << 204 << QByteArray();
    QTest::newRow("userinfo: preflight from a registered origin")
        << "OPTIONS"_ba
        << "/userinfo"_ba << SpaOrigin << u"preflight"_s << 204 << SpaOrigin;
    QTest::newRow("introspection: server to server, no preflight")
        << "OPTIONS"_ba
        << "/introspect"_ba << SpaOrigin << u"preflight"_s << 204 << QByteArray();
    QTest::newRow("revocation: server to server, no preflight")
        << "OPTIONS"_ba
        << "/revoke"_ba << SpaOrigin << u"preflight"_s << 204 << QByteArray();

    // Token endpoint requests.
    QTest::newRow("token: the client's own origin gets its tokens")
        << "POST"_ba
        << "/token"_ba << WebOrigin << u"client-credentials"_s << 200 << WebOrigin;
    QTest::newRow("token: an origin the client did not register is refused")
        << "POST"_ba
        << "/token"_ba << EvilOrigin << u"client-credentials"_s << 400 << QByteArray();
    QTest::newRow("token: another client's origin is refused")
        << "POST"_ba
        << "/token"_ba << SpaOrigin << u"client-credentials"_s << 400 << QByteArray();
    QTest::newRow("token: no Origin, server to server as before")
        << "POST"_ba
        << "/token"_ba << QByteArray() << u"client-credentials"_s << 200 << QByteArray();
    QTest::newRow("token: a public client's error is readable by its page")
        << "POST"_ba
        << "/token"_ba << SpaOrigin << u"spa-bad-refresh"_s << 400 << SpaOrigin;
    QTest::newRow("token: failed authentication, registered origin: readable")
        << "POST"_ba
        << "/token"_ba << SpaOrigin << u"unknown-client"_s << 401 << SpaOrigin;
    QTest::newRow("token: failed authentication, unregistered origin")
        << "POST"_ba
        << "/token"_ba << EvilOrigin << u"unknown-client"_s << 401 << QByteArray();

    // Userinfo requests.
    QTest::newRow("userinfo: the token's client's origin")
        << "GET"_ba
        << "/userinfo"_ba << SpaOrigin << u"spa-token"_s << 200 << SpaOrigin;
    QTest::newRow("userinfo: another client's origin is refused")
        << "GET"_ba
        << "/userinfo"_ba << WebOrigin << u"spa-token"_s << 400 << QByteArray();
    QTest::newRow("userinfo: an unregistered origin is refused")
        << "GET"_ba
        << "/userinfo"_ba << EvilOrigin << u"spa-token"_s << 400 << QByteArray();
    QTest::newRow("userinfo: an invalid token's 401 is readable")
        << "GET"_ba
        << "/userinfo"_ba << SpaOrigin << u"bad-token"_s << 401 << SpaOrigin;
    QTest::newRow("userinfo: no Origin")
        << "GET"_ba
        << "/userinfo"_ba << QByteArray() << u"spa-token"_s << 200 << QByteArray();

    // Introspection and revocation never answer across origins.
    QTest::newRow("introspection: no CORS header")
        << "POST"_ba
        << "/introspect"_ba << WebOrigin << u"introspect"_s << 200 << QByteArray();
    QTest::newRow("revocation: no CORS header")
        << "POST"_ba
        << "/revoke"_ba << WebOrigin << u"revoke"_s << 200 << QByteArray();
}

void TestClientCors::endpoints()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, origin);
    QFETCH(QString, request);
    QFETCH(int, status);
    QFETCH(QByteArray, allowOrigin);

    const QByteArray form = "application/x-www-form-urlencoded"_ba;
    const QByteArray webBasic = "Basic " + ("web:" + Secret.toUtf8()).toBase64();
    Headers headers;
    if (!origin.isEmpty())
        headers.append({"Origin"_ba, origin});
    QByteArray body;
    if (request == u"preflight"_s) {
        headers.append(
            {"Access-Control-Request-Method"_ba, path == "/userinfo" ? "GET"_ba : "POST"_ba});
        headers.append({"Access-Control-Request-Headers"_ba, "authorization"_ba});
    } else if (request == u"client-credentials"_s) {
        headers.append({"Content-Type"_ba, form});
        headers.append({"Authorization"_ba, webBasic});
        body = "grant_type=client_credentials&scope=api"_ba;
    } else if (request == u"spa-bad-refresh"_s) {
        headers.append({"Content-Type"_ba, form});
        body = "grant_type=refresh_token&refresh_token=nope&client_id=spa"_ba;
    } else if (request == u"unknown-client"_s) {
        headers.append({"Content-Type"_ba, form});
        body = "grant_type=refresh_token&refresh_token=nope&client_id=nobody"_ba;
    } else if (request == u"spa-token"_s) {
        headers.append({"Authorization"_ba, "Bearer " + mint(u"spa"_s, {u"openid"_s}).toLatin1()});
    } else if (request == u"bad-token"_s) {
        headers.append({"Authorization"_ba, "Bearer not-a-token"_ba});
    } else if (request == u"introspect"_s || request == u"revoke"_s) {
        headers.append({"Content-Type"_ba, form});
        headers.append({"Authorization"_ba, webBasic});
        body = "token=" + mint(u"web"_s, {u"openid"_s}).toLatin1();
    }

    const HttpTestClient::Response response = send(method, path, headers, body);
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("Access-Control-Allow-Origin"), allowOrigin);
    // Never a wildcard, never cookies (ClientCors class comment).
    QVERIFY(response.header("Access-Control-Allow-Credentials").isEmpty());
    if (!allowOrigin.isEmpty()) {
        QVERIFY(response.header("Vary").contains("Origin"));
    }
    if (request == u"preflight"_s && !allowOrigin.isEmpty()) {
        QCOMPARE(response.header("Access-Control-Allow-Methods"),
                 path == "/userinfo" ? "GET, HEAD, POST"_ba : "POST"_ba);
        QVERIFY(response.header("Access-Control-Allow-Headers").contains("Authorization"));
        QVERIFY(!response.header("Access-Control-Max-Age").isEmpty());
    }
    if (method == "OPTIONS")
        QVERIFY(response.header("Allow").contains("OPTIONS"));
    if (request == u"bad-token"_s)
        QCOMPARE(response.header("Access-Control-Expose-Headers"), "WWW-Authenticate"_ba);
    const QJsonObject json = QJsonDocument::fromJson(response.body).object();
    if (status == 400 && allowOrigin.isEmpty() && request != u"preflight"_s) {
        QCOMPARE(json.value(u"error"_s).toString(), QString(proto::error::InvalidRequest));
        // Refused before any token was handed out.
        QVERIFY(!json.contains(u"access_token"_s));
    }
}

QTEST_GUILESS_MAIN(TestClientCors)
#include "tst_clientcors.moc"
