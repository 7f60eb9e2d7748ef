// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "http/Endpoint.h"
#include "http/EndpointDescription.h"
#include "http/HttpResponse.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

namespace lanyard {

class RequestContext;

/// Maps request paths to endpoints: exact matches under the issuer's path;
/// unknown path → JSON 404; known path, wrong method → 405 with `Allow`;
/// HEAD served by GET handlers; OPTIONS answered with `Allow`, or as a CORS
/// preflight for public endpoints, or by the endpoint itself when its
/// methods list OPTIONS; unrecognized methods → 501.
///
/// Threads: build it (add()) on one thread, then share it as
/// `std::shared_ptr<const Router>`; route() and mounted() are then safe from
/// any number of threads. It must not change once shared.
class Router
{
public:
    /// A router whose endpoints live under `issuer`'s path, any terminating
    /// '/' removed (OpenID Connect Discovery §4).
    explicit Router(const QUrl &issuer = {});

    /// Mounts `endpoint` at mountPrefix() + its description's path. Fails on
    /// a path that does not start with '/', an empty method set, or a path
    /// mounted already.
    Result<void, Error> add(std::shared_ptr<Endpoint> endpoint);

    /// Answers `request`. Every response gets the common security headers.
    HttpResponse route(const RequestContext &request) const;

    /// The mounted endpoints' descriptions, in mount order: what discovery lists.
    QList<EndpointDescription> mounted() const;

    /// The issuer's path without a terminating '/' ("" or "/tenant").
    QString mountPrefix() const { return m_prefix; }
    static QString mountPrefixFor(const QUrl &issuer);

    /// The `Allow` value for `methods` (GET brings HEAD; OPTIONS always).
    static QByteArray allowHeader(QHttpServerRequest::Methods methods);

private:
    struct Mount
    {
        EndpointDescription description;
        std::shared_ptr<Endpoint> endpoint;
    };

    HttpResponse dispatch(const RequestContext &request) const;

    QString m_prefix;
    QList<Mount> m_mounts;
    QHash<QString, qsizetype> m_byPath;
};

} // namespace lanyard
