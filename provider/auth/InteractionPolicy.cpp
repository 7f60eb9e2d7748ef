// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/InteractionPolicy.h"

#include "core/Protocol.h"

using namespace Qt::StringLiterals;

namespace lanyard {

InteractionPolicy::LoginReason InteractionPolicy::loginReason(const AuthorizationRequest &request,
                                                              const std::optional<Session> &session,
                                                              const QDateTime &now)
{
    if (!session)
        return LoginReason::NoSession;
    // OpenID Connect Core §3.1.2.1 prompt=login: "The Authorization Server
    // SHOULD prompt the End-User for reauthentication."
    if (request.hasPrompt(proto::prompt::Login))
        return LoginReason::PromptLogin;
    // OpenID Connect Core §3.1.2.1 max_age: "If the elapsed time is greater
    // than this value, the OP MUST attempt to actively re-authenticate the
    // End-User." max_age=0 is read as "authenticate now", like prompt=login
    // (as node-oidc-provider does), even within the same second.
    if (request.maxAge >= 0) {
        const qint64 elapsed = session->authTime.secsTo(now);
        if (request.maxAge == 0 || !session->authTime.isValid() || elapsed > request.maxAge)
            return LoginReason::MaxAgeExceeded;
    }
    // OpenID Connect Core §3.1.2.1 id_token_hint: "If the End-User identified
    // by the ID Token is logged in or is logged in by the request, then the
    // Authorization Server returns a positive response; otherwise, it SHOULD
    // return an error, such as login_required."
    if (!request.idTokenHintSubject.isEmpty() && request.idTokenHintSubject != session->subject)
        return LoginReason::HintMismatch;
    return LoginReason::None;
}

bool InteractionPolicy::needsConsent(const AuthorizationRequest &request, const Client &client,
                                     const std::optional<Consent> &remembered)
{
    // OpenID Connect Core §3.1.2.1 prompt=consent: "The Authorization Server
    // SHOULD prompt the End-User for consent before returning information to
    // the Client."
    if (request.hasPrompt(proto::prompt::Consent))
        return true;
    if (!client.requireConsent)
        return false;
    if (!remembered)
        return true;
    for (const QString &scope : request.scopes) {
        if (!remembered->scopes.contains(scope))
            return true;
    }
    return false;
}

QString InteractionPolicy::describe(LoginReason reason)
{
    switch (reason) {
    case LoginReason::None:
        return u"signed in"_s;
    case LoginReason::NoSession:
        return u"no session"_s;
    case LoginReason::PromptLogin:
        return u"prompt=login"_s;
    case LoginReason::MaxAgeExceeded:
        return u"max_age exceeded"_s;
    case LoginReason::HintMismatch:
        return u"id_token_hint names another account"_s;
    }
    return {};
}

} // namespace lanyard
