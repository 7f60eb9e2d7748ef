// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/ClientCors.h"

#include "http/RequestContext.h"
#include "http/Router.h"
#include "model/Client.h"
#include "store/ClientStore.h"

#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// Origins longer than this are no origin a client registered.
constexpr qsizetype MaxOriginLength = 2048;

void addVaryOrigin(HttpResponse &response)
{
    const QByteArray vary = response.header("Vary");
    if (vary.isEmpty())
        response.setHeader("Vary"_ba, "Origin"_ba);
    else if (!vary.toLower().contains("origin"))
        response.setHeader("Vary"_ba, vary + ", Origin");
}

} // namespace

QString ClientCors::requestOrigin(const RequestContext &request)
{
    const QList<QByteArray> origins = request.headerValues("origin");
    if (origins.size() != 1)
        return {};
    const QByteArray origin = origins.first().trimmed();
    // RFC 6454 §7.1: "null" is the origin of privacy-sensitive contexts
    // (sandboxed frames, file: pages); no client registers it.
    if (origin.isEmpty() || origin == "null" || origin.size() > MaxOriginLength)
        return {};
    return QString::fromLatin1(origin);
}

QString ClientCors::originOf(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid())
        return {};
    // RFC 6454 §4: scheme and host are compared in lower case; §6.1 omits
    // the port when it is the scheme's default.
    const QString scheme = url.scheme().toLower();
    int defaultPort = 0;
    if (scheme == u"https"_s)
        defaultPort = 443;
    else if (scheme == u"http"_s)
        defaultPort = 80;
    else
        return {};
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.isEmpty())
        return {};
    QString origin = scheme + u"://"_s + (host.contains(u':') ? u'[' + host + u']' : host);
    const int port = url.port(defaultPort);
    if (port != defaultPort)
        origin += u':' + QString::number(port);
    return origin;
}

bool ClientCors::allows(const Client &client, const QString &origin)
{
    if (origin.isEmpty())
        return false;
    // Browsers send the serialization of §6.1; compare it with that of each
    // registered redirect URI (a case difference in the header is not the
    // same origin, RFC 6454 §5 compares serializations).
    for (const QString &uri : client.redirectUris) {
        const QString registered = originOf(uri);
        if (!registered.isEmpty() && registered == origin)
            return true;
    }
    return false;
}

void ClientCors::allow(HttpResponse &response, const QString &origin)
{
    // Fetch standard, CORS protocol: one origin, never "*" with anything a
    // page must not share; no Access-Control-Allow-Credentials (see class
    // comment).
    response.setHeader("Access-Control-Allow-Origin"_ba, origin.toLatin1());
    response.setHeader("Access-Control-Expose-Headers"_ba, "WWW-Authenticate"_ba);
    addVaryOrigin(response);
}

Result<bool, Error> ClientCors::anyClientAllows(const ClientStore &clients, const QString &origin)
{
    if (origin.isEmpty())
        return false;
    auto all = clients.list();
    if (!all)
        return all.error();
    return std::any_of(all->cbegin(), all->cend(),
                       [&origin](const Client &client) { return allows(client, origin); });
}

void ClientCors::finish(HttpResponse &response, const QString &origin, Verdict verdict,
                        const ClientStore &clients)
{
    if (origin.isEmpty())
        return;
    bool readable = verdict == Verdict::Allowed;
    if (verdict == Verdict::ClientUnknown) {
        // A store failure only costs the page the error's details.
        readable = anyClientAllows(clients, origin).valueOr(false);
    }
    if (readable)
        allow(response, origin);
    else
        addVaryOrigin(response);
}

Result<HttpResponse, Error> ClientCors::preflight(const RequestContext &request,
                                                  const ClientStore &clients,
                                                  QHttpServerRequest::Methods methods)
{
    const QByteArray allowHeader = Router::allowHeader(methods);
    HttpResponse response(204);
    response.setHeader("Allow"_ba, allowHeader);
    addVaryOrigin(response);
    const QString origin = requestOrigin(request);
    // Fetch standard: a CORS-preflight request is an OPTIONS request with
    // Origin and Access-Control-Request-Method.
    if (origin.isEmpty() || !request.hasHeader("access-control-request-method"))
        return response;
    auto registered = anyClientAllows(clients, origin);
    if (!registered)
        return registered.error();
    if (!*registered)
        return response;
    QByteArray allowed = allowHeader;
    allowed.replace(", OPTIONS", "");
    response.setHeader("Access-Control-Allow-Origin"_ba, origin.toLatin1());
    response.setHeader("Access-Control-Allow-Methods"_ba, allowed);
    // What the token and userinfo endpoints read: client or bearer
    // credentials, and the form body's media type (not CORS-safelisted
    // together with Authorization).
    response.setHeader("Access-Control-Allow-Headers"_ba, "Authorization, Content-Type"_ba);
    response.setHeader("Access-Control-Max-Age"_ba, QByteArray::number(PreflightMaxAgeSecs));
    return response;
}

} // namespace lanyard
