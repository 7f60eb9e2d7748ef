// SPDX-License-Identifier: GPL-3.0-or-later
// The login and consent pages over real HTTP: generic failures, CSRF and
// browser binding, throttling per account and per address, cookie
// attributes, security headers and HTML escaping.
#include "BrowserClient.h"
#include "SignInScenario.h"

#include "auth/Cookies.h"
#include "auth/OpaqueToken.h"
#include "auth/SignInPolicy.h"
#include "crypto/PasswordHasher.h"
#include "endpoints/PageRenderer.h"
#include "model/Event.h"
#include "store/AccountStore.h"
#include "store/SessionStore.h"

#include <QJsonDocument>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::BrowserClient;
using lanyard::test::SignInScenario;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers from(const QByteArray &address)
{
    return {{"X-Forwarded-For"_ba, address}};
}

/// A started login: the interaction page URL and its CSRF token.
struct LoginPage
{
    QString url;
    QString csrf;
    BrowserClient::Response page;
};

LoginPage openLogin(BrowserClient &browser, const QString &authorizeTarget,
                    const Headers &headers = {})
{
    LoginPage login;
    const auto started = browser.get(authorizeTarget, headers);
    login.url = QString::fromUtf8(started.header("location"));
    login.page = browser.get(login.url, headers);
    login.csrf = BrowserClient::inputValue(login.page.body, u"csrf_token"_s);
    return login;
}

BrowserClient::Response submit(BrowserClient &browser, const LoginPage &login,
                               const QString &username, const QString &password,
                               const Headers &headers = {})
{
    return browser.post(
        login.url,
        {{u"csrf_token"_s, login.csrf}, {u"username"_s, username}, {u"password"_s, password}},
        headers);
}

QByteArray genericMessage()
{
    return PageRenderer::escape(PageRenderer::loginFailedMessage()).toUtf8();
}

bool signedInToClient(const BrowserClient::Response &response)
{
    return response.status == 303 && response.header("location").contains("code=");
}

QString attributesOf(const QByteArray &setCookie)
{
    const qsizetype semicolon = setCookie.indexOf(';');
    return QString::fromLatin1(semicolon < 0 ? QByteArray() : setCookie.mid(semicolon));
}

} // namespace

class TestLoginFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void genericFailure_data();
    void genericFailure();
    void failuresLookAlike();
    void csrfRefused_data();
    void csrfRefused();
    void interactionBoundToBrowser();
    void interactionExpires();
    void unknownInteraction();
    void throttlingPerAccount();
    void successClearsAccountFailures();
    void throttlingPerAddress();
    void loginEvents();
    void cookieAttributes();
    void secureCookiesUnderHttps();
    void cookiePathFollowsIssuer();
    void securityHeadersOnEveryPage();
    void htmlEscaping();
    void rehashOnLogin();
    void anotherAccountReplacesSession();
    void sessionEndedBeforeConsent();
    void concurrentSubmitsIssueOneCode();
    void stylesheetServed();

private:
    std::unique_ptr<SignInScenario> m_s;
};

void TestLoginFlow::init()
{
    m_s = std::make_unique<SignInScenario>(false);
    QVERIFY2(m_s->error.isEmpty(), qPrintable(m_s->error));
    // Requests come from 127.0.0.1, a trusted proxy, so X-Forwarded-For
    // chooses the source address the throttle sees.
    m_s->services()->config.trustedProxies = {QHostAddress::LocalHost};
    const QString served = m_s->serve();
    QVERIFY2(served.isEmpty(), qPrintable(served));
}

void TestLoginFlow::cleanup()
{
    m_s.reset();
}

void TestLoginFlow::genericFailure_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("eventUsername");

    QTest::newRow("unknown account")
        << u"mallory"_s << SignInScenario::password() << u"unknown_account"_s << QString();
    QTest::newRow("wrong password")
        << u"alice"_s << u"correct horse battery stapler"_s << u"wrong_password"_s << u"alice"_s;
    QTest::newRow("wrong case of username")
        << u"Alice"_s << SignInScenario::password() << u"unknown_account"_s << QString();
    QTest::newRow("disabled account, right password")
        << u"carol"_s << SignInScenario::password() << u"account_disabled"_s << u"carol"_s;
    QTest::newRow("empty password") << u"alice"_s << u""_s << u"wrong_password"_s << u"alice"_s;
    QTest::newRow("empty username")
        << u""_s << SignInScenario::password() << u"unknown_account"_s << QString();
    QTest::newRow("username too long")
        << QString(SignInPolicy::MaxUsernameLength + 1, u'a') << SignInScenario::password()
        << u"unknown_account"_s << QString();
}

void TestLoginFlow::genericFailure()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(QString, reason);
    QFETCH(QString, eventUsername);

    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    QCOMPARE(login.page.status, 200);
    const auto response = submit(browser, login, username, password, from("192.0.2.7"));
    QCOMPARE(response.status, 200);
    QVERIFY(!response.hasHeader("location"));
    QVERIFY(response.body.contains(genericMessage()));
    QVERIFY(response.body.contains("role=\"alert\""));
    QVERIFY(!browser.hasCookie("lanyard_session"_ba));
    // The form is shown again with the same CSRF token.
    QCOMPARE(BrowserClient::inputValue(response.body, u"csrf_token"_s), login.csrf);

    const auto failed = m_s->fixture().publishedEvents(u"login.failed"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().success, false);
    QCOMPARE(failed.first().clientId, u"web"_s);
    QCOMPARE(failed.first().sourceAddress, u"192.0.2.7"_s);
    QCOMPARE(failed.first().details.value(u"reason"_s).toString(), reason);
    QCOMPARE(failed.first().username, eventUsername);
    QVERIFY(m_s->fixture().publishedEvents(u"login.succeeded"_s).isEmpty());
    if (!password.isEmpty()) {
        const QByteArray json = QJsonDocument(failed.first().toJson()).toJson();
        QVERIFY(!json.contains(password.toUtf8()));
    }
}

void TestLoginFlow::failuresLookAlike()
{
    // Unknown account, wrong password and disabled account give the same
    // page, byte for byte once the echoed username is set aside.
    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    const auto unknown = submit(browser, login, u"mallory"_s, u"whatever"_s);
    const auto wrong = submit(browser, login, u"alice"_s, u"whatever"_s);
    const auto disabled = submit(browser, login, u"carol"_s, SignInScenario::password());
    QCOMPARE(unknown.status, 200);
    QCOMPARE(wrong.status, 200);
    QCOMPARE(disabled.status, 200);
    QByteArray a = unknown.body;
    QByteArray b = wrong.body;
    QByteArray c = disabled.body;
    a.replace("mallory", "X");
    b.replace("alice", "X");
    c.replace("carol", "X");
    QCOMPARE(a, b);
    QCOMPARE(a, c);
}

void TestLoginFlow::csrfRefused_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("missing") << u"missing"_s;
    QTest::newRow("empty") << u"empty"_s;
    QTest::newRow("wrong") << u"wrong"_s;
    QTest::newRow("one character off") << u"flipped"_s;
    QTest::newRow("another interaction's token") << u"other"_s;
    QTest::newRow("sent twice") << u"twice"_s;
}

void TestLoginFlow::csrfRefused()
{
    QFETCH(QString, mode);
    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    QVERIFY(!login.csrf.isEmpty());

    BrowserClient::Form form{{u"username"_s, u"alice"_s},
                             {u"password"_s, SignInScenario::password()}};
    if (mode == u"empty"_s) {
        form.append({u"csrf_token"_s, u""_s});
    } else if (mode == u"wrong"_s) {
        form.append({u"csrf_token"_s, u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s});
    } else if (mode == u"flipped"_s) {
        QString token = login.csrf;
        token[0] = token[0] == u'A' ? u'B' : u'A';
        form.append({u"csrf_token"_s, token});
    } else if (mode == u"other"_s) {
        const LoginPage other = openLogin(browser, SignInScenario::authorizeUrl(u"spa"_s));
        QVERIFY(other.csrf != login.csrf);
        form.append({u"csrf_token"_s, other.csrf});
    } else if (mode == u"twice"_s) {
        form.append({u"csrf_token"_s, login.csrf});
        form.append({u"csrf_token"_s, login.csrf});
    }
    const auto response = browser.post(login.url, form);
    QVERIFY2(response.status == 403 || response.status == 400,
             QByteArray::number(response.status).constData());
    if (mode != u"twice"_s)
        QCOMPARE(response.status, 403);
    QVERIFY(!response.hasHeader("location"));
    QVERIFY(!browser.hasCookie("lanyard_session"_ba));
    QVERIFY(m_s->fixture().publishedEvents(u"login.succeeded"_s).isEmpty());
    QVERIFY(m_s->fixture().publishedEvents(u"login.failed"_s).isEmpty());

    // The right token still works afterwards.
    QVERIFY(signedInToClient(submit(browser, login, u"alice"_s, SignInScenario::password())));
}

void TestLoginFlow::interactionBoundToBrowser()
{
    BrowserClient victim = m_s->browser();
    const LoginPage login = openLogin(victim, SignInScenario::authorizeUrl(u"web"_s));
    QCOMPARE(login.page.status, 200);

    // The page URL (and even the page's token) is useless elsewhere.
    BrowserClient attacker = m_s->browser();
    QCOMPARE(attacker.get(login.url).status, 403);
    QCOMPARE(submit(attacker, login, u"alice"_s, SignInScenario::password()).status, 403);
    // ... also with a binding cookie of its own.
    QCOMPARE(attacker.get(SignInScenario::authorizeUrl(u"spa"_s)).status, 302);
    QVERIFY(attacker.hasCookie("lanyard_interaction"_ba));
    QVERIFY(attacker.cookie("lanyard_interaction"_ba) != victim.cookie("lanyard_interaction"_ba));
    QCOMPARE(attacker.get(login.url).status, 403);
    QCOMPARE(submit(attacker, login, u"alice"_s, SignInScenario::password()).status, 403);
    QVERIFY(!attacker.hasCookie("lanyard_session"_ba));

    // Several tabs of one browser share the binding.
    const LoginPage second = openLogin(victim, SignInScenario::authorizeUrl(u"spa"_s));
    QCOMPARE(second.page.status, 200);
    QVERIFY(signedInToClient(submit(victim, login, u"alice"_s, SignInScenario::password())));
}

void TestLoginFlow::interactionExpires()
{
    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    m_s->clock().advance(SignInPolicy::InteractionLifetimeSecs + 1);
    const auto page = browser.get(login.url);
    QCOMPARE(page.status, 400);
    QVERIFY(page.body.contains("expired"));
    const auto late = submit(browser, login, u"alice"_s, SignInScenario::password());
    QCOMPARE(late.status, 400);
    QVERIFY(!late.hasHeader("location"));
    QVERIFY(m_s->fixture().publishedEvents(u"login.succeeded"_s).isEmpty());
}

void TestLoginFlow::unknownInteraction()
{
    BrowserClient browser = m_s->browser();
    QCOMPARE(browser.get(u"/interaction"_s).status, 400);
    QCOMPARE(browser.get(u"/interaction?id=nope"_s).status, 400);
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    QCOMPARE(browser.get(login.url + u"&id=other"_s).status, 400);
}

void TestLoginFlow::throttlingPerAccount()
{
    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    for (int i = 0; i < SignInPolicy::AccountFailureLimit; ++i)
        QCOMPARE(submit(browser, login, u"alice"_s, u"guess"_s, from("192.0.2.1")).status, 200);
    QCOMPARE(m_s->fixture().publishedEvents(u"login.failed"_s).size(),
             SignInPolicy::AccountFailureLimit);

    // The right password, even from another address, is refused for a while,
    // with the same message.
    const auto refused =
        submit(browser, login, u"alice"_s, SignInScenario::password(), from("198.51.100.2"));
    QCOMPARE(refused.status, 200);
    QVERIFY(refused.body.contains(genericMessage()));
    QVERIFY(!browser.hasCookie("lanyard_session"_ba));
    const auto throttled = m_s->fixture().publishedEvents(u"login.throttled"_s);
    QCOMPARE(throttled.size(), 1);
    QCOMPARE(throttled.first().username, u"alice"_s);
    QCOMPARE(throttled.first().sourceAddress, u"198.51.100.2"_s);
    QCOMPARE(throttled.first().details.value(u"reason"_s).toString(), u"account"_s);
    // Refused attempts are not verified and not counted as failures.
    QCOMPARE(m_s->fixture().publishedEvents(u"login.failed"_s).size(),
             SignInPolicy::AccountFailureLimit);

    // Other accounts from the same address are unaffected.
    BrowserClient other = m_s->browser();
    const LoginPage bobLogin = openLogin(other, SignInScenario::authorizeUrl(u"web"_s));
    QVERIFY(signedInToClient(
        submit(other, bobLogin, u"bob"_s, SignInScenario::password(), from("192.0.2.1"))));

    // The lock ends when the failures leave the window.
    m_s->clock().advance(SignInPolicy::FailureWindowSecs - 60);
    QVERIFY(!signedInToClient(submit(browser,
                                     openLogin(browser, SignInScenario::authorizeUrl(u"web"_s)),
                                     u"alice"_s, SignInScenario::password(), from("192.0.2.1"))));
    m_s->clock().advance(61);
    QVERIFY(
        signedInToClient(submit(browser, openLogin(browser, SignInScenario::authorizeUrl(u"web"_s)),
                                u"alice"_s, SignInScenario::password(), from("192.0.2.1"))));
}

void TestLoginFlow::successClearsAccountFailures()
{
    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    for (int i = 0; i < SignInPolicy::AccountFailureLimit - 1; ++i)
        submit(browser, login, u"alice"_s, u"guess"_s, from("192.0.2.1"));
    QVERIFY(signedInToClient(
        submit(browser, login, u"alice"_s, SignInScenario::password(), from("192.0.2.1"))));

    BrowserClient next = m_s->browser();
    const LoginPage again = openLogin(next, SignInScenario::authorizeUrl(u"web"_s));
    for (int i = 0; i < SignInPolicy::AccountFailureLimit - 1; ++i)
        submit(next, again, u"alice"_s, u"guess"_s, from("192.0.2.1"));
    QVERIFY(signedInToClient(
        submit(next, again, u"alice"_s, SignInScenario::password(), from("192.0.2.1"))));
    QVERIFY(m_s->fixture().publishedEvents(u"login.throttled"_s).isEmpty());
}

void TestLoginFlow::throttlingPerAddress()
{
    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    // A spray over many usernames: no single account reaches its limit.
    for (int i = 0; i < SignInPolicy::AddressFailureLimit; ++i) {
        QCOMPARE(submit(browser, login, u"user%1"_s.arg(i), u"guess"_s, from("203.0.113.9")).status,
                 200);
    }
    const auto refused =
        submit(browser, login, u"bob"_s, SignInScenario::password(), from("203.0.113.9"));
    QCOMPARE(refused.status, 200);
    QVERIFY(refused.body.contains(genericMessage()));
    QVERIFY(!browser.hasCookie("lanyard_session"_ba));
    const auto throttled = m_s->fixture().publishedEvents(u"login.throttled"_s);
    QCOMPARE(throttled.size(), 1);
    QCOMPARE(throttled.first().details.value(u"reason"_s).toString(), u"address"_s);
    QCOMPARE(throttled.first().sourceAddress, u"203.0.113.9"_s);

    // Another address is not affected; and a success there does not reset
    // the sprayer's count.
    QVERIFY(signedInToClient(
        submit(browser, login, u"bob"_s, SignInScenario::password(), from("203.0.113.10"))));
    BrowserClient again = m_s->browser();
    const LoginPage next = openLogin(again, SignInScenario::authorizeUrl(u"web"_s));
    QVERIFY(!signedInToClient(
        submit(again, next, u"alice"_s, SignInScenario::password(), from("203.0.113.9"))));
}

void TestLoginFlow::loginEvents()
{
    BrowserClient browser = m_s->browser();
    const LoginPage login =
        openLogin(browser, SignInScenario::authorizeUrl(u"spa"_s), from("192.0.2.44"));
    QVERIFY(signedInToClient(
        submit(browser, login, u"bob"_s, SignInScenario::password(), from("192.0.2.44"))));
    const auto succeeded = m_s->fixture().publishedEvents(u"login.succeeded"_s);
    QCOMPARE(succeeded.size(), 1);
    const Event &event = succeeded.first();
    QCOMPARE(event.success, true);
    QCOMPARE(event.clientId, u"spa"_s);
    QCOMPARE(event.subject, u"sub-bob"_s);
    QCOMPARE(event.username, u"bob"_s);
    QCOMPARE(event.sourceAddress, u"192.0.2.44"_s);
    // No event ever carries a password, a code or a cookie.
    for (const Event &any : m_s->fixture().publishedEvents()) {
        const QByteArray json = QJsonDocument(any.toJson()).toJson();
        QVERIFY(!json.contains(SignInScenario::password().toUtf8()));
        QVERIFY(!json.contains(browser.cookie("lanyard_session"_ba)));
        QVERIFY(!json.contains(login.csrf.toUtf8()));
    }
    auto account = m_s->services()->accounts->findByUsername(u"bob"_s);
    QVERIFY(account && account->has_value());
    QCOMPARE((*account)->lastLoginAt, m_s->clock().now());
}

void TestLoginFlow::cookieAttributes()
{
    BrowserClient browser = m_s->browser();
    const auto started = browser.get(SignInScenario::authorizeUrl(u"web"_s));
    const QByteArray binding = browser.setCookieHeader("lanyard_interaction"_ba);
    QVERIFY(!binding.isEmpty());
    QCOMPARE(attributesOf(binding), u"; Path=/; Max-Age=%1; HttpOnly; SameSite=Lax"_s.arg(
                                        SignInPolicy::InteractionLifetimeSecs));
    QCOMPARE(browser.cookie("lanyard_interaction"_ba).size(), 43);

    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    // The binding value is reused, not replaced, by a second request.
    QCOMPARE(browser.setCookieHeader("lanyard_interaction"_ba).split(';').first(),
             binding.split(';').first());
    QVERIFY(signedInToClient(submit(browser, login, u"alice"_s, SignInScenario::password())));

    const QByteArray session = browser.setCookieHeader("lanyard_session"_ba);
    QCOMPARE(attributesOf(session), u"; Path=/; Max-Age=%1; HttpOnly; SameSite=Lax"_s.arg(
                                        m_s->services()->config.sessionLifetimeSecs));
    const QByteArray value = browser.cookie("lanyard_session"_ba);
    QCOMPARE(value.size(), 43); // 256 random bits, base64url

    // Only the hash is stored.
    auto sessions = m_s->services()->sessions->list(u"sub-alice"_s);
    QVERIFY(sessions);
    QCOMPARE(sessions->size(), 1);
    QCOMPARE(sessions->first().cookieHash, OpaqueToken::hashOf(QString::fromLatin1(value)));
    QVERIFY(sessions->first().cookieHash != QString::fromLatin1(value));
    QVERIFY(sessions->first().id != QString::fromLatin1(value));
    QCOMPARE(sessions->first().amr, QStringList{u"pwd"_s});
    QCOMPARE(sessions->first().sourceAddress, u"127.0.0.1"_s);
    QCOMPARE(sessions->first().userAgent, u"lanyard-test"_s);
    QCOMPARE(sessions->first().expiresAt,
             m_s->clock().now().addSecs(m_s->services()->config.sessionLifetimeSecs));
}

void TestLoginFlow::secureCookiesUnderHttps()
{
    // Behind a trusted TLS-terminating proxy (X-Forwarded-Proto: https).
    const Headers https{{"X-Forwarded-Proto"_ba, "https"_ba}};
    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s), https);
    QVERIFY(browser.setCookieHeader("lanyard_interaction"_ba).endsWith("; Secure"));
    QVERIFY(
        signedInToClient(submit(browser, login, u"alice"_s, SignInScenario::password(), https)));
    QVERIFY(browser.setCookieHeader("lanyard_session"_ba).endsWith("; Secure"));
}

void TestLoginFlow::cookiePathFollowsIssuer()
{
    QCOMPARE(Cookies::pathFor(QUrl(u"https://op.example"_s)), u"/"_s);
    QCOMPARE(Cookies::pathFor(QUrl(u"https://op.example/"_s)), u"/"_s);
    QCOMPARE(Cookies::pathFor(QUrl(u"https://op.example/tenant/"_s)), u"/tenant"_s);
    QCOMPARE(Cookies::pathFor(QUrl(u"https://op.example/a b"_s)), u"/a%20b"_s);
    // Values that could break the header are refused.
    QVERIFY(Cookies::setCookie("n", "a;b", u"/"_s, 1, false).isEmpty());
    QVERIFY(Cookies::setCookie("n", "a\r\nb", u"/"_s, 1, false).isEmpty());
    QVERIFY(Cookies::setCookie("n", "v", u"/x;Domain=evil"_s, 1, false).isEmpty());
}

void TestLoginFlow::securityHeadersOnEveryPage()
{
    BrowserClient browser = m_s->browser();
    QList<QPair<QString, BrowserClient::Response>> pages;
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"consent"_s));
    pages.append({u"login page"_s, login.page});
    pages.append({u"failed login page"_s, submit(browser, login, u"alice"_s, u"x"_s)});
    BrowserClient other = m_s->browser();
    pages.append({u"forbidden page"_s, other.get(login.url)});
    pages.append({u"expired page"_s, browser.get(u"/interaction?id=unknown"_s)});
    pages.append({u"invalid request page"_s,
                  browser.get(SignInScenario::authorizeTarget(SignInScenario::with(
                      SignInScenario::defaultParams(u"web"_s), u"client_id"_s, u"nobody"_s)))});
    const auto afterLogin = submit(browser, login, u"alice"_s, SignInScenario::password());
    QCOMPARE(afterLogin.status, 303);
    pages.append({u"consent page"_s, browser.get(login.url)});
    pages.append(
        {u"form_post page"_s,
         browser.get(SignInScenario::authorizeTarget(SignInScenario::with(
             SignInScenario::defaultParams(u"web"_s), u"response_mode"_s, u"form_post"_s)))});

    for (const auto &[name, response] : pages) {
        const QByteArray whatBytes = name.toUtf8();
        const char *what = whatBytes.constData();
        QVERIFY2(response.header("content-type").startsWith("text/html"), what);
        QVERIFY2(response.header("cache-control") == "no-store", what);
        QVERIFY2(response.header("x-frame-options") == "DENY", what);
        const QByteArray csp = response.header("content-security-policy");
        QVERIFY2(csp.contains("frame-ancestors 'none'"), what);
        QVERIFY2(csp.contains("default-src 'none'"), what);
        QVERIFY2(!csp.contains("unsafe-inline"), what);
        QVERIFY2(response.header("x-content-type-options") == "nosniff", what);
        QVERIFY2(response.header("referrer-policy") == "no-referrer", what);
        QVERIFY2(response.body.contains("<html lang=\"en\">"), what);
        QVERIFY2(response.body.contains("name=\"viewport\""), what);
    }
    // The login and consent forms end in a redirect to the client: their
    // CSP lets the form's redirect go there.
    QVERIFY(login.page.header("content-security-policy")
                .contains("form-action 'self' https://consent.example;"));
    // Redirects are not cached either.
    QCOMPARE(afterLogin.header("cache-control"), "no-store"_ba);
}

void TestLoginFlow::htmlEscaping()
{
    Client evil = SignInScenario::client(u"consent"_s);
    evil.clientName = u"<script>alert(\"x\")</script> & 'co'"_s;
    QCOMPARE(m_s->saveClient(evil), QString());
    const QString hint = u"\"><img src=x onerror=alert(1)>"_s;
    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(
        browser, SignInScenario::authorizeTarget(SignInScenario::with(
                     SignInScenario::defaultParams(u"consent"_s), u"login_hint"_s, hint)));
    QCOMPARE(login.page.status, 200);
    const QByteArray body = login.page.body;
    QVERIFY(!body.contains("<script>"));
    QVERIFY(!body.contains("<img"));
    QVERIFY(body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"));
    QVERIFY(body.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
    QCOMPARE(BrowserClient::inputValue(body, u"username"_s), hint);

    // A typed username is escaped when the page is shown again.
    const auto failed = submit(browser, login, u"<b>bold</b>"_s, u"x"_s);
    QVERIFY(failed.body.contains("value=\"&lt;b&gt;bold&lt;/b&gt;\""));
    QVERIFY(!failed.body.contains("<b>bold"));

    QCOMPARE(submit(browser, login, u"alice"_s, SignInScenario::password()).status, 303);
    const auto consent = browser.get(login.url);
    QVERIFY(!consent.body.contains("<script>"));
    QVERIFY(consent.body.contains("&lt;script&gt;"));
}

void TestLoginFlow::rehashOnLogin()
{
    PasswordHasher::Parameters weaker;
    weaker.memoryKiB = 128;
    weaker.iterations = 1;
    Account alice = m_s->account(u"alice"_s);
    auto weakHash = PasswordHasher(weaker).hash(SignInScenario::password());
    QVERIFY(weakHash);
    alice.passwordHash = *weakHash;
    QCOMPARE(m_s->saveAccount(alice), QString());
    QVERIFY(m_s->services()->passwordHasher->needsRehash(alice.passwordHash));

    BrowserClient browser = m_s->browser();
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    QVERIFY(signedInToClient(submit(browser, login, u"alice"_s, SignInScenario::password())));
    auto stored = m_s->services()->accounts->findByUsername(u"alice"_s);
    QVERIFY(stored && stored->has_value());
    QVERIFY((*stored)->passwordHash != *weakHash);
    QVERIFY(!m_s->services()->passwordHasher->needsRehash((*stored)->passwordHash));
    QVERIFY(m_s->services()->passwordHasher->verify(SignInScenario::password(),
                                                    (*stored)->passwordHash));
}

void TestLoginFlow::anotherAccountReplacesSession()
{
    BrowserClient browser = m_s->browser();
    QVERIFY(
        signedInToClient(m_s->signIn(browser, SignInScenario::authorizeUrl(u"web"_s), u"alice"_s)));
    const QByteArray aliceCookie = browser.cookie("lanyard_session"_ba);
    const auto done =
        m_s->signIn(browser,
                    SignInScenario::authorizeTarget(SignInScenario::with(
                        SignInScenario::defaultParams(u"web"_s), u"prompt"_s, u"login"_s)),
                    u"bob"_s);
    QVERIFY(signedInToClient(done));
    QVERIFY(browser.cookie("lanyard_session"_ba) != aliceCookie);
    auto alice = m_s->services()->sessions->list(u"sub-alice"_s);
    QVERIFY(alice && alice->isEmpty());
    auto old = m_s->services()->sessions->findByCookieHash(
        OpaqueToken::hashOf(QString::fromLatin1(aliceCookie)), m_s->clock().now());
    QVERIFY(old && !old->has_value());
}

void TestLoginFlow::sessionEndedBeforeConsent()
{
    BrowserClient browser = m_s->browser();
    QString page;
    const auto afterLogin = m_s->signIn(browser, SignInScenario::authorizeUrl(u"consent"_s),
                                        u"alice"_s, SignInScenario::password(), &page);
    QCOMPARE(afterLogin.status, 303);
    const auto consent = browser.get(page);
    const QString csrf = BrowserClient::inputValue(consent.body, u"csrf_token"_s);
    auto sessions = m_s->services()->sessions->list(u"sub-alice"_s);
    QVERIFY(sessions && sessions->size() == 1);
    QVERIFY(m_s->services()->sessions->remove(sessions->first().id));

    // Consent for a session that ended: back to the login step, no code.
    const auto allowed = browser.post(page, {{u"csrf_token"_s, csrf}, {u"decision"_s, u"allow"_s}});
    QCOMPARE(allowed.status, 303);
    QCOMPARE(QString::fromUtf8(allowed.header("location")), page);
    const auto login = browser.get(page);
    QCOMPARE(login.status, 200);
    QVERIFY(login.body.contains("name=\"password\""));
    QVERIFY(m_s->fixture().publishedEvents(u"consent.granted"_s).isEmpty());
}

void TestLoginFlow::concurrentSubmitsIssueOneCode()
{
    // The same consent form sent from several connections at once (a
    // double click, a replayed request): the interaction is claimed once,
    // so exactly one code is issued. Several rounds, to give the race a
    // chance to happen.
    constexpr int Rounds = 10;
    constexpr int Racers = 16;
    BrowserClient browser = m_s->browser();
    QVERIFY(
        signedInToClient(m_s->signIn(browser, SignInScenario::authorizeUrl(u"web"_s), u"alice"_s)));
    for (int round = 0; round < Rounds; ++round) {
        const auto started = browser.get(SignInScenario::authorizeTarget(SignInScenario::with(
            SignInScenario::defaultParams(u"consent"_s), u"prompt"_s, u"consent"_s)));
        const QString page = QString::fromUtf8(started.header("location"));
        const auto consent = browser.get(page);
        const QString csrf = BrowserClient::inputValue(consent.body, u"csrf_token"_s);
        QVERIFY(!csrf.isEmpty());

        QList<BrowserClient::Response> responses(Racers);
        QList<QThread *> threads;
        for (int i = 0; i < Racers; ++i) {
            threads.append(QThread::create([&, i] {
                BrowserClient racer = browser;
                responses[i] =
                    racer.post(page, {{u"csrf_token"_s, csrf}, {u"decision"_s, u"allow"_s}});
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(30'000));
            delete thread;
        }
        int codes = 0;
        for (const auto &response : responses) {
            if (response.status == 303 && response.header("location").contains("code="))
                ++codes;
            else
                QCOMPARE(response.status, 400);
        }
        QCOMPARE(codes, 1);
    }
    QCOMPARE(m_s->fixture().publishedEvents(u"consent.granted"_s).size(), Rounds);
}

void TestLoginFlow::stylesheetServed()
{
    BrowserClient browser = m_s->browser();
    const auto css = browser.get(PageRenderer::stylesheetPath());
    QCOMPARE(css.status, 200);
    QVERIFY(css.header("content-type").startsWith("text/css"));
    QVERIFY(css.hasHeader("etag"));
    QVERIFY(css.body.contains("prefers-color-scheme"));
    const LoginPage login = openLogin(browser, SignInScenario::authorizeUrl(u"web"_s));
    QVERIFY(login.page.body.contains("href=\"/assets/lanyard.css\""));
}

QTEST_GUILESS_MAIN(TestLoginFlow)
#include "tst_loginflow.moc"
