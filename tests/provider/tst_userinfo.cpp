// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTestClient.h"
#include "ProviderServicesFixture.h"

#include "auth/OpaqueToken.h"
#include "core/Protocol.h"
#include "crypto/KeyGenerator.h"
#include "crypto/RandomSource.h"
#include "crypto/SecretHasher.h"
#include "endpoints/UserInfoEndpoint.h"
#include "http/Router.h"
#include "jose/Base64Url.h"
#include "jose/Jwt.h"
#include "jose/KeyRing.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/TokenStore.h"
#include "tokens/TokenIssuer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::HttpTestClient;
using lanyard::test::ProviderServicesFixture;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QString Alice = u"sub-alice-4f1c"_s;
const QString Bob = u"sub-bob-disabled"_s;
const QString Carol = u"sub-carol-deleted"_s;
const QDateTime Start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
const QByteArray BareChallenge = "Bearer realm=\"lanyard\""_ba;

const QJsonObject AliceClaims{
    {u"name"_s, u"Alice Example"_s},
    {u"given_name"_s, u"Alice"_s},
    {u"family_name"_s, u"Example"_s},
    {u"middle_name"_s, u"Q"_s},
    {u"nickname"_s, u"ally"_s},
    {u"profile"_s, u"https://people.example/alice"_s},
    {u"picture"_s, u"https://people.example/alice.png"_s},
    {u"website"_s, u"https://alice.example"_s},
    {u"gender"_s, u"female"_s},
    {u"birthdate"_s, u"1990-01-01"_s},
    {u"zoneinfo"_s, u"Europe/Paris"_s},
    {u"locale"_s, u"fr-FR"_s},
    {u"email"_s, u"alice@example.com"_s},
    {u"email_verified"_s, true},
    {u"phone_number"_s, u"+33 1 23 45 67 89"_s},
    {u"phone_number_verified"_s, false},
    {u"address"_s, QJsonObject{{u"formatted"_s, u"1 Rue Example, Paris"_s}}},
    {u"groups"_s, QJsonArray{u"staff"_s, u"admins"_s}},
};

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return {keys.begin(), keys.end()};
}

} // namespace

class TestUserInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void claimsByScope_data();
    void claimsByScope();
    void transport_data();
    void transport();
    void invalidTokens_data();
    void invalidTokens();
    void insufficientScope_data();
    void insufficientScope();
    void expiryBoundary();
    void opaqueToken();
    void discovery();

private:
    struct Answer
    {
        int status = 0;
        QJsonObject json;
        HttpTestClient::Response raw;
    };

    /// An access token minted by TokenIssuer (as the token endpoint would).
    QString mint(const QStringList &scopes, const QString &subject = Alice,
                 const QString &clientId = u"web"_s, QString *familyId = nullptr,
                 const QString &issuer = {}) const;
    /// A JWT signed by the fixture's RS256 key with the given header typ.
    QString sign(const QJsonObject &claims, const QString &typ = u"at+jwt"_s) const;
    QJsonObject standardClaims() const;
    Answer send(const QByteArray &method, const QByteArray &target, const Headers &headers = {},
                const QByteArray &body = {}) const;
    Answer get(const QString &token) const;

    std::unique_ptr<ProviderServicesFixture> m_f;
    QString m_issuer;
};

void TestUserInfo::initTestCase()
{
    m_f = std::make_unique<ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    m_issuer = ProviderServicesFixture::issuer().toString(QUrl::FullyEncoded);
    for (const auto &[id, opaque] : {std::pair{u"web"_s, false}, std::pair{u"opaque"_s, true}}) {
        Client client;
        client.clientId = id;
        client.redirectUris = {u"https://web.example/cb"_s};
        client.secretHash = m_f->services->secretHasher->hash(u"x"_s).value();
        client.opaqueAccessTokens = opaque;
        QVERIFY(m_f->services->clients->save(client).ok());
    }
    Account alice;
    alice.subject = Alice;
    alice.username = u"alice"_s;
    alice.claims = AliceClaims;
    QVERIFY(m_f->services->accounts->save(alice).ok());
    Account bob;
    bob.subject = Bob;
    bob.username = u"bob"_s;
    bob.disabled = true;
    QVERIFY(m_f->services->accounts->save(bob).ok());
    Account carol;
    carol.subject = Carol;
    carol.username = u"carol"_s;
    QVERIFY(m_f->services->accounts->save(carol).ok());

    const QString served = m_f->serve({std::make_shared<UserInfoEndpoint>(
        std::shared_ptr<const ProviderServices>(m_f->services))});
    QVERIFY2(served.isEmpty(), qPrintable(served));
}

void TestUserInfo::init()
{
    m_f->clock->set(Start);
}

QString TestUserInfo::mint(const QStringList &scopes, const QString &subject,
                           const QString &clientId, QString *familyId, const QString &issuer) const
{
    const TokenIssuer issuerOf(m_f->services);
    TokenIssuer::Grant grant;
    grant.grantType = proto::grant::AuthorizationCode;
    grant.client = m_f->services->clients->find(clientId).value().value();
    grant.subject = subject;
    grant.scopes = scopes;
    grant.familyId = issuerOf.newFamilyId();
    grant.issuer = issuer.isEmpty() ? m_issuer : issuer;
    grant.issuedAt = m_f->clock->now();
    grant.authTime = grant.issuedAt;
    if (familyId)
        *familyId = grant.familyId;
    if (!issuerOf.createFamily(grant, {}, grant.issuedAt.addSecs(3600)).ok())
        qFatal("cannot create a family");
    const auto token = issuerOf.issueAccessToken(grant, {});
    if (!token)
        qFatal("cannot mint: %s", qPrintable(token.error().detail()));
    return token->value;
}

QJsonObject TestUserInfo::standardClaims() const
{
    const qint64 now = m_f->clock->nowSecs();
    return {{u"iss"_s, m_issuer},
            {u"sub"_s, Alice},
            {u"aud"_s, m_issuer},
            {u"exp"_s, now + 600},
            {u"iat"_s, now},
            {u"jti"_s, u"j1"_s},
            {u"client_id"_s, u"web"_s},
            {u"scope"_s, u"openid profile"_s},
            {u"fid"_s, u"fam-custom"_s}};
}

QString TestUserInfo::sign(const QJsonObject &claims, const QString &typ) const
{
    return QString::fromLatin1(m_f->keyRing()->sign(u"RS256"_s, claims, typ).value());
}

TestUserInfo::Answer TestUserInfo::send(const QByteArray &method, const QByteArray &target,
                                        const Headers &headers, const QByteArray &body) const
{
    Answer answer;
    const auto response = HttpTestClient::exchange(
        m_f->port(), ProviderServicesFixture::request(method, target, headers, body));
    if (!response)
        return answer;
    answer.raw = *response;
    answer.status = response->status;
    answer.json = QJsonDocument::fromJson(response->body).object();
    return answer;
}

TestUserInfo::Answer TestUserInfo::get(const QString &token) const
{
    return send("GET"_ba, "/userinfo"_ba, {{"Authorization"_ba, "Bearer " + token.toLatin1()}});
}

void TestUserInfo::claimsByScope_data()
{
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QStringList>("claims");

    const QStringList profile{u"name"_s,        u"given_name"_s, u"family_name"_s,
                              u"middle_name"_s, u"nickname"_s,   u"preferred_username"_s,
                              u"profile"_s,     u"picture"_s,    u"website"_s,
                              u"gender"_s,      u"birthdate"_s,  u"zoneinfo"_s,
                              u"locale"_s,      u"updated_at"_s};
    QTest::newRow("openid: sub only") << QStringList{u"openid"_s} << QStringList{};
    QTest::newRow("profile (no groups with it)")
        << QStringList{u"openid"_s, u"profile"_s} << profile;
    QTest::newRow("email") << QStringList{u"openid"_s, u"email"_s}
                           << QStringList{u"email"_s, u"email_verified"_s};
    QTest::newRow("phone") << QStringList{u"openid"_s, u"phone"_s}
                           << QStringList{u"phone_number"_s, u"phone_number_verified"_s};
    QTest::newRow("address") << QStringList{u"openid"_s, u"address"_s} << QStringList{u"address"_s};
    QTest::newRow("groups") << QStringList{u"openid"_s, u"groups"_s} << QStringList{u"groups"_s};
    QTest::newRow("profile and email") << QStringList{u"openid"_s, u"profile"_s, u"email"_s}
                                       << (profile + QStringList{u"email"_s, u"email_verified"_s});
    QTest::newRow("offline_access releases nothing")
        << QStringList{u"openid"_s, u"offline_access"_s} << QStringList{};
    QTest::newRow("unknown scope releases nothing")
        << QStringList{u"openid"_s, u"payroll"_s} << QStringList{};
}

void TestUserInfo::claimsByScope()
{
    QFETCH(QStringList, scopes);
    QFETCH(QStringList, claims);
    const Answer answer = get(mint(scopes));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.raw.header("Cache-Control"), "no-store"_ba);
    QVERIFY(answer.raw.header("Content-Type").startsWith("application/json"));
    // OpenID Connect Core §5.3.2: sub always.
    QCOMPARE(answer.json.value(u"sub"_s).toString(), Alice);
    QSet<QString> expected(claims.begin(), claims.end());
    expected.insert(u"sub"_s);
    QCOMPARE(keysOf(answer.json), expected);
    for (const QString &claim : std::as_const(claims)) {
        if (claim == u"preferred_username"_s)
            QCOMPARE(answer.json.value(claim).toString(), u"alice"_s);
        else if (claim != u"updated_at"_s)
            QCOMPARE(answer.json.value(claim), AliceClaims.value(claim));
    }
}

void TestUserInfo::transport_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("where"); // header, body, both, query, ...
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("challenge"); // expected WWW-Authenticate prefix

    QTest::newRow("GET, Authorization header") << "GET"_ba << u"header"_s << 200 << QByteArray();
    QTest::newRow("POST, Authorization header") << "POST"_ba << u"header"_s << 200 << QByteArray();
    QTest::newRow("POST, form body") << "POST"_ba << u"body"_s << 200 << QByteArray();
    QTest::newRow("lower-case scheme") << "GET"_ba << u"lowercase"_s << 200 << QByteArray();
    QTest::newRow("header and body at once")
        << "POST"_ba << u"both"_s << 400
        << "Bearer realm=\"lanyard\", error=\"invalid_request\""_ba;
    QTest::newRow("access_token twice in the body")
        << "POST"_ba << u"body-twice"_s << 400
        << "Bearer realm=\"lanyard\", error=\"invalid_request\""_ba;
    QTest::newRow("two Authorization headers")
        << "GET"_ba << u"two-headers"_s << 400
        << "Bearer realm=\"lanyard\", error=\"invalid_request\""_ba;
    QTest::newRow("malformed Bearer value")
        << "GET"_ba << u"malformed"_s << 400
        << "Bearer realm=\"lanyard\", error=\"invalid_request\""_ba;
    QTest::newRow("query token is ignored") << "GET"_ba << u"query"_s << 401 << BareChallenge;
    QTest::newRow("form body on GET is ignored") << "GET"_ba << u"body"_s << 401 << BareChallenge;
    QTest::newRow("form body of another media type is ignored")
        << "POST"_ba << u"json-body"_s << 401 << BareChallenge;
    QTest::newRow("no token at all") << "GET"_ba << u"none"_s << 401 << BareChallenge;
    QTest::newRow("Basic instead of Bearer") << "GET"_ba << u"basic"_s << 401 << BareChallenge;
}

void TestUserInfo::transport()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, where);
    QFETCH(int, status);
    QFETCH(QByteArray, challenge);

    const QByteArray token = mint({u"openid"_s}).toLatin1();
    const QByteArray form = "application/x-www-form-urlencoded"_ba;
    Headers headers;
    QByteArray target = "/userinfo"_ba;
    QByteArray body;
    if (where == u"header"_s || where == u"both"_s)
        headers.append({"Authorization"_ba, "Bearer " + token});
    if (where == u"lowercase"_s)
        headers.append({"Authorization"_ba, "bearer " + token});
    if (where == u"two-headers"_s) {
        headers.append({"Authorization"_ba, "Bearer " + token});
        headers.append({"Authorization"_ba, "Bearer " + token});
    }
    if (where == u"malformed"_s)
        headers.append({"Authorization"_ba, "Bearer \"" + token + '"'});
    if (where == u"basic"_s)
        headers.append({"Authorization"_ba, "Basic " + QByteArray("web:x").toBase64()});
    if (where == u"body"_s || where == u"both"_s) {
        headers.append({"Content-Type"_ba, form});
        body = "access_token=" + token;
    }
    if (where == u"body-twice"_s) {
        headers.append({"Content-Type"_ba, form});
        body = "access_token=" + token + "&access_token=" + token;
    }
    if (where == u"json-body"_s) {
        headers.append({"Content-Type"_ba, "application/json"_ba});
        body = "{\"access_token\":\"" + token + "\"}";
    }
    if (where == u"query"_s)
        target += "?access_token=" + token;

    const Answer answer = send(method, target, headers, body);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.raw.header("Cache-Control"), "no-store"_ba);
    if (status == 200) {
        QCOMPARE(answer.json.value(u"sub"_s).toString(), Alice);
        return;
    }
    const QByteArray authenticate = answer.raw.header("WWW-Authenticate");
    QVERIFY2(authenticate.startsWith(challenge), authenticate.constData());
    // RFC 6750 §3.1: without any authentication information, no error code.
    if (challenge == BareChallenge)
        QCOMPARE(authenticate, BareChallenge);
    QVERIFY(!answer.json.contains(u"sub"_s));
}

void TestUserInfo::invalidTokens_data()
{
    QTest::addColumn<QString>("what");
    for (const char *row : {"expired",
                            "bad signature",
                            "tampered payload",
                            "ID token (typ JWT)",
                            "typ missing",
                            "unknown key",
                            "wrong issuer",
                            "wrong audience",
                            "alg none",
                            "no fid",
                            "revoked family",
                            "disabled account",
                            "deleted account",
                            "opaque revoked",
                            "opaque expired",
                            "opaque unknown",
                            "opaque family revoked",
                            "refresh token as access token",
                            "garbage",
                            "two-segment JWT"}) {
        QTest::newRow(row) << QString::fromLatin1(row);
    }
}

void TestUserInfo::invalidTokens()
{
    QFETCH(QString, what);
    QString token;
    if (what == u"expired"_s) {
        token = mint({u"openid"_s});
        m_f->clock->advance(3600);
    } else if (what == u"bad signature"_s) {
        token = mint({u"openid"_s});
        const qsizetype sig = token.lastIndexOf(u'.') + 10;
        token[sig] = token[sig] == u'A' ? u'B' : u'A';
    } else if (what == u"tampered payload"_s) {
        token = mint({u"openid"_s});
        const QStringList parts = token.split(u'.');
        QJsonObject claims =
            QJsonDocument::fromJson(Base64Url::decode(parts.at(1).toLatin1()).value()).object();
        claims.insert(u"sub"_s, Bob);
        token = parts.at(0) + u'.' +
                QString::fromLatin1(Base64Url::encode(Jwt::encodeClaims(claims))) + u'.' +
                parts.at(2);
    } else if (what == u"ID token (typ JWT)"_s) {
        token = sign(standardClaims(), u"JWT"_s);
    } else if (what == u"typ missing"_s) {
        token = sign(standardClaims(), {});
    } else if (what == u"unknown key"_s) {
        auto key = KeyGenerator::generateSigningKey(u"ES256"_s, Start);
        QVERIFY(key.ok());
        key->state = KeyState::Active;
        key->activatedAt = Start;
        const auto other = KeyRing::fromKeys({*key}, Start);
        QVERIFY(other.ok());
        token =
            QString::fromLatin1((*other)->sign(u"ES256"_s, standardClaims(), u"at+jwt"_s).value());
    } else if (what == u"wrong issuer"_s) {
        token = mint({u"openid"_s}, Alice, u"web"_s, nullptr, u"https://op.example.test/"_s);
    } else if (what == u"wrong audience"_s) {
        QJsonObject claims = standardClaims();
        claims.insert(u"aud"_s, u"web"_s);
        token = sign(claims);
    } else if (what == u"alg none"_s) {
        const QByteArray header = Base64Url::encode(R"({"alg":"none","typ":"at+jwt"})");
        token = QString::fromLatin1(header + '.' +
                                    Base64Url::encode(Jwt::encodeClaims(standardClaims())) + '.');
    } else if (what == u"no fid"_s) {
        QJsonObject claims = standardClaims();
        claims.remove(u"fid"_s);
        token = sign(claims);
    } else if (what == u"revoked family"_s) {
        QString familyId;
        token = mint({u"openid"_s}, Alice, u"web"_s, &familyId);
        QVERIFY(get(token).status == 200);
        QVERIFY(m_f->services->tokens->revokeFamily(familyId, Start).ok());
    } else if (what == u"disabled account"_s) {
        token = mint({u"openid"_s}, Bob);
    } else if (what == u"deleted account"_s) {
        token = mint({u"openid"_s}, Carol);
        QVERIFY(get(token).status == 200);
        QVERIFY(m_f->services->accounts->remove(Carol).value());
    } else if (what == u"opaque revoked"_s) {
        token = mint({u"openid"_s}, Alice, u"opaque"_s);
        QVERIFY(m_f->services->tokens->revoke(OpaqueToken::hashOf(token), Start).value());
    } else if (what == u"opaque expired"_s) {
        token = mint({u"openid"_s}, Alice, u"opaque"_s);
        m_f->clock->advance(3600);
    } else if (what == u"opaque unknown"_s) {
        token = u"opaque-value-that-was-never-issued-000000000"_s;
    } else if (what == u"opaque family revoked"_s) {
        QString familyId;
        QVERIFY(get(mint({u"openid"_s}, Alice, u"opaque"_s, &familyId)).status == 200);
        QVERIFY(m_f->services->tokens->revokeFamily(familyId, Start).ok());
        // A token of the family stored after the revocation (so not revoked
        // itself) fails through the family record alone.
        const OpaqueToken value = OpaqueToken::generate(*m_f->services->random);
        TokenRecord record;
        record.tokenHash = value.hash;
        record.kind = TokenRecord::Kind::AccessToken;
        record.clientId = u"opaque"_s;
        record.subject = Alice;
        record.scopes = {u"openid"_s};
        record.familyId = familyId;
        record.expiresAt = Start.addSecs(600);
        QVERIFY(m_f->services->tokens->save(record).ok());
        token = value.value;
    } else if (what == u"refresh token as access token"_s) {
        const OpaqueToken value = OpaqueToken::generate(*m_f->services->random);
        TokenRecord record;
        record.tokenHash = value.hash;
        record.kind = TokenRecord::Kind::RefreshToken;
        record.clientId = u"web"_s;
        record.subject = Alice;
        record.scopes = {u"openid"_s, u"offline_access"_s};
        record.familyId = u"fam-refresh"_s;
        record.expiresAt = Start.addDays(1);
        QVERIFY(m_f->services->tokens->save(record).ok());
        token = value.value;
    } else if (what == u"garbage"_s) {
        token = u"not-a-token"_s;
    } else if (what == u"two-segment JWT"_s) {
        token = mint({u"openid"_s});
        token = token.left(token.lastIndexOf(u'.'));
    }
    QVERIFY(!token.isEmpty());

    const Answer answer = get(token);
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.json.value(u"error"_s).toString(), QString(proto::error::InvalidToken));
    // RFC 6750 §3.
    QVERIFY(answer.raw.header("WWW-Authenticate")
                .startsWith("Bearer realm=\"lanyard\", error=\"invalid_token\", "
                            "error_description=\""));
    QCOMPARE(answer.raw.header("Cache-Control"), "no-store"_ba);
    QVERIFY(!answer.json.contains(u"sub"_s));
}

void TestUserInfo::insufficientScope_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QStringList>("scopes");
    QTest::newRow("profile without openid") << u"web"_s << QStringList{u"profile"_s, u"email"_s};
    QTest::newRow("no scope at all") << u"web"_s << QStringList{};
    QTest::newRow("opaque without openid") << u"opaque"_s << QStringList{u"email"_s};
}

void TestUserInfo::insufficientScope()
{
    QFETCH(QString, clientId);
    QFETCH(QStringList, scopes);
    const Answer answer = get(mint(scopes, Alice, clientId));
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.json.value(u"error"_s).toString(), u"insufficient_scope"_s);
    const QByteArray authenticate = answer.raw.header("WWW-Authenticate");
    QVERIFY(authenticate.startsWith("Bearer realm=\"lanyard\", error=\"insufficient_scope\""));
    QVERIFY(authenticate.endsWith(", scope=\"openid\""));
    QVERIFY(!answer.json.contains(u"email"_s));
}

void TestUserInfo::expiryBoundary()
{
    const QString token = mint({u"openid"_s});
    m_f->clock->advance(3599);
    QCOMPARE(get(token).status, 200);
    m_f->clock->advance(1);
    QCOMPARE(get(token).status, 401);
}

void TestUserInfo::opaqueToken()
{
    const QString token = mint({u"openid"_s, u"email"_s}, Alice, u"opaque"_s);
    QVERIFY(!token.contains(u'.'));
    const Answer answer = get(token);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json.value(u"sub"_s).toString(), Alice);
    QCOMPARE(answer.json.value(u"email"_s).toString(), u"alice@example.com"_s);
    QVERIFY(!answer.json.contains(u"name"_s));
}

void TestUserInfo::discovery()
{
    const auto mounted = m_f->router()->mounted();
    QCOMPARE(mounted.size(), 1);
    QCOMPARE(mounted.first().discoveryName, u"userinfo_endpoint"_s);
    QVERIFY(mounted.first().methods.testFlag(QHttpServerRequest::Method::Get));
    QVERIFY(mounted.first().methods.testFlag(QHttpServerRequest::Method::Post));
}

QTEST_GUILESS_MAIN(TestUserInfo)
#include "tst_userinfo.moc"
