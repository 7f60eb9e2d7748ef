// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

namespace lanyard {

/// A protocol error as a value (modelled on node-oidc-provider's error types):
/// the wire `error` code, a client-safe `error_description`, the HTTP status,
/// and a log-only detail that never reaches the client. Anything unexpected
/// reaches the client only as `server_error`.
class OAuthError
{
public:
    OAuthError() = default;
    OAuthError(QLatin1StringView code, QString description, int httpStatus = 400,
               QString detail = {});

    QString code() const { return m_code; }
    QString description() const { return m_description; }
    int httpStatus() const { return m_status; }
    /// For logs only: may name internal state, never secrets.
    QString detail() const { return m_detail; }

    OAuthError withStatus(int status) const;
    OAuthError withDetail(QString detail) const;

    /// `{"error": ..., "error_description": ...}` as RFC 6749 §5.2 shapes it.
    QJsonObject toJson() const;

    static OAuthError invalidRequest(QString description, QString detail = {});
    /// 401; RFC 6749 §5.2.
    static OAuthError invalidClient(QString description, QString detail = {});
    static OAuthError invalidGrant(QString description, QString detail = {});
    static OAuthError unauthorizedClient(QString description, QString detail = {});
    static OAuthError unsupportedGrantType(QString description, QString detail = {});
    static OAuthError invalidScope(QString description, QString detail = {});
    static OAuthError accessDenied(QString description, QString detail = {});
    static OAuthError unsupportedResponseType(QString description, QString detail = {});
    static OAuthError loginRequired(QString description, QString detail = {});
    static OAuthError consentRequired(QString description, QString detail = {});
    static OAuthError interactionRequired(QString description, QString detail = {});
    static OAuthError accountSelectionRequired(QString description, QString detail = {});
    static OAuthError requestNotSupported(QString description, QString detail = {});
    static OAuthError requestUriNotSupported(QString description, QString detail = {});
    /// 401; RFC 6750 §3.1.
    static OAuthError invalidToken(QString description, QString detail = {});
    /// 500 with a fixed description: the detail goes to the log only.
    static OAuthError serverError(QString detail);
    static OAuthError notFound(QString description = {});
    static OAuthError methodNotAllowed(QString description = {});
    static OAuthError payloadTooLarge(QString description = {});
    static OAuthError headersTooLarge(QString description = {});

private:
    QString m_code;
    QString m_description;
    QString m_detail;
    int m_status = 400;
};

} // namespace lanyard
