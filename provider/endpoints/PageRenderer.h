// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "i18n/PageLanguage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace lanyard {

/// The HTML of the browser pages (login, consent, error, form_post) from the
/// templates under resources/pages/, embedded as Qt resources. Every value
/// put into a page is HTML-escaped; a template's own markup is the only
/// markup, apart from the few sentences PageRenderer composes itself from
/// escaped parts (a name in `<strong>`).
///
/// Translation: templates hold markup only; every text a reader sees comes
/// from PageRenderer.cpp through PageLanguage::translate() (one context per
/// page: LoginPage, ConsentPage, ErrorPage, FormPostPage), so lupdate finds
/// it and translations/lanyard_pages_<locale>.ts translates it. Each page
/// sets `{{lang}}` for `<html lang>`.
///
/// Template language (a small Mustache subset): `{{name}}` is an escaped
/// value; `{{&name}}` is a markup value (Values::html); `{{#name}}...{{/name}}`
/// is shown when `name` has a non-empty value, or once per item of the list
/// `name` with `{{.}}` as the escaped item; `{{^name}}...{{/name}}` is shown
/// when `name` is empty. Values are never re-scanned for tags.
///
/// Stateless (templates are loaded once, thread-safely); any thread.
class PageRenderer
{
public:
    /// Run-time values of one page.
    struct Values
    {
        QHash<QString, QString> text;
        /// Markup made by PageRenderer from escaped parts, never from
        /// request data as it is: shown by `{{&name}}` as it is.
        QHash<QString, QString> html;
        QHash<QString, QStringList> lists;
    };

    /// Which error page to show.
    enum class ErrorKind {
        /// The request is invalid and cannot be sent back to the client
        /// (unknown client, bad redirect_uri): the error's description is shown.
        InvalidRequest,
        /// The interaction is unknown or expired.
        Expired,
        /// The form failed its CSRF check or the page was opened in another browser.
        Forbidden,
        /// The interaction was completed already (a form sent twice).
        Completed,
        /// Something failed on the server; no detail is shown.
        ServerError,
    };

    /// The login page in `language`. `error` shows the generic failure message.
    static QByteArray loginPage(const PageLanguage &language, const QUrl &issuer,
                                const QString &clientName, const QString &username,
                                const QString &csrfToken, bool error);
    /// The consent page in `language` for `scopes` (described in plain words).
    static QByteArray consentPage(const PageLanguage &language, const QUrl &issuer,
                                  const QString &clientName, const QString &username,
                                  const QStringList &scopes, const QString &csrfToken);
    /// An error page in `language`; `error` supplies the description and
    /// code for InvalidRequest (shown as they are: protocol detail for the
    /// application's administrator).
    static QByteArray errorPage(const PageLanguage &language, const QUrl &issuer, ErrorKind kind,
                                const OAuthError &error = {});
    /// The auto-submitting form of the form_post response mode: `fields`
    /// (code, state, iss or error, error_description, state, iss) posted to
    /// `action`; its text (shown without JavaScript) in `language`.
    static QByteArray formPostPage(const PageLanguage &language, const QUrl &issuer,
                                   const QString &action, const QHash<QString, QString> &fields);
    /// The CSP source of the form_post page's one inline script
    /// (`'sha256-...'`), so that script and nothing else may run.
    static QByteArray formPostScriptSource();

    /// A template filled in with `values` (see the class comment).
    static QString render(const QString &templateText, const Values &values);
    /// `text` with & < > " ' replaced by character references.
    static QString escape(QStringView text);
    /// The plain-words description of a scope shown on the consent page.
    static QString scopeDescription(const QString &scope, const PageLanguage &language = {});
    /// The stylesheet's bytes and its path under the issuer.
    static QByteArray stylesheet();
    static QString stylesheetPath();

    /// The generic message of a failed (or throttled) login.
    static QString loginFailedMessage(const PageLanguage &language = {});
};

} // namespace lanyard
