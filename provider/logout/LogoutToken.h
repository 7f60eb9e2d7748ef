// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "jose/JoseError.h"
#include "model/Client.h"
#include "model/Session.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QUrl>

namespace lanyard {

class KeyRing;

/// The Logout Token of OpenID Connect Back-Channel Logout 1.0 §2.4: a JWT
/// typed `logout+jwt` (§2.4: "explicitly typed"), signed like the client's
/// ID tokens (its id_token_signed_response_alg), with iss, aud (the
/// client), iat, exp, jti, events holding exactly the back-channel logout
/// member, sub, and sid when the client registered
/// backchannel_logout_session_required; never a nonce (§2.4: "MUST NOT
/// contain a nonce Claim").
///
/// Pure functions; any thread.
class LogoutToken
{
public:
    /// The JWS `typ` header value.
    static constexpr QLatin1StringView Type{"logout+jwt"};
    /// The member of the `events` claim (§2.4).
    static constexpr QLatin1StringView EventName{
        "http://schemas.openid.net/event/backchannel-logout"};
    /// §2.4 exp: "the OP SHOULD ensure that logout tokens are short-lived":
    /// two minutes cover the delivery's retries.
    static constexpr int DefaultLifetimeSecs = 120;

    /// The claims for `client` about the ended `session`, issued `now`.
    static QJsonObject claims(const QUrl &issuer, const Client &client, const Session &session,
                              const QDateTime &now, const QString &jti,
                              int lifetimeSecs = DefaultLifetimeSecs);
    /// `claims` signed by `ring`'s active key for the client's
    /// id_token_signed_response_alg (UnsupportedAlgorithm when there is none).
    static Result<QByteArray, JoseError> sign(const KeyRing &ring, const Client &client,
                                              const QJsonObject &claims);
};

} // namespace lanyard
