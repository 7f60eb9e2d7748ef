// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthorizationRequest.h"
#include "model/Client.h"
#include "model/Consent.h"
#include "model/Session.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace lanyard {

/// Which interactions an authorization request needs before a code can be
/// issued (node-oidc-provider's interaction policy: a login prompt and a
/// consent prompt). Pure functions; any thread.
class InteractionPolicy
{
public:
    /// Why the user must (again) enter a password.
    enum class LoginReason {
        None,           ///< the session suffices
        NoSession,      ///< nobody is signed in on this browser
        PromptLogin,    ///< prompt=login
        MaxAgeExceeded, ///< the last authentication is older than max_age
        HintMismatch,   ///< id_token_hint names another account than the session's
    };

    /// The login decision for `request` given the browser's live `session`
    /// (already checked for a usable account) at `now`.
    static LoginReason loginReason(const AuthorizationRequest &request,
                                   const std::optional<Session> &session, const QDateTime &now);

    /// True when the user must be asked to consent: prompt=consent, or the
    /// client asks for consent (Client::requireConsent) and `remembered`
    /// does not cover every granted scope.
    static bool needsConsent(const AuthorizationRequest &request, const Client &client,
                             const std::optional<Consent> &remembered);

    /// A short English name of `reason` for logs and error descriptions.
    static QString describe(LoginReason reason);
};

} // namespace lanyard
