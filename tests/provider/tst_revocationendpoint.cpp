// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTestClient.h"
#include "ProviderServicesFixture.h"
#include "TokenMinter.h"

#include "core/Protocol.h"
#include "crypto/SecretHasher.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/IntrospectionEndpoint.h"
#include "endpoints/RevocationEndpoint.h"
#include "endpoints/TokenEndpoint.h"
#include "endpoints/UserInfoEndpoint.h"
#include "events/EventTypes.h"
#include "http/Router.h"
#include "jose/KeyRing.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/TokenStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::HttpTestClient;
using lanyard::test::ProviderServicesFixture;
using lanyard::test::TokenMinter;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QString Secret = u"revocation-secret-0123456789abcdefghijklm"_s;
const QString Alice = u"sub-alice-rev"_s;
const QDateTime Start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
const QStringList Scopes{u"openid"_s, u"profile"_s};
const QByteArray Form = "application/x-www-form-urlencoded"_ba;

QByteArray basic(const QString &id, const QString &secret = Secret)
{
    return "Basic " + (id.toUtf8() + ':' + secret.toUtf8()).toBase64();
}

QByteArray encoded(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

class TestRevocationEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void refreshTokenRevokesTheGrant_data();
    void refreshTokenRevokesTheGrant();
    void refreshTokenRevokesOpaqueAccessTokensToo();
    void accessTokenIsRevokedAlone_data();
    void accessTokenIsRevokedAlone();
    void nothingToRevokeIsStill200_data();
    void nothingToRevokeIsStill200();
    void anotherClientsTokenIsRefused_data();
    void anotherClientsTokenIsRefused();
    void publicClientRevokesItsOwnRefreshToken();
    void failures_data();
    void failures();
    void discovery();

private:
    struct Answer
    {
        int status = 0;
        QJsonObject json;
        HttpTestClient::Response raw;
    };

    Answer send(const QByteArray &method, const QByteArray &path, const Headers &headers,
                const QByteArray &body = {}) const;
    /// POST /revoke authenticated as `clientId` (spa: client_id only).
    Answer revoke(const QString &token, const QString &clientId = u"web"_s,
                  const QString &hint = {}) const;
    bool active(const QString &token, const QString &clientId = u"web"_s) const;
    int userinfoStatus(const QString &accessToken) const;
    int refreshStatus(const QString &refreshToken, const QString &clientId = u"web"_s) const;

    std::unique_ptr<ProviderServicesFixture> m_f;
    std::unique_ptr<TokenMinter> m_mint;
    QString m_issuer;
};

void TestRevocationEndpoint::initTestCase()
{
    m_f = std::make_unique<ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    m_issuer = ProviderServicesFixture::issuer().toString(QUrl::FullyEncoded);
    const QString hash = m_f->services->secretHasher->hash(Secret).value();
    Client web;
    web.clientId = u"web"_s;
    web.secretHash = hash;
    web.redirectUris = {u"https://web.example/cb"_s};
    web.grantTypes = {proto::grant::AuthorizationCode, proto::grant::RefreshToken};
    web.scopes = {u"openid"_s, u"profile"_s, u"offline_access"_s};
    web.rotateRefreshTokens = false;
    QVERIFY(m_f->services->clients->save(web).ok());
    Client other = web;
    other.clientId = u"other"_s;
    QVERIFY(m_f->services->clients->save(other).ok());
    Client opaque = web;
    opaque.clientId = u"opaque"_s;
    opaque.opaqueAccessTokens = true;
    QVERIFY(m_f->services->clients->save(opaque).ok());
    Client spa = web;
    spa.clientId = u"spa"_s;
    spa.tokenEndpointAuthMethod = proto::auth_method::None;
    spa.secretHash.clear();
    QVERIFY(m_f->services->clients->save(spa).ok());
    Account alice;
    alice.subject = Alice;
    alice.username = u"alice"_s;
    QVERIFY(m_f->services->accounts->save(alice).ok());

    m_mint = std::make_unique<TokenMinter>(m_f->services);
    const std::shared_ptr<const ProviderServices> services = m_f->services;
    const QString served = m_f->serve({std::make_shared<RevocationEndpoint>(services),
                                       std::make_shared<IntrospectionEndpoint>(services),
                                       std::make_shared<UserInfoEndpoint>(services),
                                       std::make_shared<TokenEndpoint>(services)});
    QVERIFY2(served.isEmpty(), qPrintable(served));
}

void TestRevocationEndpoint::init()
{
    m_f->clock->set(Start);
    m_f->clearEvents();
}

TestRevocationEndpoint::Answer TestRevocationEndpoint::send(const QByteArray &method,
                                                            const QByteArray &path,
                                                            const Headers &headers,
                                                            const QByteArray &body) const
{
    Answer answer;
    const auto response = HttpTestClient::exchange(
        m_f->port(), ProviderServicesFixture::request(method, path, headers, body));
    if (!response)
        return answer;
    answer.raw = *response;
    answer.status = response->status;
    answer.json = QJsonDocument::fromJson(response->body).object();
    return answer;
}

TestRevocationEndpoint::Answer TestRevocationEndpoint::revoke(const QString &token,
                                                              const QString &clientId,
                                                              const QString &hint) const
{
    QByteArray body = "token=" + encoded(token);
    if (!hint.isEmpty())
        body += "&token_type_hint=" + encoded(hint);
    Headers headers{{"Content-Type"_ba, Form}};
    if (clientId == u"spa"_s)
        body += "&client_id=spa";
    else
        headers.append({"Authorization"_ba, basic(clientId)});
    return send("POST"_ba, "/revoke"_ba, headers, body);
}

bool TestRevocationEndpoint::active(const QString &token, const QString &clientId) const
{
    const Answer answer = send("POST"_ba, "/introspect"_ba,
                               {{"Content-Type"_ba, Form}, {"Authorization"_ba, basic(clientId)}},
                               "token=" + encoded(token));
    if (answer.status != 200)
        qWarning() << "introspection failed" << answer.status << answer.json;
    return answer.json.value(u"active"_s).toBool();
}

int TestRevocationEndpoint::userinfoStatus(const QString &accessToken) const
{
    return send("GET"_ba, "/userinfo"_ba,
                {{"Authorization"_ba, "Bearer " + accessToken.toLatin1()}})
        .status;
}

int TestRevocationEndpoint::refreshStatus(const QString &refreshToken,
                                          const QString &clientId) const
{
    return send("POST"_ba, "/token"_ba,
                {{"Content-Type"_ba, Form}, {"Authorization"_ba, basic(clientId)}},
                "grant_type=refresh_token&refresh_token=" + encoded(refreshToken))
        .status;
}

void TestRevocationEndpoint::refreshTokenRevokesTheGrant_data()
{
    QTest::addColumn<QString>("hint");
    QTest::newRow("no hint") << QString();
    QTest::newRow("hint refresh_token") << u"refresh_token"_s;
    QTest::newRow("wrong hint access_token") << u"access_token"_s;
    QTest::newRow("unknown hint") << u"saml_assertion"_s;
}

void TestRevocationEndpoint::refreshTokenRevokesTheGrant()
{
    QFETCH(QString, hint);
    const auto refresh = m_mint->refreshToken(u"web"_s, Alice, Scopes);
    const auto first = m_mint->accessToken(u"web"_s, Alice, Scopes, refresh.familyId);
    const auto second = m_mint->accessToken(u"web"_s, Alice, Scopes, refresh.familyId);
    const auto unrelated = m_mint->accessToken(u"web"_s, Alice, Scopes);
    QCOMPARE(userinfoStatus(first.value), 200);
    QVERIFY(active(refresh.value));

    const Answer answer = revoke(refresh.value, u"web"_s, hint);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.raw.body.isEmpty());
    QCOMPARE(answer.raw.header("Cache-Control"), "no-store"_ba);

    // RFC 7009 §2.1: the grant goes, with every access token from it.
    QVERIFY(!active(refresh.value));
    QCOMPARE(refreshStatus(refresh.value), 400);
    QCOMPARE(userinfoStatus(first.value), 401);
    QVERIFY(!active(second.value));
    // Another grant of the same user and client lives on.
    QVERIFY(active(unrelated.value));
    QCOMPARE(userinfoStatus(unrelated.value), 200);

    const QList<Event> events = m_f->publishedEvents(event_type::TokenRevoked);
    QCOMPARE(events.size(), 1);
    QVERIFY(events.first().success);
    QCOMPARE(events.first().clientId, u"web"_s);
    QCOMPARE(events.first().subject, Alice);
    QCOMPARE(events.first().details.value(u"token_type"_s).toString(), u"refresh_token"_s);
    QCOMPARE(events.first().details.value(u"family_revoked"_s).toBool(), true);
    // Never the token itself.
    const QByteArray details = QJsonDocument(events.first().details).toJson();
    QVERIFY(!details.contains(refresh.value.toLatin1()));
}

void TestRevocationEndpoint::refreshTokenRevokesOpaqueAccessTokensToo()
{
    const auto refresh = m_mint->refreshToken(u"opaque"_s, Alice, Scopes);
    const auto access = m_mint->accessToken(u"opaque"_s, Alice, Scopes, refresh.familyId);
    QCOMPARE(userinfoStatus(access.value), 200);
    QCOMPARE(revoke(refresh.value, u"opaque"_s).status, 200);
    QCOMPARE(userinfoStatus(access.value), 401);
    QVERIFY(!active(access.value, u"opaque"_s));
}

void TestRevocationEndpoint::accessTokenIsRevokedAlone_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("hint");
    QTest::newRow("JWT, no hint") << u"web"_s << QString();
    QTest::newRow("JWT, hint access_token") << u"web"_s << u"access_token"_s;
    QTest::newRow("JWT, wrong hint refresh_token") << u"web"_s << u"refresh_token"_s;
    QTest::newRow("opaque, no hint") << u"opaque"_s << QString();
    QTest::newRow("opaque, wrong hint refresh_token") << u"opaque"_s << u"refresh_token"_s;
}

void TestRevocationEndpoint::accessTokenIsRevokedAlone()
{
    QFETCH(QString, client);
    QFETCH(QString, hint);
    const auto refresh = m_mint->refreshToken(client, Alice, Scopes);
    const auto revoked = m_mint->accessToken(client, Alice, Scopes, refresh.familyId);
    const auto sibling = m_mint->accessToken(client, Alice, Scopes, refresh.familyId);
    QCOMPARE(userinfoStatus(revoked.value), 200);

    QCOMPARE(revoke(revoked.value, client, hint).status, 200);
    // Userinfo and introspection refuse the revoked token ...
    QCOMPARE(userinfoStatus(revoked.value), 401);
    QVERIFY(!active(revoked.value, client));
    // ... and nothing else of its grant.
    QVERIFY(active(sibling.value, client));
    QCOMPARE(userinfoStatus(sibling.value), 200);
    QVERIFY(active(refresh.value, client));
    QCOMPARE(refreshStatus(refresh.value, client), 200);

    const QList<Event> events = m_f->publishedEvents(event_type::TokenRevoked);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().details.value(u"token_type"_s).toString(), u"access_token"_s);
    QVERIFY(!events.first().details.contains(u"family_revoked"_s));
    if (client == u"web"_s) {
        // A JWT is revoked by its jti, kept until the token expires.
        QVERIFY(m_f->services->tokens->isAccessTokenRevoked(revoked.jti).value());
        QCOMPARE(m_f->services->tokens->purgeExpired(revoked.expiresAt.addSecs(-1), 100).value(),
                 0);
        QVERIFY(m_f->services->tokens->isAccessTokenRevoked(revoked.jti).value());
    }
}

void TestRevocationEndpoint::nothingToRevokeIsStill200_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("unknown token") << u"unknown"_s;
    QTest::newRow("malformed JWT") << u"malformed"_s;
    QTest::newRow("expired access token") << u"expired"_s;
    QTest::newRow("revoked already") << u"revoked"_s;
    QTest::newRow("rotated refresh token") << u"rotated"_s;
    QTest::newRow("an ID token") << u"id token"_s;
}

void TestRevocationEndpoint::nothingToRevokeIsStill200()
{
    QFETCH(QString, what);
    QString token;
    if (what == u"unknown"_s) {
        token = u"dW5rbm93bi10b2tlbi0wMTIzNDU2Nzg5YWJjZGVmZ2hpams"_s;
    } else if (what == u"malformed"_s) {
        token = u"a.b.c"_s;
    } else if (what == u"expired"_s) {
        token = m_mint->accessToken(u"web"_s, Alice, Scopes, {}, Start.addSecs(-7200)).value;
    } else if (what == u"revoked"_s) {
        token = m_mint->refreshToken(u"web"_s, Alice, Scopes).value;
        QCOMPARE(revoke(token).status, 200);
        m_f->clearEvents();
    } else if (what == u"rotated"_s) {
        const auto minted = m_mint->refreshToken(u"web"_s, Alice, Scopes);
        QVERIFY(m_f->services->tokens->markRotated(minted.hash, Start).value());
        token = minted.value;
    } else if (what == u"id token"_s) {
        const QJsonObject claims{{u"iss"_s, m_issuer},
                                 {u"sub"_s, Alice},
                                 {u"aud"_s, u"web"_s},
                                 {u"exp"_s, Start.toSecsSinceEpoch() + 600},
                                 {u"iat"_s, Start.toSecsSinceEpoch()}};
        token = QString::fromLatin1(m_f->keyRing()->sign(u"RS256"_s, claims).value());
    }
    // RFC 7009 §2.2: "invalid tokens do not cause an error response".
    const Answer answer = revoke(token);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.raw.body.isEmpty());
    QVERIFY(m_f->publishedEvents(event_type::TokenRevoked).isEmpty());
}

void TestRevocationEndpoint::anotherClientsTokenIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("caller");
    QTest::newRow("refresh token, confidential caller") << u"refresh"_s << u"other"_s;
    QTest::newRow("access token, confidential caller") << u"access"_s << u"other"_s;
    QTest::newRow("refresh token, public caller") << u"refresh"_s << u"spa"_s;
    QTest::newRow("opaque access token, confidential caller") << u"opaque"_s << u"other"_s;
}

void TestRevocationEndpoint::anotherClientsTokenIsRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, caller);
    const QString owner = kind == u"opaque"_s ? u"opaque"_s : u"web"_s;
    const QString token = kind == u"refresh"_s ? m_mint->refreshToken(owner, Alice, Scopes).value
                                               : m_mint->accessToken(owner, Alice, Scopes).value;
    const Answer answer = revoke(token, caller);
    // RFC 7009 §2.1: refused, and the client is told.
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(u"error"_s).toString(), QString(proto::error::InvalidGrant));
    QCOMPARE(answer.raw.header("Cache-Control"), "no-store"_ba);
    // Nothing was revoked.
    QVERIFY(active(token, owner));
    const QList<Event> events = m_f->publishedEvents(event_type::TokenRevoked);
    QCOMPARE(events.size(), 1);
    QVERIFY(!events.first().success);
    QCOMPARE(events.first().clientId, caller);
    QCOMPARE(events.first().details.value(u"token_client_id"_s).toString(), owner);
}

void TestRevocationEndpoint::publicClientRevokesItsOwnRefreshToken()
{
    // RFC 7009 §2.1: a public client names itself with client_id.
    const auto refresh = m_mint->refreshToken(u"spa"_s, Alice, Scopes);
    const auto access = m_mint->accessToken(u"spa"_s, Alice, Scopes, refresh.familyId);
    QCOMPARE(revoke(refresh.value, u"spa"_s).status, 200);
    QCOMPARE(userinfoStatus(access.value), 401);
    QCOMPARE(m_f->services->tokens->isFamilyRevoked(refresh.familyId).value(), true);
}

void TestRevocationEndpoint::failures_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    const QString invalidClient = proto::error::InvalidClient;
    const QString invalidRequest = proto::error::InvalidRequest;
    QTest::newRow("unauthenticated caller") << u"no auth"_s << 401 << invalidClient;
    QTest::newRow("wrong secret") << u"wrong secret"_s << 401 << invalidClient;
    QTest::newRow("unknown client") << u"unknown client"_s << 401 << invalidClient;
    QTest::newRow("public client posing as the confidential one")
        << u"public as web"_s << 401 << invalidClient;
    QTest::newRow("token missing") << u"no token"_s << 400 << invalidRequest;
    QTest::newRow("token repeated") << u"two tokens"_s << 400 << invalidRequest;
    QTest::newRow("JSON body") << u"json"_s << 400 << invalidRequest;
    QTest::newRow("GET") << u"get"_s << 405 << QString(proto::error::MethodNotAllowed);
}

void TestRevocationEndpoint::failures()
{
    QFETCH(QString, what);
    QFETCH(int, status);
    QFETCH(QString, error);
    const auto refresh = m_mint->refreshToken(u"web"_s, Alice, Scopes);
    const QByteArray token = encoded(refresh.value);
    Headers headers{{"Content-Type"_ba, Form}, {"Authorization"_ba, basic(u"web"_s)}};
    QByteArray body = "token=" + token;
    QByteArray method = "POST"_ba;
    if (what == u"no auth"_s) {
        headers.removeLast();
    } else if (what == u"wrong secret"_s) {
        headers.last().second = basic(u"web"_s, u"wrong-0123456789abcdefghijklmnopqrstuvw"_s);
    } else if (what == u"unknown client"_s) {
        headers.last().second = basic(u"nobody"_s);
    } else if (what == u"public as web"_s) {
        headers.removeLast();
        body += "&client_id=web";
    } else if (what == u"no token"_s) {
        body = "token_type_hint=refresh_token";
    } else if (what == u"two tokens"_s) {
        body += "&token=" + token;
    } else if (what == u"json"_s) {
        headers.first().second = "application/json"_ba;
        body = "{\"token\":\"" + token + "\"}";
    } else if (what == u"get"_s) {
        method = "GET"_ba;
    }
    const Answer answer = what == u"get"_s ? send(method, "/revoke?token=" + token, headers)
                                           : send(method, "/revoke"_ba, headers, body);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.json.value(u"error"_s).toString(), error);
    if (status == 401)
        QVERIFY(answer.raw.header("WWW-Authenticate").startsWith("Basic"));
    // Whatever failed, the token was not revoked.
    QVERIFY(active(refresh.value));
    QVERIFY(m_f->publishedEvents(event_type::TokenRevoked).isEmpty());
}

void TestRevocationEndpoint::discovery()
{
    const QJsonObject document =
        DiscoveryDocument(ProviderServicesFixture::issuer(), m_f->router()->mounted(),
                          m_f->keyRing()->signingAlgorithms())
            .toJson();
    QCOMPARE(document.value(u"revocation_endpoint"_s).toString(), m_issuer + u"/revoke"_s);
    QCOMPARE(document.value(u"revocation_endpoint_auth_methods_supported"_s).toArray(),
             (QJsonArray{u"client_secret_basic"_s, u"client_secret_post"_s, u"none"_s}));
    QCOMPARE(document.value(u"introspection_endpoint"_s).toString(), m_issuer + u"/introspect"_s);
}

QTEST_GUILESS_MAIN(TestRevocationEndpoint)
#include "tst_revocationendpoint.moc"
