// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "core/Result.h"
#include "http/HttpResponse.h"

#include <QString>

namespace lanyard {

class RequestContext;
struct ProviderServices;

/// What the endpoints a client calls with a form body and its client
/// authentication share (introspection, RFC 7662 §2; revocation, RFC 7009
/// §2; the token endpoint's rules, RFC 6749 §3.1, §3.2, §5.2). Stateless;
/// any thread.
class ClientFormRequest
{
public:
    /// The body must be application/x-www-form-urlencoded and well formed,
    /// with no parameter repeated; invalid_request otherwise.
    static Result<void, OAuthError> checkForm(const RequestContext &request);

    /// `error` as JSON, never cached (`Cache-Control: no-store`); a 401
    /// carries the Basic challenge (RFC 6749 §5.2).
    static HttpResponse error(const OAuthError &error, const RequestContext &request);

    /// The issuer URL exactly as published, for this request.
    static QString issuer(const RequestContext &request, const ProviderServices &services);
};

} // namespace lanyard
