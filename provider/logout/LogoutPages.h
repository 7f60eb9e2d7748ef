// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "i18n/PageLanguage.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace lanyard {

/// The HTML of the RP-initiated logout pages (EndSessionEndpoint), in the
/// look of the sign-in pages: the confirmation form (resources/pages/
/// logout.html), the "signed out" and "still signed in" pages
/// (logged_out.html) and the logout error page (error.html). Rendered with
/// PageRenderer::render(), so every value is escaped; every text a reader
/// sees comes from here through PageLanguage::translate() in the context
/// "LogoutPage".
///
/// Stateless (templates are loaded once, thread-safely); any thread.
class LogoutPages
{
public:
    /// What the confirmation form posts back to the endpoint (hidden
    /// fields), already validated.
    struct Confirmation
    {
        /// The signed-in account's username.
        QString username;
        /// The client that asked, by name (empty when unknown).
        QString clientName;
        QString csrfToken;
        QString clientId;
        QString postLogoutRedirectUri;
        QString state;
        QString uiLocales;
    };

    /// Which error page to show.
    enum class ErrorKind {
        /// The request is invalid (bad id_token_hint, unknown client,
        /// unregistered post_logout_redirect_uri): the description is shown.
        InvalidRequest,
        /// The confirmation form failed its CSRF check.
        Forbidden,
        /// Something failed on the server; no detail is shown.
        ServerError,
    };

    /// "Sign out?" with the Sign out / Stay signed in buttons.
    static QByteArray confirmationPage(const PageLanguage &language, const QUrl &issuer,
                                       const Confirmation &confirmation);
    /// "You are signed out" (`signedOut`) or "You are still signed in".
    static QByteArray donePage(const PageLanguage &language, const QUrl &issuer, bool signedOut);
    /// A logout error page.
    static QByteArray errorPage(const PageLanguage &language, const QUrl &issuer, ErrorKind kind,
                                const OAuthError &error = {});
};

} // namespace lanyard
