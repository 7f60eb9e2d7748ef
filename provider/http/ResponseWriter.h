// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "http/HttpResponse.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QFlags>
#include <QJsonObject>

namespace lanyard {

class RequestContext;

/// The one place that turns results into HTTP responses: JSON bodies,
/// OAuthError answers, cacheable documents with ETags, HTML pages, and the
/// security headers every response carries. Stateless; every function may
/// be called from any thread.
class ResponseWriter
{
public:
    enum class Flag {
        /// `Cache-Control: no-store` and `Pragma: no-cache`: the token family
        /// of endpoints (RFC 6749 §5.1) and anything user-specific.
        NoStore = 0x1,
    };
    Q_DECLARE_FLAGS(Flags, Flag)

    /// Which `WWW-Authenticate` challenge a 401 carries.
    enum class Challenge {
        /// Basic for invalid_client, Bearer for invalid_token, when the
        /// status is 401 (RFC 9110 §15.5.2 requires a challenge on every 401).
        Automatic,
        /// RFC 6749 §5.2 / RFC 7617: the client authenticated with HTTP Basic.
        Basic,
        /// RFC 6750 §3: a protected resource refused the bearer token.
        Bearer,
    };

    /// The realm named in challenges.
    static QByteArray realm();

    /// `object` as `application/json`.
    static HttpResponse json(const QJsonObject &object, int status = 200, Flags flags = {});
    /// Already-serialized JSON bytes, served as they are.
    static HttpResponse jsonBytes(const QByteArray &json, int status = 200, Flags flags = {});

    /// `{"error": ..., "error_description": ...}` with the error's status
    /// (RFC 6749 §5.2), never cached. The log-only detail is logged -
    /// server_error at warning level - and never sent. A 401 carries a
    /// `WWW-Authenticate` challenge.
    static HttpResponse error(const OAuthError &error, Flags flags = {},
                              Challenge challenge = Challenge::Automatic);

    /// A public, cacheable document (discovery, JWKS): strong ETag from the
    /// bytes, `Cache-Control: public, max-age=<maxAgeSecs>`, and `304 Not
    /// Modified` when the request's If-None-Match names the same ETag
    /// (RFC 9110 §13.1.2). `entityTag` may pass entityTag(body) computed
    /// earlier.
    static HttpResponse cacheable(const RequestContext &request, const QByteArray &contentType,
                                  const QByteArray &body, int maxAgeSecs,
                                  const QByteArray &entityTag = {});
    /// The strong entity tag of `bytes`, quoted: `"<base64url of SHA-256>"`.
    static QByteArray entityTag(QByteArrayView bytes);
    /// RFC 9110 §13.1.2: If-None-Match matches `etag` ("*" or a weak match).
    static bool ifNoneMatch(const RequestContext &request, QByteArrayView etag);

    /// An HTML page: `text/html; charset=utf-8`, never cached, never framed
    /// (`X-Frame-Options: DENY`, CSP `frame-ancestors 'none'`), with a strict
    /// Content-Security-Policy. `formActionSources` extends CSP `form-action`
    /// beyond 'self' (browsers apply it to redirects after a form post, so a
    /// login form that redirects to a client must name its origin).
    static HttpResponse html(const QByteArray &html, int status = 200,
                             const QByteArrayList &formActionSources = {});
    /// The Content-Security-Policy html() sends.
    static QByteArray contentSecurityPolicy(const QByteArrayList &formActionSources = {});

    /// Adds `X-Content-Type-Options: nosniff` and `Referrer-Policy:
    /// no-referrer` where missing. The router applies it to every response.
    static void addSecurityHeaders(HttpResponse &response);
    /// `Cache-Control: no-store` and `Pragma: no-cache`.
    static void setNoStore(HttpResponse &response);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ResponseWriter::Flags)

} // namespace lanyard
