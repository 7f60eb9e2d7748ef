// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/Endpoint.h"

#include <QMutex>

#include <memory>

namespace lanyard {

class JwksSource;
class Router;

/// `GET /.well-known/openid-configuration` (OpenID Connect Discovery 1.0
/// §4): the DiscoveryDocument of the request's issuer, the router's mounted
/// endpoints and the published signing algorithms. Public and cacheable:
/// `Access-Control-Allow-Origin: *`, `Cache-Control: public, max-age`, ETag
/// with 304 on If-None-Match. 503 until keys are published.
///
/// Threads: handle() from any worker thread; the last document is cached
/// under a mutex and rebuilt only when the issuer or the algorithms change.
class DiscoveryEndpoint : public Endpoint
{
public:
    /// `router` is the router this endpoint is mounted on (held weakly: it
    /// owns the endpoint); `keys` supplies the signing algorithms.
    DiscoveryEndpoint(std::weak_ptr<const Router> router, std::shared_ptr<const JwksSource> keys,
                      int maxAgeSecs);

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

private:
    struct Cached
    {
        QString issuer;
        QStringList algorithms;
        QByteArray json;
        QByteArray entityTag;
    };

    std::weak_ptr<const Router> m_router;
    std::shared_ptr<const JwksSource> m_keys;
    int m_maxAgeSecs;
    QMutex m_mutex;
    Cached m_cached;
};

} // namespace lanyard
