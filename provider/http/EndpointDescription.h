// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHttpServerRequest>
#include <QJsonObject>
#include <QString>

namespace lanyard {

/// What an endpoint tells the router and discovery about itself. Plain value.
struct EndpointDescription
{
    /// Path relative to the issuer, starting with '/' (`/jwks`). The router
    /// serves it under the issuer's path (OpenID Connect Discovery §4).
    QString path;
    /// Methods handle() accepts. GET brings HEAD with it. OPTIONS is
    /// answered by the router unless listed here: then handle() answers it
    /// (client-based CORS preflights, auth/ClientCors).
    QHttpServerRequest::Methods methods;
    /// A public, read-only resource any web origin may read: the router adds
    /// `Access-Control-Allow-Origin: *` and answers CORS preflights.
    bool publicCors = false;
    /// The discovery member that publishes this endpoint's URL (`jwks_uri`,
    /// `token_endpoint`, ...); empty when discovery does not list it.
    QString discoveryName;
    /// Capability members this endpoint adds to discovery
    /// (`grant_types_supported`, `code_challenge_methods_supported`, ...).
    /// Arrays contributed by several endpoints are merged.
    QJsonObject discoveryMetadata;
};

} // namespace lanyard
