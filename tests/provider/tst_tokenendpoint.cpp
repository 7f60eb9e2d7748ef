// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTestClient.h"
#include "ProviderServicesFixture.h"

#include "auth/ClientAuthThrottle.h"
#include "auth/OpaqueToken.h"
#include "auth/Pkce.h"
#include "core/Protocol.h"
#include "crypto/RandomSource.h"
#include "crypto/SecretHasher.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/TokenEndpoint.h"
#include "endpoints/UserInfoEndpoint.h"
#include "events/EventTypes.h"
#include "http/Router.h"
#include "jose/Base64Url.h"
#include "jose/Jws.h"
#include "jose/Jwt.h"
#include "jose/KeyRing.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/CodeStore.h"
#include "store/TokenStore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::HttpTestClient;
using lanyard::test::ProviderServicesFixture;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QString Secret = u"confidential-secret-0123456789abcdefghijkl"_s;
const QString Alice = u"sub-alice-4f1c"_s;
const QString Bob = u"sub-bob-disabled"_s;
const QString WebRedirect = u"https://web.example/cb"_s;
// RFC 7636 appendix B.
const QString Verifier = u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
const QString Challenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;
const QString OtherVerifier = u"0123456789012345678901234567890123456789abc"_s;
const QStringList FullScopes{u"openid"_s, u"profile"_s, u"email"_s, u"offline_access"_s};
const QByteArray GrantPrefix = "grant_type=authorization_code&"_ba;
const QDateTime Start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

QByteArray formEncode(const QString &value)
{
    QByteArray encoded = value.toUtf8().toPercentEncoding(QByteArray(), QByteArray(" "));
    encoded.replace(' ', '+');
    return encoded;
}

QByteArray basic(const QString &id, const QString &secret = Secret)
{
    return "Basic " + (formEncode(id) + ':' + formEncode(secret)).toBase64();
}

QString leftHalfHash(const QString &token, QCryptographicHash::Algorithm algorithm)
{
    const QByteArray digest = QCryptographicHash::hash(token.toLatin1(), algorithm);
    return QString::fromLatin1(
        digest.left(digest.size() / 2)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// Where a failing row goes wrong.
enum class Case {
    CodeReuse,
    WrongVerifier,
    MissingVerifier,
    MalformedVerifier,
    VerifierWithoutChallenge,
    NoChallengeForPkceClient,
    CodeOfAnotherClient,
    WrongSecret,
    UnknownClient,
    PublicClientWithSecret,
    ExpiredCode,
    ExpiredAtExactly60s,
    RedirectUriMismatch,
    RedirectUriTrailingSlash,
    MissingRedirectUri,
    MissingCode,
    UnknownCode,
    DuplicateCode,
    DuplicateGrantType,
    MissingGrantType,
    EmptyGrantType,
    UnsupportedGrantType,
    JsonBody,
    NoContentType,
    MalformedForm,
    GetMethod,
    OversizedBody,
    UnauthorizedClient,
    PublicClientCredentials,
    ClientCredentialsOpenid,
    ClientCredentialsForeignScope,
    DisabledAccount,
    DeletedClientCode,
    NoActiveKeyForAlg,
};

} // namespace

Q_DECLARE_METATYPE(Case)

class TestTokenEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void codeGrant();
    void idTokenAlgorithms_data();
    void idTokenAlgorithms();
    void publicClient();
    void opaqueAccessToken();
    void noOfflineAccessNoRefreshToken();
    void failures_data();
    void failures();
    void codeReplayRevokesTheFamily();
    void refreshRotation();
    void refreshReuseRevokesTheFamily();
    void confidentialClientWithoutRotation();
    void publicClientAlwaysRotates();
    void refreshScope_data();
    void refreshScope();
    void refreshFailures_data();
    void refreshFailures();
    void clientCredentials();
    void clientCredentialsWithoutScope();
    void concurrentRedemption();
    void discoveryMembers();
    void clientCredentialsWritesNothing();
    void failedGrantRollsBack_data();
    void failedGrantRollsBack();
    void clientAuthenticationIsThrottled();

private:
    struct Answer
    {
        int status = 0;
        QJsonObject json;
        HttpTestClient::Response raw;
    };

    struct CodeSpec
    {
        QString clientId = u"web"_s;
        QString subject = Alice;
        QStringList scopes = FullScopes;
        QString redirectUri = WebRedirect;
        bool pkce = true;
        QString nonce = u"n-0S6_WzA2Mj"_s;
        QString sessionId = u"sid-7f3a"_s;
    };

    Client client(const QString &id, QLatin1StringView method) const;
    /// A fresh code saved through the CodeStore; returns its value.
    QString issueCode(const CodeSpec &spec, QString *familyId = nullptr) const;
    Answer send(const QByteArray &rawRequest) const;
    Answer post(const QByteArray &body, const Headers &headers = {},
                const QByteArray &contentType = "application/x-www-form-urlencoded") const;
    QByteArray codeBody(const QString &code, const QString &verifier = Verifier,
                        const QString &redirectUri = WebRedirect) const;
    /// Redeems a fresh code of `clientId` and returns the token response.
    QJsonObject redeem(const QString &clientId = u"web"_s);
    Answer refresh(const QString &refreshToken, const QString &clientId = u"web"_s,
                   const QByteArray &extra = {}) const;
    /// A refresh token stored directly (not through a grant).
    QString storeToken(TokenRecord record) const;
    void verifyNoStore(const Answer &answer) const;

    std::unique_ptr<ProviderServicesFixture> m_f;
    QString m_issuer;
};

Client TestTokenEndpoint::client(const QString &id, QLatin1StringView method) const
{
    Client c;
    c.clientId = id;
    c.tokenEndpointAuthMethod = method;
    c.redirectUris = {WebRedirect};
    c.grantTypes = {proto::grant::AuthorizationCode, proto::grant::RefreshToken};
    c.scopes = FullScopes + QStringList{u"groups"_s};
    if (method != proto::auth_method::None)
        c.secretHash = m_f->services->secretHasher->hash(Secret).value();
    return c;
}

void TestTokenEndpoint::initTestCase()
{
    m_f = std::make_unique<ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    m_issuer = ProviderServicesFixture::issuer().toString(QUrl::FullyEncoded);
    namespace m = proto::auth_method;
    auto &clients = *m_f->services->clients;

    QList<Client> all;
    all.append(client(u"web"_s, m::ClientSecretBasic));
    all.append(client(u"other"_s, m::ClientSecretBasic));
    Client norotate = client(u"norotate"_s, m::ClientSecretBasic);
    norotate.rotateRefreshTokens = false;
    all.append(norotate);
    Client spa = client(u"spa"_s, m::None);
    spa.rotateRefreshTokens = false; // public clients rotate regardless
    spa.grantTypes.append(proto::grant::ClientCredentials);
    all.append(spa);
    Client legacy = client(u"legacy"_s, m::ClientSecretBasic);
    legacy.requirePkce = false;
    all.append(legacy);
    Client svc = client(u"svc"_s, m::ClientSecretPost);
    svc.grantTypes = {proto::grant::ClientCredentials};
    svc.redirectUris.clear();
    svc.scopes = {u"api.read"_s, u"api.write"_s, u"openid"_s};
    all.append(svc);
    for (const auto &[id, alg] : {std::pair{u"es"_s, u"ES256"_s}, std::pair{u"ed"_s, u"EdDSA"_s},
                                  std::pair{u"ps"_s, u"PS256"_s}}) {
        Client c = client(id, m::ClientSecretBasic);
        c.idTokenSignedResponseAlg = alg;
        all.append(c);
    }
    Client opaque = client(u"opaque"_s, m::ClientSecretBasic);
    opaque.opaqueAccessTokens = true;
    all.append(opaque);
    Client doomed = client(u"doomed"_s, m::ClientSecretBasic);
    all.append(doomed);
    Client guessed = client(u"guessed"_s, m::ClientSecretBasic);
    guessed.grantTypes = {proto::grant::ClientCredentials};
    guessed.redirectUris.clear();
    guessed.scopes = {u"api.read"_s};
    all.append(guessed);
    for (const Client &c : std::as_const(all))
        QVERIFY(clients.save(c).ok());

    Account alice;
    alice.subject = Alice;
    alice.username = u"alice"_s;
    alice.claims = {{u"name"_s, u"Alice Example"_s}, {u"email"_s, u"alice@example.com"_s}};
    QVERIFY(m_f->services->accounts->save(alice).ok());
    Account bob;
    bob.subject = Bob;
    bob.username = u"bob"_s;
    bob.disabled = true;
    QVERIFY(m_f->services->accounts->save(bob).ok());

    const std::shared_ptr<const ProviderServices> services = m_f->services;
    const QString served = m_f->serve(
        {std::make_shared<TokenEndpoint>(services), std::make_shared<UserInfoEndpoint>(services)},
        4);
    QVERIFY2(served.isEmpty(), qPrintable(served));
}

void TestTokenEndpoint::init()
{
    m_f->clock->set(Start);
    m_f->clearEvents();
}

QString TestTokenEndpoint::issueCode(const CodeSpec &spec, QString *familyId) const
{
    const OpaqueToken value = OpaqueToken::generate(*m_f->services->random);
    AuthorizationCode code;
    code.codeHash = value.hash;
    code.clientId = spec.clientId;
    code.subject = spec.subject;
    code.redirectUri = spec.redirectUri;
    code.scopes = spec.scopes;
    code.nonce = spec.nonce;
    if (spec.pkce) {
        code.codeChallenge = Challenge;
        code.codeChallengeMethod = Pkce::S256;
    }
    code.sessionId = spec.sessionId;
    code.authTime = m_f->clock->now().addSecs(-30);
    code.amr = {u"pwd"_s};
    code.familyId = m_f->services->random->token(16);
    code.createdAt = m_f->clock->now();
    code.expiresAt = m_f->clock->now().addSecs(60);
    const auto saved = m_f->services->codes->save(code);
    if (!saved)
        qFatal("cannot save a code: %s", qPrintable(saved.error().message));
    if (familyId)
        *familyId = code.familyId;
    return value.value;
}

TestTokenEndpoint::Answer TestTokenEndpoint::send(const QByteArray &rawRequest) const
{
    Answer answer;
    const auto response = HttpTestClient::exchange(m_f->port(), rawRequest);
    if (!response)
        return answer;
    answer.raw = *response;
    answer.status = response->status;
    answer.json = QJsonDocument::fromJson(response->body).object();
    return answer;
}

TestTokenEndpoint::Answer TestTokenEndpoint::post(const QByteArray &body, const Headers &headers,
                                                  const QByteArray &contentType) const
{
    Headers all = headers;
    if (!contentType.isEmpty())
        all.prepend({"Content-Type"_ba, contentType});
    return send(ProviderServicesFixture::request("POST"_ba, "/token"_ba, all, body));
}

QByteArray TestTokenEndpoint::codeBody(const QString &code, const QString &verifier,
                                       const QString &redirectUri) const
{
    QByteArray body = "grant_type=authorization_code&code=" + formEncode(code);
    if (!redirectUri.isEmpty())
        body += "&redirect_uri=" + formEncode(redirectUri);
    if (!verifier.isEmpty())
        body += "&code_verifier=" + formEncode(verifier);
    return body;
}

QJsonObject TestTokenEndpoint::redeem(const QString &clientId)
{
    CodeSpec spec;
    spec.clientId = clientId;
    const QString code = issueCode(spec);
    const bool isPublic = clientId == u"spa"_s;
    const Answer answer = isPublic ? post(codeBody(code) + "&client_id=" + clientId.toUtf8())
                                   : post(codeBody(code), {{"Authorization"_ba, basic(clientId)}});
    if (answer.status != 200)
        qWarning() << "redeem failed" << answer.status << answer.json;
    return answer.json;
}

TestTokenEndpoint::Answer TestTokenEndpoint::refresh(const QString &refreshToken,
                                                     const QString &clientId,
                                                     const QByteArray &extra) const
{
    const QByteArray body =
        "grant_type=refresh_token&refresh_token=" + formEncode(refreshToken) + extra;
    if (clientId == u"spa"_s)
        return post(body + "&client_id=spa");
    return post(body, {{"Authorization"_ba, basic(clientId)}});
}

QString TestTokenEndpoint::storeToken(TokenRecord record) const
{
    const OpaqueToken value = OpaqueToken::generate(*m_f->services->random);
    record.tokenHash = value.hash;
    if (record.familyId.isEmpty())
        record.familyId = m_f->services->random->token(16);
    if (!record.issuedAt.isValid())
        record.issuedAt = m_f->clock->now();
    if (!record.expiresAt.isValid())
        record.expiresAt = m_f->clock->now().addDays(1);
    const auto saved = m_f->services->tokens->save(record);
    if (!saved)
        qFatal("cannot save a token: %s", qPrintable(saved.error().message));
    return value.value;
}

void TestTokenEndpoint::verifyNoStore(const Answer &answer) const
{
    // RFC 6749 §5.1 (and §5.2 for errors at the token endpoint).
    QCOMPARE(answer.raw.header("Cache-Control"), "no-store"_ba);
    QCOMPARE(answer.raw.header("Pragma"), "no-cache"_ba);
    QVERIFY(answer.raw.header("Content-Type").startsWith("application/json"));
}

void TestTokenEndpoint::codeGrant()
{
    QString familyId;
    const QString code = issueCode(CodeSpec{}, &familyId);
    const Answer answer = post(codeBody(code), {{"Authorization"_ba, basic(u"web"_s)}});
    QCOMPARE(answer.status, 200);
    verifyNoStore(answer);
    const QJsonObject &json = answer.json;
    QCOMPARE(json.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(json.value(u"expires_in"_s).toInteger(), 3600);
    QCOMPARE(json.value(u"scope"_s).toString(), FullScopes.join(u' '));
    const QString accessToken = json.value(u"access_token"_s).toString();
    const QString idToken = json.value(u"id_token"_s).toString();
    const QString refreshToken = json.value(u"refresh_token"_s).toString();
    QVERIFY(!accessToken.isEmpty() && !idToken.isEmpty() && !refreshToken.isEmpty());

    const auto ring = m_f->keyRing();
    // The ID token: signature with the client's alg only, then its claims.
    const auto idClaims = ring->verify(idToken.toLatin1(), {u"RS256"_s});
    QVERIFY2(idClaims.ok(), qPrintable(idClaims.error().toString()));
    Jwt::Expectations expected;
    expected.issuer = m_issuer;
    expected.audience = u"web"_s;
    expected.requireIat = true;
    expected.leewaySecs = 0;
    QVERIFY(Jwt::validate(*idClaims, expected, *m_f->clock).ok());
    QCOMPARE(idClaims->value(u"sub"_s).toString(), Alice);
    QCOMPARE(idClaims->value(u"aud"_s).toString(), u"web"_s);
    QCOMPARE(idClaims->value(u"nonce"_s).toString(), u"n-0S6_WzA2Mj"_s);
    QCOMPARE(idClaims->value(u"sid"_s).toString(), u"sid-7f3a"_s);
    QCOMPARE(idClaims->value(u"auth_time"_s).toInteger(), Start.toSecsSinceEpoch() - 30);
    QCOMPARE(idClaims->value(u"iat"_s).toInteger(), Start.toSecsSinceEpoch());
    QCOMPARE(idClaims->value(u"exp"_s).toInteger(), Start.toSecsSinceEpoch() + 3600);
    QCOMPARE(idClaims->value(u"amr"_s).toArray(), QJsonArray{u"pwd"_s});
    QVERIFY(!idClaims->contains(u"azp"_s));
    // OpenID Connect Core §3.1.3.6, computed here independently.
    QCOMPARE(idClaims->value(u"at_hash"_s).toString(),
             leftHalfHash(accessToken, QCryptographicHash::Sha256));
    // Profile claims go to userinfo, not into the ID token (Core §5.4).
    QVERIFY(!idClaims->contains(u"email"_s));

    // The access token: RFC 9068.
    const auto decoded = ring->verifyDecoded(accessToken.toLatin1(), {u"RS256"_s});
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    QCOMPARE(decoded->typ, u"at+jwt"_s);
    const QJsonObject at = QJsonDocument::fromJson(decoded->payload).object();
    expected.audience = m_issuer;
    QVERIFY(Jwt::validate(at, expected, *m_f->clock).ok());
    QCOMPARE(at.value(u"sub"_s).toString(), Alice);
    QCOMPARE(at.value(u"client_id"_s).toString(), u"web"_s);
    QCOMPARE(at.value(u"scope"_s).toString(), FullScopes.join(u' '));
    QCOMPARE(at.value(u"fid"_s).toString(), familyId);
    QCOMPARE(at.value(u"auth_time"_s).toInteger(), Start.toSecsSinceEpoch() - 30);
    QVERIFY(at.value(u"jti"_s).toString().size() >= 16);

    // The refresh token is stored by hash only, in the code's family, and
    // the offline_access family is not bound to the session.
    const auto stored = m_f->services->tokens->find(OpaqueToken::hashOf(refreshToken));
    QVERIFY(stored.ok() && stored->has_value());
    QCOMPARE((*stored)->kind, TokenRecord::Kind::RefreshToken);
    QCOMPARE((*stored)->familyId, familyId);
    QCOMPARE((*stored)->sessionId, QString());
    QCOMPARE((*stored)->scopes, FullScopes);
    QCOMPARE((*stored)->expiresAt, Start.addDays(14));

    // token.issued, without any token or code.
    const QList<Event> issued = m_f->publishedEvents(event_type::TokenIssued);
    QCOMPARE(issued.size(), 1);
    QCOMPARE(issued.first().clientId, u"web"_s);
    QCOMPARE(issued.first().subject, Alice);
    // The log names the person, not only the `sub`.
    QCOMPARE(issued.first().username, u"alice"_s);
    QCOMPARE(issued.first().sourceAddress, u"127.0.0.1"_s);
    QCOMPARE(issued.first().details.value(u"grant_type"_s).toString(), u"authorization_code"_s);
    QCOMPARE(issued.first().details.value(u"scopes"_s).toArray().size(), FullScopes.size());
    for (const Event &event : m_f->publishedEvents()) {
        const QByteArray text = QJsonDocument(event.toJson()).toJson();
        for (const QString &secret : {accessToken, idToken, refreshToken, code, Secret})
            QVERIFY(!text.contains(secret.toUtf8()));
    }
}

void TestTokenEndpoint::idTokenAlgorithms_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<int>("hash");
    QTest::newRow("RS256") << u"web"_s << u"RS256"_s << int(QCryptographicHash::Sha256);
    QTest::newRow("ES256") << u"es"_s << u"ES256"_s << int(QCryptographicHash::Sha256);
    // Ed25519: SHA-512, as node-oidc-provider and the OIDF certification do.
    QTest::newRow("EdDSA") << u"ed"_s << u"EdDSA"_s << int(QCryptographicHash::Sha512);
}

void TestTokenEndpoint::idTokenAlgorithms()
{
    QFETCH(QString, clientId);
    QFETCH(QString, alg);
    QFETCH(int, hash);
    const QJsonObject json = redeem(clientId);
    const QString idToken = json.value(u"id_token"_s).toString();
    QVERIFY(!idToken.isEmpty());
    // Only the client's registered algorithm verifies it.
    const auto ring = m_f->keyRing();
    const auto claims = ring->verify(idToken.toLatin1(), {alg});
    QVERIFY2(claims.ok(), qPrintable(claims.error().toString()));
    QStringList others = Jws::supportedAlgorithms();
    others.removeAll(alg);
    QVERIFY(!ring->verify(idToken.toLatin1(), others).ok());
    QCOMPARE(claims->value(u"at_hash"_s).toString(),
             leftHalfHash(json.value(u"access_token"_s).toString(),
                          static_cast<QCryptographicHash::Algorithm>(hash)));
}

void TestTokenEndpoint::publicClient()
{
    const QJsonObject json = redeem(u"spa"_s);
    QVERIFY(json.contains(u"access_token"_s));
    QVERIFY(json.contains(u"id_token"_s));
    QVERIFY(json.contains(u"refresh_token"_s));
}

void TestTokenEndpoint::opaqueAccessToken()
{
    QString familyId;
    const QString code = issueCode({u"opaque"_s}, &familyId);
    const Answer answer = post(codeBody(code), {{"Authorization"_ba, basic(u"opaque"_s)}});
    QCOMPARE(answer.status, 200);
    const QString accessToken = answer.json.value(u"access_token"_s).toString();
    QVERIFY(!accessToken.contains(u'.'));
    const auto stored = m_f->services->tokens->find(OpaqueToken::hashOf(accessToken));
    QVERIFY(stored.ok() && stored->has_value());
    QCOMPARE((*stored)->kind, TokenRecord::Kind::AccessToken);
    QCOMPARE((*stored)->familyId, familyId);
    QCOMPARE((*stored)->subject, Alice);
    QCOMPARE((*stored)->scopes, FullScopes);
    QCOMPARE((*stored)->expiresAt, Start.addSecs(3600));
    const auto claims = m_f->keyRing()->verify(
        answer.json.value(u"id_token"_s).toString().toLatin1(), {u"RS256"_s});
    QVERIFY(claims.ok());
    QCOMPARE(claims->value(u"at_hash"_s).toString(),
             leftHalfHash(accessToken, QCryptographicHash::Sha256));
}

void TestTokenEndpoint::noOfflineAccessNoRefreshToken()
{
    CodeSpec spec;
    spec.scopes = {u"openid"_s, u"email"_s};
    QString familyId;
    const QString code = issueCode(spec, &familyId);
    const Answer answer = post(codeBody(code), {{"Authorization"_ba, basic(u"web"_s)}});
    QCOMPARE(answer.status, 200);
    QVERIFY(!answer.json.contains(u"refresh_token"_s));
    QCOMPARE(answer.json.value(u"scope"_s).toString(), u"openid email"_s);
    // Bound to the OP session: ending it revokes the family.
    QCOMPARE(m_f->services->tokens->revokeSession(u"sid-7f3a"_s, Start).value(), 1);
    QVERIFY(m_f->services->tokens->isFamilyRevoked(familyId).value());

    spec.scopes = {u"profile"_s};
    const Answer noOpenId =
        post(codeBody(issueCode(spec)), {{"Authorization"_ba, basic(u"web"_s)}});
    QCOMPARE(noOpenId.status, 200);
    QVERIFY(!noOpenId.json.contains(u"id_token"_s));
}

void TestTokenEndpoint::failures_data()
{
    QTest::addColumn<Case>("failure");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    namespace e = proto::error;
    const QString invalidGrant = e::InvalidGrant;
    const QString invalidRequest = e::InvalidRequest;
    QTest::newRow("code reuse") << Case::CodeReuse << 400 << invalidGrant;
    QTest::newRow("wrong verifier") << Case::WrongVerifier << 400 << invalidGrant;
    QTest::newRow("missing verifier") << Case::MissingVerifier << 400 << invalidGrant;
    QTest::newRow("malformed verifier") << Case::MalformedVerifier << 400 << invalidGrant;
    QTest::newRow("verifier for a code without challenge (downgrade)")
        << Case::VerifierWithoutChallenge << 400 << invalidGrant;
    QTest::newRow("code without challenge for a PKCE client")
        << Case::NoChallengeForPkceClient << 400 << invalidGrant;
    QTest::newRow("code of another client") << Case::CodeOfAnotherClient << 400 << invalidGrant;
    QTest::newRow("wrong secret") << Case::WrongSecret << 401 << QString(e::InvalidClient);
    QTest::newRow("unknown client") << Case::UnknownClient << 401 << QString(e::InvalidClient);
    QTest::newRow("public client sending a secret")
        << Case::PublicClientWithSecret << 401 << QString(e::InvalidClient);
    QTest::newRow("expired code") << Case::ExpiredCode << 400 << invalidGrant;
    QTest::newRow("code at exactly 60 s") << Case::ExpiredAtExactly60s << 400 << invalidGrant;
    QTest::newRow("redirect_uri mismatch") << Case::RedirectUriMismatch << 400 << invalidGrant;
    QTest::newRow("redirect_uri with a trailing slash")
        << Case::RedirectUriTrailingSlash << 400 << invalidGrant;
    QTest::newRow("redirect_uri missing") << Case::MissingRedirectUri << 400 << invalidGrant;
    QTest::newRow("code missing") << Case::MissingCode << 400 << invalidRequest;
    QTest::newRow("unknown code") << Case::UnknownCode << 400 << invalidGrant;
    QTest::newRow("duplicate code parameter") << Case::DuplicateCode << 400 << invalidRequest;
    QTest::newRow("duplicate grant_type") << Case::DuplicateGrantType << 400 << invalidRequest;
    QTest::newRow("missing grant_type") << Case::MissingGrantType << 400 << invalidRequest;
    QTest::newRow("empty grant_type") << Case::EmptyGrantType << 400 << invalidRequest;
    QTest::newRow("unsupported grant type")
        << Case::UnsupportedGrantType << 400 << QString(e::UnsupportedGrantType);
    QTest::newRow("JSON body instead of form") << Case::JsonBody << 400 << invalidRequest;
    QTest::newRow("no Content-Type") << Case::NoContentType << 400 << invalidRequest;
    QTest::newRow("malformed form encoding") << Case::MalformedForm << 400 << invalidRequest;
    QTest::newRow("GET") << Case::GetMethod << 405 << QString(e::MethodNotAllowed);
    QTest::newRow("oversized body") << Case::OversizedBody << 413 << QString();
    QTest::newRow("client not registered for the grant")
        << Case::UnauthorizedClient << 400 << QString(e::UnauthorizedClient);
    QTest::newRow("public client asking for client_credentials")
        << Case::PublicClientCredentials << 400 << QString(e::UnauthorizedClient);
    QTest::newRow("client_credentials with openid")
        << Case::ClientCredentialsOpenid << 400 << QString(e::InvalidScope);
    QTest::newRow("client_credentials outside the client's scopes")
        << Case::ClientCredentialsForeignScope << 400 << QString(e::InvalidScope);
    QTest::newRow("disabled account") << Case::DisabledAccount << 400 << invalidGrant;
    QTest::newRow("code of a deleted client")
        << Case::DeletedClientCode << 401 << QString(e::InvalidClient);
    QTest::newRow("no active key for the client's alg")
        << Case::NoActiveKeyForAlg << 500 << QString(e::ServerError);
}

void TestTokenEndpoint::failures()
{
    QFETCH(Case, failure);
    QFETCH(int, status);
    QFETCH(QString, error);

    const Headers web{{"Authorization"_ba, basic(u"web"_s)}};
    CodeSpec spec;
    Answer answer;
    QString familyId;
    switch (failure) {
    case Case::CodeReuse: {
        const QString code = issueCode(spec, &familyId);
        const Answer first = post(codeBody(code), web);
        QCOMPARE(first.status, 200);
        answer = post(codeBody(code), web);
        // The family's refresh token is dead afterwards.
        const Answer again = refresh(first.json.value(u"refresh_token"_s).toString());
        QCOMPARE(again.status, 400);
        QCOMPARE(again.json.value(u"error"_s).toString(), QString(proto::error::InvalidGrant));
        break;
    }
    case Case::WrongVerifier:
        answer = post(codeBody(issueCode(spec), OtherVerifier), web);
        break;
    case Case::MissingVerifier:
        answer = post(codeBody(issueCode(spec), {}), web);
        break;
    case Case::MalformedVerifier:
        answer = post(codeBody(issueCode(spec), Verifier + u"!"_s), web);
        break;
    case Case::VerifierWithoutChallenge:
        spec.clientId = u"legacy"_s;
        spec.pkce = false;
        answer = post(codeBody(issueCode(spec)), {{"Authorization"_ba, basic(u"legacy"_s)}});
        break;
    case Case::NoChallengeForPkceClient:
        spec.pkce = false;
        answer = post(codeBody(issueCode(spec), {}), web);
        break;
    case Case::CodeOfAnotherClient:
        spec.clientId = u"other"_s;
        answer = post(codeBody(issueCode(spec)), web);
        break;
    case Case::WrongSecret:
        answer = post(codeBody(issueCode(spec)),
                      {{"Authorization"_ba, basic(u"web"_s, Secret + u"x"_s)}});
        break;
    case Case::UnknownClient:
        answer = post(codeBody(issueCode(spec)), {{"Authorization"_ba, basic(u"nobody"_s)}});
        break;
    case Case::PublicClientWithSecret:
        spec.clientId = u"spa"_s;
        answer = post(codeBody(issueCode(spec)) + "&client_id=spa&client_secret=x");
        break;
    case Case::ExpiredCode: {
        const QString code = issueCode(spec);
        m_f->clock->advance(61);
        answer = post(codeBody(code), web);
        break;
    }
    case Case::ExpiredAtExactly60s: {
        const QString code = issueCode(spec);
        m_f->clock->advance(60);
        answer = post(codeBody(code), web);
        break;
    }
    case Case::RedirectUriMismatch:
        answer = post(codeBody(issueCode(spec), Verifier, u"https://evil.example/cb"_s), web);
        break;
    case Case::RedirectUriTrailingSlash:
        answer = post(codeBody(issueCode(spec), Verifier, WebRedirect + u'/'), web);
        break;
    case Case::MissingRedirectUri:
        answer = post(codeBody(issueCode(spec), Verifier, {}), web);
        break;
    case Case::MissingCode:
        answer = post("grant_type=authorization_code&redirect_uri=" + formEncode(WebRedirect) +
                          "&code_verifier=" + Verifier.toLatin1(),
                      web);
        break;
    case Case::UnknownCode:
        answer = post(codeBody(u"no-such-code-000000000000000000000000000000"_s), web);
        break;
    case Case::DuplicateCode: {
        const QString code = issueCode(spec);
        answer = post(codeBody(code) + "&code=" + formEncode(code), web);
        break;
    }
    case Case::DuplicateGrantType:
        answer = post(codeBody(issueCode(spec)) + "&grant_type=authorization_code", web);
        break;
    case Case::MissingGrantType:
        answer = post(codeBody(issueCode(spec)).mid(GrantPrefix.size()), web);
        break;
    case Case::EmptyGrantType:
        answer = post("grant_type=&" + codeBody(issueCode(spec)).mid(GrantPrefix.size()), web);
        break;
    case Case::UnsupportedGrantType:
        answer = post("grant_type=password&username=alice&password=x", web);
        break;
    case Case::JsonBody: {
        const QJsonObject body{{u"grant_type"_s, u"authorization_code"_s},
                               {u"code"_s, issueCode(spec)},
                               {u"redirect_uri"_s, WebRedirect},
                               {u"code_verifier"_s, Verifier}};
        answer = post(QJsonDocument(body).toJson(), web, "application/json"_ba);
        break;
    }
    case Case::NoContentType:
        answer = post(codeBody(issueCode(spec)), web, QByteArray());
        break;
    case Case::MalformedForm:
        answer = post(codeBody(issueCode(spec)) + "&state=%zz", web);
        break;
    case Case::GetMethod:
        answer = send(
            ProviderServicesFixture::request("GET"_ba, "/token?" + codeBody(issueCode(spec)), web));
        QVERIFY(answer.raw.header("Allow").contains("POST"));
        break;
    case Case::OversizedBody:
        answer = post(codeBody(issueCode(spec)) + "&pad=" + QByteArray(100 * 1024, 'a'), web);
        break;
    case Case::UnauthorizedClient:
        spec.clientId = u"svc"_s;
        answer =
            post(codeBody(issueCode(spec)) + "&client_id=svc&client_secret=" + formEncode(Secret));
        break;
    case Case::PublicClientCredentials:
        answer = post("grant_type=client_credentials&client_id=spa");
        break;
    case Case::ClientCredentialsOpenid:
        answer = post("grant_type=client_credentials&scope=openid&client_id=svc&client_secret=" +
                      formEncode(Secret));
        break;
    case Case::ClientCredentialsForeignScope:
        answer = post("grant_type=client_credentials&scope=api.read+api.admin&client_id=svc&"
                      "client_secret=" +
                      formEncode(Secret));
        break;
    case Case::DisabledAccount:
        spec.subject = Bob;
        answer = post(codeBody(issueCode(spec)), web);
        break;
    case Case::DeletedClientCode: {
        spec.clientId = u"doomed"_s;
        const QString code = issueCode(spec);
        QVERIFY(m_f->services->clients->remove(u"doomed"_s).value());
        answer = post(codeBody(code), {{"Authorization"_ba, basic(u"doomed"_s)}});
        break;
    }
    case Case::NoActiveKeyForAlg:
        spec.clientId = u"ps"_s;
        answer = post(codeBody(issueCode(spec)), {{"Authorization"_ba, basic(u"ps"_s)}});
        // The log-only detail never reaches the client.
        QVERIFY(!answer.raw.body.contains("PS256"));
        break;
    }

    QCOMPARE(answer.status, status);
    if (!error.isEmpty())
        QCOMPARE(answer.json.value(u"error"_s).toString(), error);
    QVERIFY(!answer.json.contains(u"access_token"_s));
    if (status != 413)
        verifyNoStore(answer);
    if (status == 401) {
        // RFC 6749 §5.2: the scheme the client used.
        QVERIFY(answer.raw.header("WWW-Authenticate").startsWith("Basic realm="));
    }
    if (failure == Case::WrongSecret || failure == Case::UnknownClient) {
        const QList<Event> failed = m_f->publishedEvents(event_type::ClientAuthFailed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().sourceAddress, u"127.0.0.1"_s);
    }
    if (failure == Case::CodeReuse)
        QCOMPARE(m_f->publishedEvents(event_type::CodeReplayed).size(), 1);
    if (status != 200 && failure != Case::CodeReuse)
        QVERIFY(m_f->publishedEvents(event_type::TokenIssued).isEmpty());
}

void TestTokenEndpoint::codeReplayRevokesTheFamily()
{
    QString familyId;
    const QString code = issueCode(CodeSpec{}, &familyId);
    const Headers web{{"Authorization"_ba, basic(u"web"_s)}};
    const Answer first = post(codeBody(code), web);
    QCOMPARE(first.status, 200);
    QVERIFY(!m_f->services->tokens->isFamilyRevoked(familyId).value());

    // Replayed - even by another client - the code revokes what it issued.
    const Answer replay = post(codeBody(code), {{"Authorization"_ba, basic(u"other"_s)}});
    QCOMPARE(replay.status, 400);
    QCOMPARE(replay.json.value(u"error"_s).toString(), QString(proto::error::InvalidGrant));
    QVERIFY(m_f->services->tokens->isFamilyRevoked(familyId).value());
    const auto stored = m_f->services->tokens->find(
        OpaqueToken::hashOf(first.json.value(u"refresh_token"_s).toString()));
    QVERIFY(stored.ok() && stored->has_value() && (*stored)->revokedAt.isValid());

    const QList<Event> replayed = m_f->publishedEvents(event_type::CodeReplayed);
    QCOMPARE(replayed.size(), 1);
    QVERIFY(!replayed.first().success);
    QCOMPARE(replayed.first().subject, Alice);
    QCOMPARE(replayed.first().sourceAddress, u"127.0.0.1"_s);
    QVERIFY(!QJsonDocument(replayed.first().toJson()).toJson().contains(code.toUtf8()));

    // The access token of the family no longer opens userinfo.
    const Answer userinfo = send(ProviderServicesFixture::request(
        "GET"_ba, "/userinfo"_ba,
        {{"Authorization"_ba,
          "Bearer " + first.json.value(u"access_token"_s).toString().toLatin1()}}));
    QCOMPARE(userinfo.status, 401);
}

void TestTokenEndpoint::refreshRotation()
{
    const QJsonObject tokens = redeem();
    const QString first = tokens.value(u"refresh_token"_s).toString();
    m_f->clock->advance(600);
    m_f->clearEvents();
    const Answer answer = refresh(first);
    QCOMPARE(answer.status, 200);
    verifyNoStore(answer);
    const QString second = answer.json.value(u"refresh_token"_s).toString();
    QVERIFY(!second.isEmpty() && second != first);
    QCOMPARE(answer.json.value(u"scope"_s).toString(), FullScopes.join(u' '));
    // Rotated: the old one is marked, the new one keeps the absolute expiry.
    const auto old = m_f->services->tokens->find(OpaqueToken::hashOf(first));
    QVERIFY(old.ok() && old->has_value() && (*old)->rotatedAt.isValid());
    const auto fresh = m_f->services->tokens->find(OpaqueToken::hashOf(second));
    QVERIFY(fresh.ok() && fresh->has_value());
    QCOMPARE((*fresh)->expiresAt, Start.addDays(14));
    QCOMPARE((*fresh)->familyId, (*old)->familyId);

    // OpenID Connect Core §12.2: new iat, original auth_time, no nonce.
    const auto claims = m_f->keyRing()->verify(
        answer.json.value(u"id_token"_s).toString().toLatin1(), {u"RS256"_s});
    QVERIFY(claims.ok());
    QCOMPARE(claims->value(u"iat"_s).toInteger(), Start.toSecsSinceEpoch() + 600);
    QCOMPARE(claims->value(u"auth_time"_s).toInteger(), Start.toSecsSinceEpoch() - 30);
    QCOMPARE(claims->value(u"sub"_s).toString(), Alice);
    QVERIFY(!claims->contains(u"nonce"_s));

    const QList<Event> refreshed = m_f->publishedEvents(event_type::TokenRefreshed);
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(refreshed.first().details.value(u"grant_type"_s).toString(), u"refresh_token"_s);
    QCOMPARE(refreshed.first().username, u"alice"_s);
    QVERIFY(m_f->publishedEvents(event_type::TokenIssued).isEmpty());

    // The new one works in turn.
    QCOMPARE(refresh(second).status, 200);
}

void TestTokenEndpoint::refreshReuseRevokesTheFamily()
{
    const QString first = redeem().value(u"refresh_token"_s).toString();
    const Answer rotated = refresh(first);
    QCOMPARE(rotated.status, 200);
    const QString second = rotated.json.value(u"refresh_token"_s).toString();

    const Answer reuse = refresh(first);
    QCOMPARE(reuse.status, 400);
    QCOMPARE(reuse.json.value(u"error"_s).toString(), QString(proto::error::InvalidGrant));
    const QList<Event> reused = m_f->publishedEvents(event_type::RefreshReused);
    QCOMPARE(reused.size(), 1);
    QCOMPARE(reused.first().sourceAddress, u"127.0.0.1"_s);
    // The legitimate successor dies with the family, and so do its access tokens.
    const Answer successor = refresh(second);
    QCOMPARE(successor.status, 400);
    QCOMPARE(successor.json.value(u"error"_s).toString(), QString(proto::error::InvalidGrant));
    const Answer userinfo = send(ProviderServicesFixture::request(
        "GET"_ba, "/userinfo"_ba,
        {{"Authorization"_ba,
          "Bearer " + rotated.json.value(u"access_token"_s).toString().toLatin1()}}));
    QCOMPARE(userinfo.status, 401);
}

void TestTokenEndpoint::confidentialClientWithoutRotation()
{
    const QString token = redeem(u"norotate"_s).value(u"refresh_token"_s).toString();
    const Answer first = refresh(token, u"norotate"_s);
    QCOMPARE(first.status, 200);
    QVERIFY(!first.json.contains(u"refresh_token"_s));
    QCOMPARE(refresh(token, u"norotate"_s).status, 200);
    QVERIFY(m_f->publishedEvents(event_type::RefreshReused).isEmpty());
}

void TestTokenEndpoint::publicClientAlwaysRotates()
{
    const QString token = redeem(u"spa"_s).value(u"refresh_token"_s).toString();
    const Answer first = refresh(token, u"spa"_s);
    QCOMPARE(first.status, 200);
    QVERIFY(first.json.contains(u"refresh_token"_s));
    QCOMPARE(refresh(token, u"spa"_s).status, 400);
    QCOMPARE(m_f->publishedEvents(event_type::RefreshReused).size(), 1);
}

void TestTokenEndpoint::refreshScope_data()
{
    QTest::addColumn<QByteArray>("scope");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("granted"); // or the error
    QTest::addColumn<bool>("idToken");

    QTest::newRow("omitted: as originally granted")
        << QByteArray() << 200 << FullScopes.join(u' ') << true;
    QTest::newRow("identical") << "openid+profile+email+offline_access"_ba << 200
                               << FullScopes.join(u' ') << true;
    QTest::newRow("narrower, with openid") << "openid"_ba << 200 << u"openid"_s << true;
    QTest::newRow("narrower, without openid: no ID token")
        << "email+profile"_ba << 200 << u"email profile"_s << false;
    QTest::newRow("wider: a scope the client may have but was not granted")
        << "openid+groups"_ba << 400 << QString(proto::error::InvalidScope) << false;
    QTest::newRow("unknown scope")
        << "admin"_ba << 400 << QString(proto::error::InvalidScope) << false;
    QTest::newRow("scope with a forbidden character")
        << "openid+%22quoted%22"_ba << 400 << QString(proto::error::InvalidScope) << false;
    QTest::newRow("case matters") << "OPENID"_ba << 400 << QString(proto::error::InvalidScope)
                                  << false;
}

void TestTokenEndpoint::refreshScope()
{
    QFETCH(QByteArray, scope);
    QFETCH(int, status);
    QFETCH(QString, granted);
    QFETCH(bool, idToken);

    const QString token = redeem().value(u"refresh_token"_s).toString();
    const Answer answer =
        refresh(token, u"web"_s, scope.isEmpty() ? QByteArray() : "&scope=" + scope);
    QCOMPARE(answer.status, status);
    if (status != 200) {
        QCOMPARE(answer.json.value(u"error"_s).toString(), granted);
        // A refused request does not rotate: the token still works.
        QCOMPARE(refresh(token).status, 200);
        return;
    }
    QCOMPARE(answer.json.value(u"scope"_s).toString(), granted);
    QCOMPARE(answer.json.contains(u"id_token"_s), idToken);
    const auto at = m_f->keyRing()->verify(
        answer.json.value(u"access_token"_s).toString().toLatin1(), {u"RS256"_s});
    QVERIFY(at.ok());
    QCOMPARE(at->value(u"scope"_s).toString(), granted);
    // RFC 6749 §6: the new refresh token keeps the original scope.
    const auto stored = m_f->services->tokens->find(
        OpaqueToken::hashOf(answer.json.value(u"refresh_token"_s).toString()));
    QVERIFY(stored.ok() && stored->has_value());
    QCOMPARE((*stored)->scopes, FullScopes);
}

void TestTokenEndpoint::refreshFailures_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("error");
    const QString invalidGrant = proto::error::InvalidGrant;
    QTest::newRow("token of another client") << u"other-client"_s << invalidGrant;
    QTest::newRow("expired") << u"expired"_s << invalidGrant;
    QTest::newRow("unknown") << u"unknown"_s << invalidGrant;
    QTest::newRow("missing") << u"missing"_s << QString(proto::error::InvalidRequest);
    QTest::newRow("client not registered for refresh_token")
        << u"unauthorized"_s << QString(proto::error::UnauthorizedClient);
    QTest::newRow("grant without offline_access") << u"no-offline"_s << invalidGrant;
    QTest::newRow("revoked token") << u"revoked"_s << invalidGrant;
    QTest::newRow("revoked family") << u"revoked-family"_s << invalidGrant;
    QTest::newRow("disabled account") << u"disabled"_s << invalidGrant;
    QTest::newRow("an access token presented as refresh token")
        << u"access-token"_s << invalidGrant;
    QTest::newRow("duplicate refresh_token")
        << u"duplicate"_s << QString(proto::error::InvalidRequest);
}

void TestTokenEndpoint::refreshFailures()
{
    QFETCH(QString, what);
    QFETCH(QString, error);

    TokenRecord record;
    record.clientId = u"web"_s;
    record.subject = Alice;
    record.scopes = FullScopes;
    Answer answer;
    if (what == u"other-client"_s) {
        answer = refresh(storeToken(record), u"other"_s);
    } else if (what == u"expired"_s) {
        const QString token = redeem().value(u"refresh_token"_s).toString();
        m_f->clock->advance(14 * 24 * 3600);
        answer = refresh(token);
    } else if (what == u"unknown"_s) {
        answer = refresh(u"unknown-refresh-token-00000000000000000000"_s);
    } else if (what == u"missing"_s) {
        answer = post("grant_type=refresh_token", {{"Authorization"_ba, basic(u"web"_s)}});
    } else if (what == u"unauthorized"_s) {
        record.clientId = u"svc"_s;
        answer = post("grant_type=refresh_token&refresh_token=" + storeToken(record).toLatin1() +
                      "&client_id=svc&client_secret=" + formEncode(Secret));
    } else if (what == u"no-offline"_s) {
        record.scopes = {u"openid"_s};
        answer = refresh(storeToken(record));
    } else if (what == u"revoked"_s) {
        const QString token = storeToken(record);
        QVERIFY(m_f->services->tokens->revoke(OpaqueToken::hashOf(token), Start).value());
        answer = refresh(token);
    } else if (what == u"revoked-family"_s) {
        record.familyId = u"family-to-revoke"_s;
        const QString token = storeToken(record);
        // revokeFamily() revokes the stored token too; a later token of the
        // family (saved after) must still fail through the family record.
        QVERIFY(m_f->services->tokens->revokeFamily(record.familyId, Start).ok());
        answer = refresh(storeToken(record));
        QCOMPARE(refresh(token).status, 400);
    } else if (what == u"disabled"_s) {
        record.subject = Bob;
        answer = refresh(storeToken(record));
    } else if (what == u"access-token"_s) {
        record.kind = TokenRecord::Kind::AccessToken;
        answer = refresh(storeToken(record));
    } else if (what == u"duplicate"_s) {
        const QString token = storeToken(record);
        answer = refresh(token, u"web"_s, "&refresh_token=" + token.toLatin1());
    }
    QCOMPARE(answer.json.value(u"error"_s).toString(), error);
    QCOMPARE(answer.status, 400);
    verifyNoStore(answer);
    QVERIFY(m_f->publishedEvents(event_type::TokenRefreshed).isEmpty());
}

void TestTokenEndpoint::clientCredentials()
{
    const Answer answer = post("grant_type=client_credentials&scope=api.read&client_id=svc&"
                               "client_secret=" +
                               formEncode(Secret));
    QCOMPARE(answer.status, 200);
    verifyNoStore(answer);
    QCOMPARE(answer.json.value(u"scope"_s).toString(), u"api.read"_s);
    QVERIFY(!answer.json.contains(u"refresh_token"_s));
    QVERIFY(!answer.json.contains(u"id_token"_s));
    const auto decoded = m_f->keyRing()->verifyDecoded(
        answer.json.value(u"access_token"_s).toString().toLatin1(), {u"RS256"_s});
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->typ, u"at+jwt"_s);
    const QJsonObject at = QJsonDocument::fromJson(decoded->payload).object();
    // Written by JsonWriter: byte for byte what Qt prints for the same claims and header.
    QCOMPARE(decoded->payload, QJsonDocument(at).toJson(QJsonDocument::Compact));
    QCOMPARE(Base64Url::decode(
                 answer.json.value(u"access_token"_s).toString().toLatin1().split('.').first())
                 .value(),
             QJsonDocument(decoded->header).toJson(QJsonDocument::Compact));
    // RFC 9068 §2.2: sub names the client when no resource owner is involved.
    QCOMPARE(at.value(u"sub"_s).toString(), u"svc"_s);
    QCOMPARE(at.value(u"client_id"_s).toString(), u"svc"_s);
    QCOMPARE(at.value(u"aud"_s).toString(), m_issuer);
    QVERIFY(!at.contains(u"auth_time"_s));
    const QString familyId = at.value(u"fid"_s).toString();
    QVERIFY(!familyId.isEmpty());
    QVERIFY(!m_f->services->tokens->isFamilyRevoked(familyId).value());

    const QList<Event> issued = m_f->publishedEvents(event_type::TokenIssued);
    QCOMPARE(issued.size(), 1);
    QCOMPARE(issued.first().details.value(u"grant_type"_s).toString(), u"client_credentials"_s);
    QCOMPARE(issued.first().clientId, u"svc"_s);
    QVERIFY(issued.first().subject.isEmpty());
    QVERIFY(issued.first().username.isEmpty());
}

void TestTokenEndpoint::clientCredentialsWithoutScope()
{
    const Answer answer =
        post("grant_type=client_credentials&client_id=svc&client_secret=" + formEncode(Secret));
    QCOMPARE(answer.status, 200);
    QVERIFY(!answer.json.contains(u"scope"_s));
    // Two issuances, two families.
    const Answer second =
        post("grant_type=client_credentials&client_id=svc&client_secret=" + formEncode(Secret));
    QCOMPARE(second.status, 200);
    const auto fid = [this](const Answer &a) {
        const auto claims = m_f->keyRing()->verify(
            a.json.value(u"access_token"_s).toString().toLatin1(), {u"RS256"_s});
        return claims ? claims->value(u"fid"_s).toString() : QString();
    };
    QVERIFY(!fid(answer).isEmpty());
    QVERIFY(fid(answer) != fid(second));
}

void TestTokenEndpoint::concurrentRedemption()
{
    const QString code = issueCode(CodeSpec{});
    const QByteArray request = ProviderServicesFixture::request(
        "POST"_ba, "/token"_ba,
        {{"Content-Type"_ba, "application/x-www-form-urlencoded"_ba},
         {"Authorization"_ba, basic(u"web"_s)}},
        codeBody(code));
    constexpr int Racers = 8;
    std::vector<int> statuses(Racers, 0);
    QList<QThread *> threads;
    const quint16 port = m_f->port();
    for (int i = 0; i < Racers; ++i) {
        threads.append(QThread::create([&statuses, &request, port, i] {
            const auto response = HttpTestClient::exchange(port, request);
            statuses[static_cast<std::size_t>(i)] = response ? response->status : -1;
        }));
    }
    for (QThread *thread : std::as_const(threads))
        thread->start();
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(std::count(statuses.begin(), statuses.end(), 200), 1);
    QCOMPARE(std::count(statuses.begin(), statuses.end(), 400), Racers - 1);
    QCOMPARE(m_f->publishedEvents(event_type::TokenIssued).size(), 1);
    // Every loser is a replay; the winner's family is revoked by them.
    QCOMPARE(m_f->publishedEvents(event_type::CodeReplayed).size(), Racers - 1);
}

void TestTokenEndpoint::discoveryMembers()
{
    const QJsonObject document =
        DiscoveryDocument(ProviderServicesFixture::issuer(), m_f->router()->mounted(),
                          m_f->keyRing()->signingAlgorithms())
            .toJson();
    QCOMPARE(document.value(u"token_endpoint"_s).toString(), m_issuer + u"/token"_s);
    QCOMPARE(document.value(u"userinfo_endpoint"_s).toString(), m_issuer + u"/userinfo"_s);
    QCOMPARE(document.value(u"grant_types_supported"_s).toArray(),
             (QJsonArray{u"authorization_code"_s, u"refresh_token"_s, u"client_credentials"_s}));
    QCOMPARE(document.value(u"token_endpoint_auth_methods_supported"_s).toArray(),
             (QJsonArray{u"client_secret_basic"_s, u"client_secret_post"_s, u"none"_s}));
    QVERIFY(document.value(u"scopes_supported"_s).toArray().contains(u"offline_access"_s));
}

void TestTokenEndpoint::clientCredentialsWritesNothing()
{
    // A JWT access token for a client is self-contained: no token family
    // row, no stored token (ClientCredentialsGrant), so issuance never
    // queues for the database's write lock.
    const auto count = [this](const QString &table) {
        QSqlQuery query(m_f->database->db->connection());
        return query.exec(u"SELECT COUNT(*) FROM "_s + table) && query.next()
                   ? query.value(0).toInt()
                   : -1;
    };
    const int families = count(u"token_families"_s);
    const int tokens = count(u"tokens"_s);
    QVERIFY(families >= 0 && tokens >= 0);
    for (int i = 0; i < 3; ++i) {
        const Answer answer = post("grant_type=client_credentials&scope=api.read&client_id=svc&"
                                   "client_secret=" +
                                   formEncode(Secret));
        QCOMPARE(answer.status, 200);
    }
    QCOMPARE(count(u"token_families"_s), families);
    QCOMPARE(count(u"tokens"_s), tokens);
}

void TestTokenEndpoint::failedGrantRollsBack_data()
{
    QTest::addColumn<QString>("grant");
    QTest::newRow("code redemption, family and tokens") << u"code"_s;
    QTest::newRow("refresh token rotation and its successor") << u"refresh"_s;
}

void TestTokenEndpoint::failedGrantRollsBack()
{
    if (lanyard::test::TestDatabase::usingPostgres())
        QSKIP("the failure is injected with an SQLite trigger");
    QFETCH(QString, grant);
    QString code;
    QString refreshToken;
    if (grant == u"code"_s)
        code = issueCode(CodeSpec{});
    else
        refreshToken = redeem().value(u"refresh_token"_s).toString();
    QVERIFY(!code.isEmpty() || !refreshToken.isEmpty());

    // Storing the refresh token - the grant's last write - fails.
    QSqlQuery trigger(m_f->database->db->connection());
    QVERIFY2(trigger.exec(u"CREATE TRIGGER fail_token_insert BEFORE INSERT ON tokens "
                          "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s),
             qPrintable(trigger.lastError().text()));
    const Answer failed = grant == u"code"_s
                              ? post(codeBody(code), {{"Authorization"_ba, basic(u"web"_s)}})
                              : refresh(refreshToken);
    QVERIFY(trigger.exec(u"DROP TRIGGER fail_token_insert"_s));
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.json.value(u"error"_s).toString(), QString(proto::error::ServerError));

    // Nothing of the failed attempt stuck: the code is not burnt and its
    // family not created (creating it again would conflict); the refresh
    // token is not rotated (using it again would be reuse).
    const Answer retried = grant == u"code"_s
                               ? post(codeBody(code), {{"Authorization"_ba, basic(u"web"_s)}})
                               : refresh(refreshToken);
    QCOMPARE(retried.status, 200);
    QVERIFY(!retried.json.value(u"refresh_token"_s).toString().isEmpty());
    QVERIFY(m_f->publishedEvents(event_type::RefreshReused).isEmpty());
    QVERIFY(m_f->publishedEvents(event_type::CodeReplayed).isEmpty());
}

void TestTokenEndpoint::clientAuthenticationIsThrottled()
{
    // ClientAuthThrottle behind the token endpoint: guesses of one client's
    // secret from one address are cut off, the right secret included.
    const QByteArray body = "grant_type=client_credentials&scope=api.read"_ba;
    for (int i = 0; i < ClientAuthThrottle::FailureLimit; ++i) {
        const Answer wrong =
            post(body, {{"Authorization"_ba,
                         basic(u"guessed"_s, u"guess-%1-0123456789abcdefghijklmnopqr"_s.arg(i))}});
        QCOMPARE(wrong.status, 401);
    }
    const Answer refused = post(body, {{"Authorization"_ba, basic(u"guessed"_s)}});
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.json.value(u"error"_s).toString(), QString(proto::error::InvalidClient));
    QVERIFY(refused.raw.header("WWW-Authenticate").startsWith("Basic"));
    QVERIFY(!refused.json.contains(u"access_token"_s));
    const QList<Event> failures = m_f->publishedEvents(event_type::ClientAuthFailed);
    QVERIFY(!failures.isEmpty());
    QCOMPARE(failures.constLast().details.value(u"reason"_s).toString(), u"throttled"_s);
    // Once the window has passed the right secret works again.
    m_f->clock->advance(ClientAuthThrottle::WindowSecs + 1);
    QCOMPARE(post(body, {{"Authorization"_ba, basic(u"guessed"_s)}}).status, 200);
}

QTEST_GUILESS_MAIN(TestTokenEndpoint)
#include "tst_tokenendpoint.moc"
