// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/Endpoint.h"

namespace lanyard {

/// `GET /assets/lanyard.css`: the stylesheet of the sign-in pages, served
/// from the provider's own origin because their CSP allows `style-src
/// 'self'` only. Public and cacheable for a day, with an ETag.
///
/// Threads: handle() from any worker thread (immutable bytes).
class PageAssetEndpoint : public Endpoint
{
public:
    PageAssetEndpoint();

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

private:
    QByteArray m_body;
    QByteArray m_entityTag;
};

} // namespace lanyard
