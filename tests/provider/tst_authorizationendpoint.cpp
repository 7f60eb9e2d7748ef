// SPDX-License-Identifier: GPL-3.0-or-later
// The authorization endpoint over real HTTP (OpenID Connect Core §3.1.2):
// requests that must never be redirected, errors that must be, and the
// success paths through login, consent, single sign-on, prompt, max_age,
// id_token_hint and form_post.
#include "BrowserClient.h"
#include "SignInScenario.h"

#include "auth/OpaqueToken.h"
#include "auth/SignInPolicy.h"
#include "core/Protocol.h"
#include "crypto/Digest.h"
#include "endpoints/AuthorizationEndpoint.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/DiscoveryNames.h"
#include "jose/KeyRing.h"
#include "store/ConsentStore.h"
#include "store/InteractionStore.h"
#include "store/SessionStore.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::BrowserClient;
using lanyard::test::SignInScenario;

namespace {

using Params = SignInScenario::Params;

QString queryValue(const QByteArray &location, const QString &name)
{
    return BrowserClient::locationQuery(location).queryItemValue(name, QUrl::FullyDecoded);
}

bool hasQueryItem(const QByteArray &location, const QString &name)
{
    return BrowserClient::locationQuery(location).hasQueryItem(name);
}

} // namespace

class TestAuthorizationEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void neverRedirected_data();
    void neverRedirected();
    void redirectedErrors_data();
    void redirectedErrors();
    void repeatedStateIsNotEchoed();
    void unknownParametersIgnored();
    void postRequestAccepted();
    void postWithoutFormBodyIsNotRedirected();

    void loginThenCodeBoundToRequest();
    void redirectUriQueryRetained();
    void loopbackRedirectAnyPort();
    void unknownAndDisallowedScopesDropped();
    void offlineAccessNeedsRefreshGrant();
    void legacyClientWithoutPkce();
    void consentAskedThenRemembered();
    void consentDenied();
    void promptConsentAsksAgain();
    void singleSignOnAcrossClients();
    void promptNoneWithSession();
    void promptNoneNeedsConsent();
    void promptLoginForcesLogin();
    void maxAgeExceededForcesLogin();
    void maxAgeWithinLimitSignsOnSilently();
    void idTokenHintOfAnotherSubject();
    void idTokenHintLoginAsAnotherAccount();
    void idTokenHintOfSessionSubject();
    void idTokenHintFromAnotherClientRefused();
    void disabledAccountSessionNeedsLogin();
    void formPostResponse();
    void formPostError();
    void discoveryMetadata();

private:
    std::unique_ptr<SignInScenario> m_s;
    /// Signs `browser` in as alice through client "web" and returns the code.
    QString signInAlice(BrowserClient &browser);
};

void TestAuthorizationEndpoint::init()
{
    m_s = std::make_unique<SignInScenario>();
    QVERIFY2(m_s->error.isEmpty(), qPrintable(m_s->error));
}

void TestAuthorizationEndpoint::cleanup()
{
    m_s.reset();
}

QString TestAuthorizationEndpoint::signInAlice(BrowserClient &browser)
{
    const auto response = m_s->signIn(browser, SignInScenario::authorizeUrl(u"web"_s), u"alice"_s);
    if (response.status != 303)
        return {};
    return queryValue(response.header("location"), u"code"_s);
}

void TestAuthorizationEndpoint::neverRedirected_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("description");

    const Params web = SignInScenario::defaultParams(u"web"_s);
    QTest::newRow("unknown client")
        << SignInScenario::authorizeTarget(SignInScenario::with(web, u"client_id"_s, u"nobody"_s))
        << u"not registered"_s;
    QTest::newRow("missing client_id")
        << SignInScenario::authorizeTarget(SignInScenario::with(web, u"client_id"_s, {}))
        << u"client_id parameter is missing"_s;
    QTest::newRow("empty client_id")
        << SignInScenario::authorizeTarget(SignInScenario::with(web, u"client_id"_s, u""_s))
        << u"client_id parameter is missing"_s;
    QTest::newRow("missing redirect_uri")
        << SignInScenario::authorizeTarget(SignInScenario::with(web, u"redirect_uri"_s, {}))
        << u"redirect_uri parameter is missing"_s;
    QTest::newRow("unregistered redirect_uri")
        << SignInScenario::authorizeTarget(
               SignInScenario::with(web, u"redirect_uri"_s, u"https://evil.example/cb"_s))
        << u"not registered"_s;
    QTest::newRow("redirect_uri with extra path")
        << SignInScenario::authorizeTarget(
               SignInScenario::with(web, u"redirect_uri"_s, u"https://app.example/cb/x"_s))
        << u"not registered"_s;
    QTest::newRow("another client's redirect_uri")
        << SignInScenario::authorizeTarget(SignInScenario::with(
               web, u"redirect_uri"_s, u"https://spa.example/callback?tenant=1"_s))
        << u"not registered"_s;
    Params twoClients = web;
    twoClients.append({u"client_id"_s, u"spa"_s});
    QTest::newRow("duplicate client_id")
        << SignInScenario::authorizeTarget(twoClients) << u"more than once"_s;
    Params twoRedirects = web;
    twoRedirects.append({u"redirect_uri"_s, u"https://evil.example/cb"_s});
    QTest::newRow("duplicate redirect_uri")
        << SignInScenario::authorizeTarget(twoRedirects) << u"more than once"_s;
}

void TestAuthorizationEndpoint::neverRedirected()
{
    QFETCH(QString, target);
    QFETCH(QString, description);
    BrowserClient browser = m_s->browser();
    const auto response = browser.get(target);
    QCOMPARE(response.status, 400);
    QVERIFY(!response.hasHeader("location"));
    QVERIFY(response.header("content-type").startsWith("text/html"));
    QCOMPARE(response.header("cache-control"), "no-store"_ba);
    QCOMPARE(response.header("x-frame-options"), "DENY"_ba);
    QVERIFY(response.header("content-security-policy").contains("frame-ancestors 'none'"));
    QVERIFY2(response.body.contains(description.toUtf8()), response.body.constData());
    QVERIFY(!response.body.contains("evil.example"));
    QVERIFY(m_s->fixture().publishedEvents().isEmpty());
}

void TestAuthorizationEndpoint::redirectedErrors_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<Params>("params");
    QTest::addColumn<QString>("error");

    const Params web = SignInScenario::defaultParams(u"web"_s);
    const Params spa = SignInScenario::defaultParams(u"spa"_s);
    const auto set = &SignInScenario::with;

    QTest::newRow("missing response_type")
        << u"web"_s << set(web, u"response_type"_s, {}) << u"invalid_request"_s;
    QTest::newRow("response_type token")
        << u"web"_s << set(web, u"response_type"_s, u"token"_s) << u"unsupported_response_type"_s;
    QTest::newRow("response_type code id_token")
        << u"web"_s << set(web, u"response_type"_s, u"code id_token"_s)
        << u"unsupported_response_type"_s;
    QTest::newRow("public client without code_challenge")
        << u"spa"_s << set(set(spa, u"code_challenge"_s, {}), u"code_challenge_method"_s, {})
        << u"invalid_request"_s;
    QTest::newRow("confidential client requiring PKCE without code_challenge")
        << u"web"_s << set(set(web, u"code_challenge"_s, {}), u"code_challenge_method"_s, {})
        << u"invalid_request"_s;
    QTest::newRow("plain method") << u"spa"_s
                                  << set(set(spa, u"code_challenge_method"_s, u"plain"_s),
                                         u"code_challenge"_s, SignInScenario::verifier())
                                  << u"invalid_request"_s;
    QTest::newRow("method absent means plain")
        << u"spa"_s << set(spa, u"code_challenge_method"_s, {}) << u"invalid_request"_s;
    QTest::newRow("method without challenge")
        << u"legacy"_s << set(SignInScenario::defaultParams(u"legacy"_s), u"code_challenge"_s, {})
        << u"invalid_request"_s;
    QTest::newRow("challenge too short")
        << u"spa"_s << set(spa, u"code_challenge"_s, u"abc"_s) << u"invalid_request"_s;
    QTest::newRow("challenge with bad characters")
        << u"spa"_s
        << set(spa, u"code_challenge"_s, SignInScenario::challenge().replace(0, 1, u"+"_s))
        << u"invalid_request"_s;
    Params twoScopes = web;
    twoScopes.append({u"scope"_s, u"openid email"_s});
    QTest::newRow("duplicate scope") << u"web"_s << twoScopes << u"invalid_request"_s;
    Params twoNonces = web;
    twoNonces.append({u"nonce"_s, u"other"_s});
    QTest::newRow("duplicate nonce") << u"web"_s << twoNonces << u"invalid_request"_s;
    Params twoModes = web;
    twoModes.append({u"response_mode"_s, u"query"_s});
    twoModes.append({u"response_mode"_s, u"form_post"_s});
    QTest::newRow("duplicate response_mode") << u"web"_s << twoModes << u"invalid_request"_s;
    QTest::newRow("request object")
        << u"web"_s << set(web, u"request"_s, u"eyJhbGciOiJub25lIn0.e30."_s)
        << u"request_not_supported"_s;
    QTest::newRow("request_uri") << u"web"_s
                                 << set(web, u"request_uri"_s, u"https://app.example/request.jwt"_s)
                                 << u"request_uri_not_supported"_s;
    QTest::newRow("prompt select_account") << u"web"_s << set(web, u"prompt"_s, u"select_account"_s)
                                           << u"account_selection_required"_s;
    QTest::newRow("prompt none without session")
        << u"web"_s << set(web, u"prompt"_s, u"none"_s) << u"login_required"_s;
    QTest::newRow("prompt none with login")
        << u"web"_s << set(web, u"prompt"_s, u"none login"_s) << u"invalid_request"_s;
    QTest::newRow("prompt none with consent")
        << u"web"_s << set(web, u"prompt"_s, u"consent none"_s) << u"invalid_request"_s;
    QTest::newRow("unknown prompt")
        << u"web"_s << set(web, u"prompt"_s, u"create"_s) << u"invalid_request"_s;
    QTest::newRow("missing scope") << u"web"_s << set(web, u"scope"_s, {}) << u"invalid_request"_s;
    QTest::newRow("scope without openid")
        << u"web"_s << set(web, u"scope"_s, u"profile email"_s) << u"invalid_scope"_s;
    QTest::newRow("only unknown scopes")
        << u"web"_s << set(web, u"scope"_s, u"admin root"_s) << u"invalid_scope"_s;
    QTest::newRow("openid not allowed for the client")
        << u"web"_s << set(web, u"scope"_s, u"OPENID profile"_s) << u"invalid_scope"_s;
    QTest::newRow("response_mode fragment")
        << u"web"_s << set(web, u"response_mode"_s, u"fragment"_s) << u"invalid_request"_s;
    QTest::newRow("response_mode unknown")
        << u"web"_s << set(web, u"response_mode"_s, u"web_message"_s) << u"invalid_request"_s;
    QTest::newRow("max_age negative")
        << u"web"_s << set(web, u"max_age"_s, u"-1"_s) << u"invalid_request"_s;
    QTest::newRow("max_age not a number")
        << u"web"_s << set(web, u"max_age"_s, u"10s"_s) << u"invalid_request"_s;
    QTest::newRow("id_token_hint not a JWT")
        << u"web"_s << set(web, u"id_token_hint"_s, u"not-a-token"_s) << u"invalid_request"_s;
    QTest::newRow("id_token_hint unsigned")
        << u"web"_s
        << set(web, u"id_token_hint"_s,
               u"eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdWItYWxpY2UiLCJhdWQiOiJ3ZWIifQ."_s)
        << u"invalid_request"_s;
}

void TestAuthorizationEndpoint::redirectedErrors()
{
    QFETCH(QString, clientId);
    QFETCH(Params, params);
    QFETCH(QString, error);

    BrowserClient browser = m_s->browser();
    const auto response = browser.get(SignInScenario::authorizeTarget(params));
    QCOMPARE(response.status, 302);
    const QByteArray location = response.header("location");
    const QString redirectUri = SignInScenario::client(clientId).redirectUris.first();
    QVERIFY2(location.startsWith(redirectUri.toUtf8()), location.constData());
    QCOMPARE(queryValue(location, u"error"_s), error);
    QVERIFY(!queryValue(location, u"error_description"_s).isEmpty());
    // OpenID Connect Core §3.1.2.6 / RFC 6749 §4.1.2.1: state echoed;
    // RFC 9207 §2: iss in every authorization response.
    QCOMPARE(queryValue(location, u"state"_s), u"st-123"_s);
    QCOMPARE(queryValue(location, u"iss"_s), m_s->issuer());
    QVERIFY(!hasQueryItem(location, u"code"_s));
    QCOMPARE(response.header("cache-control"), "no-store"_ba);
}

void TestAuthorizationEndpoint::repeatedStateIsNotEchoed()
{
    Params params = SignInScenario::defaultParams(u"web"_s);
    params.append({u"state"_s, u"other"_s});
    BrowserClient browser = m_s->browser();
    const auto response = browser.get(SignInScenario::authorizeTarget(params));
    QCOMPARE(response.status, 302);
    const QByteArray location = response.header("location");
    QCOMPARE(queryValue(location, u"error"_s), u"invalid_request"_s);
    QVERIFY(!hasQueryItem(location, u"state"_s));
    QCOMPARE(queryValue(location, u"iss"_s), m_s->issuer());
}

void TestAuthorizationEndpoint::unknownParametersIgnored()
{
    // RFC 6749 §3.1: unrecognized parameters are ignored; repeats of them
    // are still repeats (§3.1 applies to every parameter).
    Params params =
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"foo"_s, u"bar"_s);
    params.append({u"claims"_s, u"{}"_s});
    params.append({u"acr_values"_s, u"urn:mace:incommon:iap:silver"_s});
    params.append({u"empty"_s, u""_s});
    params.append({u"empty"_s, u""_s});
    BrowserClient browser = m_s->browser();
    const auto response = browser.get(SignInScenario::authorizeTarget(params));
    QCOMPARE(response.status, 302);
    QVERIFY2(response.header("location").startsWith(m_s->issuer().toUtf8() + "/interaction?id="),
             response.header("location").constData());
}

void TestAuthorizationEndpoint::postRequestAccepted()
{
    // OpenID Connect Core §3.1.2.1: GET and POST (form serialization).
    BrowserClient browser = m_s->browser();
    const auto started =
        browser.send("POST"_ba, u"/authorize"_s,
                     SignInScenario::formEncode(SignInScenario::defaultParams(u"web"_s)),
                     {{"Content-Type"_ba, "application/x-www-form-urlencoded"_ba}});
    QCOMPARE(started.status, 303);
    QVERIFY(started.header("location").startsWith(m_s->issuer().toUtf8() + "/interaction?id="));

    // A POSTed error is redirected with 303 too.
    const auto refused =
        browser.send("POST"_ba, u"/authorize"_s,
                     SignInScenario::formEncode(SignInScenario::with(
                         SignInScenario::defaultParams(u"web"_s), u"response_type"_s, u"token"_s)),
                     {{"Content-Type"_ba, "application/x-www-form-urlencoded"_ba}});
    QCOMPARE(refused.status, 303);
    QCOMPARE(queryValue(refused.header("location"), u"error"_s), u"unsupported_response_type"_s);
}

void TestAuthorizationEndpoint::postWithoutFormBodyIsNotRedirected()
{
    // A POST carries its parameters in the body only: query parameters of
    // a POST are not read, so nothing identifies the client.
    BrowserClient browser = m_s->browser();
    const auto response = browser.send(
        "POST"_ba, SignInScenario::authorizeTarget(SignInScenario::defaultParams(u"web"_s)), "{}",
        {{"Content-Type"_ba, "application/json"_ba}});
    QCOMPARE(response.status, 400);
    QVERIFY(!response.hasHeader("location"));
}

void TestAuthorizationEndpoint::loginThenCodeBoundToRequest()
{
    BrowserClient browser = m_s->browser();
    const auto started = browser.get(SignInScenario::authorizeUrl(u"web"_s));
    QCOMPARE(started.status, 302);
    const QString page = QString::fromUtf8(started.header("location"));
    QVERIFY(page.startsWith(m_s->issuer() + u"/interaction?id="_s));

    const auto login = browser.get(page);
    QCOMPARE(login.status, 200);
    QVERIFY(login.body.contains("<form method=\"post\">"));
    QVERIFY(login.body.contains("Intranet"));
    const QString csrf = BrowserClient::inputValue(login.body, u"csrf_token"_s);
    QVERIFY(!csrf.isEmpty());

    const auto done = browser.post(page, {{u"csrf_token"_s, csrf},
                                          {u"username"_s, u"alice"_s},
                                          {u"password"_s, SignInScenario::password()}});
    QCOMPARE(done.status, 303);
    const QByteArray location = done.header("location");
    QCOMPARE(BrowserClient::withoutQuery(location), u"https://app.example/cb"_s);
    QCOMPARE(queryValue(location, u"state"_s), u"st-123"_s);
    QCOMPARE(queryValue(location, u"iss"_s), m_s->issuer());
    const QString code = queryValue(location, u"code"_s);
    QCOMPARE(code.size(), 43); // 256 bits, base64url

    const QDateTime now = m_s->clock().now();
    const auto stored = m_s->redeem(code);
    QVERIFY(stored);
    QCOMPARE(stored->codeHash, OpaqueToken::hashOf(code));
    QCOMPARE(stored->clientId, u"web"_s);
    QCOMPARE(stored->subject, u"sub-alice"_s);
    QCOMPARE(stored->redirectUri, u"https://app.example/cb"_s);
    QCOMPARE(stored->scopes, (QStringList{u"openid"_s, u"profile"_s}));
    QCOMPARE(stored->nonce, u"n-456"_s);
    QCOMPARE(stored->codeChallenge, SignInScenario::challenge());
    QCOMPARE(stored->codeChallengeMethod, u"S256"_s);
    QCOMPARE(stored->amr, QStringList{u"pwd"_s});
    QCOMPARE(stored->authTime, now);
    QCOMPARE(stored->expiresAt, now.addSecs(60));
    QCOMPARE(stored->familyId.size(), 43);
    QVERIFY(!stored->sessionId.isEmpty());

    // The session behind the cookie is the code's, and lists the client.
    const QByteArray cookie = browser.cookie("lanyard_session"_ba);
    auto session = m_s->services()->sessions->findByCookieHash(
        OpaqueToken::hashOf(QString::fromLatin1(cookie)), now);
    QVERIFY(session && session->has_value());
    QCOMPARE((*session)->id, stored->sessionId);
    QCOMPARE((*session)->subject, u"sub-alice"_s);
    QCOMPARE((*session)->clientIds, QStringList{u"web"_s});
    QCOMPARE((*session)->authTime, now);

    // The interaction is gone: its page cannot issue a second code.
    auto interaction = m_s->services()->interactions->find(
        BrowserClient::locationQuery(page.toUtf8()).queryItemValue(u"id"_s), now);
    QVERIFY(interaction && !interaction->has_value());
    QCOMPARE(browser
                 .post(page, {{u"csrf_token"_s, csrf},
                              {u"username"_s, u"alice"_s},
                              {u"password"_s, SignInScenario::password()}})
                 .status,
             400);
}

void TestAuthorizationEndpoint::redirectUriQueryRetained()
{
    // RFC 6749 §3.1.2: the redirection URI's query "MUST be retained".
    BrowserClient browser = m_s->browser();
    const auto done = m_s->signIn(browser, SignInScenario::authorizeUrl(u"spa"_s), u"alice"_s);
    QCOMPARE(done.status, 303);
    const QByteArray location = done.header("location");
    QVERIFY2(location.startsWith("https://spa.example/callback?tenant=1&code="),
             location.constData());
    QCOMPARE(queryValue(location, u"tenant"_s), u"1"_s);
    QCOMPARE(queryValue(location, u"state"_s), u"st-123"_s);
}

void TestAuthorizationEndpoint::loopbackRedirectAnyPort()
{
    // RFC 8252 §7.3: any port for a loopback IP redirect URI.
    const Params params =
        SignInScenario::with(SignInScenario::defaultParams(u"native"_s), u"redirect_uri"_s,
                             u"http://127.0.0.1:51234/callback"_s);
    BrowserClient browser = m_s->browser();
    const auto done = m_s->signIn(browser, SignInScenario::authorizeTarget(params), u"alice"_s);
    QCOMPARE(done.status, 303);
    QVERIFY(done.header("location").startsWith("http://127.0.0.1:51234/callback?code="));
    const auto stored = m_s->redeem(queryValue(done.header("location"), u"code"_s));
    QVERIFY(stored);
    QCOMPARE(stored->redirectUri, u"http://127.0.0.1:51234/callback"_s);
}

void TestAuthorizationEndpoint::unknownAndDisallowedScopesDropped()
{
    // "spa" may use openid profile email: groups (known, not allowed) and
    // admin (unknown) are dropped, as documented in AuthorizationRequestParser.
    const Params params = SignInScenario::with(SignInScenario::defaultParams(u"spa"_s), u"scope"_s,
                                               u"openid admin email groups email"_s);
    BrowserClient browser = m_s->browser();
    const auto done = m_s->signIn(browser, SignInScenario::authorizeTarget(params), u"alice"_s);
    QCOMPARE(done.status, 303);
    const auto stored = m_s->redeem(queryValue(done.header("location"), u"code"_s));
    QVERIFY(stored);
    QCOMPARE(stored->scopes, (QStringList{u"openid"_s, u"email"_s}));
}

void TestAuthorizationEndpoint::offlineAccessNeedsRefreshGrant()
{
    Client spa = SignInScenario::client(u"spa"_s);
    spa.scopes.append(u"offline_access"_s);
    QCOMPARE(m_s->saveClient(spa), QString());
    BrowserClient browser = m_s->browser();
    const auto spaDone = m_s->signIn(
        browser,
        SignInScenario::authorizeTarget(SignInScenario::with(
            SignInScenario::defaultParams(u"spa"_s), u"scope"_s, u"openid offline_access"_s)),
        u"alice"_s);
    const auto spaCode = m_s->redeem(queryValue(spaDone.header("location"), u"code"_s));
    QVERIFY(spaCode);
    QCOMPARE(spaCode->scopes, QStringList{u"openid"_s});

    const auto webDone = browser.get(SignInScenario::authorizeTarget(SignInScenario::with(
        SignInScenario::defaultParams(u"web"_s), u"scope"_s, u"openid offline_access"_s)));
    const auto webCode = m_s->redeem(queryValue(webDone.header("location"), u"code"_s));
    QVERIFY(webCode);
    QCOMPARE(webCode->scopes, (QStringList{u"openid"_s, u"offline_access"_s}));
}

void TestAuthorizationEndpoint::legacyClientWithoutPkce()
{
    const Params params = SignInScenario::with(
        SignInScenario::with(SignInScenario::defaultParams(u"legacy"_s), u"code_challenge"_s, {}),
        u"code_challenge_method"_s, {});
    BrowserClient browser = m_s->browser();
    const auto done = m_s->signIn(browser, SignInScenario::authorizeTarget(params), u"alice"_s);
    QCOMPARE(done.status, 303);
    const auto stored = m_s->redeem(queryValue(done.header("location"), u"code"_s));
    QVERIFY(stored);
    QVERIFY(stored->codeChallenge.isEmpty());
    QVERIFY(stored->codeChallengeMethod.isEmpty());
}

void TestAuthorizationEndpoint::consentAskedThenRemembered()
{
    BrowserClient browser = m_s->browser();
    QString page;
    const auto afterLogin = m_s->signIn(browser, SignInScenario::authorizeUrl(u"consent"_s),
                                        u"alice"_s, SignInScenario::password(), &page);
    QCOMPARE(afterLogin.status, 303);
    QCOMPARE(QString::fromUtf8(afterLogin.header("location")), page);
    // No code before consent.
    QVERIFY(!afterLogin.header("location").contains("code="));

    const auto consent = browser.get(page);
    QCOMPARE(consent.status, 200);
    QVERIFY(consent.body.contains("<form method=\"post\">"));
    QVERIFY(consent.body.contains("name=\"decision\" value=\"allow\""));
    QVERIFY(consent.body.contains("name=\"decision\" value=\"deny\""));
    QVERIFY(consent.body.contains("Tom &amp; &quot;Jerry&quot; &lt;Apps&gt;"));
    QVERIFY(consent.body.contains("alice"));
    const QString csrf = BrowserClient::inputValue(consent.body, u"csrf_token"_s);

    const auto allowed = browser.post(page, {{u"csrf_token"_s, csrf}, {u"decision"_s, u"allow"_s}});
    QCOMPARE(allowed.status, 303);
    const QByteArray location = allowed.header("location");
    QVERIFY(location.startsWith("https://consent.example/cb?code="));
    QCOMPARE(queryValue(location, u"state"_s), u"st-123"_s);
    QCOMPARE(queryValue(location, u"iss"_s), m_s->issuer());
    QVERIFY(m_s->redeem(queryValue(location, u"code"_s)));

    auto remembered = m_s->services()->consents->find(u"sub-alice"_s, u"consent"_s);
    QVERIFY(remembered && remembered->has_value());
    QCOMPARE((*remembered)->scopes, (QStringList{u"openid"_s, u"profile"_s}));
    const auto granted = m_s->fixture().publishedEvents(u"consent.granted"_s);
    QCOMPARE(granted.size(), 1);
    QCOMPARE(granted.first().clientId, u"consent"_s);
    QCOMPARE(granted.first().subject, u"sub-alice"_s);

    // The same scopes again: no consent page.
    const auto again = browser.get(SignInScenario::authorizeUrl(u"consent"_s));
    QCOMPARE(again.status, 302);
    QVERIFY(again.header("location").startsWith("https://consent.example/cb?code="));

    // A new scope: asked again.
    const auto wider = browser.get(SignInScenario::authorizeTarget(SignInScenario::with(
        SignInScenario::defaultParams(u"consent"_s), u"scope"_s, u"openid profile email"_s)));
    QCOMPARE(wider.status, 302);
    QVERIFY(wider.header("location").startsWith(m_s->issuer().toUtf8() + "/interaction?id="));
}

void TestAuthorizationEndpoint::consentDenied()
{
    BrowserClient browser = m_s->browser();
    QString page;
    const auto afterLogin = m_s->signIn(browser, SignInScenario::authorizeUrl(u"consent"_s),
                                        u"bob"_s, SignInScenario::password(), &page);
    QCOMPARE(afterLogin.status, 303);
    const auto consent = browser.get(page);
    const QString csrf = BrowserClient::inputValue(consent.body, u"csrf_token"_s);
    const auto denied = browser.post(page, {{u"csrf_token"_s, csrf}, {u"decision"_s, u"deny"_s}});
    QCOMPARE(denied.status, 303);
    const QByteArray location = denied.header("location");
    QCOMPARE(BrowserClient::withoutQuery(location), u"https://consent.example/cb"_s);
    QCOMPARE(queryValue(location, u"error"_s), u"access_denied"_s);
    QCOMPARE(queryValue(location, u"state"_s), u"st-123"_s);
    QCOMPARE(queryValue(location, u"iss"_s), m_s->issuer());
    QVERIFY(!hasQueryItem(location, u"code"_s));
    auto remembered = m_s->services()->consents->find(u"sub-bob"_s, u"consent"_s);
    QVERIFY(remembered && !remembered->has_value());
    const auto events = m_s->fixture().publishedEvents(u"consent.denied"_s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().username, u"bob"_s);
    QCOMPARE(events.first().success, false);

    // A decision that is neither allow nor deny is refused (and decides nothing).
    const auto again = browser.get(SignInScenario::authorizeUrl(u"consent"_s));
    const QString page2 = QString::fromUtf8(again.header("location"));
    const auto consent2 = browser.get(page2);
    const auto odd = browser.post(
        page2, {{u"csrf_token"_s, BrowserClient::inputValue(consent2.body, u"csrf_token"_s)},
                {u"decision"_s, u"maybe"_s}});
    QCOMPARE(odd.status, 400);
    QVERIFY(!odd.hasHeader("location"));
}

void TestAuthorizationEndpoint::promptConsentAsksAgain()
{
    // prompt=consent shows the page even for a client that never asks.
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    const auto response = browser.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"prompt"_s, u"consent"_s)));
    QCOMPARE(response.status, 302);
    const QString page = QString::fromUtf8(response.header("location"));
    QVERIFY(page.startsWith(m_s->issuer() + u"/interaction?id="_s));
    const auto consent = browser.get(page);
    QCOMPARE(consent.status, 200);
    QVERIFY(consent.body.contains("value=\"allow\""));
    QVERIFY(!consent.body.contains("name=\"password\""));
}

void TestAuthorizationEndpoint::singleSignOnAcrossClients()
{
    BrowserClient browser = m_s->browser();
    const QString first = signInAlice(browser);
    QVERIFY(!first.isEmpty());
    const auto firstCode = m_s->redeem(first);
    QVERIFY(firstCode);
    m_s->clock().advance(30);

    // Another client: no password, a code at once, same session.
    const auto response = browser.get(SignInScenario::authorizeUrl(u"spa"_s));
    QCOMPARE(response.status, 302);
    const QByteArray location = response.header("location");
    QVERIFY2(location.startsWith("https://spa.example/callback?tenant=1&code="),
             location.constData());
    QCOMPARE(queryValue(location, u"iss"_s), m_s->issuer());
    const auto second = m_s->redeem(queryValue(location, u"code"_s));
    QVERIFY(second);
    QCOMPARE(second->subject, u"sub-alice"_s);
    QCOMPARE(second->sessionId, firstCode->sessionId);
    QCOMPARE(second->authTime, firstCode->authTime);
    QVERIFY(second->familyId != firstCode->familyId);
    // The session cookie is sent again (sliding expiry), unchanged.
    QVERIFY(response.headerValues("set-cookie").size() == 1);
    auto session = m_s->services()->sessions->find(firstCode->sessionId);
    QVERIFY(session && session->has_value());
    QCOMPARE((*session)->clientIds, (QStringList{u"web"_s, u"spa"_s}));
    QCOMPARE((*session)->lastActiveAt, m_s->clock().now());

    // Another browser has no session.
    BrowserClient stranger = m_s->browser();
    const auto other = stranger.get(SignInScenario::authorizeUrl(u"spa"_s));
    QVERIFY(other.header("location").startsWith(m_s->issuer().toUtf8() + "/interaction?id="));
    // A forged session cookie signs nobody in.
    stranger.setCookie("lanyard_session"_ba, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_ba);
    const auto forged = stranger.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"spa"_s), u"prompt"_s, u"none"_s)));
    QCOMPARE(queryValue(forged.header("location"), u"error"_s), u"login_required"_s);
}

void TestAuthorizationEndpoint::promptNoneWithSession()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    const auto response = browser.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"prompt"_s, u"none"_s)));
    QCOMPARE(response.status, 302);
    QVERIFY(!queryValue(response.header("location"), u"code"_s).isEmpty());

    // The session expires: prompt=none now answers login_required.
    m_s->clock().advance(m_s->services()->config.sessionLifetimeSecs + 1);
    const auto expired = browser.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"prompt"_s, u"none"_s)));
    QCOMPARE(queryValue(expired.header("location"), u"error"_s), u"login_required"_s);
}

void TestAuthorizationEndpoint::promptNoneNeedsConsent()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    const auto response = browser.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"consent"_s), u"prompt"_s, u"none"_s)));
    QCOMPARE(response.status, 302);
    const QByteArray location = response.header("location");
    QVERIFY(location.startsWith("https://consent.example/cb?"));
    QCOMPARE(queryValue(location, u"error"_s), u"consent_required"_s);
    QCOMPARE(queryValue(location, u"state"_s), u"st-123"_s);
    QCOMPARE(queryValue(location, u"iss"_s), m_s->issuer());
}

void TestAuthorizationEndpoint::promptLoginForcesLogin()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    const QByteArray cookieBefore = browser.cookie("lanyard_session"_ba);
    m_s->clock().advance(10);

    QString page;
    const Params params =
        SignInScenario::with(SignInScenario::defaultParams(u"spa"_s), u"prompt"_s, u"login"_s);
    const auto started = browser.get(SignInScenario::authorizeTarget(params));
    QCOMPARE(started.status, 302);
    page = QString::fromUtf8(started.header("location"));
    QVERIFY(page.startsWith(m_s->issuer() + u"/interaction?id="_s));
    const auto login = browser.get(page);
    QVERIFY(login.body.contains("name=\"password\""));
    // The signed-in user is suggested.
    QCOMPARE(BrowserClient::inputValue(login.body, u"username"_s), u"alice"_s);

    // A wrong password does not fall back to the session.
    const QString csrf = BrowserClient::inputValue(login.body, u"csrf_token"_s);
    const auto wrong = browser.post(
        page, {{u"csrf_token"_s, csrf}, {u"username"_s, u"alice"_s}, {u"password"_s, u"wrong"_s}});
    QCOMPARE(wrong.status, 200);
    QVERIFY(!wrong.hasHeader("location"));

    const auto done = browser.post(page, {{u"csrf_token"_s, csrf},
                                          {u"username"_s, u"alice"_s},
                                          {u"password"_s, SignInScenario::password()}});
    QCOMPARE(done.status, 303);
    const auto stored = m_s->redeem(queryValue(done.header("location"), u"code"_s));
    QVERIFY(stored);
    QCOMPARE(stored->authTime, m_s->clock().now());
    // Same account, same session (and cookie), new auth_time.
    QCOMPARE(browser.cookie("lanyard_session"_ba), cookieBefore);
}

void TestAuthorizationEndpoint::maxAgeExceededForcesLogin()
{
    BrowserClient browser = m_s->browser();
    const QString first = signInAlice(browser);
    const auto firstCode = m_s->redeem(first);
    QVERIFY(firstCode);
    m_s->clock().advance(120);

    const Params params =
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"max_age"_s, u"60"_s);
    // With prompt=none, an exceeded max_age is login_required.
    const auto silent = browser.get(
        SignInScenario::authorizeTarget(SignInScenario::with(params, u"prompt"_s, u"none"_s)));
    QCOMPARE(queryValue(silent.header("location"), u"error"_s), u"login_required"_s);

    const auto done = m_s->signIn(browser, SignInScenario::authorizeTarget(params), u"alice"_s);
    QCOMPARE(done.status, 303);
    const auto second = m_s->redeem(queryValue(done.header("location"), u"code"_s));
    QVERIFY(second);
    QCOMPARE(second->authTime, firstCode->authTime.addSecs(120));
    QCOMPARE(second->sessionId, firstCode->sessionId);
    auto session = m_s->services()->sessions->find(firstCode->sessionId);
    QVERIFY(session && session->has_value());
    QCOMPARE((*session)->authTime, m_s->clock().now());

    // max_age=0 always asks.
    const auto zero = browser.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"max_age"_s, u"0"_s)));
    QVERIFY(zero.header("location").startsWith(m_s->issuer().toUtf8() + "/interaction?id="));
}

void TestAuthorizationEndpoint::maxAgeWithinLimitSignsOnSilently()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    m_s->clock().advance(60);
    const auto response = browser.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"max_age"_s, u"60"_s)));
    QCOMPARE(response.status, 302);
    QVERIFY(!queryValue(response.header("location"), u"code"_s).isEmpty());
}

namespace {

QString idToken(const KeyRing &ring, const QString &issuer, const QString &subject,
                const QJsonValue &audience, qint64 expiresAt)
{
    const QJsonObject claims{{u"iss"_s, issuer},
                             {u"sub"_s, subject},
                             {u"aud"_s, audience},
                             {u"exp"_s, expiresAt},
                             {u"iat"_s, expiresAt - 3600}};
    auto signed_ = ring.sign(u"RS256"_s, claims, u"JWT"_s);
    return signed_ ? QString::fromLatin1(*signed_) : QString();
}

} // namespace

void TestAuthorizationEndpoint::idTokenHintOfAnotherSubject()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    const QString hint = idToken(*m_s->fixture().keyRing(), m_s->issuer(), u"sub-bob"_s, u"web"_s,
                                 m_s->clock().nowSecs() + 3600);
    QVERIFY(!hint.isEmpty());
    const Params params =
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"id_token_hint"_s, hint);

    // OpenID Connect Core §3.1.2.1: the hint names someone not signed in.
    const auto silent = browser.get(
        SignInScenario::authorizeTarget(SignInScenario::with(params, u"prompt"_s, u"none"_s)));
    QCOMPARE(silent.status, 302);
    QCOMPARE(queryValue(silent.header("location"), u"error"_s), u"login_required"_s);
    QVERIFY(!hasQueryItem(silent.header("location"), u"code"_s));

    // Without prompt=none: a fresh login, as bob, succeeds.
    const auto done = m_s->signIn(browser, SignInScenario::authorizeTarget(params), u"bob"_s);
    QCOMPARE(done.status, 303);
    const auto stored = m_s->redeem(queryValue(done.header("location"), u"code"_s));
    QVERIFY(stored);
    QCOMPARE(stored->subject, u"sub-bob"_s);
    // Another account signed in: alice's session ended, bob's is new.
    QCOMPARE(m_s->fixture().publishedEvents(u"session.ended"_s).size(), 1);
}

void TestAuthorizationEndpoint::idTokenHintLoginAsAnotherAccount()
{
    const QString hint = idToken(*m_s->fixture().keyRing(), m_s->issuer(), u"sub-bob"_s,
                                 QJsonArray{u"web"_s, u"other"_s}, m_s->clock().nowSecs() - 60);
    const Params params =
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"id_token_hint"_s, hint);
    BrowserClient browser = m_s->browser();
    // An expired hint is still accepted as a hint; signing in as alice
    // while it names bob ends in login_required, without a code.
    const auto done = m_s->signIn(browser, SignInScenario::authorizeTarget(params), u"alice"_s);
    QCOMPARE(done.status, 303);
    const QByteArray location = done.header("location");
    QCOMPARE(queryValue(location, u"error"_s), u"login_required"_s);
    QCOMPARE(queryValue(location, u"state"_s), u"st-123"_s);
    QVERIFY(!hasQueryItem(location, u"code"_s));
    QVERIFY(!browser.hasCookie("lanyard_session"_ba));
}

void TestAuthorizationEndpoint::idTokenHintOfSessionSubject()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    const QString hint = idToken(*m_s->fixture().keyRing(), m_s->issuer(), u"sub-alice"_s, u"web"_s,
                                 m_s->clock().nowSecs() + 3600);
    const auto response = browser.get(SignInScenario::authorizeTarget(SignInScenario::with(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"id_token_hint"_s, hint),
        u"prompt"_s, u"none"_s)));
    QCOMPARE(response.status, 302);
    QVERIFY(!queryValue(response.header("location"), u"code"_s).isEmpty());
}

void TestAuthorizationEndpoint::idTokenHintFromAnotherClientRefused()
{
    const auto &ring = *m_s->fixture().keyRing();
    const qint64 exp = m_s->clock().nowSecs() + 3600;
    const QStringList hints = {
        idToken(ring, m_s->issuer(), u"sub-alice"_s, u"spa"_s, exp),
        idToken(ring, u"https://other.example"_s, u"sub-alice"_s, u"web"_s, exp),
        idToken(ring, m_s->issuer(), u""_s, u"web"_s, exp),
    };
    BrowserClient browser = m_s->browser();
    for (const QString &hint : hints) {
        const auto response = browser.get(SignInScenario::authorizeTarget(SignInScenario::with(
            SignInScenario::defaultParams(u"web"_s), u"id_token_hint"_s, hint)));
        QCOMPARE(response.status, 302);
        QCOMPARE(queryValue(response.header("location"), u"error"_s), u"invalid_request"_s);
    }
}

void TestAuthorizationEndpoint::disabledAccountSessionNeedsLogin()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    Account alice = m_s->account(u"alice"_s);
    alice.disabled = true;
    QCOMPARE(m_s->saveAccount(alice), QString());
    const auto response = browser.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"prompt"_s, u"none"_s)));
    QCOMPARE(queryValue(response.header("location"), u"error"_s), u"login_required"_s);
}

void TestAuthorizationEndpoint::formPostResponse()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signInAlice(browser).isEmpty());
    const Params params =
        SignInScenario::with(SignInScenario::with(SignInScenario::defaultParams(u"web"_s),
                                                  u"response_mode"_s, u"form_post"_s),
                             u"state"_s, u"a\"b<c>&d"_s);
    const auto response = browser.get(SignInScenario::authorizeTarget(params));
    QCOMPARE(response.status, 200);
    QVERIFY(!response.hasHeader("location"));
    QVERIFY(response.header("content-type").startsWith("text/html"));
    QCOMPARE(response.header("cache-control"), "no-store"_ba);
    QCOMPARE(response.header("x-frame-options"), "DENY"_ba);
    const QByteArray csp = response.header("content-security-policy");
    QVERIFY2(csp.contains("form-action 'self' https://app.example;"), csp.constData());
    QVERIFY(csp.contains("frame-ancestors 'none'"));

    const QByteArray body = response.body;
    QVERIFY(body.contains("<form method=\"post\" action=\"https://app.example/cb\">"));
    const QString code = BrowserClient::inputValue(body, u"code"_s);
    QCOMPARE(code.size(), 43);
    QCOMPARE(BrowserClient::inputValue(body, u"state"_s), u"a\"b<c>&d"_s);
    QVERIFY(body.contains("value=\"a&quot;b&lt;c&gt;&amp;d\""));
    QCOMPARE(BrowserClient::inputValue(body, u"iss"_s), m_s->issuer());
    QVERIFY(body.contains("<noscript>"));
    QVERIFY(body.contains("<button type=\"submit\""));

    // The inline script runs only because the CSP names its hash.
    static const QRegularExpression scriptElement(u"<script>(.*)</script>"_s);
    const auto script = scriptElement.match(QString::fromUtf8(body));
    QVERIFY(script.hasMatch());
    const QByteArray hash = Digest::sha256(script.captured(1).toUtf8()).toBase64();
    QVERIFY2(csp.contains("script-src 'sha256-" + hash + "'"), csp.constData());
    QVERIFY(!csp.contains("unsafe-inline"));

    const auto stored = m_s->redeem(code);
    QVERIFY(stored);
    QCOMPARE(stored->redirectUri, u"https://app.example/cb"_s);
}

void TestAuthorizationEndpoint::formPostError()
{
    const Params params =
        SignInScenario::with(SignInScenario::with(SignInScenario::defaultParams(u"spa"_s),
                                                  u"response_mode"_s, u"form_post"_s),
                             u"prompt"_s, u"none"_s);
    BrowserClient browser = m_s->browser();
    const auto response = browser.get(SignInScenario::authorizeTarget(params));
    QCOMPARE(response.status, 200);
    QVERIFY(response.body.contains("action=\"https://spa.example/callback?tenant=1\""));
    QCOMPARE(BrowserClient::inputValue(response.body, u"error"_s), u"login_required"_s);
    QCOMPARE(BrowserClient::inputValue(response.body, u"state"_s), u"st-123"_s);
    QCOMPARE(BrowserClient::inputValue(response.body, u"iss"_s), m_s->issuer());
    QVERIFY(BrowserClient::inputValue(response.body, u"code"_s).isNull());
}

void TestAuthorizationEndpoint::discoveryMetadata()
{
    const EndpointDescription description = AuthorizationEndpoint(m_s->services()).description();
    QCOMPARE(description.path, u"/authorize"_s);
    QVERIFY(description.methods.testFlag(QHttpServerRequest::Method::Get));
    QVERIFY(description.methods.testFlag(QHttpServerRequest::Method::Post));
    const QJsonObject document =
        DiscoveryDocument(QUrl(m_s->issuer()), {description}, {u"RS256"_s}).toJson();
    QCOMPARE(document.value(discovery::AuthorizationEndpoint).toString(),
             m_s->issuer() + u"/authorize"_s);
    QCOMPARE(document.value(discovery::ResponseTypesSupported).toArray(), QJsonArray{u"code"_s});
    QCOMPARE(document.value(discovery::ResponseModesSupported).toArray(),
             (QJsonArray{u"query"_s, u"form_post"_s}));
    QCOMPARE(document.value(discovery::CodeChallengeMethodsSupported).toArray(),
             QJsonArray{u"S256"_s});
    QCOMPARE(document.value(discovery::AuthorizationResponseIssParameterSupported),
             QJsonValue(true));
    QCOMPARE(document.value(discovery::ClaimsParameterSupported), QJsonValue(false));
    QCOMPARE(document.value(discovery::RequestParameterSupported), QJsonValue(false));
    QCOMPARE(document.value(discovery::RequestUriParameterSupported), QJsonValue(false));
    QCOMPARE(document.value(discovery::SubjectTypesSupported).toArray(), QJsonArray{u"public"_s});
    QCOMPARE(document.value(discovery::PromptValuesSupported).toArray(),
             (QJsonArray{u"none"_s, u"login"_s, u"consent"_s}));
    QVERIFY(document.value(discovery::ScopesSupported).toArray().contains(u"openid"_s));
}

QTEST_GUILESS_MAIN(TestAuthorizationEndpoint)
#include "tst_authorizationendpoint.moc"
