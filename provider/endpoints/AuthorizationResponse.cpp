// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/AuthorizationResponse.h"

#include "auth/SignInLog.h"
#include "core/Protocol.h"
#include "endpoints/PageRenderer.h"
#include "http/ResponseWriter.h"

#include <QHash>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

namespace param = proto::param;

// RFC 6749 §4.1.2.1: error_description "MUST NOT include characters
// outside the set %x20-21 / %x23-5B / %x5D-7E."
QString safeDescription(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u > 0x7e || u == u'"' || u == u'\\')
            c = u'?';
    }
    return out;
}

} // namespace

QString AuthorizationResponse::redirectUrl(const QString &redirectUri,
                                           const QList<QPair<QString, QString>> &params)
{
    // The registered string is kept byte for byte; only encoded pairs are
    // appended (a registered URI never has a fragment: RFC 6749 §3.1.2).
    QString url = redirectUri;
    for (const auto &[name, value] : params) {
        if (!url.contains(u'?'))
            url += u'?';
        else if (!url.endsWith(u'?') && !url.endsWith(u'&'))
            url += u'&';
        url += QString::fromLatin1(QUrl::toPercentEncoding(name)) + u'=' +
               QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    return url;
}

QByteArray AuthorizationResponse::formActionSource(const QString &redirectUri)
{
    const QUrl url(redirectUri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    const bool web = scheme == u"http"_s || scheme == u"https"_s;
    // CSP host-source has no IPv6 literal form; a scheme-source it is.
    const bool ipv6 = QHostAddress(url.host()).protocol() == QAbstractSocket::IPv6Protocol;
    if (!web || url.host().isEmpty() || ipv6)
        return scheme.toLatin1() + ':';
    QByteArray source = scheme.toLatin1() + "://" + url.host(QUrl::FullyEncoded).toLatin1();
    if (url.port() >= 0)
        source += ':' + QByteArray::number(url.port());
    return source;
}

QByteArray AuthorizationResponse::contentSecurityPolicy(const QString &redirectUri,
                                                        bool withFormPostScript)
{
    const QByteArray source = formActionSource(redirectUri);
    QByteArray policy = ResponseWriter::contentSecurityPolicy(
        source.isEmpty() ? QByteArrayList() : QByteArrayList{source});
    if (withFormPostScript && !PageRenderer::formPostScriptSource().isEmpty())
        policy += "; script-src " + PageRenderer::formPostScriptSource();
    return policy;
}

HttpResponse AuthorizationResponse::success(const AuthorizationRequest &request,
                                            const QString &code, const QUrl &issuer,
                                            int redirectStatus)
{
    // RFC 6749 §4.1.2: code, and state "if the "state" parameter was present
    // in the client authorization request"; RFC 9207 §2: iss.
    QList<QPair<QString, QString>> params{{param::Code, code}};
    if (!request.state.isEmpty())
        params.append({param::State, request.state});
    params.append({param::Iss, issuer.toString(QUrl::FullyEncoded)});
    return respond(request, params, issuer, redirectStatus);
}

HttpResponse AuthorizationResponse::error(const AuthorizationRequest &target,
                                          const OAuthError &error, const QUrl &issuer,
                                          int redirectStatus)
{
    if (error.code() == proto::error::ServerError)
        qCWarning(lcSignIn).noquote() << "authorization failed:" << error.detail();
    else if (!error.detail().isEmpty())
        qCDebug(lcSignIn).noquote() << "authorization refused:" << error.code() << error.detail();
    QList<QPair<QString, QString>> params{{param::Error, error.code()}};
    if (!error.description().isEmpty())
        params.append({param::ErrorDescription, safeDescription(error.description())});
    if (!target.state.isEmpty())
        params.append({param::State, target.state});
    params.append({param::Iss, issuer.toString(QUrl::FullyEncoded)});
    return respond(target, params, issuer, redirectStatus);
}

HttpResponse AuthorizationResponse::respond(const AuthorizationRequest &target,
                                            const QList<QPair<QString, QString>> &params,
                                            const QUrl &issuer, int redirectStatus)
{
    if (target.responseMode == proto::response_mode::FormPost) {
        // OAuth 2.0 Form Post Response Mode §2: "the Authorization Response
        // parameters are encoded as HTML form values that are auto-submitted
        // in the User Agent, and thus are transmitted via the HTTP POST method
        // to the Client".
        QHash<QString, QString> fields;
        for (const auto &[name, value] : params)
            fields.insert(name, value);
        // Only the request's ui_locales is at hand here; the page is seen
        // only when JavaScript is off.
        HttpResponse response = ResponseWriter::html(
            PageRenderer::formPostPage(PageLanguage::negotiate(target.uiLocales, {}), issuer,
                                       target.redirectUri, fields),
            200);
        response.setHeader("Content-Security-Policy"_ba,
                           contentSecurityPolicy(target.redirectUri, true));
        return response;
    }
    HttpResponse response(redirectStatus);
    response.setHeader("Location"_ba, redirectUrl(target.redirectUri, params).toUtf8());
    // The Location carries a code: never cached. (The router adds
    // Referrer-Policy: no-referrer to every response.)
    ResponseWriter::setNoStore(response);
    return response;
}

} // namespace lanyard
