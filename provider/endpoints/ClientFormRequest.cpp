// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/ClientFormRequest.h"

#include "auth/ClientAuthenticator.h"
#include "http/RequestContext.h"
#include "http/ResponseWriter.h"
#include "runtime/ProviderServices.h"

using namespace Qt::StringLiterals;

namespace lanyard {

Result<void, OAuthError> ClientFormRequest::checkForm(const RequestContext &request)
{
    // RFC 7662 §2.1, RFC 7009 §2.1: the parameters are sent "using the
    // "application/x-www-form-urlencoded" format" in the POST body.
    if (request.mediaType() != "application/x-www-form-urlencoded") {
        return OAuthError::invalidRequest(
            u"The request body must be application/x-www-form-urlencoded."_s,
            u"media type "_s + QString::fromLatin1(request.mediaType().left(64)));
    }
    if (request.formParameters().isMalformed())
        return OAuthError::invalidRequest(u"The request body is not valid form encoding."_s);
    // RFC 6749 §3.1: "Request and response parameters MUST NOT be included
    // more than once."
    if (const QStringList repeated = request.formParameters().duplicateNames();
        !repeated.isEmpty()) {
        return OAuthError::invalidRequest(
            u"Parameters must not be repeated: %1."_s.arg(repeated.join(u", "_s).left(256)),
            u"duplicate parameters"_s);
    }
    return {};
}

HttpResponse ClientFormRequest::error(const OAuthError &error, const RequestContext &request)
{
    // RFC 6749 §5.2: a client that tried HTTP Basic gets the Basic
    // challenge with its 401 (RFC 7662 §2.3 and RFC 7009 §2.2.1 refer to it).
    const auto challenge = ClientAuthenticator::attemptedBasic(request)
                               ? ResponseWriter::Challenge::Basic
                               : ResponseWriter::Challenge::Automatic;
    return ResponseWriter::error(error, ResponseWriter::Flag::NoStore, challenge);
}

QString ClientFormRequest::issuer(const RequestContext &request, const ProviderServices &services)
{
    const QUrl url = request.baseUrl().isValid() && !request.baseUrl().isEmpty() ? request.baseUrl()
                                                                                 : services.issuer;
    return url.toString(QUrl::FullyEncoded);
}

} // namespace lanyard
