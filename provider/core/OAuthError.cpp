// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/OAuthError.h"

#include "core/Protocol.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace err = proto::error;

OAuthError::OAuthError(QLatin1StringView code, QString description, int httpStatus, QString detail)
    : m_code(code), m_description(std::move(description)), m_detail(std::move(detail)),
      m_status(httpStatus)
{}

OAuthError OAuthError::withStatus(int status) const
{
    OAuthError copy = *this;
    copy.m_status = status;
    return copy;
}

OAuthError OAuthError::withDetail(QString detail) const
{
    OAuthError copy = *this;
    copy.m_detail = std::move(detail);
    return copy;
}

QJsonObject OAuthError::toJson() const
{
    QJsonObject json{{u"error"_s, m_code}};
    if (!m_description.isEmpty())
        json.insert(u"error_description"_s, m_description);
    return json;
}

OAuthError OAuthError::invalidRequest(QString d, QString x)
{
    return {err::InvalidRequest, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::invalidClient(QString d, QString x)
{
    return {err::InvalidClient, std::move(d), 401, std::move(x)};
}
OAuthError OAuthError::invalidGrant(QString d, QString x)
{
    return {err::InvalidGrant, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::unauthorizedClient(QString d, QString x)
{
    return {err::UnauthorizedClient, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::unsupportedGrantType(QString d, QString x)
{
    return {err::UnsupportedGrantType, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::invalidScope(QString d, QString x)
{
    return {err::InvalidScope, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::accessDenied(QString d, QString x)
{
    return {err::AccessDenied, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::unsupportedResponseType(QString d, QString x)
{
    return {err::UnsupportedResponseType, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::loginRequired(QString d, QString x)
{
    return {err::LoginRequired, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::consentRequired(QString d, QString x)
{
    return {err::ConsentRequired, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::interactionRequired(QString d, QString x)
{
    return {err::InteractionRequired, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::accountSelectionRequired(QString d, QString x)
{
    return {err::AccountSelectionRequired, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::requestNotSupported(QString d, QString x)
{
    return {err::RequestNotSupported, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::requestUriNotSupported(QString d, QString x)
{
    return {err::RequestUriNotSupported, std::move(d), 400, std::move(x)};
}
OAuthError OAuthError::invalidToken(QString d, QString x)
{
    return {err::InvalidToken, std::move(d), 401, std::move(x)};
}
OAuthError OAuthError::serverError(QString detail)
{
    return {err::ServerError, u"The server could not complete the request."_s, 500,
            std::move(detail)};
}
OAuthError OAuthError::notFound(QString d)
{
    return {err::NotFound, d.isEmpty() ? u"No such endpoint."_s : std::move(d), 404};
}
OAuthError OAuthError::methodNotAllowed(QString d)
{
    return {err::MethodNotAllowed, d.isEmpty() ? u"Method not allowed."_s : std::move(d), 405};
}
OAuthError OAuthError::payloadTooLarge(QString d)
{
    return {err::PayloadTooLarge, d.isEmpty() ? u"Request body too large."_s : std::move(d), 413};
}
OAuthError OAuthError::headersTooLarge(QString d)
{
    return {err::HeadersTooLarge, d.isEmpty() ? u"Request headers too large."_s : std::move(d),
            431};
}

} // namespace lanyard
