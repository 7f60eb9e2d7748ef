// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/PageRenderer.h"

#include "auth/SignInLog.h"
#include "core/Protocol.h"
#include "crypto/Digest.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

struct Templates
{
    QString login;
    QString consent;
    QString error;
    QString formPost;
    QByteArray stylesheet;
    QByteArray formPostScriptSource;
};

QByteArray readResource(const QString &name)
{
    QFile file(u":/lanyard/pages/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcSignIn) << "page template missing from the resources:" << name;
        return {};
    }
    return file.readAll();
}

const Templates &templates()
{
    // Loaded once; C++ guarantees a thread-safe initialisation.
    static const Templates loaded = [] {
        Templates t;
        t.login = QString::fromUtf8(readResource(u"login.html"_s));
        t.consent = QString::fromUtf8(readResource(u"consent.html"_s));
        t.error = QString::fromUtf8(readResource(u"error.html"_s));
        t.formPost = QString::fromUtf8(readResource(u"form_post.html"_s));
        t.stylesheet = readResource(u"lanyard.css"_s);
        // CSP Level 3 §8.4 hash-source: the digest of the script element's
        // text, standard base64.
        const QByteArray bytes = t.formPost.toUtf8();
        const QByteArray open = "<script>"_ba;
        const qsizetype start = bytes.indexOf(open);
        const qsizetype end = bytes.indexOf("</script>", start);
        if (start >= 0 && end > start) {
            const QByteArray script = bytes.mid(start + open.size(), end - start - open.size());
            t.formPostScriptSource = "'sha256-" + Digest::sha256(script).toBase64() + '\'';
        }
        return t;
    }();
    return loaded;
}

QString issuerPathPrefix(const QUrl &issuer)
{
    QString path = issuer.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

PageRenderer::Values baseValues(const QUrl &issuer, const PageLanguage &language)
{
    PageRenderer::Values values;
    values.text.insert(u"stylesheet"_s, issuerPathPrefix(issuer) + PageRenderer::stylesheetPath());
    values.text.insert(u"lang"_s, language.tag());
    return values;
}

/// `value`, escaped, in `<strong>`.
QString strong(const QString &value)
{
    return u"<strong>"_s + PageRenderer::escape(value) + u"</strong>"_s;
}

/// A translated sentence as markup: the sentence escaped, then its %1
/// replaced by `markup` (which is not re-scanned).
QString sentence(const QString &translated, const QString &markup)
{
    return PageRenderer::escape(translated).arg(markup);
}

QByteArray renderPage(const QString &templateText, const PageRenderer::Values &values)
{
    return PageRenderer::render(templateText, values).toUtf8();
}

} // namespace

QString PageRenderer::escape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;"_s;
            break;
        case u'<':
            out += u"&lt;"_s;
            break;
        case u'>':
            out += u"&gt;"_s;
            break;
        case u'"':
            out += u"&quot;"_s;
            break;
        case u'\'':
            out += u"&#39;"_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

QString renderPart(QStringView tpl, const PageRenderer::Values &values, const QString *item)
{
    QString out;
    qsizetype pos = 0;
    while (pos < tpl.size()) {
        const qsizetype open = tpl.indexOf(u"{{", pos);
        if (open < 0) {
            out += tpl.sliced(pos);
            break;
        }
        out += tpl.sliced(pos, open - pos);
        const qsizetype close = tpl.indexOf(u"}}", open + 2);
        if (close < 0) {
            out += tpl.sliced(open);
            break;
        }
        const QStringView tag = tpl.sliced(open + 2, close - open - 2);
        pos = close + 2;
        if (tag.startsWith(u'#') || tag.startsWith(u'^')) {
            const bool inverted = tag.startsWith(u'^');
            const QString name = tag.sliced(1).toString();
            const QString endTag = u"{{/"_s + name + u"}}"_s;
            const qsizetype end = tpl.indexOf(endTag, pos);
            if (end < 0) {
                qCWarning(lcSignIn) << "unclosed section" << name;
                break;
            }
            const QStringView inner = tpl.sliced(pos, end - pos);
            pos = end + endTag.size();
            if (values.lists.contains(name)) {
                const QStringList list = values.lists.value(name);
                if (inverted) {
                    if (list.isEmpty())
                        out += renderPart(inner, values, item);
                } else {
                    for (const QString &entry : list)
                        out += renderPart(inner, values, &entry);
                }
            } else if ((values.text.value(name).isEmpty() && values.html.value(name).isEmpty()) ==
                       inverted) {
                out += renderPart(inner, values, item);
            }
        } else if (tag.startsWith(u'&')) {
            out += values.html.value(tag.sliced(1).toString());
        } else if (tag == u".") {
            if (item)
                out += PageRenderer::escape(*item);
        } else {
            out += PageRenderer::escape(values.text.value(tag.toString()));
        }
    }
    return out;
}

} // namespace

QString PageRenderer::render(const QString &templateText, const Values &values)
{
    return renderPart(templateText, values, nullptr);
}

// ---- Texts: every one goes through PageLanguage::translate() (lupdate
// collects them into translations/lanyard_pages_<locale>.ts). ----

QString PageRenderer::loginFailedMessage(const PageLanguage &language)
{
    // The same words for an unknown user, a wrong password, a disabled
    // account and a throttled attempt.
    return language.translate(
        "LoginPage",
        "The username or password is incorrect, or signing in is not possible right now.");
}

QString PageRenderer::scopeDescription(const QString &scope, const PageLanguage &language)
{
    if (scope == proto::scope::OpenId)
        return language.translate("ConsentPage", "Know who you are (your account identifier)");
    if (scope == proto::scope::Profile)
        return language.translate("ConsentPage", "See your name and username");
    if (scope == proto::scope::Email)
        return language.translate("ConsentPage", "See your email address");
    if (scope == proto::scope::Address)
        return language.translate("ConsentPage", "See your postal address");
    if (scope == proto::scope::Phone)
        return language.translate("ConsentPage", "See your phone number");
    if (scope == proto::scope::Groups)
        return language.translate("ConsentPage", "See the groups you belong to");
    if (scope == proto::scope::OfflineAccess)
        return language.translate("ConsentPage", "Keep this access while you are signed out");
    //: %1 is the name of a permission (an OAuth scope) this server has no description for.
    return language.translate("ConsentPage", "Use the permission “%1”").arg(scope);
}

QByteArray PageRenderer::errorPage(const PageLanguage &language, const QUrl &issuer, ErrorKind kind,
                                   const OAuthError &error)
{
    Values values = baseValues(issuer, language);
    QString title;
    QString message;
    switch (kind) {
    case ErrorKind::InvalidRequest:
        title = language.translate("ErrorPage", "This sign-in request cannot be completed");
        message = language.translate("ErrorPage",
                                     "The application sent a request this server cannot accept. "
                                     "Please tell the application's administrator.");
        values.text.insert(u"description"_s, error.description());
        if (!error.code().isEmpty()) {
            //: %1 is an OAuth error code such as invalid_request, shown as code.
            values.html.insert(u"error_code"_s,
                               sentence(language.translate("ErrorPage", "Error code: %1"),
                                        u"<code>"_s + escape(error.code()) + u"</code>"_s));
        }
        break;
    case ErrorKind::Expired:
        title = language.translate("ErrorPage", "This sign-in page has expired");
        message = language.translate("ErrorPage", "Go back to the application and sign in again.");
        break;
    case ErrorKind::Forbidden:
        title = language.translate("ErrorPage", "This form cannot be accepted");
        message = language.translate(
            "ErrorPage",
            "It was not sent from the sign-in page that belongs to it, or the page was "
            "opened in another browser. Go back to the application and sign in again.");
        break;
    case ErrorKind::Completed:
        title = language.translate("ErrorPage", "This sign-in is already complete");
        message =
            language.translate("ErrorPage", "The form was sent twice. Go back to the application.");
        break;
    case ErrorKind::ServerError:
        title = language.translate("ErrorPage", "Something went wrong");
        message = language.translate(
            "ErrorPage", "The server could not complete the request. Please try again later.");
        break;
    }
    values.text.insert(u"title"_s, title);
    values.text.insert(u"message"_s, message);
    return renderPage(templates().error, values);
}

// ---- Pages ----

QByteArray PageRenderer::loginPage(const PageLanguage &language, const QUrl &issuer,
                                   const QString &clientName, const QString &username,
                                   const QString &csrfToken, bool error)
{
    Values values = baseValues(issuer, language);
    //: The browser tab's title; %1 is the application's name.
    values.text.insert(u"page_title"_s,
                       language.translate("LoginPage", "Sign in to %1").arg(clientName));
    values.text.insert(u"heading"_s, language.translate("LoginPage", "Sign in"));
    //: Under the "Sign in" heading; %1 is the application's name, shown in bold.
    values.html.insert(u"lead"_s, sentence(language.translate("LoginPage", "to continue to %1"),
                                           strong(clientName)));
    values.text.insert(u"username_label"_s, language.translate("LoginPage", "Username"));
    values.text.insert(u"password_label"_s, language.translate("LoginPage", "Password"));
    //: The button that sends the username and password.
    values.text.insert(u"submit_label"_s, language.translate("LoginPage", "Sign in", "button"));
    values.text.insert(u"username"_s, username);
    values.text.insert(u"csrf_token"_s, csrfToken);
    if (error)
        values.text.insert(u"error"_s, loginFailedMessage(language));
    return renderPage(templates().login, values);
}

QByteArray PageRenderer::consentPage(const PageLanguage &language, const QUrl &issuer,
                                     const QString &clientName, const QString &username,
                                     const QStringList &scopes, const QString &csrfToken)
{
    Values values = baseValues(issuer, language);
    //: The browser tab's title; %1 is the application's name.
    values.text.insert(u"page_title"_s,
                       language.translate("ConsentPage", "Allow %1 access?").arg(clientName));
    values.text.insert(u"heading"_s, language.translate("ConsentPage", "Allow access?"));
    //: Followed by a list of permissions; %1 is the application's name, shown in bold.
    values.html.insert(u"lead"_s, sentence(language.translate("ConsentPage", "%1 would like to:"),
                                           strong(clientName)));
    //: Accessible name of the list of permissions.
    values.text.insert(u"scopes_label"_s, language.translate("ConsentPage", "Requested access"));
    //: %1 is the username, shown in bold.
    values.html.insert(
        u"account"_s,
        sentence(language.translate("ConsentPage", "You are signed in as %1."), strong(username)));
    values.text.insert(u"allow_label"_s, language.translate("ConsentPage", "Allow"));
    values.text.insert(u"deny_label"_s, language.translate("ConsentPage", "Deny"));
    values.text.insert(u"csrf_token"_s, csrfToken);
    QStringList descriptions;
    for (const QString &scope : scopes)
        descriptions.append(scopeDescription(scope, language));
    values.lists.insert(u"scopes"_s, descriptions);
    return renderPage(templates().consent, values);
}

QByteArray PageRenderer::formPostPage(const PageLanguage &language, const QUrl &issuer,
                                      const QString &action, const QHash<QString, QString> &fields)
{
    Values values = baseValues(issuer, language);
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        values.text.insert(it.key(), it.value());
    values.text.insert(u"action"_s, action);
    values.text.insert(u"page_title"_s,
                       language.translate("FormPostPage", "Returning to the application"));
    values.text.insert(
        u"noscript_message"_s,
        language.translate(
            "FormPostPage",
            "JavaScript is turned off. Press Continue to return to the application."));
    //: The button; the same word as "Continue" in the sentence above it.
    values.text.insert(u"continue_label"_s, language.translate("FormPostPage", "Continue"));
    return renderPage(templates().formPost, values);
}

QByteArray PageRenderer::formPostScriptSource()
{
    return templates().formPostScriptSource;
}

QByteArray PageRenderer::stylesheet()
{
    return templates().stylesheet;
}

QString PageRenderer::stylesheetPath()
{
    return u"/assets/lanyard.css"_s;
}

} // namespace lanyard
