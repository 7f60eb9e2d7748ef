// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderServicesFixture.h"

#include "auth/AuthorizationRequestParser.h"
#include "endpoints/AuthorizationEndpoint.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/DiscoveryEndpoint.h"
#include "endpoints/DiscoveryNames.h"
#include "endpoints/IntrospectionEndpoint.h"
#include "endpoints/JwksEndpoint.h"
#include "endpoints/JwksSource.h"
#include "endpoints/RevocationEndpoint.h"
#include "endpoints/TokenEndpoint.h"
#include "endpoints/UserInfoEndpoint.h"
#include "http/Router.h"
#include "jose/KeyRing.h"
#include "tokens/ScopeClaims.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

using M = QHttpServerRequest::Method;

EndpointDescription endpoint(const QString &path, const QString &name, QJsonObject metadata = {})
{
    EndpointDescription description;
    description.path = path;
    description.methods = M::Get;
    description.discoveryName = name;
    description.discoveryMetadata = std::move(metadata);
    return description;
}

EndpointDescription jwks()
{
    return endpoint(u"/jwks"_s, u"jwks_uri"_s);
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

class TestDiscoveryDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issuerAndEndpointUrls_data();
    void issuerAndEndpointUrls();
    void requiredMembers();
    void onlyMountedEndpointsAreListed();
    void capabilitiesComeFromMountedEndpoints();
    void signingAlgorithmsRs256First_data();
    void signingAlgorithmsRs256First();
    void byteStable();
    void endpointServesTheSameBytes();
    void scopesAndClaimsFromEndpointsJoinTheDefaults();
    void providerEndpointsListWhatWorks();
};

void TestDiscoveryDocument::issuerAndEndpointUrls_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("jwksUri");
    QTest::newRow("host only") << u"https://id.example"_s << u"https://id.example/jwks"_s;
    QTest::newRow("host slash") << u"https://id.example/"_s << u"https://id.example/jwks"_s;
    QTest::newRow("path") << u"https://id.example/tenant"_s << u"https://id.example/tenant/jwks"_s;
    QTest::newRow("path slash") << u"https://id.example/tenant/"_s
                                << u"https://id.example/tenant/jwks"_s;
    QTest::newRow("deep path with port")
        << u"https://id.example:8443/a/b"_s << u"https://id.example:8443/a/b/jwks"_s;
    QTest::newRow("plain http loopback")
        << u"http://127.0.0.1:9090"_s << u"http://127.0.0.1:9090/jwks"_s;
}

void TestDiscoveryDocument::issuerAndEndpointUrls()
{
    QFETCH(QString, issuer);
    QFETCH(QString, jwksUri);
    const QJsonObject document = DiscoveryDocument(QUrl(issuer), {jwks()}, {u"RS256"_s}).toJson();
    // Discovery §4.3: the issuer is exactly the configured one - no slash
    // added or removed.
    QCOMPARE(document.value(u"issuer"_s).toString(), issuer);
    // Discovery §4.1: endpoint URLs hang under the issuer without "//".
    QCOMPARE(document.value(u"jwks_uri"_s).toString(), jwksUri);
    QVERIFY(!document.value(u"jwks_uri"_s).toString().mid(8).contains(u"//"_s));
    QCOMPARE(DiscoveryDocument::endpointUrl(QUrl(issuer), DiscoveryDocument::wellKnownPath()),
             jwksUri.chopped(5) + u"/.well-known/openid-configuration"_s);
}

void TestDiscoveryDocument::requiredMembers()
{
    const QJsonObject document =
        DiscoveryDocument(QUrl(u"https://id.example"_s), {jwks()}, {u"RS256"_s}).toJson();
    // Discovery §3 REQUIRED members.
    QCOMPARE(strings(document.value(u"response_types_supported"_s)), QStringList{u"code"_s});
    QCOMPARE(strings(document.value(u"subject_types_supported"_s)), QStringList{u"public"_s});
    QCOMPARE(strings(document.value(u"id_token_signing_alg_values_supported"_s)),
             QStringList{u"RS256"_s});
    QVERIFY(strings(document.value(u"scopes_supported"_s)).contains(u"openid"_s));
    QVERIFY(strings(document.value(u"claims_supported"_s)).contains(u"sub"_s));
}

void TestDiscoveryDocument::onlyMountedEndpointsAreListed()
{
    const QJsonObject bare =
        DiscoveryDocument(QUrl(u"https://id.example"_s), {jwks()}, {u"RS256"_s}).toJson();
    for (QLatin1StringView absent :
         {discovery::AuthorizationEndpoint, discovery::TokenEndpoint, discovery::UserinfoEndpoint,
          discovery::EndSessionEndpoint, discovery::RevocationEndpoint,
          discovery::GrantTypesSupported, discovery::TokenEndpointAuthMethodsSupported,
          discovery::CodeChallengeMethodsSupported}) {
        QVERIFY2(!bare.contains(absent), qPrintable(QString(absent)));
    }
    QVERIFY(!strings(bare.value(u"scopes_supported"_s)).contains(u"offline_access"_s));

    // An endpoint without a discovery name (discovery itself) is not listed.
    const QJsonObject withUnnamed =
        DiscoveryDocument(QUrl(u"https://id.example"_s),
                          {jwks(), endpoint(DiscoveryDocument::wellKnownPath(), {})}, {u"RS256"_s})
            .toJson();
    QCOMPARE(withUnnamed, bare);

    const QJsonObject withToken =
        DiscoveryDocument(QUrl(u"https://id.example/t"_s),
                          {jwks(), endpoint(u"/token"_s, u"token_endpoint"_s)}, {u"RS256"_s})
            .toJson();
    QCOMPARE(withToken.value(u"token_endpoint"_s).toString(), u"https://id.example/t/token"_s);
    QVERIFY(!withToken.contains(u"authorization_endpoint"_s));
}

void TestDiscoveryDocument::capabilitiesComeFromMountedEndpoints()
{
    const QJsonObject token{
        {u"grant_types_supported"_s, QJsonArray{u"authorization_code"_s, u"refresh_token"_s}},
        {u"token_endpoint_auth_methods_supported"_s,
         QJsonArray{u"client_secret_basic"_s, u"none"_s}},
    };
    const QJsonObject clientCredentials{
        {u"grant_types_supported"_s, QJsonArray{u"client_credentials"_s, u"refresh_token"_s}},
    };
    const QJsonObject authorize{
        {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}},
        // A REQUIRED member is the document's, not an endpoint's, to set.
        {u"response_types_supported"_s, QJsonArray{u"token"_s}},
    };
    const QJsonObject document =
        DiscoveryDocument(QUrl(u"https://id.example"_s),
                          {endpoint(u"/authorize"_s, u"authorization_endpoint"_s, authorize),
                           endpoint(u"/token"_s, u"token_endpoint"_s, token),
                           endpoint(u"/cc"_s, {}, clientCredentials), jwks()},
                          {u"RS256"_s})
            .toJson();
    QCOMPARE(strings(document.value(u"grant_types_supported"_s)),
             (QStringList{u"authorization_code"_s, u"refresh_token"_s, u"client_credentials"_s}));
    QCOMPARE(strings(document.value(u"code_challenge_methods_supported"_s)),
             QStringList{u"S256"_s});
    QCOMPARE(strings(document.value(u"response_types_supported"_s)), QStringList{u"code"_s});
    // The refresh_token grant brings the offline_access scope.
    QVERIFY(strings(document.value(u"scopes_supported"_s)).contains(u"offline_access"_s));
}

void TestDiscoveryDocument::signingAlgorithmsRs256First_data()
{
    QTest::addColumn<QStringList>("ring");
    QTest::addColumn<QStringList>("advertised");
    QTest::newRow("RS256 only") << QStringList{u"RS256"_s} << QStringList{u"RS256"_s};
    QTest::newRow("RS256 moved first") << QStringList{u"ES256"_s, u"RS256"_s, u"EdDSA"_s}
                                       << QStringList{u"RS256"_s, u"ES256"_s, u"EdDSA"_s};
    QTest::newRow("duplicates dropped")
        << QStringList{u"RS256"_s, u"PS256"_s, u"RS256"_s} << QStringList{u"RS256"_s, u"PS256"_s};
}

void TestDiscoveryDocument::signingAlgorithmsRs256First()
{
    QFETCH(QStringList, ring);
    QFETCH(QStringList, advertised);
    const QJsonObject document =
        DiscoveryDocument(QUrl(u"https://id.example"_s), {jwks()}, ring).toJson();
    QCOMPARE(strings(document.value(u"id_token_signing_alg_values_supported"_s)), advertised);
}

void TestDiscoveryDocument::byteStable()
{
    const QUrl issuer(u"https://id.example/tenant"_s);
    const QList<EndpointDescription> endpoints{
        endpoint(u"/token"_s, u"token_endpoint"_s,
                 {{u"grant_types_supported"_s, QJsonArray{u"authorization_code"_s}}}),
        jwks()};
    const QByteArray first = DiscoveryDocument(issuer, endpoints, {u"RS256"_s}).json();
    const QByteArray second = DiscoveryDocument(issuer, endpoints, {u"RS256"_s}).json();
    QCOMPARE(first, second);
    // Rebuilt from its own parse, the same bytes again.
    QCOMPARE(QJsonDocument::fromJson(first).toJson(QJsonDocument::Indented), first);
    QVERIFY(first.contains("\"issuer\": \"https://id.example/tenant\""));
    QVERIFY(first.endsWith("}\n"));
}

void TestDiscoveryDocument::endpointServesTheSameBytes()
{
    // What `lanyard discovery` prints is what the server serves.
    const QUrl issuer(u"https://id.example/tenant"_s);
    auto keys = std::make_shared<JwksSource>();
    keys->publish(R"({"keys":[]})"_ba, {u"ES256"_s, u"RS256"_s});
    auto router = std::make_shared<Router>(issuer);
    QVERIFY(router->add(std::make_shared<JwksEndpoint>(keys, 600)).ok());
    QVERIFY(router->add(std::make_shared<DiscoveryEndpoint>(router, keys, 600)).ok());

    ConnectionInfo connection;
    connection.baseUrl = issuer;
    const HttpResponse served = router->route(RequestContext::create(
        "GET"_ba, "/tenant/.well-known/openid-configuration"_ba, {}, {}, connection));
    QCOMPARE(served.status(), 200);
    const QByteArray printed =
        DiscoveryDocument(issuer, router->mounted(), keys->current()->signingAlgorithms).json();
    QCOMPARE(served.body(), printed);
    const QJsonObject document = QJsonDocument::fromJson(printed).object();
    QCOMPARE(document.value(u"jwks_uri"_s).toString(), u"https://id.example/tenant/jwks"_s);
    QCOMPARE(document.size(), 7); // issuer, jwks_uri and the five fixed members
}

void TestDiscoveryDocument::scopesAndClaimsFromEndpointsJoinTheDefaults()
{
    const QJsonObject authorize{
        {u"scopes_supported"_s, QJsonArray{u"openid"_s, u"address"_s, u"phone"_s}},
    };
    const QJsonObject userinfo{
        {u"claims_supported"_s, QJsonArray{u"sub"_s, u"address"_s, u"phone_number"_s}},
    };
    const QJsonObject document =
        DiscoveryDocument(QUrl(u"https://id.example"_s),
                          {endpoint(u"/authorize"_s, u"authorization_endpoint"_s, authorize),
                           endpoint(u"/userinfo"_s, u"userinfo_endpoint"_s, userinfo), jwks()},
                          {u"RS256"_s})
            .toJson();
    const QStringList scopes = strings(document.value(u"scopes_supported"_s));
    const QStringList claims = strings(document.value(u"claims_supported"_s));
    // Nothing an endpoint serves is overwritten by the defaults ...
    for (const QString &scope : {u"address"_s, u"phone"_s})
        QVERIFY2(scopes.contains(scope), qPrintable(scopes.join(u' ')));
    for (const QString &claim : {u"address"_s, u"phone_number"_s})
        QVERIFY2(claims.contains(claim), qPrintable(claims.join(u' ')));
    // ... the defaults stay, and nothing is listed twice.
    for (const QString &scope : DiscoveryDocument::defaultScopes())
        QVERIFY(scopes.contains(scope));
    for (const QString &claim : DiscoveryDocument::defaultClaims())
        QVERIFY(claims.contains(claim));
    QCOMPARE(scopes.count(u"openid"_s), 1);
    QCOMPARE(claims.count(u"sub"_s), 1);
}

void TestDiscoveryDocument::providerEndpointsListWhatWorks()
{
    // The real endpoints, as Provider mounts them.
    lanyard::test::ProviderServicesFixture f;
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    const std::shared_ptr<const ProviderServices> services = f.services;
    const QUrl issuer = lanyard::test::ProviderServicesFixture::issuer();
    Router router(issuer);
    for (const std::shared_ptr<Endpoint> &e :
         QList<std::shared_ptr<Endpoint>>{std::make_shared<AuthorizationEndpoint>(services),
                                          std::make_shared<TokenEndpoint>(services),
                                          std::make_shared<UserInfoEndpoint>(services),
                                          std::make_shared<IntrospectionEndpoint>(services),
                                          std::make_shared<RevocationEndpoint>(services)})
        QVERIFY(router.add(e).ok());
    const QJsonObject document =
        DiscoveryDocument(issuer, router.mounted(), f.keyRing()->signingAlgorithms()).toJson();

    // Every scope the authorization endpoint grants and every claim
    // userinfo releases for them (OpenID Connect Core §5.4).
    const QStringList scopes = strings(document.value(u"scopes_supported"_s));
    for (const QString &scope : AuthorizationRequestParser::supportedScopes())
        QVERIFY2(scopes.contains(scope), qPrintable(scope));
    const QStringList claims = strings(document.value(u"claims_supported"_s));
    for (const QString &claim : ScopeClaims::supportedClaims())
        QVERIFY2(claims.contains(claim), qPrintable(claim));
    for (const QString &claim : {u"address"_s, u"phone_number"_s, u"phone_number_verified"_s,
                                 u"groups"_s, u"middle_name"_s})
        QVERIFY2(claims.contains(claim), qPrintable(claim));

    // RFC 8414 §2: introspection and revocation with their auth methods.
    const QString base = issuer.toString();
    QCOMPARE(document.value(u"introspection_endpoint"_s).toString(), base + u"/introspect"_s);
    QCOMPARE(document.value(u"revocation_endpoint"_s).toString(), base + u"/revoke"_s);
    QCOMPARE(strings(document.value(u"introspection_endpoint_auth_methods_supported"_s)),
             (QStringList{u"client_secret_basic"_s, u"client_secret_post"_s}));
    QCOMPARE(strings(document.value(u"revocation_endpoint_auth_methods_supported"_s)),
             (QStringList{u"client_secret_basic"_s, u"client_secret_post"_s, u"none"_s}));
}

QTEST_GUILESS_MAIN(TestDiscoveryDocument)
#include "tst_discoverydocument.moc"
