// SPDX-License-Identifier: GPL-3.0-or-later
#include "logout/LogoutToken.h"

#include "jose/Jwt.h"
#include "jose/KeyRing.h"

using namespace Qt::StringLiterals;

namespace lanyard {

QJsonObject LogoutToken::claims(const QUrl &issuer, const Client &client, const Session &session,
                                const QDateTime &now, const QString &jti, int lifetimeSecs)
{
    // Back-Channel Logout 1.0 §2.4: iss, aud, iat, exp, jti, events
    // REQUIRED; sub and/or sid; "MUST NOT contain a nonce Claim".
    QJsonObject claims{
        {u"iss"_s, issuer.toString(QUrl::FullyEncoded)},
        {u"aud"_s, client.clientId},
        {u"iat"_s, Jwt::numericDate(now)},
        {u"exp"_s, Jwt::numericDate(now.addSecs(lifetimeSecs))},
        {u"jti"_s, jti},
        // "a JSON object that MUST contain the member name
        // http://schemas.openid.net/event/backchannel-logout" - and nothing
        // else here; its value is an empty object.
        {u"events"_s, QJsonObject{{QString(EventName), QJsonObject()}}},
        {u"sub"_s, session.subject},
    };
    // §2.2 backchannel_logout_session_required: "the sid (session ID) Claim
    // be included in the Logout Token to identify the RP session with the
    // OP". The same sid the client's ID tokens carry (TokenIssuer).
    if (client.backchannelLogoutSessionRequired)
        claims.insert(u"sid"_s, session.id);
    return claims;
}

Result<QByteArray, JoseError> LogoutToken::sign(const KeyRing &ring, const Client &client,
                                                const QJsonObject &claims)
{
    // §2.4: "Logout Tokens MUST be signed"; the same keys as ID tokens
    // sign them, here with the algorithm the client registered for its ID
    // tokens. Explicitly typed (§2.4): typ "logout+jwt".
    return ring.sign(client.idTokenSignedResponseAlg, claims, QString(Type));
}

} // namespace lanyard
