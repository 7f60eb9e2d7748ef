// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/DiscoveryEndpoint.h"

#include "core/OAuthError.h"
#include "core/Protocol.h"
#include "endpoints/DiscoveryDocument.h"
#include "endpoints/JwksSource.h"
#include "http/ResponseWriter.h"
#include "http/Router.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace lanyard {

DiscoveryEndpoint::DiscoveryEndpoint(std::weak_ptr<const Router> router,
                                     std::shared_ptr<const JwksSource> keys, int maxAgeSecs)
    : m_router(std::move(router)), m_keys(std::move(keys)), m_maxAgeSecs(maxAgeSecs)
{}

EndpointDescription DiscoveryEndpoint::description() const
{
    EndpointDescription description;
    description.path = DiscoveryDocument::wellKnownPath();
    description.methods = QHttpServerRequest::Method::Get;
    description.publicCors = true;
    return description;
}

HttpResponse DiscoveryEndpoint::handle(const RequestContext &request)
{
    const std::shared_ptr<const Router> router = m_router.lock();
    const auto keys = m_keys ? m_keys->current() : nullptr;
    if (!router || !keys) {
        HttpResponse response = ResponseWriter::error(OAuthError(
            proto::error::TemporarilyUnavailable, u"The provider is starting; retry shortly."_s,
            503, router ? u"no signing keys published yet"_s : u"router gone"_s));
        response.setHeader("Retry-After"_ba, "5"_ba);
        return response;
    }

    const QString issuer = request.baseUrl().toString(QUrl::FullyEncoded);
    Cached cached;
    {
        QMutexLocker lock(&m_mutex);
        if (m_cached.json.isEmpty() || m_cached.issuer != issuer ||
            m_cached.algorithms != keys->signingAlgorithms) {
            m_cached.issuer = issuer;
            m_cached.algorithms = keys->signingAlgorithms;
            m_cached.json =
                DiscoveryDocument(request.baseUrl(), router->mounted(), keys->signingAlgorithms)
                    .json();
            m_cached.entityTag = ResponseWriter::entityTag(m_cached.json);
        }
        cached = m_cached;
    }
    return ResponseWriter::cacheable(request, "application/json"_ba, cached.json, m_maxAgeSecs,
                                     cached.entityTag);
}

} // namespace lanyard
