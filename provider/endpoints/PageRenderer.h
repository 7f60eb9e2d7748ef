// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"

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
/// markup. Static text lives in the templates; the few texts chosen at run
/// time (error messages, scope descriptions) live in PageRenderer.cpp, the
/// one place to translate later.
///
/// Template language (a small Mustache subset): `{{name}}` is an escaped
/// value; `{{#name}}...{{/name}}` is shown when `name` has a non-empty value,
/// or once per item of the list `name` with `{{.}}` as the escaped item;
/// `{{^name}}...{{/name}}` is shown when `name` is empty. Values are never
/// re-scanned for tags.
///
/// Stateless (templates are loaded once, thread-safely); any thread.
class PageRenderer
{
public:
    /// Run-time values of one page.
    struct Values
    {
        QHash<QString, QString> text;
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

    /// The login page. `error` shows the generic failure message.
    static QByteArray loginPage(const QUrl &issuer, const QString &clientName,
                                const QString &username, const QString &csrfToken, bool error);
    /// The consent page for `scopes` (described in plain words).
    static QByteArray consentPage(const QUrl &issuer, const QString &clientName,
                                  const QString &username, const QStringList &scopes,
                                  const QString &csrfToken);
    /// An error page; `error` supplies the description and code for
    /// InvalidRequest.
    static QByteArray errorPage(const QUrl &issuer, ErrorKind kind, const OAuthError &error = {});
    /// The auto-submitting form of the form_post response mode: `fields`
    /// (code, state, iss or error, error_description, state, iss) posted to
    /// `action`.
    static QByteArray formPostPage(const QUrl &issuer, const QString &action,
                                   const QHash<QString, QString> &fields);
    /// The CSP source of the form_post page's one inline script
    /// (`'sha256-...'`), so that script and nothing else may run.
    static QByteArray formPostScriptSource();

    /// A template filled in with `values` (see the class comment).
    static QString render(const QString &templateText, const Values &values);
    /// `text` with & < > " ' replaced by character references.
    static QString escape(QStringView text);
    /// The plain-words description of a scope shown on the consent page.
    static QString scopeDescription(const QString &scope);
    /// The stylesheet's bytes and its path under the issuer.
    static QByteArray stylesheet();
    static QString stylesheetPath();

    /// The generic message of a failed (or throttled) login.
    static QString loginFailedMessage();
};

} // namespace lanyard
