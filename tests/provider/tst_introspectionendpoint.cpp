// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTestClient.h"
#include "ProviderServicesFixture.h"
#include "TokenMinter.h"

#include "core/Protocol.h"
#include "crypto/KeyGenerator.h"
#include "crypto/SecretHasher.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/IntrospectionEndpoint.h"
#include "http/Router.h"
#include "jose/KeyRing.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/TokenStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::HttpTestClient;
using lanyard::test::ProviderServicesFixture;
using lanyard::test::TokenMinter;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QString Secret = u"introspection-secret-0123456789abcdefghij"_s;
const QString Alice = u"sub-alice-77"_s;
const QString Bob = u"sub-bob-disabled"_s;
const QDateTime Start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
const QStringList Scopes{u"openid"_s, u"profile"_s};

QByteArray basic(const QString &id, const QString &secret = Secret)
{
    return "Basic " + (id.toUtf8() + ':' + secret.toUtf8()).toBase64();
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return {keys.begin(), keys.end()};
}

} // namespace

class TestIntrospectionEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void activeness_data();
    void activeness();
    void accessTokenMembers();
    void refreshTokenMembers();
    void clientCredentialsTokenMembers();
    void opaqueAccessTokenMembers();
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

    Answer introspect(const QByteArray &body, const Headers &headers) const;
    Answer introspect(const QString &token, const QString &caller = u"web"_s,
                      const QString &hint = {}) const;
    /// The token `what` names (see activeness_data()).
    QString tokenFor(const QString &what);

    std::unique_ptr<ProviderServicesFixture> m_f;
    std::unique_ptr<TokenMinter> m_mint;
    QString m_issuer;
};

void TestIntrospectionEndpoint::initTestCase()
{
    m_f = std::make_unique<ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    m_issuer = ProviderServicesFixture::issuer().toString(QUrl::FullyEncoded);
    auto &clients = *m_f->services->clients;
    const QString hash = m_f->services->secretHasher->hash(Secret).value();
    const auto save = [&](Client c) {
        QVERIFY(clients.save(c).ok());
    };
    Client web;
    web.clientId = u"web"_s;
    web.secretHash = hash;
    web.redirectUris = {u"https://web.example/cb"_s};
    web.grantTypes = {proto::grant::AuthorizationCode, proto::grant::RefreshToken};
    web.scopes = {u"openid"_s, u"profile"_s, u"offline_access"_s};
    save(web);
    Client other = web;
    other.clientId = u"other"_s;
    save(other);
    Client doomed = web;
    doomed.clientId = u"doomed"_s;
    save(doomed);
    Client opaque = web;
    opaque.clientId = u"opaque"_s;
    opaque.opaqueAccessTokens = true;
    save(opaque);
    Client api = web;
    api.clientId = u"api"_s;
    api.tokenEndpointAuthMethod = proto::auth_method::ClientSecretPost;
    api.resourceServer = true;
    save(api);
    Client svc = web;
    svc.clientId = u"svc"_s;
    svc.grantTypes = {proto::grant::ClientCredentials};
    svc.redirectUris.clear();
    svc.scopes = {u"reports.read"_s};
    save(svc);
    Client spa = web;
    spa.clientId = u"spa"_s;
    spa.tokenEndpointAuthMethod = proto::auth_method::None;
    spa.secretHash.clear();
    save(spa);

    Account alice;
    alice.subject = Alice;
    alice.username = u"alice"_s;
    QVERIFY(m_f->services->accounts->save(alice).ok());
    Account bob;
    bob.subject = Bob;
    bob.username = u"bob"_s;
    bob.disabled = true;
    QVERIFY(m_f->services->accounts->save(bob).ok());

    m_mint = std::make_unique<TokenMinter>(m_f->services);
    const QString served = m_f->serve({std::make_shared<IntrospectionEndpoint>(
        std::shared_ptr<const ProviderServices>(m_f->services))});
    QVERIFY2(served.isEmpty(), qPrintable(served));
}

void TestIntrospectionEndpoint::init()
{
    m_f->clock->set(Start);
}

TestIntrospectionEndpoint::Answer
TestIntrospectionEndpoint::introspect(const QByteArray &body, const Headers &headers) const
{
    Answer answer;
    const auto response = HttpTestClient::exchange(
        m_f->port(), ProviderServicesFixture::request("POST"_ba, "/introspect"_ba, headers, body));
    if (!response)
        return answer;
    answer.raw = *response;
    answer.status = response->status;
    answer.json = QJsonDocument::fromJson(response->body).object();
    return answer;
}

TestIntrospectionEndpoint::Answer TestIntrospectionEndpoint::introspect(const QString &token,
                                                                        const QString &caller,
                                                                        const QString &hint) const
{
    QByteArray body = "token=" + QUrl::toPercentEncoding(token);
    if (!hint.isEmpty())
        body += "&token_type_hint=" + QUrl::toPercentEncoding(hint);
    Headers headers{{"Content-Type"_ba, "application/x-www-form-urlencoded"_ba}};
    if (caller == u"api"_s) // client_secret_post
        body += "&client_id=api&client_secret=" + QUrl::toPercentEncoding(Secret);
    else
        headers.append({"Authorization"_ba, basic(caller)});
    return introspect(body, headers);
}

QString TestIntrospectionEndpoint::tokenFor(const QString &what)
{
    const QDateTime now = m_f->clock->now();
    const QDateTime longAgo = now.addDays(-30);
    TokenStore &tokens = *m_f->services->tokens;
    if (what == u"jwt"_s)
        return m_mint->accessToken(u"web"_s, Alice, Scopes).value;
    if (what == u"refresh"_s)
        return m_mint->refreshToken(u"web"_s, Alice, Scopes).value;
    if (what == u"opaque"_s)
        return m_mint->accessToken(u"opaque"_s, Alice, Scopes).value;
    if (what == u"client token"_s)
        return m_mint->clientToken(u"svc"_s, {u"reports.read"_s}).value;
    if (what == u"expired jwt"_s)
        return m_mint->accessToken(u"web"_s, Alice, Scopes, {}, now.addSecs(-3601)).value;
    if (what == u"jwt at its exp"_s)
        return m_mint->accessToken(u"web"_s, Alice, Scopes, {}, now.addSecs(-3600)).value;
    if (what == u"expired refresh"_s)
        return m_mint->refreshToken(u"web"_s, Alice, Scopes, {}, longAgo).value;
    if (what == u"revoked jwt"_s) {
        const auto minted = m_mint->accessToken(u"web"_s, Alice, Scopes);
        if (!tokens.revokeAccessToken(minted.jti, u"web"_s, now, minted.expiresAt).ok())
            return {};
        return minted.value;
    }
    if (what == u"jwt of a revoked grant"_s) {
        const auto minted = m_mint->accessToken(u"web"_s, Alice, Scopes);
        return tokens.revokeFamily(minted.familyId, now).ok() ? minted.value : QString();
    }
    if (what == u"refresh of a revoked grant"_s) {
        const auto minted = m_mint->refreshToken(u"web"_s, Alice, Scopes);
        return tokens.revokeFamily(minted.familyId, now).ok() ? minted.value : QString();
    }
    if (what == u"rotated refresh"_s) {
        const auto minted = m_mint->refreshToken(u"web"_s, Alice, Scopes);
        return tokens.markRotated(minted.hash, now).ok() ? minted.value : QString();
    }
    if (what == u"revoked opaque"_s) {
        const auto minted = m_mint->accessToken(u"opaque"_s, Alice, Scopes);
        return tokens.revoke(minted.hash, now).ok() ? minted.value : QString();
    }
    if (what == u"disabled account"_s)
        return m_mint->accessToken(u"web"_s, Bob, Scopes).value;
    if (what == u"deleted client"_s) {
        const QString value = m_mint->accessToken(u"doomed"_s, Alice, Scopes).value;
        return m_f->services->clients->remove(u"doomed"_s).valueOr(false) ? value : QString();
    }
    if (what == u"unknown opaque"_s)
        return u"bm90LWEtdG9rZW4tb2YtbGFueWFyZC0wMTIzNDU2Nzg5"_s;
    if (what == u"malformed jwt"_s)
        return u"eyJhbGciOiJSUzI1NiJ9.bm9wZQ.c2ln"_s;
    if (what == u"not a token at all"_s)
        return u"<script>alert(1)</script> \u00e9"_s;
    if (what == u"ID token"_s) {
        QJsonObject claims{{u"iss"_s, m_issuer},
                           {u"sub"_s, Alice},
                           {u"aud"_s, u"web"_s},
                           {u"exp"_s, now.toSecsSinceEpoch() + 600},
                           {u"iat"_s, now.toSecsSinceEpoch()},
                           {u"jti"_s, u"id-1"_s},
                           {u"client_id"_s, u"web"_s},
                           {u"fid"_s, u"f"_s}};
        return QString::fromLatin1(m_f->keyRing()->sign(u"RS256"_s, claims).value());
    }
    if (what == u"jwt of an unknown key"_s) {
        auto key = KeyGenerator::generateSigningKey(u"RS256"_s, Start);
        if (!key)
            return {};
        key->state = KeyState::Active;
        key->activatedAt = Start;
        const auto ring = KeyRing::fromKeys({*key}, Start);
        QJsonObject claims{{u"iss"_s, m_issuer},
                           {u"sub"_s, Alice},
                           {u"aud"_s, m_issuer},
                           {u"exp"_s, now.toSecsSinceEpoch() + 600},
                           {u"iat"_s, now.toSecsSinceEpoch()},
                           {u"jti"_s, u"k-1"_s},
                           {u"client_id"_s, u"web"_s},
                           {u"fid"_s, u"f"_s}};
        return QString::fromLatin1((*ring)->sign(u"RS256"_s, claims, u"at+jwt"_s).value());
    }
    qFatal("unknown token case %s", qPrintable(what));
}

void TestIntrospectionEndpoint::activeness_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<bool>("active");

    QTest::newRow("live JWT access token") << u"jwt"_s << u"web"_s << QString() << true;
    QTest::newRow("live refresh token") << u"refresh"_s << u"web"_s << QString() << true;
    QTest::newRow("live opaque access token") << u"opaque"_s << u"opaque"_s << QString() << true;
    QTest::newRow("live client_credentials token")
        << u"client token"_s << u"svc"_s << QString() << true;
    // RFC 7662 §2.1: the hint is honoured but not trusted.
    QTest::newRow("refresh token, hint access_token")
        << u"refresh"_s << u"web"_s << u"access_token"_s << true;
    QTest::newRow("access token, hint refresh_token")
        << u"jwt"_s << u"web"_s << u"refresh_token"_s << true;
    QTest::newRow("unknown hint value") << u"jwt"_s << u"web"_s << u"id_token"_s << true;
    // RFC 7662 §4: a resource server may learn about any access token.
    QTest::newRow("another client's access token, resource server caller")
        << u"jwt"_s << u"api"_s << QString() << true;

    QTest::newRow("another client's access token") << u"jwt"_s << u"other"_s << QString() << false;
    QTest::newRow("another client's refresh token")
        << u"refresh"_s << u"other"_s << QString() << false;
    QTest::newRow("another client's refresh token, resource server caller")
        << u"refresh"_s << u"api"_s << QString() << false;
    QTest::newRow("expired JWT") << u"expired jwt"_s << u"web"_s << QString() << false;
    QTest::newRow("JWT at exactly its exp")
        << u"jwt at its exp"_s << u"web"_s << QString() << false;
    QTest::newRow("expired refresh token")
        << u"expired refresh"_s << u"web"_s << QString() << false;
    QTest::newRow("JWT revoked on its own") << u"revoked jwt"_s << u"web"_s << QString() << false;
    QTest::newRow("JWT of a revoked grant")
        << u"jwt of a revoked grant"_s << u"web"_s << QString() << false;
    QTest::newRow("refresh token of a revoked grant")
        << u"refresh of a revoked grant"_s << u"web"_s << QString() << false;
    QTest::newRow("rotated refresh token")
        << u"rotated refresh"_s << u"web"_s << QString() << false;
    QTest::newRow("revoked opaque access token")
        << u"revoked opaque"_s << u"opaque"_s << QString() << false;
    QTest::newRow("token of a disabled account")
        << u"disabled account"_s << u"web"_s << QString() << false;
    QTest::newRow("token of a deleted client")
        << u"deleted client"_s << u"web"_s << QString() << false;
    QTest::newRow("unknown opaque value") << u"unknown opaque"_s << u"web"_s << QString() << false;
    QTest::newRow("malformed JWT") << u"malformed jwt"_s << u"web"_s << QString() << false;
    QTest::newRow("not a token at all")
        << u"not a token at all"_s << u"web"_s << QString() << false;
    QTest::newRow("an ID token") << u"ID token"_s << u"web"_s << QString() << false;
    QTest::newRow("a JWT signed by an unknown key")
        << u"jwt of an unknown key"_s << u"web"_s << QString() << false;
}

void TestIntrospectionEndpoint::activeness()
{
    QFETCH(QString, token);
    QFETCH(QString, caller);
    QFETCH(QString, hint);
    QFETCH(bool, active);
    const QString value = tokenFor(token);
    QVERIFY(!value.isEmpty());
    const Answer answer = introspect(value, caller, hint);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.raw.header("Cache-Control"), "no-store"_ba);
    QVERIFY(answer.raw.header("Content-Type").startsWith("application/json"));
    QCOMPARE(answer.json.value(u"active"_s).toBool(), active);
    if (!active) {
        // Nothing about a token the caller may not know of (RFC 7662 §2.2:
        // the other members are returned only for an active token).
        QCOMPARE(answer.json, (QJsonObject{{u"active"_s, false}}));
    }
}

void TestIntrospectionEndpoint::accessTokenMembers()
{
    const auto minted = m_mint->accessToken(u"web"_s, Alice, Scopes);
    const Answer answer = introspect(minted.value);
    QCOMPARE(answer.status, 200);
    const QJsonObject &j = answer.json;
    QCOMPARE(keysOf(j),
             (QSet<QString>{u"active"_s, u"scope"_s, u"client_id"_s, u"username"_s, u"token_type"_s,
                            u"exp"_s, u"iat"_s, u"nbf"_s, u"sub"_s, u"aud"_s, u"iss"_s, u"jti"_s}));
    QCOMPARE(j.value(u"active"_s).toBool(), true);
    QCOMPARE(j.value(u"scope"_s).toString(), u"openid profile"_s);
    QCOMPARE(j.value(u"client_id"_s).toString(), u"web"_s);
    QCOMPARE(j.value(u"username"_s).toString(), u"alice"_s);
    QCOMPARE(j.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(j.value(u"sub"_s).toString(), Alice);
    QCOMPARE(j.value(u"aud"_s).toString(), m_issuer);
    QCOMPARE(j.value(u"iss"_s).toString(), m_issuer);
    QCOMPARE(j.value(u"jti"_s).toString(), minted.jti);
    QCOMPARE(j.value(u"iat"_s).toInteger(), Start.toSecsSinceEpoch());
    QCOMPARE(j.value(u"nbf"_s).toInteger(), Start.toSecsSinceEpoch());
    QCOMPARE(j.value(u"exp"_s).toInteger(), minted.expiresAt.toSecsSinceEpoch());
}

void TestIntrospectionEndpoint::refreshTokenMembers()
{
    const auto minted = m_mint->refreshToken(u"web"_s, Alice, Scopes);
    const Answer answer = introspect(minted.value, u"web"_s, u"refresh_token"_s);
    QCOMPARE(answer.status, 200);
    const QJsonObject &j = answer.json;
    // No token_type: a refresh token has no RFC 6749 §5.1 type; no aud or
    // jti: it is only ever presented to Lanyard itself.
    QCOMPARE(keysOf(j), (QSet<QString>{u"active"_s, u"scope"_s, u"client_id"_s, u"username"_s,
                                       u"exp"_s, u"iat"_s, u"nbf"_s, u"sub"_s, u"iss"_s}));
    QCOMPARE(j.value(u"scope"_s).toString(), u"openid profile offline_access"_s);
    QCOMPARE(j.value(u"exp"_s).toInteger(), minted.expiresAt.toSecsSinceEpoch());
    QCOMPARE(j.value(u"sub"_s).toString(), Alice);
}

void TestIntrospectionEndpoint::clientCredentialsTokenMembers()
{
    const auto minted = m_mint->clientToken(u"svc"_s, {u"reports.read"_s});
    const Answer answer = introspect(minted.value, u"svc"_s);
    QCOMPARE(answer.json.value(u"active"_s).toBool(), true);
    // RFC 9068 §2.2: sub is the client; there is no user.
    QCOMPARE(answer.json.value(u"sub"_s).toString(), u"svc"_s);
    QVERIFY(!answer.json.contains(u"username"_s));
    QCOMPARE(answer.json.value(u"scope"_s).toString(), u"reports.read"_s);
    // A resource server sees it too.
    QCOMPARE(introspect(minted.value, u"api"_s).json.value(u"client_id"_s).toString(), u"svc"_s);
}

void TestIntrospectionEndpoint::opaqueAccessTokenMembers()
{
    const auto minted = m_mint->accessToken(u"opaque"_s, Alice, Scopes);
    const Answer answer = introspect(minted.value, u"opaque"_s, u"access_token"_s);
    QCOMPARE(answer.json.value(u"active"_s).toBool(), true);
    QCOMPARE(answer.json.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(answer.json.value(u"username"_s).toString(), u"alice"_s);
    QVERIFY(!answer.json.contains(u"jti"_s));
}

void TestIntrospectionEndpoint::failures_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    const QString invalidClient = proto::error::InvalidClient;
    const QString invalidRequest = proto::error::InvalidRequest;
    QTest::newRow("unauthenticated caller") << u"no auth"_s << 401 << invalidClient;
    QTest::newRow("wrong secret") << u"wrong secret"_s << 401 << invalidClient;
    QTest::newRow("unknown client") << u"unknown client"_s << 401 << invalidClient;
    QTest::newRow("public client") << u"public client"_s << 401 << invalidClient;
    QTest::newRow("token missing") << u"no token"_s << 400 << invalidRequest;
    QTest::newRow("token empty") << u"empty token"_s << 400 << invalidRequest;
    QTest::newRow("token repeated") << u"two tokens"_s << 400 << invalidRequest;
    QTest::newRow("JSON body") << u"json"_s << 400 << invalidRequest;
    QTest::newRow("malformed form") << u"malformed"_s << 400 << invalidRequest;
    QTest::newRow("GET") << u"get"_s << 405 << QString(proto::error::MethodNotAllowed);
}

void TestIntrospectionEndpoint::failures()
{
    QFETCH(QString, what);
    QFETCH(int, status);
    QFETCH(QString, error);
    const QByteArray token = m_mint->accessToken(u"web"_s, Alice, Scopes).value.toLatin1();
    const QByteArray form = "application/x-www-form-urlencoded"_ba;
    Headers headers{{"Content-Type"_ba, form}, {"Authorization"_ba, basic(u"web"_s)}};
    QByteArray body = "token=" + token;
    if (what == u"no auth"_s)
        headers.removeLast();
    else if (what == u"wrong secret"_s)
        headers.last().second = basic(u"web"_s, u"wrong-0123456789abcdefghijklmnopqrstuvw"_s);
    else if (what == u"unknown client"_s)
        headers.last().second = basic(u"nobody"_s);
    else if (what == u"public client"_s) {
        headers.removeLast();
        body += "&client_id=spa";
    } else if (what == u"no token"_s)
        body = "token_type_hint=access_token";
    else if (what == u"empty token"_s)
        body = "token=";
    else if (what == u"two tokens"_s)
        body += "&token=" + token;
    else if (what == u"json"_s) {
        headers.first().second = "application/json"_ba;
        body = "{\"token\":\"" + token + "\"}";
    } else if (what == u"malformed"_s)
        body = "token=%zz";

    Answer answer;
    if (what == u"get"_s) {
        const auto response = HttpTestClient::exchange(
            m_f->port(),
            ProviderServicesFixture::request("GET"_ba, "/introspect?token=" + token, headers));
        answer.status = response ? response->status : 0;
        answer.json = response ? QJsonDocument::fromJson(response->body).object() : QJsonObject();
        if (response)
            answer.raw = *response;
    } else {
        answer = introspect(body, headers);
    }
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.json.value(u"error"_s).toString(), error);
    QVERIFY(!answer.json.contains(u"active"_s));
    if (status == 401) {
        // RFC 7662 §2.3 / RFC 6749 §5.2: a 401 with a challenge.
        QVERIFY(answer.raw.header("WWW-Authenticate").startsWith("Basic"));
    }
    if (status != 405)
        QCOMPARE(answer.raw.header("Cache-Control"), "no-store"_ba);
}

void TestIntrospectionEndpoint::discovery()
{
    const QJsonObject document =
        DiscoveryDocument(ProviderServicesFixture::issuer(), m_f->router()->mounted(),
                          m_f->keyRing()->signingAlgorithms())
            .toJson();
    QCOMPARE(document.value(u"introspection_endpoint"_s).toString(), m_issuer + u"/introspect"_s);
    // Public clients cannot authenticate, so "none" is not offered.
    QCOMPARE(document.value(u"introspection_endpoint_auth_methods_supported"_s).toArray(),
             (QJsonArray{u"client_secret_basic"_s, u"client_secret_post"_s}));
}

QTEST_GUILESS_MAIN(TestIntrospectionEndpoint)
#include "tst_introspectionendpoint.moc"
