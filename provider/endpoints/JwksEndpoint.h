// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/Endpoint.h"

#include <memory>

namespace lanyard {

class JwksSource;

/// `GET /jwks`: the published JWK Set (RFC 7517 §5), listed in discovery as
/// `jwks_uri`. Public and cacheable: `Access-Control-Allow-Origin: *`,
/// `Cache-Control: public, max-age=<jwksMaxAgeSecs>`, ETag with 304 on
/// If-None-Match. 503 until keys are published.
///
/// Content type `application/json`: RFC 7517 §8.5 registers
/// `application/jwk-set+json`, but neither RFC 7517 nor OpenID Connect
/// requires it, Keycloak and most providers serve application/json, and
/// some relying-party libraries check for exactly that; every client
/// accepts application/json.
///
/// Threads: handle() from any worker thread (reads an immutable snapshot).
class JwksEndpoint : public Endpoint
{
public:
    JwksEndpoint(std::shared_ptr<const JwksSource> keys, int maxAgeSecs);

    /// The path, relative to the issuer.
    static QString path();

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

private:
    std::shared_ptr<const JwksSource> m_keys;
    int m_maxAgeSecs;
};

} // namespace lanyard
