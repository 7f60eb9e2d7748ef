// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "http/HttpResponse.h"

#include <QHttpServerRequest>
#include <QString>

namespace lanyard {

class ClientStore;
class RequestContext;
struct Client;

/// Cross-origin access (the Fetch standard's CORS protocol) for the
/// endpoints a browser-based client - a single-page app using the code flow
/// with PKCE - calls itself: the token and userinfo endpoints. Introspection
/// and revocation are server-to-server and get none.
///
/// Policy (node-oidc-provider's client-based CORS): an origin may read an
/// answer only when it is the origin (RFC 6454 §6.1) of one of the
/// requesting client's registered redirect URIs. The answer then names that
/// one origin in `Access-Control-Allow-Origin`, never `*`, and never sends
/// `Access-Control-Allow-Credentials`: these endpoints take no cookies (the
/// page itself sends the Authorization header or the form body), so a
/// request the browser sends with credentials (cookies) is not served to
/// script, as the Fetch standard requires for any answer without
/// Allow-Credentials; and `*` is refused for credentialed requests anyway.
/// A request whose Origin the client has not registered is refused by the
/// endpoint with invalid_request (node-oidc-provider: "origin not allowed
/// for client") rather than served to a page that could not read it.
///
/// A preflight names no client (it has no body and no credentials), so it
/// is answered for an origin that some registered client owns; the real
/// request is then checked against its own client.
///
/// Stateless; every function may be called from any thread.
class ClientCors
{
public:
    /// How long browsers may cache a preflight answer, in seconds.
    static constexpr int PreflightMaxAgeSecs = 600;

    /// The request's `Origin` (RFC 6454 §7) as sent, or empty when there is
    /// none, more than one, or the opaque origin "null": a request without
    /// an origin is not a cross-origin browser request.
    static QString requestOrigin(const RequestContext &request);

    /// The ASCII serialization of the origin of `uri` (RFC 6454 §6.1:
    /// lower-case scheme and host, the port only when it is not the
    /// scheme's default) for http and https URIs; empty for any other URI.
    static QString originOf(const QString &uri);

    /// True when `origin` is the origin of one of `client`'s redirect URIs.
    static bool allows(const Client &client, const QString &origin);

    /// What an endpoint established about the request's origin.
    enum class Verdict {
        /// The answer came before a client was known (a malformed request,
        /// failed client authentication, an invalid access token).
        ClientUnknown,
        /// The requesting client registered the origin.
        Allowed,
        /// The requesting client did not register the origin.
        Refused,
    };

    /// True when some client in `clients` registered `origin`.
    static Result<bool, Error> anyClientAllows(const ClientStore &clients, const QString &origin);

    /// Adds the CORS headers a finished `response` to a request from
    /// `origin` (requestOrigin(); empty: nothing is added) gets: Allowed
    /// lets the origin read it; ClientUnknown lets it read the answer (an
    /// error) when some client in `clients` registered the origin, so a
    /// page learns why (an expired token, say); Refused adds nothing.
    static void finish(HttpResponse &response, const QString &origin, Verdict verdict,
                       const ClientStore &clients);

    /// Lets `origin` read `response`: `Access-Control-Allow-Origin: origin`,
    /// `Access-Control-Expose-Headers: WWW-Authenticate` (so a page can read
    /// an RFC 6750 error) and `Vary: Origin`.
    static void allow(HttpResponse &response, const QString &origin);

    /// Answers an OPTIONS request to an endpoint accepting `methods`: a CORS
    /// preflight (Origin and Access-Control-Request-Method present) from an
    /// origin some client in `clients` registered gets 204 with
    /// Access-Control-Allow-Origin, -Methods, -Headers (Authorization,
    /// Content-Type) and -Max-Age; any other OPTIONS gets 204 with only
    /// `Allow` (the browser then refuses the cross-origin request). A store
    /// failure is returned as the error.
    static Result<HttpResponse, Error> preflight(const RequestContext &request,
                                                 const ClientStore &clients,
                                                 QHttpServerRequest::Methods methods);
};

} // namespace lanyard
