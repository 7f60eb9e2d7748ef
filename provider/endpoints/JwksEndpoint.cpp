// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/JwksEndpoint.h"

#include "core/OAuthError.h"
#include "core/Protocol.h"
#include "endpoints/DiscoveryNames.h"
#include "endpoints/JwksSource.h"
#include "http/ResponseWriter.h"

using namespace Qt::StringLiterals;

namespace lanyard {

JwksEndpoint::JwksEndpoint(std::shared_ptr<const JwksSource> keys, int maxAgeSecs)
    : m_keys(std::move(keys)), m_maxAgeSecs(maxAgeSecs)
{}

QString JwksEndpoint::path()
{
    return u"/jwks"_s;
}

EndpointDescription JwksEndpoint::description() const
{
    EndpointDescription description;
    description.path = path();
    description.methods = QHttpServerRequest::Method::Get;
    description.publicCors = true;
    description.discoveryName = discovery::JwksUri;
    return description;
}

HttpResponse JwksEndpoint::handle(const RequestContext &request)
{
    const auto keys = m_keys ? m_keys->current() : nullptr;
    if (!keys) {
        HttpResponse response = ResponseWriter::error(OAuthError(
            proto::error::TemporarilyUnavailable, u"The provider is starting; retry shortly."_s,
            503, u"no signing keys published yet"_s));
        response.setHeader("Retry-After"_ba, "5"_ba);
        return response;
    }
    return ResponseWriter::cacheable(request, "application/json"_ba, keys->jwksJson, m_maxAgeSecs,
                                     keys->entityTag);
}

} // namespace lanyard
