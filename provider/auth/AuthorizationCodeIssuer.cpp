// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/AuthorizationCodeIssuer.h"

#include "auth/OpaqueToken.h"
#include "crypto/RandomSource.h"
#include "model/AuthorizationCode.h"
#include "runtime/ProviderServices.h"
#include "store/CodeStore.h"
#include "store/Database.h"
#include "store/SessionStore.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace lanyard {

AuthorizationCodeIssuer::AuthorizationCodeIssuer(std::shared_ptr<const ProviderServices> services)
    : m_services(std::move(services))
{}

Result<QString, OAuthError> AuthorizationCodeIssuer::issue(const AuthorizationRequest &request,
                                                           const Session &session) const
{
    const QDateTime now = m_services->clock->now();
    // RFC 6749 §10.10: "The probability of an attacker guessing generated
    // tokens (and other credentials not intended for handling by end-users)
    // MUST be less than or equal to 2^(-128)": 256 random bits, stored
    // only as a hash.
    const OpaqueToken token = OpaqueToken::generate(*m_services->random, 32);

    AuthorizationCode code;
    code.codeHash = token.hash;
    code.clientId = request.clientId;
    code.subject = session.subject;
    code.redirectUri = request.redirectUri;
    code.scopes = request.scopes;
    code.nonce = request.nonce;
    code.codeChallenge = request.codeChallenge;
    code.codeChallengeMethod = request.codeChallengeMethod;
    code.sessionId = session.id;
    code.authTime = session.authTime;
    code.amr = session.amr;
    code.familyId = m_services->random->token(32);
    code.createdAt = now;
    // RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes
    // is RECOMMENDED"; Lanyard's default is 60 s.
    code.expiresAt = now.addSecs(m_services->config.authorizationCodeLifetimeSecs);

    // One transaction: a code whose session did not record the client (the
    // client list back-channel logout notifies) must not be handed out.
    std::optional<Database::Transaction> transaction;
    if (m_services->database) {
        transaction.emplace(*m_services->database);
        if (!transaction->isActive())
            return OAuthError::serverError(u"cannot begin the code's transaction: "_s +
                                           transaction->error().message);
    }
    if (auto saved = m_services->codes->save(code); !saved)
        return OAuthError::serverError(u"saving the code failed: "_s + saved.error().message);

    const QDateTime expiresAt = now.addSecs(m_services->config.sessionLifetimeSecs);
    if (auto touched = m_services->sessions->touch(session.id, now, expiresAt, request.clientId);
        !touched) {
        return OAuthError::serverError(u"session touch failed: "_s + touched.error().message);
    }
    if (transaction) {
        if (auto committed = transaction->commit(); !committed)
            return OAuthError::serverError(u"cannot commit the code: "_s +
                                           committed.error().message);
    }
    return token.value;
}

} // namespace lanyard
