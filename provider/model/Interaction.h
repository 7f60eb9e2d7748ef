// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace lanyard {

/// An authorization request waiting for the user (login and/or consent),
/// between the authorization endpoint and the pages that finish it.
/// Plain value.
struct Interaction
{
    /// Random id (base64url, 128 bits+) used in the page URLs.
    QString id;
    /// The validated authorization request parameters, by wire name
    /// (client_id, redirect_uri, scope, state, nonce, code_challenge,
    /// code_challenge_method, response_mode, prompt, max_age, ...).
    QJsonObject request;
    /// CSRF token of the pages' forms; compared in constant time.
    QString csrfToken;
    /// Subject once the login step has succeeded (before consent).
    QString subject;
    /// Session id created or confirmed by the login step.
    QString sessionId;
    QDateTime createdAt;
    QDateTime expiresAt;
};

} // namespace lanyard
