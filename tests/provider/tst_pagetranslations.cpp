// SPDX-License-Identifier: GPL-3.0-or-later
// The browser pages in the reader's language, over real HTTP through the
// authorization endpoint: ui_locales (kept with the interaction), then
// Accept-Language, then English; Simplified Chinese labels on the login,
// consent, error and form_post pages; discovery's ui_locales_supported.
#include "BrowserClient.h"
#include "SignInScenario.h"

#include "endpoints/AuthorizationEndpoint.h"
#include "endpoints/DiscoveryNames.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::BrowserClient;
using lanyard::test::SignInScenario;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers languageHeaders(const QByteArray &value)
{
    if (value.isNull())
        return {};
    return {{"Accept-Language"_ba, value}};
}

QString authorizeTarget(const QString &clientId, const QString &uiLocales,
                        const QString &responseMode = {})
{
    SignInScenario::Params params = SignInScenario::defaultParams(clientId);
    if (!uiLocales.isNull())
        params = SignInScenario::with(params, u"ui_locales"_s, uiLocales);
    if (!responseMode.isNull())
        params = SignInScenario::with(params, u"response_mode"_s, responseMode);
    return SignInScenario::authorizeTarget(params);
}

/// The page's text as UTF-8, for contains() with Chinese literals.
QByteArray utf8(const char16_t *text)
{
    return QString::fromUtf16(text).toUtf8();
}

/// Every label of the login page in English and in Simplified Chinese.
const QList<QPair<QByteArray, QByteArray>> &loginLabels()
{
    static const QList<QPair<QByteArray, QByteArray>> labels{
        {"<html lang=\"en\">"_ba, "<html lang=\"zh-CN\">"_ba},
        {"<title>Sign in to Intranet</title>"_ba, utf8(u"<title>登录 Intranet</title>")},
        {"<h1 id=\"title\">Sign in</h1>"_ba, utf8(u"<h1 id=\"title\">登录</h1>")},
        {"to continue to <strong>Intranet</strong>"_ba,
         utf8(u"继续前往 <strong>Intranet</strong>")},
        {"<label for=\"username\">Username</label>"_ba,
         utf8(u"<label for=\"username\">用户名</label>")},
        {"<label for=\"password\">Password</label>"_ba,
         utf8(u"<label for=\"password\">密码</label>")},
        {"class=\"primary\">Sign in</button>"_ba, utf8(u"class=\"primary\">登录</button>")},
    };
    return labels;
}

/// Empty when `body` has every label of `language` ("en" or "zh-CN") and
/// none of the other one; otherwise what is wrong.
QString checkLoginLabels(const QByteArray &body, const QString &language)
{
    const bool chinese = language == u"zh-CN"_s;
    for (const auto &[english, translated] : loginLabels()) {
        const QByteArray &wanted = chinese ? translated : english;
        const QByteArray &unwanted = chinese ? english : translated;
        if (!body.contains(wanted))
            return u"missing: "_s + QString::fromUtf8(wanted);
        if (body.contains(unwanted))
            return u"unexpected: "_s + QString::fromUtf8(unwanted);
    }
    return {};
}

} // namespace

class TestPageTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loginPageLanguage_data();
    void loginPageLanguage();
    void failedLoginKeepsLanguage();
    void consentPageInChinese();
    void errorPageLanguage_data();
    void errorPageLanguage();
    void formPostPageInChinese();
    void valuesStayEscaped();
    void discoveryListsUiLocales();

private:
    std::unique_ptr<SignInScenario> m_s;
};

void TestPageTranslations::init()
{
    m_s = std::make_unique<SignInScenario>();
    QVERIFY2(m_s->error.isEmpty(), qPrintable(m_s->error));
}

void TestPageTranslations::cleanup()
{
    m_s.reset();
}

void TestPageTranslations::loginPageLanguage_data()
{
    QTest::addColumn<QString>("uiLocales");
    QTest::addColumn<QByteArray>("acceptLanguage");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ui_locales=zh-CN") << u"zh-CN"_s << QByteArray() << u"zh-CN"_s;
    QTest::newRow("Accept-Language: zh-CN") << QString() << "zh-CN"_ba << u"zh-CN"_s;
    QTest::newRow("Chinese browser")
        << QString() << "zh-CN,zh;q=0.9,en-US;q=0.8,en;q=0.7"_ba << u"zh-CN"_s;
    QTest::newRow("ui_locales=zh") << u"zh"_s << QByteArray() << u"zh-CN"_s;
    QTest::newRow("first supported of ui_locales")
        << u"de zh-CN en"_s << QByteArray() << u"zh-CN"_s;
    QTest::newRow("ui_locales over Accept-Language (zh)") << u"zh-CN"_s << "en-US"_ba << u"zh-CN"_s;
    QTest::newRow("unsupported ui_locales, then Accept-Language")
        << u"de fr"_s << "zh-CN"_ba << u"zh-CN"_s;
    QTest::newRow("Chinese preferred by weight")
        << QString() << "en;q=0.5, zh-CN;q=0.8"_ba << u"zh-CN"_s;

    QTest::newRow("nothing asked: English") << QString() << QByteArray() << u"en"_s;
    QTest::newRow("ui_locales over Accept-Language (en)") << u"en"_s << "zh-CN"_ba << u"en"_s;
    QTest::newRow("English preferred by weight")
        << QString() << "zh-CN;q=0.5, en;q=0.8"_ba << u"en"_s;
    QTest::newRow("unknown ui_locales") << u"xq"_s << QByteArray() << u"en"_s;
    QTest::newRow("unknown Accept-Language") << QString() << "de-DE,fr;q=0.8"_ba << u"en"_s;
    QTest::newRow("unknown both") << u"fr-CA"_s << "de"_ba << u"en"_s;
    QTest::newRow("Traditional Chinese") << u"zh-TW"_s << "zh-HK"_ba << u"en"_s;
    QTest::newRow("Chinese refused (q=0)") << QString() << "zh-CN;q=0"_ba << u"en"_s;
    QTest::newRow("malformed ui_locales") << u"<zh-CN>"_s << QByteArray() << u"en"_s;
    QTest::newRow("malformed Accept-Language") << QString() << "zh-CN;q=2"_ba << u"en"_s;
}

void TestPageTranslations::loginPageLanguage()
{
    QFETCH(QString, uiLocales);
    QFETCH(QByteArray, acceptLanguage);
    QFETCH(QString, expected);

    BrowserClient browser = m_s->browser();
    const Headers headers = languageHeaders(acceptLanguage);
    const auto started = browser.get(authorizeTarget(u"web"_s, uiLocales), headers);
    QCOMPARE(started.status, 302);
    // The interaction page's URL has no ui_locales: the interaction keeps it.
    const QString pageUrl = QString::fromUtf8(started.header("location"));
    QVERIFY(!pageUrl.contains(u"ui_locales"_s));
    const auto page = browser.get(pageUrl, headers);
    QCOMPARE(page.status, 200);
    const QString problem = checkLoginLabels(page.body, expected);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The form still works as the contract says, whatever the language.
    QVERIFY(page.body.contains("<input name=\"username\""));
    QVERIFY(page.body.contains("<input name=\"password\" type=\"password\""));
}

void TestPageTranslations::failedLoginKeepsLanguage()
{
    // The form post carries neither ui_locales nor Accept-Language: the
    // language comes from the stored authorization request.
    BrowserClient browser = m_s->browser();
    QString pageUrl;
    const auto failed = m_s->signIn(browser, authorizeTarget(u"web"_s, u"zh-CN"_s), u"alice"_s,
                                    u"wrong password"_s, &pageUrl);
    QCOMPARE(failed.status, 200);
    QVERIFY(failed.body.contains(utf8(u"用户名或密码不正确，或当前无法登录。")));
    QVERIFY(!failed.body.contains("The username or password is incorrect"));
    const QString problem = checkLoginLabels(failed.body, u"zh-CN"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The same in English without a language.
    BrowserClient other = m_s->browser();
    const auto english =
        m_s->signIn(other, authorizeTarget(u"web"_s, {}), u"alice"_s, u"wrong password"_s);
    QVERIFY(english.body.contains("The username or password is incorrect"));
    QVERIFY(!english.body.contains(utf8(u"用户名或密码不正确")));
}

void TestPageTranslations::consentPageInChinese()
{
    BrowserClient browser = m_s->browser();
    QString pageUrl;
    const auto afterLogin = m_s->signIn(browser, authorizeTarget(u"consent"_s, u"zh-CN"_s),
                                        u"alice"_s, SignInScenario::password(), &pageUrl);
    QCOMPARE(afterLogin.status, 303);
    const auto consent = browser.get(pageUrl);
    QCOMPARE(consent.status, 200);
    QVERIFY(consent.body.contains("<html lang=\"zh-CN\">"));
    for (const char16_t *text :
         {u"<h1 id=\"title\">是否允许访问？</h1>", u"请求获得以下权限：",
          u"aria-label=\"请求的权限\"", u"<li>识别您的身份（您的账户标识）</li>",
          u"<li>查看您的姓名和用户名</li>", u"您已以 <strong>alice</strong> 的身份登录。",
          u"value=\"allow\" type=\"submit\" class=\"primary\">允许</button>",
          u"value=\"deny\" type=\"submit\" class=\"secondary\">拒绝</button>"}) {
        QVERIFY2(consent.body.contains(utf8(text)), qPrintable(QString::fromUtf16(text)));
    }
    for (const char *english : {"Allow access?", "would like to", "You are signed in as",
                                "See your name", ">Allow<", ">Deny<"}) {
        QVERIFY2(!consent.body.contains(english), english);
    }
    // Deciding still works.
    const auto decided = browser.post(
        pageUrl, {{u"csrf_token"_s, BrowserClient::inputValue(consent.body, u"csrf_token"_s)},
                  {u"decision"_s, u"allow"_s}});
    QCOMPARE(decided.status, 303);
    QVERIFY(decided.header("location").contains("code="));
}

void TestPageTranslations::errorPageLanguage_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("acceptLanguage");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("chineseTitle");
    QTest::addColumn<QString>("englishTitle");

    const QString unknownClient = SignInScenario::authorizeTarget(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"client_id"_s, u"nobody"_s));
    const QString unknownClientZh = SignInScenario::authorizeTarget(SignInScenario::with(
        SignInScenario::with(SignInScenario::defaultParams(u"web"_s), u"client_id"_s, u"nobody"_s),
        u"ui_locales"_s, u"zh-CN"_s));
    const QString invalid = u"无法完成此登录请求"_s;
    const QString invalidEn = u"This sign-in request cannot be completed"_s;
    const QString expired = u"此登录页面已过期"_s;
    const QString expiredEn = u"This sign-in page has expired"_s;

    QTest::newRow("unknown client, Accept-Language zh-CN")
        << unknownClient << "zh-CN"_ba << 400 << invalid << QString();
    QTest::newRow("unknown client, ui_locales zh-CN")
        << unknownClientZh << QByteArray() << 400 << invalid << QString();
    QTest::newRow("unknown client, English")
        << unknownClient << QByteArray() << 400 << QString() << invalidEn;
    QTest::newRow("unknown client, unknown language")
        << unknownClient << "tlh"_ba << 400 << QString() << invalidEn;
    QTest::newRow("expired interaction, Accept-Language zh")
        << u"/interaction?id=unknown"_s << "zh;q=0.9"_ba << 400 << expired << QString();
    QTest::newRow("expired interaction, English")
        << u"/interaction?id=unknown"_s << "en-GB"_ba << 400 << QString() << expiredEn;
}

void TestPageTranslations::errorPageLanguage()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, acceptLanguage);
    QFETCH(int, status);
    QFETCH(QString, chineseTitle);
    QFETCH(QString, englishTitle);

    BrowserClient browser = m_s->browser();
    const auto page = browser.get(target, languageHeaders(acceptLanguage));
    QCOMPARE(page.status, status);
    if (!chineseTitle.isEmpty()) {
        QVERIFY(page.body.contains("<html lang=\"zh-CN\">"));
        QVERIFY(page.body.contains((u"<h1 id=\"title\">"_s + chineseTitle + u"</h1>"_s).toUtf8()));
        QVERIFY(!page.body.contains("Go back to the application"));
        QVERIFY(!page.body.contains("The application sent a request"));
    } else {
        QVERIFY(page.body.contains("<html lang=\"en\">"));
        QVERIFY(page.body.contains((u"<h1 id=\"title\">"_s + englishTitle + u"</h1>"_s).toUtf8()));
    }
    if (target.startsWith(u"/authorize"_s)) {
        // The error code stays as the protocol spells it.
        QVERIFY(page.body.contains("<code>invalid_request</code>") ||
                page.body.contains("<code>invalid_client</code>"));
        QVERIFY(page.body.contains(chineseTitle.isEmpty() ? "Error code: <code>"_ba
                                                          : utf8(u"错误代码：<code>")));
    }
}

void TestPageTranslations::formPostPageInChinese()
{
    BrowserClient browser = m_s->browser();
    const auto signedIn = m_s->signIn(browser, SignInScenario::authorizeUrl(u"web"_s), u"alice"_s);
    QCOMPARE(signedIn.status, 303);
    // Single sign-on with form_post: the page is answered at once.
    const auto page = browser.get(authorizeTarget(u"web"_s, u"zh-CN"_s, u"form_post"_s));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("<html lang=\"zh-CN\">"));
    QVERIFY(page.body.contains(utf8(u"<title>正在返回应用</title>")));
    QVERIFY(page.body.contains(utf8(u"class=\"primary\">继续</button>")));
    QVERIFY(!page.body.contains("Returning to the application"));
    QVERIFY(page.body.contains("name=\"code\""));

    const auto english = browser.get(authorizeTarget(u"web"_s, {}, u"form_post"_s));
    QVERIFY(english.body.contains("<html lang=\"en\">"));
    QVERIFY(english.body.contains("<title>Returning to the application</title>"));
}

void TestPageTranslations::valuesStayEscaped()
{
    // A translated sentence around a name: the name is still escaped.
    Client evil = SignInScenario::client(u"web"_s);
    evil.clientName = u"<script>alert(1)</script> & co"_s;
    QVERIFY(m_s->saveClient(evil).isEmpty());
    BrowserClient browser = m_s->browser();
    const auto started = browser.get(authorizeTarget(u"web"_s, u"zh-CN"_s));
    const auto page = browser.get(QString::fromUtf8(started.header("location")));
    QVERIFY(!page.body.contains("<script>"));
    QVERIFY(page.body.contains(
        utf8(u"继续前往 <strong>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</strong>")));
    QVERIFY(page.body.contains(utf8(u"<title>登录 &lt;script&gt;")));
}

void TestPageTranslations::discoveryListsUiLocales()
{
    const AuthorizationEndpoint endpoint(m_s->services());
    const QJsonObject metadata = endpoint.description().discoveryMetadata;
    // Discovery §3 ui_locales_supported: "Languages and scripts supported
    // for the user interface, represented as a JSON array of BCP47 language
    // tag values."
    QCOMPARE(metadata.value(discovery::UiLocalesSupported).toArray(),
             QJsonArray({u"en"_s, u"zh-CN"_s}));
}

QTEST_GUILESS_MAIN(TestPageTranslations)
#include "tst_pagetranslations.moc"
