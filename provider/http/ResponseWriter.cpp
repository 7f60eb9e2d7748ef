// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/ResponseWriter.h"

#include "core/Protocol.h"
#include "http/HttpLog.h"
#include "http/RequestContext.h"

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QByteArray JsonType = "application/json"_ba;

// RFC 6750 §3: error_description uses %x20-21 / %x23-5B / %x5D-7E only.
QByteArray challengeSafe(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    for (char &c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e || c == '"' || c == '\\')
            c = ' ';
    }
    return bytes;
}

QByteArray opaqueTag(QByteArray tag)
{
    tag = tag.trimmed();
    if (tag.startsWith("W/"))
        tag = tag.mid(2);
    return tag;
}

} // namespace

QByteArray ResponseWriter::realm()
{
    return "lanyard"_ba;
}

HttpResponse ResponseWriter::json(const QJsonObject &object, int status, Flags flags)
{
    return jsonBytes(QJsonDocument(object).toJson(QJsonDocument::Compact), status, flags);
}

HttpResponse ResponseWriter::jsonBytes(const QByteArray &json, int status, Flags flags)
{
    HttpResponse response(status, JsonType, json);
    if (flags.testFlag(Flag::NoStore))
        setNoStore(response);
    addSecurityHeaders(response);
    return response;
}

HttpResponse ResponseWriter::error(const OAuthError &error, Flags flags, Challenge challenge)
{
    const int status = error.httpStatus();
    // Anything unexpected reaches the client only as server_error; its detail
    // is for the log.
    if (error.code() == proto::error::ServerError) {
        qCWarning(lcHttp).noquote()
            << "answering" << status << error.code() << "-" << error.detail();
    } else if (!error.detail().isEmpty()) {
        qCDebug(lcHttp).noquote() << "answering" << status << error.code() << "-" << error.detail();
    }
    // Error answers are never cached (RFC 6749 §5.2 errors share §5.1's rule
    // at the token endpoint; elsewhere a cached error helps nobody).
    HttpResponse response = json(error.toJson(), status, flags | Flag::NoStore);

    if (status == 401) {
        if (challenge == Challenge::Automatic) {
            challenge =
                error.code() == proto::error::InvalidToken ? Challenge::Bearer : Challenge::Basic;
        }
        QByteArray value;
        if (challenge == Challenge::Bearer) {
            // RFC 6750 §3.
            value = "Bearer realm=\"" + realm() + '"';
            if (!error.code().isEmpty())
                value += ", error=\"" + challengeSafe(error.code()) + '"';
            if (!error.description().isEmpty())
                value += ", error_description=\"" + challengeSafe(error.description()) + '"';
        } else {
            // RFC 6749 §5.2: match the scheme the client used; RFC 7617 §2.1.
            value = "Basic realm=\"" + realm() + "\", charset=\"UTF-8\"";
        }
        response.setHeader("WWW-Authenticate"_ba, value);
    }
    return response;
}

HttpResponse ResponseWriter::cacheable(const RequestContext &request, const QByteArray &contentType,
                                       const QByteArray &body, int maxAgeSecs,
                                       const QByteArray &precomputedTag)
{
    const QByteArray etag = precomputedTag.isEmpty() ? entityTag(body) : precomputedTag;
    HttpResponse response(200, contentType, body);
    // RFC 9110 §13.1.2: for GET and HEAD, a matching If-None-Match is answered
    // 304 with the fields a 200 would carry (§15.4.5), without content.
    if (ifNoneMatch(request, etag)) {
        response = HttpResponse(304);
    }
    response.setHeader("ETag"_ba, etag);
    response.setHeader("Cache-Control"_ba,
                       "public, max-age=" + QByteArray::number(std::max(0, maxAgeSecs)));
    addSecurityHeaders(response);
    return response;
}

QByteArray ResponseWriter::entityTag(QByteArrayView bytes)
{
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return '"' + digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
           '"';
}

bool ResponseWriter::ifNoneMatch(const RequestContext &request, QByteArrayView etag)
{
    const QByteArray wanted = opaqueTag(etag.toByteArray());
    for (const QByteArray &field : request.headerValues("if-none-match")) {
        for (const QByteArray &candidate : field.split(',')) {
            const QByteArray tag = candidate.trimmed();
            // Weak comparison: "W/" prefixes are ignored.
            if (tag == "*" || opaqueTag(tag) == wanted)
                return true;
        }
    }
    return false;
}

HttpResponse ResponseWriter::html(const QByteArray &html, int status,
                                  const QByteArrayList &formActionSources)
{
    HttpResponse response(status, "text/html; charset=utf-8"_ba, html);
    setNoStore(response);
    response.setHeader("X-Frame-Options"_ba, "DENY"_ba);
    response.setHeader("Content-Security-Policy"_ba, contentSecurityPolicy(formActionSources));
    addSecurityHeaders(response);
    return response;
}

QByteArray ResponseWriter::contentSecurityPolicy(const QByteArrayList &formActionSources)
{
    QByteArray formAction = "'self'"_ba;
    for (const QByteArray &source : formActionSources) {
        // A source must not be able to end the directive.
        if (!source.isEmpty() && !source.contains(';') && !source.contains(',') &&
            !source.contains('\r') && !source.contains('\n')) {
            formAction += ' ' + source;
        }
    }
    return "default-src 'none'; style-src 'self'; img-src 'self'; form-action " + formAction +
           "; frame-ancestors 'none'; base-uri 'none'";
}

void ResponseWriter::addSecurityHeaders(HttpResponse &response)
{
    response.setHeaderIfMissing("X-Content-Type-Options"_ba, "nosniff"_ba);
    response.setHeaderIfMissing("Referrer-Policy"_ba, "no-referrer"_ba);
}

void ResponseWriter::setNoStore(HttpResponse &response)
{
    // RFC 6749 §5.1: Cache-Control: no-store and Pragma: no-cache.
    response.setHeader("Cache-Control"_ba, "no-store"_ba);
    response.setHeader("Pragma"_ba, "no-cache"_ba);
}

} // namespace lanyard
