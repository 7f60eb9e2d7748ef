// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

namespace lanyard {

/// An authorization request (OpenID Connect Core §3.1.2.1) after
/// AuthorizationRequestParser checked it: what the login and consent pages
/// carry in the Interaction and what the issued code is bound to. Until
/// parsing succeeds only the fields needed to answer with an error are set
/// (clientId, redirectUri, responseMode, state). Plain value; any thread.
struct AuthorizationRequest
{
    QString clientId;
    /// The redirect URI as requested (it matched a registered one), where
    /// every response goes.
    QString redirectUri;
    /// `query` or `form_post`.
    QString responseMode;
    /// Echoed in every response, error or not, exactly as received.
    QString state;
    QString nonce;
    /// The granted scopes: requested, supported and allowed for the client,
    /// in request order; always contains `openid`.
    QStringList scopes;
    /// RFC 7636: the S256 challenge, or empty when the client is exempt and
    /// sent none.
    QString codeChallenge;
    QString codeChallengeMethod;
    /// `prompt` values (none, login, consent), without repeats.
    QStringList prompts;
    /// `max_age` in seconds; -1 when absent.
    qint64 maxAge = -1;
    /// `sub` of a verified id_token_hint; empty without a hint. The hint
    /// itself is not kept.
    QString idTokenHintSubject;
    /// Accepted and kept; login_hint pre-fills the username field,
    /// ui_locales chooses the language of the pages (PageLanguage), the
    /// others do not change anything (no acr is supported).
    QString loginHint;
    QString uiLocales;
    QString claimsLocales;
    QString acrValues;

    bool hasPrompt(QLatin1StringView value) const { return prompts.contains(value); }

    /// The request by wire name (client_id, redirect_uri, response_mode,
    /// state, nonce, scope, code_challenge, code_challenge_method, prompt,
    /// max_age, login_hint, ui_locales, claims_locales, acr_values) plus
    /// `id_token_hint_sub`; empty members are left out.
    QJsonObject toJson() const;
    /// The inverse of toJson().
    static AuthorizationRequest fromJson(const QJsonObject &json);
};

} // namespace lanyard
