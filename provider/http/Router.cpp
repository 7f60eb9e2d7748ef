// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/Router.h"

#include "core/OAuthError.h"
#include "http/RequestContext.h"
#include "http/ResponseWriter.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using Method = QHttpServerRequest::Method;
using Methods = QHttpServerRequest::Methods;

// Not an OAuth code: the HTTP-level failure in the same JSON shape.
constexpr QLatin1StringView NotImplemented{"not_implemented"};

Methods effectiveMethods(Methods methods)
{
    // RFC 9110 §9.3.2: HEAD is GET without content; §9.3.7 OPTIONS.
    if (methods.testFlag(Method::Get))
        methods |= Method::Head;
    return methods | Method::Options;
}

} // namespace

Router::Router(const QUrl &issuer) : m_prefix(mountPrefixFor(issuer)) {}

QString Router::mountPrefixFor(const QUrl &issuer)
{
    QString path = issuer.path(QUrl::FullyDecoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

QByteArray Router::allowHeader(Methods methods)
{
    static const QList<QPair<Method, QByteArray>> order = {
        {Method::Get, "GET"_ba},         {Method::Head, "HEAD"_ba},   {Method::Post, "POST"_ba},
        {Method::Put, "PUT"_ba},         {Method::Patch, "PATCH"_ba}, {Method::Delete, "DELETE"_ba},
        {Method::Options, "OPTIONS"_ba},
    };
    const Methods effective = effectiveMethods(methods);
    QByteArrayList names;
    for (const auto &[method, name] : order) {
        if (effective.testFlag(method))
            names.append(name);
    }
    return names.join(", ");
}

Result<void, Error> Router::add(std::shared_ptr<Endpoint> endpoint)
{
    if (!endpoint)
        return Error::invalid(u"No endpoint to mount."_s);
    EndpointDescription description = endpoint->description();
    if (!description.path.startsWith(u'/'))
        return Error::invalid(u"Endpoint path %1 does not start with '/'."_s.arg(description.path));
    if (description.methods == Methods())
        return Error::invalid(u"Endpoint %1 accepts no method."_s.arg(description.path));
    const QString fullPath = m_prefix + description.path;
    if (m_byPath.contains(fullPath))
        return Error::conflict(u"Endpoint path %1 is mounted already."_s.arg(fullPath));
    m_byPath.insert(fullPath, m_mounts.size());
    m_mounts.append({std::move(description), std::move(endpoint)});
    return {};
}

QList<EndpointDescription> Router::mounted() const
{
    QList<EndpointDescription> descriptions;
    descriptions.reserve(m_mounts.size());
    for (const Mount &mount : m_mounts)
        descriptions.append(mount.description);
    return descriptions;
}

HttpResponse Router::route(const RequestContext &request) const
{
    HttpResponse response = dispatch(request);
    ResponseWriter::addSecurityHeaders(response);
    return response;
}

HttpResponse Router::dispatch(const RequestContext &request) const
{
    // RFC 9110 §9.1: an unrecognized method SHOULD be answered 501.
    if (request.method() == Method::Unknown) {
        return ResponseWriter::error(OAuthError(NotImplemented, u"Method not implemented."_s, 501));
    }
    const auto found = m_byPath.constFind(request.path());
    if (found == m_byPath.constEnd())
        return ResponseWriter::error(OAuthError::notFound());
    const Mount &mount = m_mounts.at(*found);
    const Methods allowed = effectiveMethods(mount.description.methods);
    const QByteArray allow = allowHeader(mount.description.methods);

    // An endpoint that lists OPTIONS answers it itself (client-based CORS
    // preflights); for every other endpoint the router does.
    const bool ownOptions = mount.description.methods.testFlag(Method::Options);
    if (request.method() == Method::Options && !ownOptions) {
        HttpResponse response(204);
        // Fetch standard, CORS protocol: a preflight is an OPTIONS request
        // with Origin and Access-Control-Request-Method.
        const bool preflight =
            request.hasHeader("origin") && request.hasHeader("access-control-request-method");
        if (mount.description.publicCors && preflight) {
            QByteArray methods = allow;
            methods.replace(", OPTIONS", "");
            response.setHeader("Access-Control-Allow-Origin"_ba, "*"_ba);
            response.setHeader("Access-Control-Allow-Methods"_ba, methods);
            response.setHeader("Access-Control-Allow-Headers"_ba, "If-None-Match"_ba);
            response.setHeader("Access-Control-Max-Age"_ba, "600"_ba);
        }
        response.setHeader("Allow"_ba, allow);
        return response;
    }

    if (!allowed.testFlag(request.method())) {
        // RFC 9110 §15.5.6: a 405 MUST carry Allow.
        HttpResponse response = ResponseWriter::error(OAuthError::methodNotAllowed());
        response.setHeader("Allow"_ba, allow);
        if (mount.description.publicCors)
            response.setHeader("Access-Control-Allow-Origin"_ba, "*"_ba);
        return response;
    }

    HttpResponse response = mount.endpoint->handle(request);
    if (request.method() == Method::Options)
        response.setHeaderIfMissing("Allow"_ba, allow);
    if (mount.description.publicCors)
        response.setHeaderIfMissing("Access-Control-Allow-Origin"_ba, "*"_ba);
    return response;
}

} // namespace lanyard
