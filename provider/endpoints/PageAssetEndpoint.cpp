// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/PageAssetEndpoint.h"

#include "endpoints/PageRenderer.h"
#include "http/ResponseWriter.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {
// The stylesheet changes only with a new build.
constexpr int MaxAgeSecs = 24 * 3600;
} // namespace

PageAssetEndpoint::PageAssetEndpoint()
    : m_body(PageRenderer::stylesheet()), m_entityTag(ResponseWriter::entityTag(m_body))
{}

EndpointDescription PageAssetEndpoint::description() const
{
    EndpointDescription description;
    description.path = PageRenderer::stylesheetPath();
    description.methods = QHttpServerRequest::Method::Get;
    return description;
}

HttpResponse PageAssetEndpoint::handle(const RequestContext &request)
{
    return ResponseWriter::cacheable(request, "text/css; charset=utf-8"_ba, m_body, MaxAgeSecs,
                                     m_entityTag);
}

} // namespace lanyard
