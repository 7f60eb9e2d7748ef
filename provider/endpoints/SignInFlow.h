// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthorizationCodeIssuer.h"
#include "auth/AuthorizationRequest.h"
#include "core/OAuthError.h"
#include "core/Result.h"
#include "endpoints/PageRenderer.h"
#include "http/HttpResponse.h"
#include "model/Client.h"
#include "model/Interaction.h"
#include "model/Session.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace lanyard {

class RequestContext;
struct ProviderServices;

/// The steps the authorization endpoint and the interaction pages share:
/// starting an interaction (and binding it to the browser), deciding on
/// consent, issuing the code and answering the client, and the HTML pages'
/// common headers.
///
/// Browser binding: each browser gets a random 256-bit value in the
/// SignInPolicy::InteractionCookie cookie (reused while it lives), and an
/// interaction's CSRF token is HMAC-SHA-256(that value, interaction id).
/// So the token in a page's hidden field is useless without the cookie, and
/// an interaction URL opened in another browser fails the binding check
/// (isBound). Both checks compare in constant time.
///
/// Thread-safe: const, holds only shared thread-safe services.
class SignInFlow
{
public:
    explicit SignInFlow(std::shared_ptr<const ProviderServices> services);

    /// The issuer: the request's base URL (the configured issuer), or the
    /// services' issuer when the request has none.
    QUrl issuer(const RequestContext &request) const;
    /// 303 after a POST (the browser follows with GET), 302 otherwise.
    static int redirectStatus(const RequestContext &request);
    /// The interaction page URL of `interactionId`.
    static QString interactionUrl(const QUrl &issuer, const QString &interactionId);
    /// The path of the interaction pages, relative to the issuer.
    static QString interactionPath();

    /// The language of a page for `request` (PageLanguage::negotiate):
    /// `uiLocales`, then the request's Accept-Language. Any thread.
    static PageLanguage language(const RequestContext &request, const QString &uiLocales);

    /// An HTML error page; its status follows `kind` (400, 403, 500). Its
    /// language follows the request's `ui_locales` parameter (an
    /// authorization request's), then Accept-Language.
    HttpResponse errorPage(const RequestContext &request, PageRenderer::ErrorKind kind,
                           const OAuthError &error = {}) const;
    /// An interaction page (login or consent) with the headers every page
    /// gets and a CSP whose form-action admits the client's redirect URI.
    HttpResponse page(const QByteArray &html, const AuthorizationRequest &request,
                      int status = 200) const;
    /// The error response to the client (redirect or form post).
    HttpResponse redirectError(const RequestContext &request, const AuthorizationRequest &target,
                               const OAuthError &error) const;

    /// Saves a new Interaction for `request` and redirects the browser to
    /// its page. With `signedIn`, the login step is done (consent only).
    HttpResponse startInteraction(const RequestContext &request,
                                  const AuthorizationRequest &authorization,
                                  const std::optional<Session> &signedIn) const;

    /// Whether `subject` must be asked to consent to `request` for `client`.
    Result<bool, OAuthError> needsConsent(const AuthorizationRequest &request, const Client &client,
                                          const QString &subject) const;

    /// Issues the code for `session` and sends it to the client, with
    /// `setCookies` added to the response.
    HttpResponse complete(const RequestContext &request, const AuthorizationRequest &authorization,
                          const Session &session, const QList<QByteArray> &setCookies) const;

    /// True when the request carries the browser-binding cookie the
    /// interaction was made for. Any thread.
    bool isBound(const RequestContext &request, const Interaction &interaction) const;
    /// The CSRF token of `interactionId` for browser-binding value `binding`.
    static QString csrfToken(QByteArrayView binding, const QString &interactionId);

private:
    std::shared_ptr<const ProviderServices> m_services;
    AuthorizationCodeIssuer m_codes;
};

} // namespace lanyard
