// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/LoginSessions.h"
#include "core/OAuthError.h"
#include "core/Result.h"
#include "http/Endpoint.h"
#include "i18n/PageLanguage.h"
#include "logout/LogoutPages.h"
#include "model/Client.h"

#include <QByteArrayView>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace lanyard {

class ParameterList;
struct ProviderServices;

/// `GET|POST /logout`, advertised as `end_session_endpoint`: OpenID Connect
/// RP-Initiated Logout 1.0. Parameters (query of a GET, form of a POST):
/// `id_token_hint`, `client_id`, `post_logout_redirect_uri`, `state`,
/// `ui_locales` (the language of the pages); `logout_hint` is accepted and
/// ignored.
///
/// - id_token_hint must be an ID token this server signed (any published
///   key, retired ones included, an allow-listed algorithm), for this
///   issuer; its expiry is not checked (§2: the RP may pass an expired one).
///   With client_id as well, the hint's audience must contain it (§2).
/// - post_logout_redirect_uri needs the client (from the hint or
///   client_id) and must be one of its registered post_logout_redirect_uris,
///   compared exactly (§3); otherwise an error page, never a redirect.
/// - A valid hint naming the signed-in account ends the session at once.
///   Otherwise (no hint, or a hint for someone else) the user confirms on
///   a page (LogoutPages, CSRF token = HMAC of the session cookie) before
///   anything ends; "Stay signed in" ends nothing.
/// - Ending the session (SessionTerminator, reason "logout") deletes it,
///   revokes its session-bound tokens, announces session.ended and starts
///   back-channel logout; the session cookie is cleared.
/// - Afterwards: a 302 (303 after a POST) to post_logout_redirect_uri with
///   `state`, or the "signed out" page.
///
/// A browser without a session has nothing to end: it goes straight to the
/// redirect or the page. (The session cookie is SameSite=Lax, so a
/// cross-site POST to this endpoint arrives without it; relying parties
/// send the browser here with GET, as express-openid-connect and
/// openid-client do.)
///
/// Every page: Cache-Control: no-store, X-Frame-Options: DENY, the strict
/// CSP of the sign-in pages (form-action admitting the redirect target).
///
/// Threads: handle() from any worker thread at once.
class EndSessionEndpoint : public Endpoint
{
public:
    explicit EndSessionEndpoint(std::shared_ptr<const ProviderServices> services);

    /// `/logout`.
    static QString path();
    /// The hidden field and button name of the confirmation form, and the
    /// CSRF token of that form for the session cookie `cookieValue` and the
    /// session `sessionId`.
    static QString confirmField();
    static QString csrfToken(QByteArrayView cookieValue, const QString &sessionId);

    EndpointDescription description() const override;
    HttpResponse handle(const RequestContext &request) override;

private:
    /// A logout request that passed validation.
    struct Request
    {
        PageLanguage language;
        QUrl issuer;
        /// `sub` of a valid id_token_hint; empty without one.
        QString hintSubject;
        /// The identified client, when there is one.
        std::optional<Client> client;
        QString postLogoutRedirectUri;
        QString state;
        QString uiLocales;
    };

    Result<Request, OAuthError> parse(const RequestContext &request,
                                      const ParameterList &params) const;
    /// The `sub` and audience of a valid id_token_hint.
    Result<QJsonObject, OAuthError> verifyHint(const QString &hint, const QUrl &issuer) const;
    HttpResponse confirmationPage(const Request &logout,
                                  const LoginSessions::Current &current) const;
    /// Ends the session (when `current`), then redirects or shows the page.
    HttpResponse finish(const RequestContext &request, const Request &logout,
                        const std::optional<LoginSessions::Current> &current, bool signedOut) const;
    HttpResponse errorPage(const Request &logout, LogoutPages::ErrorKind kind,
                           const OAuthError &error) const;

    std::shared_ptr<const ProviderServices> m_services;
    LoginSessions m_sessions;
};

} // namespace lanyard
