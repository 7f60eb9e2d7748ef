// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/EndpointDescription.h"
#include "http/HttpResponse.h"
#include "http/RequestContext.h"

namespace lanyard {

/// One protocol endpoint (discovery, JWKS, token, ...), mounted on a Router.
///
/// Threads: one instance serves every HTTP worker thread at once, so
/// handle() must be thread-safe: hold only immutable state or thread-safe
/// services (stores open their own connection per thread).
class Endpoint
{
public:
    virtual ~Endpoint() = default;

    /// Path, methods and discovery metadata. Called while the router is
    /// built; must return the same value every time.
    virtual EndpointDescription description() const = 0;

    /// Answers one request whose path and method the router matched. A HEAD
    /// request arrives when the methods include GET: answer it as GET; the
    /// server sends no body. Called from any HTTP worker thread, concurrently.
    virtual HttpResponse handle(const RequestContext &request) = 0;

protected:
    Endpoint() = default;
    Endpoint(const Endpoint &) = default;
    Endpoint &operator=(const Endpoint &) = default;
};

} // namespace lanyard
