// SPDX-License-Identifier: GPL-3.0-or-later
// The whole browser sign-in against a real `lanyard serve`, over HTTP, as
// CONTRACT.md describes it to outside tools: endpoints found through
// discovery, the login page's form fields, the code sent back to the
// redirect URI, the token and userinfo endpoints; and what must not happen:
// an unknown client or an unregistered redirect URI is never redirected to,
// a wrong password signs nobody in, and the events the server prints never
// carry a password, a code or a token.
#include "ServeProcess.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using lanyard::test::ServeProcess;

namespace {

/// One HTTP response as the test sees it.
struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QUrl url;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QUrl location() const
    {
        const QByteArray value = header("location");
        return value.isEmpty() ? QUrl() : url.resolved(QUrl::fromEncoded(value));
    }
    bool isRedirect() const { return status >= 300 && status < 400; }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// A browser without a renderer: QNetworkAccessManager with its cookie jar,
/// redirects left to the test. Test thread only.
class Browser
{
public:
    Browser() { m_manager.setCookieJar(new QNetworkCookieJar(&m_manager)); }

    Reply get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET"_ba, url, {}, headers);
    }
    Reply post(const QUrl &url, const QList<QPair<QString, QString>> &form,
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QByteArrayList pairs;
        for (const auto &[name, value] : form)
            pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
        auto all = headers;
        all.append({"Content-Type"_ba, "application/x-www-form-urlencoded"_ba});
        return send("POST"_ba, url, pairs.join('&'), all);
    }

    Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(15'000);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply result;
        result.url = url;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }

private:
    QNetworkAccessManager m_manager;
};

/// One HTML form: method, action (resolved), inputs and buttons with their attributes.
struct Form
{
    QString method;
    QUrl action;
    QList<QMap<QString, QString>> inputs;
    QList<QMap<QString, QString>> buttons;

    QList<QMap<QString, QString>> inputsNamed(const QString &name) const
    {
        QList<QMap<QString, QString>> found;
        for (const auto &input : inputs) {
            if (input.value(u"name"_s) == name)
                found.append(input);
        }
        return found;
    }
    /// Hidden inputs: the fields a browser sends back unchanged.
    QList<QPair<QString, QString>> hiddenFields() const
    {
        QList<QPair<QString, QString>> fields;
        for (const auto &input : inputs) {
            if (input.value(u"type"_s).toLower() == u"hidden"_s && input.contains(u"name"_s))
                fields.append({input.value(u"name"_s), input.value(u"value"_s)});
        }
        return fields;
    }
};

QString unescapeHtml(QString text)
{
    static const QRegularExpression numeric(u"&#(x[0-9a-fA-F]+|[0-9]+);"_s);
    QString out;
    qsizetype last = 0;
    auto it = numeric.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        const QString digits = match.captured(1);
        bool ok = false;
        const char32_t code =
            digits.startsWith(u'x') ? digits.mid(1).toUInt(&ok, 16) : digits.toUInt(&ok);
        out += ok ? QString::fromUcs4(&code, 1) : match.captured(0);
        last = match.capturedEnd();
    }
    out += text.mid(last);
    out.replace(u"&lt;"_s, u"<"_s);
    out.replace(u"&gt;"_s, u">"_s);
    out.replace(u"&quot;"_s, u"\""_s);
    out.replace(u"&apos;"_s, u"'"_s);
    out.replace(u"&amp;"_s, u"&"_s);
    return out;
}

QMap<QString, QString> attributes(const QString &tag)
{
    static const QRegularExpression name(u"^<\\s*[a-zA-Z0-9]+"_s);
    static const QRegularExpression attribute(
        u"([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?"_s);
    QString body = tag;
    body.remove(name);
    if (body.endsWith(u'>'))
        body.chop(1);
    QMap<QString, QString> found;
    auto it = attribute.globalMatch(body);
    while (it.hasNext()) {
        const auto match = it.next();
        QString value = match.captured(2);
        if (value.isNull())
            value = match.captured(3);
        if (value.isNull())
            value = match.captured(4);
        found.insert(match.captured(1).toLower(), unescapeHtml(value));
    }
    return found;
}

QList<Form> parseForms(const QByteArray &html, const QUrl &page)
{
    static const QRegularExpression formPattern(u"(<form\\b[^>]*>)(.*?)</form\\s*>"_s,
                                                QRegularExpression::CaseInsensitiveOption |
                                                    QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression inputPattern(u"<input\\b[^>]*>"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression buttonPattern(u"<button\\b[^>]*>"_s,
                                                  QRegularExpression::CaseInsensitiveOption);
    QList<Form> forms;
    auto it = formPattern.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const auto match = it.next();
        const auto formAttributes = attributes(match.captured(1));
        Form form;
        form.method = formAttributes.value(u"method"_s, u"get"_s).toLower();
        const QString action = formAttributes.value(u"action"_s);
        form.action = action.isEmpty() ? page : page.resolved(QUrl(action));
        const QString inner = match.captured(2);
        auto inputs = inputPattern.globalMatch(inner);
        while (inputs.hasNext())
            form.inputs.append(attributes(inputs.next().captured(0)));
        auto buttons = buttonPattern.globalMatch(inner);
        while (buttons.hasNext())
            form.buttons.append(attributes(buttons.next().captured(0)));
        forms.append(form);
    }
    return forms;
}

QByteArray s256(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

const QString WebClient = u"signin-web"_s;
const QString ConsentClient = u"signin-consent"_s;
// 44 characters: Lanyard stores it with the fast hash and warns about nothing.
const QString WebSecret = u"signin-web-secret-0123456789abcdefghijklmnop"_s;
const QString Username = u"carol"_s;
const QString Password = u"Tr0ub4dor&3 is not a passphrase"_s;

QString webRedirect()
{
    return u"https://app.signin.example/callback"_s;
}

QString consentRedirect()
{
    return u"https://consent.signin.example/cb"_s;
}

QJsonObject importFile()
{
    const auto client = [](const QString &id, const QString &redirect, bool consent) {
        return QJsonObject{
            {u"client_id"_s, id},
            {u"client_secret"_s, WebSecret},
            {u"client_name"_s, u"Sign-in test "_s + id},
            {u"redirect_uris"_s, QJsonArray{redirect}},
            {u"grant_types"_s, QJsonArray{u"authorization_code"_s}},
            {u"response_types"_s, QJsonArray{u"code"_s}},
            {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
            {u"scope"_s, u"openid profile email"_s},
            {u"require_consent"_s, consent},
        };
    };
    const QJsonObject account{
        {u"username"_s, Username},
        {u"password"_s, Password},
        {u"email"_s, u"carol@example.com"_s},
        {u"email_verified"_s, false},
        {u"name"_s, u"Carol Example"_s},
    };
    return {{u"clients"_s, QJsonArray{client(WebClient, webRedirect(), false),
                                      client(ConsentClient, consentRedirect(), true)}},
            {u"accounts"_s, QJsonArray{account}}};
}

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginPageFollowsContract();
    void codeTokenUserinfo();
    void wrongPasswordSignsNobodyIn();
    void consentDenied();
    void neverRedirectedToUnregistered_data();
    void neverRedirectedToUnregistered();
    void eventsCarryNoSecrets();
    void cleanupTestCase();

private:
    /// The authorization URL for `clientId` with PKCE (verifier m_verifier).
    QUrl authorizeUrl(const QString &clientId, const QString &redirectUri,
                      const QString &state = u"st-1"_s) const;
    /// GETs `url` and follows redirects while they stay at the provider.
    Reply follow(Browser &browser, QUrl url);
    /// From the authorization URL to the page it leads to; returns that
    /// page's only form (an empty Form when it has none or several).
    Form loginForm(Browser &browser, const QUrl &authorize, Reply *page = nullptr);

    QTemporaryDir m_dir;
    ServeProcess m_server;
    QString m_issuer;
    QUrl m_authorizationEndpoint;
    QUrl m_tokenEndpoint;
    QUrl m_userinfoEndpoint;
    QByteArray m_verifier = "signin-test-verifier-0123456789-abcdefghijklmnopq"_ba;
    /// Secrets that went over the wire; the events must not contain them.
    QList<QByteArray> m_secrets;
};

void TestSignIn::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("LANYARD_BINARY"), "run through ctest");
    QVERIFY(m_dir.isValid());
    const QString db = m_dir.filePath(u"lanyard.db"_s);
    const QString file = m_dir.filePath(u"import.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(importFile()).toJson());
    out.close();
    QByteArray stdOut, stdErr;
    QVERIFY2(ServeProcess::run({u"import"_s, file, u"--db"_s, db}, &stdOut, &stdErr) == 0,
             stdErr.constData());
    QVERIFY2(m_server.start(db), qPrintable(m_server.errorString()));
    m_issuer = m_server.url().toString();
    m_secrets = {Password.toUtf8(), WebSecret.toUtf8()};

    Browser browser;
    const Reply discovery = browser.get(QUrl(m_issuer + u"/.well-known/openid-configuration"_s));
    QCOMPARE(discovery.status, 200);
    const QJsonObject document = discovery.json();
    m_authorizationEndpoint = QUrl(document[u"authorization_endpoint"_s].toString());
    m_tokenEndpoint = QUrl(document[u"token_endpoint"_s].toString());
    m_userinfoEndpoint = QUrl(document[u"userinfo_endpoint"_s].toString());
    QVERIFY2(m_authorizationEndpoint.isValid() && !m_authorizationEndpoint.isEmpty(),
             "discovery lists no authorization_endpoint");
    QVERIFY2(m_tokenEndpoint.isValid() && !m_tokenEndpoint.isEmpty(),
             "discovery lists no token_endpoint");
    QVERIFY2(!m_userinfoEndpoint.isEmpty(), "discovery lists no userinfo_endpoint");
}

QUrl TestSignIn::authorizeUrl(const QString &clientId, const QString &redirectUri,
                              const QString &state) const
{
    const QList<QPair<QString, QString>> parameters{
        {u"response_type"_s, u"code"_s},
        {u"client_id"_s, clientId},
        {u"redirect_uri"_s, redirectUri},
        {u"scope"_s, u"openid profile email"_s},
        {u"state"_s, state},
        {u"nonce"_s, u"n-0S6_WzA2Mj"_s},
        {u"code_challenge"_s, QString::fromLatin1(s256(m_verifier))},
        {u"code_challenge_method"_s, u"S256"_s},
    };
    QByteArrayList pairs;
    for (const auto &[name, value] : parameters)
        pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    QUrl url = m_authorizationEndpoint;
    url.setQuery(QString::fromLatin1(pairs.join('&')));
    return url;
}

Reply TestSignIn::follow(Browser &browser, QUrl url)
{
    Reply reply;
    for (int hops = 0; hops < 10; ++hops) {
        reply = browser.get(url);
        if (!reply.isRedirect() || !reply.location().toString().startsWith(m_issuer))
            return reply;
        url = reply.location();
    }
    return reply;
}

Form TestSignIn::loginForm(Browser &browser, const QUrl &authorize, Reply *page)
{
    const Reply reply = follow(browser, authorize);
    if (page)
        *page = reply;
    const QList<Form> forms = parseForms(reply.body, reply.url);
    return forms.size() == 1 ? forms.first() : Form{};
}

void TestSignIn::loginPageFollowsContract()
{
    Browser browser;
    Reply page;
    const Form form = loginForm(browser, authorizeUrl(WebClient, webRedirect()), &page);
    QCOMPARE(page.status, 200);
    QVERIFY2(page.header("content-type").startsWith("text/html"),
             page.header("content-type").constData());
    // CONTRACT.md: one <form method="post"> with username, password
    // (type=password), a hidden CSRF field and a submit button.
    QCOMPARE(parseForms(page.body, page.url).size(), 1);
    QCOMPARE(form.method, u"post"_s);
    QCOMPARE(form.inputsNamed(u"username"_s).size(), 1);
    const auto password = form.inputsNamed(u"password"_s);
    QCOMPARE(password.size(), 1);
    QCOMPARE(password.first().value(u"type"_s).toLower(), u"password"_s);
    bool csrf = false;
    for (const auto &[name, value] : form.hiddenFields())
        csrf |= value.size() >= 16;
    QVERIFY2(csrf, "no hidden field long enough to be a CSRF token");
    bool submit = false;
    for (const auto &button : form.buttons)
        submit |= button.value(u"type"_s, u"submit"_s).toLower() == u"submit"_s;
    QVERIFY(submit);
    // DESIGN.md: interaction pages are never cached nor framed.
    QVERIFY(page.header("cache-control").contains("no-store"));
    QVERIFY(page.header("content-security-policy").contains("frame-ancestors 'none'"));
}

void TestSignIn::codeTokenUserinfo()
{
    Browser browser;
    const Form form = loginForm(browser, authorizeUrl(WebClient, webRedirect(), u"st-flow"_s));
    QCOMPARE(form.method, u"post"_s);
    auto fields = form.hiddenFields();
    fields.append({u"username"_s, Username});
    fields.append({u"password"_s, Password});
    const Reply submitted = browser.post(form.action, fields);

    // No consent for a first-party app: straight back to the client.
    QVERIFY2(submitted.isRedirect(), submitted.body.left(400).constData());
    const QUrl callback = submitted.location();
    QCOMPARE(callback.adjusted(QUrl::RemoveQuery).toString(), webRedirect());
    const QUrlQuery response(callback);
    const QString code = response.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());
    QCOMPARE(response.queryItemValue(u"state"_s), u"st-flow"_s);
    // RFC 9207 §2.
    QCOMPARE(response.queryItemValue(u"iss"_s, QUrl::FullyDecoded), m_issuer);
    m_secrets.append(code.toUtf8());

    const QByteArray basic = "Basic " + (WebClient.toUtf8() + ':' + WebSecret.toUtf8()).toBase64();
    const QList<QPair<QString, QString>> tokenRequest{
        {u"grant_type"_s, u"authorization_code"_s},
        {u"code"_s, code},
        {u"redirect_uri"_s, webRedirect()},
        {u"code_verifier"_s, QString::fromLatin1(m_verifier)},
    };
    const Reply token = browser.post(m_tokenEndpoint, tokenRequest, {{"Authorization"_ba, basic}});
    QVERIFY2(token.status == 200, token.body.constData());
    QVERIFY(token.header("cache-control").contains("no-store"));
    const QJsonObject tokens = token.json();
    QCOMPARE(tokens[u"token_type"_s].toString(), u"Bearer"_s);
    QVERIFY(tokens[u"expires_in"_s].toInt() > 0);
    const QString accessToken = tokens[u"access_token"_s].toString();
    const QString idToken = tokens[u"id_token"_s].toString();
    QVERIFY(!accessToken.isEmpty());
    QCOMPARE(idToken.count(u'.'), 2);
    QVERIFY2(!tokens.contains(u"refresh_token"_s), "refresh token without offline_access");
    m_secrets.append(accessToken.toUtf8());
    m_secrets.append(idToken.toUtf8());

    const QJsonObject idClaims =
        QJsonDocument::fromJson(QByteArray::fromBase64(idToken.section(u'.', 1, 1).toLatin1(),
                                                       QByteArray::Base64UrlEncoding))
            .object();
    QCOMPARE(idClaims[u"iss"_s].toString(), m_issuer);
    QCOMPARE(idClaims[u"aud"_s].toString(), WebClient);
    QCOMPARE(idClaims[u"nonce"_s].toString(), u"n-0S6_WzA2Mj"_s);

    const Reply userinfo =
        browser.get(m_userinfoEndpoint, {{"Authorization"_ba, "Bearer " + accessToken.toUtf8()}});
    QVERIFY2(userinfo.status == 200, userinfo.body.constData());
    const QJsonObject claims = userinfo.json();
    QCOMPARE(claims[u"sub"_s].toString(), idClaims[u"sub"_s].toString());
    QCOMPARE(claims[u"email"_s].toString(), u"carol@example.com"_s);
    QCOMPARE(claims[u"email_verified"_s].toBool(true), false);
    QCOMPARE(claims[u"name"_s].toString(), u"Carol Example"_s);

    // RFC 6749 §4.1.2: the code works once.
    const Reply again = browser.post(m_tokenEndpoint, tokenRequest, {{"Authorization"_ba, basic}});
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json()[u"error"_s].toString(), u"invalid_grant"_s);
}

void TestSignIn::wrongPasswordSignsNobodyIn()
{
    Browser browser;
    const Form form = loginForm(browser, authorizeUrl(WebClient, webRedirect()));
    auto fields = form.hiddenFields();
    fields.append({u"username"_s, Username});
    fields.append({u"password"_s, u"not the password"_s});
    const Reply reply = browser.post(form.action, fields);
    QVERIFY2(!reply.isRedirect(), reply.header("location").constData());
    // The login page again (one generic message), nothing for the client.
    const QList<Form> forms = parseForms(reply.body, reply.url);
    QCOMPARE(forms.size(), 1);
    QCOMPARE(forms.first().inputsNamed(u"password"_s).size(), 1);
    QVERIFY(m_server.waitForEvent(u"login.failed"_s));

    // A POST without the CSRF field is refused even with the right password.
    const Form fresh = loginForm(browser, authorizeUrl(WebClient, webRedirect()));
    const Reply forged =
        browser.post(fresh.action, {{u"username"_s, Username}, {u"password"_s, Password}});
    QVERIFY2(!forged.isRedirect(), forged.header("location").constData());
    QVERIFY(forged.status >= 400);
}

void TestSignIn::consentDenied()
{
    Browser browser;
    const Form form = loginForm(browser, authorizeUrl(ConsentClient, consentRedirect(), u"st-d"_s));
    auto fields = form.hiddenFields();
    fields.append({u"username"_s, Username});
    fields.append({u"password"_s, Password});
    Reply reply = browser.post(form.action, fields);
    if (reply.isRedirect() && reply.location().toString().startsWith(m_issuer))
        reply = follow(browser, reply.location());
    // CONTRACT.md: the consent page's buttons decision=allow and =deny.
    const QList<Form> forms = parseForms(reply.body, reply.url);
    QCOMPARE(forms.size(), 1);
    QStringList decisions;
    for (const auto &button : forms.first().buttons) {
        if (button.value(u"name"_s) == u"decision"_s)
            decisions.append(button.value(u"value"_s));
    }
    decisions.sort();
    QCOMPARE(decisions, (QStringList{u"allow"_s, u"deny"_s}));

    auto decision = forms.first().hiddenFields();
    decision.append({u"decision"_s, u"deny"_s});
    const Reply denied = browser.post(forms.first().action, decision);
    QVERIFY2(denied.isRedirect(), denied.body.left(400).constData());
    const QUrl callback = denied.location();
    QCOMPARE(callback.adjusted(QUrl::RemoveQuery).toString(), consentRedirect());
    const QUrlQuery query(callback);
    // RFC 6749 §4.1.2.1.
    QCOMPARE(query.queryItemValue(u"error"_s), u"access_denied"_s);
    QCOMPARE(query.queryItemValue(u"state"_s), u"st-d"_s);
    QVERIFY(!query.hasQueryItem(u"code"_s));
    QVERIFY(m_server.waitForEvent(u"consent.denied"_s));
}

void TestSignIn::neverRedirectedToUnregistered_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("redirectUri");
    QTest::newRow("unknown client") << u"no-such-client"_s << webRedirect();
    QTest::newRow("unregistered redirect_uri")
        << WebClient << u"https://attacker.signin.example/callback"_s;
    QTest::newRow("another client's redirect_uri") << WebClient << consentRedirect();
    QTest::newRow("redirect_uri with extra path") << WebClient << webRedirect() + u"/more"_s;
}

void TestSignIn::neverRedirectedToUnregistered()
{
    QFETCH(QString, clientId);
    QFETCH(QString, redirectUri);
    Browser browser;
    const Reply reply = browser.get(authorizeUrl(clientId, redirectUri));
    // CONTRACT.md: an HTML error page with status 400, never a redirect.
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.header("location").isEmpty());
    QVERIFY2(reply.header("content-type").startsWith("text/html"),
             reply.header("content-type").constData());
    QVERIFY(reply.body.contains("<html"));
    QVERIFY(!reply.body.contains("<form"));
}

void TestSignIn::eventsCarryNoSecrets()
{
    QVERIFY(m_server.waitForEvent(u"token.issued"_s));
    QStringList types;
    for (const QJsonObject &event : m_server.events()) {
        types.append(event[u"type"_s].toString());
        const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact);
        for (const QByteArray &secret : std::as_const(m_secrets)) {
            QVERIFY2(!line.contains(secret),
                     qPrintable(u"event %1 carries a secret"_s.arg(types.last())));
            // Nor a truncated one (a JWT's first bytes are its header: no secret).
            if (secret.size() > 24 && !secret.contains('.'))
                QVERIFY2(!line.contains(secret.left(24)), line.constData());
        }
    }
    for (const QString &type :
         {u"login.succeeded"_s, u"login.failed"_s, u"token.issued"_s, u"consent.denied"_s})
        QVERIFY2(types.contains(type), qPrintable(type + u" missing in "_s + types.join(u' ')));
}

void TestSignIn::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
