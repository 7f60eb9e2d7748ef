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

PageRenderer::Values baseValues(const QUrl &issuer)
{
    PageRenderer::Values values;
    values.text.insert(u"stylesheet"_s, issuerPathPrefix(issuer) + PageRenderer::stylesheetPath());
    return values;
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
            } else if (values.text.value(name).isEmpty() == inverted) {
                out += renderPart(inner, values, item);
            }
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

// ---- Run-time texts: the one place to translate. ----

QString PageRenderer::loginFailedMessage()
{
    // The same words for an unknown user, a wrong password, a disabled
    // account and a throttled attempt.
    return u"The username or password is incorrect, or signing in is not possible right now."_s;
}

QString PageRenderer::scopeDescription(const QString &scope)
{
    if (scope == proto::scope::OpenId)
        return u"Know who you are (your account identifier)"_s;
    if (scope == proto::scope::Profile)
        return u"See your name and username"_s;
    if (scope == proto::scope::Email)
        return u"See your email address"_s;
    if (scope == proto::scope::Address)
        return u"See your postal address"_s;
    if (scope == proto::scope::Phone)
        return u"See your phone number"_s;
    if (scope == proto::scope::Groups)
        return u"See the groups you belong to"_s;
    if (scope == proto::scope::OfflineAccess)
        return u"Keep this access while you are signed out"_s;
    return u"Use the permission \u201c%1\u201d"_s.arg(scope);
}

QByteArray PageRenderer::errorPage(const QUrl &issuer, ErrorKind kind, const OAuthError &error)
{
    Values values = baseValues(issuer);
    QString title;
    QString message;
    switch (kind) {
    case ErrorKind::InvalidRequest:
        title = u"This sign-in request cannot be completed"_s;
        message = u"The application sent a request this server cannot accept. "
                  "Please tell the application's administrator."_s;
        values.text.insert(u"description"_s, error.description());
        values.text.insert(u"error_code"_s, error.code());
        break;
    case ErrorKind::Expired:
        title = u"This sign-in page has expired"_s;
        message = u"Go back to the application and sign in again."_s;
        break;
    case ErrorKind::Forbidden:
        title = u"This form cannot be accepted"_s;
        message = u"It was not sent from the sign-in page that belongs to it, or the page was "
                  "opened in another browser. Go back to the application and sign in again."_s;
        break;
    case ErrorKind::Completed:
        title = u"This sign-in is already complete"_s;
        message = u"The form was sent twice. Go back to the application."_s;
        break;
    case ErrorKind::ServerError:
        title = u"Something went wrong"_s;
        message = u"The server could not complete the request. Please try again later."_s;
        break;
    }
    values.text.insert(u"title"_s, title);
    values.text.insert(u"message"_s, message);
    return renderPage(templates().error, values);
}

// ---- Pages ----

QByteArray PageRenderer::loginPage(const QUrl &issuer, const QString &clientName,
                                   const QString &username, const QString &csrfToken, bool error)
{
    Values values = baseValues(issuer);
    values.text.insert(u"client_name"_s, clientName);
    values.text.insert(u"username"_s, username);
    values.text.insert(u"csrf_token"_s, csrfToken);
    if (error)
        values.text.insert(u"error"_s, loginFailedMessage());
    return renderPage(templates().login, values);
}

QByteArray PageRenderer::consentPage(const QUrl &issuer, const QString &clientName,
                                     const QString &username, const QStringList &scopes,
                                     const QString &csrfToken)
{
    Values values = baseValues(issuer);
    values.text.insert(u"client_name"_s, clientName);
    values.text.insert(u"username"_s, username);
    values.text.insert(u"csrf_token"_s, csrfToken);
    QStringList descriptions;
    for (const QString &scope : scopes)
        descriptions.append(scopeDescription(scope));
    values.lists.insert(u"scopes"_s, descriptions);
    return renderPage(templates().consent, values);
}

QByteArray PageRenderer::formPostPage(const QUrl &issuer, const QString &action,
                                      const QHash<QString, QString> &fields)
{
    Values values = baseValues(issuer);
    values.text.insert(u"action"_s, action);
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        values.text.insert(it.key(), it.value());
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
