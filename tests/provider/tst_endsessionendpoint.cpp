// SPDX-License-Identifier: GPL-3.0-or-later
// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) over real
// HTTP: the end_session_endpoint next to the sign-in, token and userinfo
// endpoints of a SignInScenario.
#include "BrowserClient.h"
#include "HttpTestClient.h"
#include "SignInScenario.h"

#include "crypto/KeyGenerator.h"
#include "crypto/SecretHasher.h"
#include "endpoints/AuthorizationEndpoint.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/EndSessionEndpoint.h"
#include "endpoints/InteractionEndpoint.h"
#include "endpoints/PageAssetEndpoint.h"
#include "endpoints/TokenEndpoint.h"
#include "endpoints/UserInfoEndpoint.h"
#include "events/EventTypes.h"
#include "http/Router.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "store/SessionStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using namespace lanyard::test;

namespace {

const QString Secret = u"a-client-secret-of-32-characters-or-more"_s;
const QString WebLogout = u"https://app.example/signed-out"_s;
const QString SpaLogout = u"https://spa.example/bye"_s;
const QString Alice = u"sub-alice"_s;

using Params = SignInScenario::Params;

QByteArray basic(const QString &id)
{
    return "Basic " +
           (QUrl::toPercentEncoding(id) + ':' + QUrl::toPercentEncoding(Secret)).toBase64();
}

/// What a sign-in through the token endpoint gave.
struct Tokens
{
    QString idToken;
    QString accessToken;
    QString refreshToken;
    QString sid;
};

} // namespace

class TestEndSessionEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void discoveryAdvertisesLogout();
    void hintEndsTheSessionAndSingleSignOn();
    void refusedRequestsEndNothing_data();
    void refusedRequestsEndNothing();
    void withoutValidHintTheUserConfirms_data();
    void withoutValidHintTheUserConfirms();
    void confirmationNeedsItsCsrfToken_data();
    void confirmationNeedsItsCsrfToken();
    void stayingSignedInEndsNothing();
    void withoutSessionThereIsNothingToEnd();
    void expiredHintIsAccepted();
    void hintSignedByRetiredKeyIsAccepted();
    void sessionBoundTokensStopWorking();

private:
    /// Signs alice in with client `clientId` (scope `scope`) and redeems the
    /// code at the token endpoint.
    Tokens signIn(BrowserClient &browser, const QString &scope = u"openid profile"_s,
                  const QString &clientId = u"web"_s);
    /// An ID token signed by the fixture's RS256 key.
    QString hint(const QJsonObject &overrides = {}) const;
    HttpTestClient::Response http(const QByteArray &method, const QString &target,
                                  const QList<QPair<QByteArray, QByteArray>> &headers = {},
                                  const QByteArray &body = {}) const;
    int aliceSessions() const;
    int userinfoStatus(const QString &accessToken) const;
    static QString logoutTarget(const Params &params);

    std::unique_ptr<SignInScenario> m_s;
};

void TestEndSessionEndpoint::init()
{
    m_s = std::make_unique<SignInScenario>(false);
    QVERIFY2(m_s->error.isEmpty(), qPrintable(m_s->error));
    const auto hash = m_s->services()->secretHasher->hash(Secret);
    QVERIFY(hash.ok());
    Client web = SignInScenario::client(u"web"_s);
    web.secretHash = *hash;
    web.postLogoutRedirectUris = {WebLogout};
    QCOMPARE(m_s->saveClient(web), QString());
    Client spa = SignInScenario::client(u"spa"_s);
    spa.postLogoutRedirectUris = {SpaLogout};
    QCOMPARE(m_s->saveClient(spa), QString());

    const std::shared_ptr<const ProviderServices> services = m_s->services();
    const QString served = m_s->fixture().serve({
        std::make_shared<AuthorizationEndpoint>(services),
        std::make_shared<InteractionEndpoint>(services),
        std::make_shared<PageAssetEndpoint>(),
        std::make_shared<TokenEndpoint>(services),
        std::make_shared<UserInfoEndpoint>(services),
        std::make_shared<EndSessionEndpoint>(services),
    });
    QVERIFY2(served.isEmpty(), qPrintable(served));
}

void TestEndSessionEndpoint::cleanup()
{
    m_s.reset();
}

HttpTestClient::Response
TestEndSessionEndpoint::http(const QByteArray &method, const QString &target,
                             const QList<QPair<QByteArray, QByteArray>> &headers,
                             const QByteArray &body) const
{
    auto headersWithType = headers;
    if (method == "POST")
        headersWithType.append({"Content-Type"_ba, "application/x-www-form-urlencoded"_ba});
    auto response = HttpTestClient::exchange(
        m_s->port(),
        ProviderServicesFixture::request(method, target.toUtf8(), headersWithType, body));
    return response ? *response : HttpTestClient::Response{};
}

Tokens TestEndSessionEndpoint::signIn(BrowserClient &browser, const QString &scope,
                                      const QString &clientId)
{
    Tokens tokens;
    const Params params =
        SignInScenario::with(SignInScenario::defaultParams(clientId), u"scope"_s, scope);
    // With a session already (single sign-on) this goes straight back to
    // the client.
    const BrowserClient::Response done =
        m_s->signIn(browser, SignInScenario::authorizeTarget(params), u"alice"_s);
    const QString code =
        BrowserClient::locationQuery(done.header("location")).queryItemValue(u"code"_s);
    if (code.isEmpty()) {
        qWarning("no code: %d %s", done.status, done.header("location").constData());
        return tokens;
    }
    const QByteArray body = SignInScenario::formEncode({
        {u"grant_type"_s, u"authorization_code"_s},
        {u"code"_s, code},
        {u"redirect_uri"_s, SignInScenario::client(clientId).redirectUris.value(0)},
        {u"code_verifier"_s, SignInScenario::verifier()},
    });
    const auto answer = clientId == u"web"_s ? http("POST", u"/token"_s,
                                                    {{"Authorization"_ba, basic(clientId)}}, body)
                                             : http("POST", u"/token"_s, {}, body);
    const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
    tokens.idToken = json.value(u"id_token"_s).toString();
    tokens.accessToken = json.value(u"access_token"_s).toString();
    tokens.refreshToken = json.value(u"refresh_token"_s).toString();
    if (tokens.idToken.isEmpty())
        qWarning("token endpoint: %d %s", answer.status, answer.body.constData());
    auto claims = m_s->fixture().keyRing()->verify(tokens.idToken.toUtf8(), {u"RS256"_s});
    if (claims)
        tokens.sid = claims->value(u"sid"_s).toString();
    return tokens;
}

QString TestEndSessionEndpoint::hint(const QJsonObject &overrides) const
{
    const qint64 now = m_s->clock().now().toSecsSinceEpoch();
    QJsonObject claims{
        {u"iss"_s, SignInScenario::issuer()},
        {u"sub"_s, Alice},
        {u"aud"_s, u"web"_s},
        {u"iat"_s, now - 60},
        {u"exp"_s, now + 3600},
        {u"sid"_s, u"s"_s},
    };
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isNull())
            claims.remove(it.key());
        else
            claims.insert(it.key(), it.value());
    }
    auto token = m_s->fixture().keyRing()->sign(u"RS256"_s, claims);
    return token ? QString::fromLatin1(*token) : QString();
}

int TestEndSessionEndpoint::aliceSessions() const
{
    auto sessions = m_s->services()->sessions->list(Alice);
    return sessions ? int(sessions->size()) : -1;
}

int TestEndSessionEndpoint::userinfoStatus(const QString &accessToken) const
{
    return http("GET", u"/userinfo"_s, {{"Authorization"_ba, "Bearer " + accessToken.toLatin1()}})
        .status;
}

QString TestEndSessionEndpoint::logoutTarget(const Params &params)
{
    return u"/logout?"_s + QString::fromLatin1(SignInScenario::formEncode(params));
}

void TestEndSessionEndpoint::discoveryAdvertisesLogout()
{
    const QJsonObject document = DiscoveryDocument(ProviderServicesFixture::issuer(),
                                                   m_s->fixture().router()->mounted(), {u"RS256"_s})
                                     .toJson();
    // RP-Initiated Logout 1.0 §2.1; Back-Channel Logout 1.0 §2.1.
    QCOMPARE(document.value(u"end_session_endpoint"_s).toString(),
             SignInScenario::issuer() + u"/logout"_s);
    QCOMPARE(document.value(u"backchannel_logout_supported"_s).toBool(), true);
    QCOMPARE(document.value(u"backchannel_logout_session_supported"_s).toBool(), true);
    QCOMPARE(document.value(u"frontchannel_logout_supported"_s), QJsonValue(false));
}

void TestEndSessionEndpoint::hintEndsTheSessionAndSingleSignOn()
{
    BrowserClient browser = m_s->browser();
    const Tokens tokens = signIn(browser);
    QVERIFY(!tokens.idToken.isEmpty());
    QCOMPARE(aliceSessions(), 1);
    QVERIFY(browser.hasCookie("lanyard_session"));
    m_s->fixture().clearEvents();

    const auto answer = browser.get(logoutTarget({
        {u"id_token_hint"_s, tokens.idToken},
        {u"post_logout_redirect_uri"_s, WebLogout},
        {u"state"_s, u"bye 1"_s},
    }));
    // §3: back to the registered URI, with state.
    QCOMPARE(answer.status, 302);
    QCOMPARE(answer.header("location"), (WebLogout + u"?state=bye%201"_s).toUtf8());
    QCOMPARE(answer.header("cache-control"), "no-store"_ba);
    QVERIFY2(browser.setCookieHeader("lanyard_session").contains("Max-Age=0"),
             browser.setCookieHeader("lanyard_session").constData());
    QVERIFY(!browser.hasCookie("lanyard_session"));
    QCOMPARE(aliceSessions(), 0);

    const QList<Event> ended = m_s->fixture().publishedEvents(event_type::SessionEnded);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended[0].details.value(u"reason"_s).toString(), u"logout"_s);
    QCOMPARE(ended[0].details.value(u"sid"_s).toString(), tokens.sid);
    QCOMPARE(ended[0].clientId, u"web"_s);
    QCOMPARE(ended[0].subject, Alice);
    QCOMPARE(ended[0].username, u"alice"_s);

    // The OP session is gone: prompt=none cannot sign in silently. The
    // browser even sends the old cookie value back.
    browser.setCookie("lanyard_session", "stale-value-of-the-ended-session-000000000");
    const auto silent = browser.get(SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"prompt"_s, u"none"_s)));
    QCOMPARE(silent.status, 302);
    QCOMPARE(BrowserClient::locationQuery(silent.header("location")).queryItemValue(u"error"_s),
             u"login_required"_s);
    // And without prompt=none the login page comes back.
    const auto again = browser.get(SignInScenario::authorizeUrl(u"web"_s));
    QCOMPARE(again.status, 302);
    const auto page = browser.get(QString::fromUtf8(again.header("location")));
    QVERIFY(!BrowserClient::inputValue(page.body, u"password"_s).isNull());
}

void TestEndSessionEndpoint::refusedRequestsEndNothing_data()
{
    // `hint` names the id_token_hint the row sends (built per row in the
    // test): "" none, "valid" for alice and web, or a broken one.
    QTest::addColumn<QString>("hint");
    QTest::addColumn<Params>("params");
    QTest::addColumn<QString>("error");

    // RP-Initiated Logout 1.0 §3: only registered addresses, exactly.
    QTest::newRow("unregistered post_logout_redirect_uri")
        << u"valid"_s << Params{{u"post_logout_redirect_uri"_s, u"https://evil.example/"_s}}
        << u"not registered"_s;
    QTest::newRow("registered URI with a trailing slash")
        << u"valid"_s << Params{{u"post_logout_redirect_uri"_s, WebLogout + u"/"_s}}
        << u"not registered"_s;
    QTest::newRow("registered URI with a query added")
        << u"valid"_s << Params{{u"post_logout_redirect_uri"_s, WebLogout + u"?next=/"_s}}
        << u"not registered"_s;
    QTest::newRow("registered URI in upper case")
        << u"valid"_s << Params{{u"post_logout_redirect_uri"_s, WebLogout.toUpper()}}
        << u"not registered"_s;
    QTest::newRow("URI of another client")
        << QString()
        << Params{{u"client_id"_s, u"spa"_s}, {u"post_logout_redirect_uri"_s, WebLogout}}
        << u"not registered"_s;
    QTest::newRow("URI without hint or client_id")
        << QString() << Params{{u"post_logout_redirect_uri"_s, WebLogout}}
        << u"needs id_token_hint"_s;
    // §2: client_id must match the hint's audience.
    QTest::newRow("hint for another client")
        << u"valid"_s
        << Params{{u"client_id"_s, u"spa"_s}, {u"post_logout_redirect_uri"_s, SpaLogout}}
        << u"not issued to this client_id"_s;
    QTest::newRow("hint for another client, no redirect")
        << u"valid"_s << Params{{u"client_id"_s, u"spa"_s}} << u"not issued to this client_id"_s;
    QTest::newRow("unknown client_id") << QString() << Params{{u"client_id"_s, u"nobody"_s}}
                                       << u"not registered with this server"_s;
    // §4: only ID tokens this OP issued are believed.
    QTest::newRow("hint from another issuer")
        << u"other-issuer"_s << Params{{u"post_logout_redirect_uri"_s, WebLogout}}
        << u"could not be validated"_s;
    QTest::newRow("hint signed by an unknown key")
        << u"foreign"_s << Params{{u"post_logout_redirect_uri"_s, WebLogout}}
        << u"could not be validated"_s;
    QTest::newRow("hint without sub") << u"no-sub"_s << Params{} << u"could not be validated"_s;
    QTest::newRow("hint with a broken signature")
        << u"tampered"_s << Params{} << u"could not be validated"_s;
    QTest::newRow("hint without signature")
        << u"unsigned"_s << Params{} << u"could not be validated"_s;
    QTest::newRow("hint that is not a JWT")
        << u"garbage"_s << Params{} << u"could not be validated"_s;
    // RFC 6749 §3.1: no parameter twice.
    QTest::newRow("state twice") << u"valid"_s << Params{{u"state"_s, u"a"_s}, {u"state"_s, u"b"_s}}
                                 << u"repeats a parameter"_s;
}

void TestEndSessionEndpoint::refusedRequestsEndNothing()
{
    QFETCH(QString, hint);
    QFETCH(Params, params);
    QFETCH(QString, error);
    BrowserClient browser = m_s->browser();
    QVERIFY(!signIn(browser).idToken.isEmpty());
    QCOMPARE(aliceSessions(), 1);
    m_s->fixture().clearEvents();

    const QString valid = this->hint();
    QString value;
    if (hint == u"valid"_s) {
        value = valid;
    } else if (hint == u"other-issuer"_s) {
        value = this->hint({{u"iss"_s, u"https://other.example"_s}});
    } else if (hint == u"no-sub"_s) {
        value = this->hint({{u"sub"_s, QJsonValue::Null}});
    } else if (hint == u"tampered"_s) {
        value = valid;
        const qsizetype at = value.lastIndexOf(u'.') + 3;
        value[at] = value.at(at) == u'A' ? u'B' : u'A';
    } else if (hint == u"unsigned"_s) {
        value = valid.left(valid.lastIndexOf(u'.') + 1);
    } else if (hint == u"garbage"_s) {
        value = u"not-a-token"_s;
    } else if (hint == u"foreign"_s) {
        auto key = KeyGenerator::generateSigningKey(u"RS256"_s, m_s->clock().now());
        QVERIFY(key.ok());
        key->state = KeyState::Active;
        auto ring = KeyRing::fromKeys({*key}, m_s->clock().now());
        QVERIFY(ring.ok());
        const qint64 now = m_s->clock().now().toSecsSinceEpoch();
        auto token = (*ring)->sign(u"RS256"_s, QJsonObject{{u"iss"_s, SignInScenario::issuer()},
                                                           {u"sub"_s, Alice},
                                                           {u"aud"_s, u"web"_s},
                                                           {u"iat"_s, now},
                                                           {u"exp"_s, now + 600}});
        QVERIFY(token.ok());
        value = QString::fromLatin1(*token);
    }
    if (!value.isEmpty())
        params.prepend({u"id_token_hint"_s, value});

    const auto answer = browser.get(logoutTarget(params));
    QCOMPARE(answer.status, 400);
    // Never redirected anywhere, and the page names no address it was given.
    QVERIFY2(!answer.hasHeader("location"), answer.header("location").constData());
    QVERIFY(answer.header("content-type").startsWith("text/html"));
    QVERIFY2(answer.body.contains(error.toUtf8()), answer.body.constData());
    QVERIFY(!answer.body.contains("evil.example"));
    QCOMPARE(aliceSessions(), 1);
    QVERIFY(m_s->fixture().publishedEvents(event_type::SessionEnded).isEmpty());
    QVERIFY(browser.hasCookie("lanyard_session"));
}

void TestEndSessionEndpoint::withoutValidHintTheUserConfirms_data()
{
    QTest::addColumn<bool>("withClient");
    QTest::addColumn<bool>("hintForBob");
    QTest::newRow("no hint, no client") << false << false;
    QTest::newRow("client_id, no hint") << true << false;
    QTest::newRow("hint for another account") << true << true;
}

void TestEndSessionEndpoint::withoutValidHintTheUserConfirms()
{
    QFETCH(bool, withClient);
    QFETCH(bool, hintForBob);
    BrowserClient browser = m_s->browser();
    QVERIFY(!signIn(browser).idToken.isEmpty());
    m_s->fixture().clearEvents();

    Params params{{u"state"_s, u"st"_s}};
    if (withClient)
        params += {{u"client_id"_s, u"web"_s}, {u"post_logout_redirect_uri"_s, WebLogout}};
    if (hintForBob)
        params.append({u"id_token_hint"_s, hint({{u"sub"_s, u"sub-bob"_s}})});
    const auto page = browser.get(logoutTarget(params));
    QCOMPARE(page.status, 200);
    // Nothing ends before the user says so.
    QCOMPARE(aliceSessions(), 1);
    QVERIFY(m_s->fixture().publishedEvents(event_type::SessionEnded).isEmpty());
    // Same headers as the sign-in pages.
    QVERIFY(page.header("content-type").startsWith("text/html"));
    QCOMPARE(page.header("cache-control"), "no-store"_ba);
    QCOMPARE(page.header("x-frame-options"), "DENY"_ba);
    const QByteArray csp = page.header("content-security-policy");
    QVERIFY2(csp.contains("frame-ancestors 'none'"), csp.constData());
    if (withClient)
        QVERIFY2(csp.contains("form-action 'self' https://app.example"), csp.constData());
    QVERIFY(page.body.contains("alice"));
    const QString csrf = BrowserClient::inputValue(page.body, u"csrf_token"_s);
    QVERIFY(!csrf.isEmpty());
    QCOMPARE(BrowserClient::inputValue(page.body, u"post_logout_redirect_uri"_s).isNull(),
             !withClient);

    // The form as a browser sends it: hidden fields and the button.
    BrowserClient::Form form{{u"csrf_token"_s, csrf}, {u"logout"_s, u"yes"_s}};
    for (const QString &name : {u"client_id"_s, u"post_logout_redirect_uri"_s, u"state"_s}) {
        const QString value = BrowserClient::inputValue(page.body, name);
        if (!value.isNull())
            form.append({name, value});
    }
    const auto done = browser.post(u"/logout"_s, form);
    if (withClient) {
        QCOMPARE(done.status, 303);
        QCOMPARE(done.header("location"), (WebLogout + u"?state=st"_s).toUtf8());
    } else {
        QCOMPARE(done.status, 200);
        QVERIFY(done.body.contains("You are signed out"));
    }
    QCOMPARE(aliceSessions(), 0);
    QVERIFY(!browser.hasCookie("lanyard_session"));
    QCOMPARE(m_s->fixture().publishedEvents(event_type::SessionEnded).size(), 1);
}

void TestEndSessionEndpoint::confirmationNeedsItsCsrfToken_data()
{
    QTest::addColumn<QString>("csrf");
    QTest::newRow("missing") << QString();
    QTest::newRow("empty") << u""_s;
    QTest::newRow("wrong") << u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    QTest::newRow("for another session") << u"other-session"_s;
}

void TestEndSessionEndpoint::confirmationNeedsItsCsrfToken()
{
    QFETCH(QString, csrf);
    BrowserClient browser = m_s->browser();
    QVERIFY(!signIn(browser).idToken.isEmpty());
    const auto page = browser.get(logoutTarget({{u"client_id"_s, u"web"_s}}));
    QCOMPARE(page.status, 200);
    QVERIFY(!BrowserClient::inputValue(page.body, u"csrf_token"_s).isEmpty());

    if (csrf == u"other-session"_s)
        csrf = EndSessionEndpoint::csrfToken(browser.cookie("lanyard_session"), u"another"_s);
    BrowserClient::Form form{{u"logout"_s, u"yes"_s}, {u"client_id"_s, u"web"_s}};
    if (!csrf.isNull())
        form.append({u"csrf_token"_s, csrf});
    const auto answer = browser.post(u"/logout"_s, form);
    QCOMPARE(answer.status, 403);
    QVERIFY(!answer.hasHeader("location"));
    QCOMPARE(aliceSessions(), 1);
    QVERIFY(browser.hasCookie("lanyard_session"));
}

void TestEndSessionEndpoint::stayingSignedInEndsNothing()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signIn(browser).idToken.isEmpty());
    const auto page = browser.get(logoutTarget({}));
    const QString csrf = BrowserClient::inputValue(page.body, u"csrf_token"_s);
    const auto answer =
        browser.post(u"/logout"_s, {{u"csrf_token"_s, csrf}, {u"logout"_s, u"no"_s}});
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("still signed in"));
    QCOMPARE(aliceSessions(), 1);
    QVERIFY(browser.hasCookie("lanyard_session"));
    // An answer that is neither button changes nothing either.
    const auto odd =
        browser.post(u"/logout"_s, {{u"csrf_token"_s, csrf}, {u"logout"_s, u"maybe"_s}});
    QCOMPARE(odd.status, 400);
    QCOMPARE(aliceSessions(), 1);
}

void TestEndSessionEndpoint::withoutSessionThereIsNothingToEnd()
{
    BrowserClient browser = m_s->browser();
    // No page to confirm: the browser is signed out already.
    const auto page = browser.get(logoutTarget({}));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("You are signed out"));
    QVERIFY(BrowserClient::inputValue(page.body, u"csrf_token"_s).isNull());
    const auto redirect = browser.get(
        logoutTarget({{u"client_id"_s, u"spa"_s}, {u"post_logout_redirect_uri"_s, SpaLogout}}));
    QCOMPARE(redirect.status, 302);
    QCOMPARE(redirect.header("location"), SpaLogout.toUtf8());
    QVERIFY(m_s->fixture().publishedEvents(event_type::SessionEnded).isEmpty());
}

void TestEndSessionEndpoint::expiredHintIsAccepted()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signIn(browser).idToken.isEmpty());
    const qint64 now = m_s->clock().now().toSecsSinceEpoch();
    // RP-Initiated Logout 1.0 §4: an expired ID token is still a good hint.
    const QString expired = hint({{u"iat"_s, now - 7200}, {u"exp"_s, now - 3600}});
    const auto answer = browser.get(
        logoutTarget({{u"id_token_hint"_s, expired}, {u"post_logout_redirect_uri"_s, WebLogout}}));
    QCOMPARE(answer.status, 302);
    QCOMPARE(answer.header("location"), WebLogout.toUtf8());
    QCOMPARE(aliceSessions(), 0);
}

void TestEndSessionEndpoint::hintSignedByRetiredKeyIsAccepted()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(!signIn(browser).idToken.isEmpty());

    // A hint signed before a rotation: its key is retired now, still
    // published, and a new RS256 key signs.
    const QDateTime now = m_s->clock().now();
    auto old = KeyGenerator::generateSigningKey(u"RS256"_s, now.addDays(-2));
    QVERIFY(old.ok());
    old->state = KeyState::Active;
    old->activatedAt = now.addDays(-2);
    auto oldRing = KeyRing::fromKeys({*old}, now);
    QVERIFY(oldRing.ok());
    const qint64 secs = now.toSecsSinceEpoch();
    auto oldHint = (*oldRing)->sign(u"RS256"_s, QJsonObject{{u"iss"_s, SignInScenario::issuer()},
                                                            {u"sub"_s, Alice},
                                                            {u"aud"_s, u"web"_s},
                                                            {u"iat"_s, secs - 60},
                                                            {u"exp"_s, secs + 600}});
    QVERIFY(oldHint.ok());
    auto fresh = KeyGenerator::generateSigningKey(u"RS256"_s, now);
    QVERIFY(fresh.ok());
    fresh->state = KeyState::Active;
    fresh->activatedAt = now;
    old->state = KeyState::Retired;
    old->retiredAt = now.addSecs(-10);
    old->publishedUntil = now.addDays(1);
    auto ring = KeyRing::fromKeys({*fresh, *old}, now);
    QVERIFY2(ring.ok(), qPrintable(ring.error().message));
    QCOMPARE((*ring)->activeKid(u"RS256"_s), fresh->kid);
    QVERIFY((*ring)->publishedKids().contains(old->kid));
    m_s->services()->keys->replace(*ring);

    const auto answer =
        browser.get(logoutTarget({{u"id_token_hint"_s, QString::fromLatin1(*oldHint)},
                                  {u"post_logout_redirect_uri"_s, WebLogout}}));
    QCOMPARE(answer.status, 302);
    QCOMPARE(aliceSessions(), 0);
}

void TestEndSessionEndpoint::sessionBoundTokensStopWorking()
{
    BrowserClient browser = m_s->browser();
    // Two grants in one session: one bound to it, one offline_access
    // grant meant to outlive it.
    const Tokens bound = signIn(browser, u"openid profile"_s);
    const Tokens offline = signIn(browser, u"openid profile offline_access"_s);
    QVERIFY(!bound.accessToken.isEmpty());
    QVERIFY(!offline.refreshToken.isEmpty());
    QVERIFY(!bound.sid.isEmpty());
    QCOMPARE(userinfoStatus(bound.accessToken), 200);
    QCOMPARE(userinfoStatus(offline.accessToken), 200);

    const auto answer = browser.get(logoutTarget({{u"id_token_hint"_s, bound.idToken}}));
    QCOMPARE(answer.status, 200);
    QCOMPARE(aliceSessions(), 0);
    const QList<Event> ended = m_s->fixture().publishedEvents(event_type::SessionEnded);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended[0].details.value(u"families_revoked"_s).toInt(), 1);

    // The session's tokens stop working at once; the offline_access grant
    // survives and keeps refreshing.
    QCOMPARE(userinfoStatus(bound.accessToken), 401);
    QCOMPARE(userinfoStatus(offline.accessToken), 200);
    const auto refreshed =
        http("POST", u"/token"_s, {{"Authorization"_ba, basic(u"web"_s)}},
             SignInScenario::formEncode({{u"grant_type"_s, u"refresh_token"_s},
                                         {u"refresh_token"_s, offline.refreshToken}}));
    QCOMPARE(refreshed.status, 200);
    const QString newAccess =
        QJsonDocument::fromJson(refreshed.body).object().value(u"access_token"_s).toString();
    QCOMPARE(userinfoStatus(newAccess), 200);
}

QTEST_GUILESS_MAIN(TestEndSessionEndpoint)
#include "tst_endsessionendpoint.moc"
