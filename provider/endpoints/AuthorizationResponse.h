// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthorizationRequest.h"
#include "core/OAuthError.h"
#include "http/HttpResponse.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace lanyard {

/// The answers an authorization request ends with, sent to its (validated)
/// redirect URI in its response mode: a redirect with the parameters in
/// the query (RFC 6749 §4.1.2), or an auto-submitting HTML form (OAuth 2.0
/// Form Post Response Mode §2). Every answer carries `iss` (RFC 9207 §2)
/// and the request's `state` when it had one. Stateless; any thread.
class AuthorizationResponse
{
public:
    /// The success response: `code`, `state`, `iss`. `redirectStatus` is 302
    /// after a GET, 303 after a POST (RFC 9110 §15.4.4: the browser follows
    /// with GET and drops the form body).
    static HttpResponse success(const AuthorizationRequest &request, const QString &code,
                                const QUrl &issuer, int redirectStatus);
    /// The error response (RFC 6749 §4.1.2.1): `error`, `error_description`,
    /// `state`, `iss`. server_error details are logged, never sent.
    static HttpResponse error(const AuthorizationRequest &target, const OAuthError &error,
                              const QUrl &issuer, int redirectStatus);

    /// `redirectUri` with `params` appended to its query. RFC 6749 §3.1.2:
    /// the redirection URI's own query component "MUST be retained when
    /// adding additional query parameters".
    static QString redirectUrl(const QString &redirectUri,
                               const QList<QPair<QString, QString>> &params);

    /// The CSP source expression that lets a form (or a redirect after one)
    /// go to `redirectUri`: its origin (`https://app.example:8443`), or its
    /// scheme (`com.example.app:`) for private-use schemes and IPv6 hosts,
    /// which CSP host sources cannot express. Empty when unusable.
    static QByteArray formActionSource(const QString &redirectUri);

    /// The Content-Security-Policy of an interaction page that may end in a
    /// redirect to `redirectUri`; `withFormPostScript` also allows the
    /// form_post page's inline script by its hash.
    static QByteArray contentSecurityPolicy(const QString &redirectUri,
                                            bool withFormPostScript = false);

private:
    static HttpResponse respond(const AuthorizationRequest &target,
                                const QList<QPair<QString, QString>> &params, const QUrl &issuer,
                                int redirectStatus);
};

} // namespace lanyard
