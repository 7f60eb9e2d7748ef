// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokens/AccessTokenVerifier.h"

#include "auth/OpaqueToken.h"
#include "jose/Jws.h"
#include "jose/Jwt.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "runtime/ProviderServices.h"
#include "store/TokenStore.h"
#include "tokens/TokenIssuer.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString Invalid = u"The access token is invalid, expired or revoked."_s;

/// Opaque tokens Lanyard issues are 43 characters.
constexpr qsizetype MaxOpaqueLength = 512;

OAuthError invalid(const QString &detail)
{
    return OAuthError::invalidToken(Invalid, detail);
}

QString stringClaim(const QJsonObject &claims, const QString &name)
{
    const QJsonValue value = claims.value(name);
    return value.isString() ? value.toString() : QString();
}

} // namespace

AccessTokenVerifier::AccessTokenVerifier(std::shared_ptr<const ProviderServices> services)
    : m_services(std::move(services))
{
    Q_ASSERT(m_services);
}

Result<AccessTokenVerifier::Verified, OAuthError>
AccessTokenVerifier::verify(const QString &token, const QString &issuer) const
{
    if (token.isEmpty())
        return invalid(u"empty access token"_s);
    // A JWS compact serialization has exactly two dots; opaque tokens
    // (base64url) have none.
    if (token.count(u'.') == 2)
        return verifyJwt(token, issuer);
    return verifyOpaque(token);
}

Result<void, OAuthError> AccessTokenVerifier::checkFamily(const QString &familyId) const
{
    const auto revoked = m_services->tokens->isFamilyRevoked(familyId);
    if (!revoked)
        return OAuthError::serverError(u"cannot read a token family: "_s + revoked.error().message);
    if (*revoked)
        return invalid(u"token family revoked"_s);
    return {};
}

Result<AccessTokenVerifier::Verified, OAuthError>
AccessTokenVerifier::verifyJwt(const QString &token, const QString &issuer) const
{
    const auto ring = m_services->keys ? m_services->keys->current() : nullptr;
    if (!ring)
        return OAuthError::serverError(u"no key ring to verify access tokens"_s);
    // STYLE.md: signing algorithms come from an allow-list, never from a
    // token header alone; the KeyRing also requires the key's own alg.
    auto decoded = ring->verifyDecoded(token.toLatin1(), Jws::supportedAlgorithms());
    if (!decoded)
        return invalid(u"access token signature: "_s + decoded.error().toString());
    // RFC 9068 §4: "Resource servers receiving a JWT access token MUST
    // validate the typ header value is "at+jwt" or "application/at+jwt" and
    // reject tokens carrying any other value." (Media types compare
    // case-insensitively.) This also keeps ID tokens out.
    const QString typ = decoded->typ.toLower();
    if (typ != TokenIssuer::AccessTokenType && typ != u"application/at+jwt"_s)
        return invalid(u"JWT is not an access token (typ)"_s);
    auto claims = Jwt::parseClaims(decoded->payload);
    if (!claims)
        return invalid(u"access token payload: "_s + claims.error().toString());

    Jwt::Expectations expected;
    // RFC 9068 §4: "The issuer identifier for the authorization server ...
    // MUST exactly match the value of the iss claim." and "The resource
    // server MUST validate that the aud claim contains a resource indicator
    // value corresponding to an identifier the resource server expects for
    // itself."
    expected.issuer = issuer;
    expected.audience = issuer;
    expected.leewaySecs = 0;
    expected.requireExp = true;
    expected.requireIat = true;
    if (auto valid = Jwt::validate(*claims, expected, *m_services->clock); !valid)
        return invalid(u"access token claims: "_s + valid.error().toString());

    Verified verified;
    verified.subject = stringClaim(*claims, u"sub"_s);
    verified.clientId = stringClaim(*claims, u"client_id"_s);
    verified.familyId = stringClaim(*claims, QString(TokenIssuer::FamilyClaim));
    verified.jti = stringClaim(*claims, u"jti"_s);
    verified.scopes = stringClaim(*claims, u"scope"_s).split(u' ', Qt::SkipEmptyParts);
    verified.issuedAt = QDateTime::fromSecsSinceEpoch(claims->value(u"iat"_s).toInteger(), Qt::UTC);
    verified.expiresAt =
        QDateTime::fromSecsSinceEpoch(claims->value(u"exp"_s).toInteger(), Qt::UTC);
    if (claims->value(u"auth_time"_s).isDouble()) {
        verified.authTime =
            QDateTime::fromSecsSinceEpoch(claims->value(u"auth_time"_s).toInteger(), Qt::UTC);
    }
    // RFC 9068 §2.2: sub names the client when no resource owner takes part
    // (TokenIssuer), and such a token has no auth_time.
    verified.clientOnly = !verified.authTime.isValid() && verified.subject == verified.clientId;
    // RFC 9068 §2.2: sub, client_id and jti are REQUIRED.
    if (verified.subject.isEmpty() || verified.clientId.isEmpty() || verified.familyId.isEmpty() ||
        verified.jti.isEmpty())
        return invalid(u"access token lacks sub, client_id, jti or fid"_s);
    if (auto family = checkFamily(verified.familyId); !family)
        return std::move(family).error();
    // RFC 7009 §2: an access token revoked on its own.
    const auto revoked = m_services->tokens->isAccessTokenRevoked(verified.jti);
    if (!revoked) {
        return OAuthError::serverError(u"cannot read access token revocations: "_s +
                                       revoked.error().message);
    }
    if (*revoked)
        return invalid(u"access token revoked"_s);
    return verified;
}

Result<AccessTokenVerifier::Verified, OAuthError>
AccessTokenVerifier::verifyOpaque(const QString &token) const
{
    if (token.size() > MaxOpaqueLength)
        return invalid(u"opaque access token too long"_s);
    const auto found = m_services->tokens->find(OpaqueToken::hashOf(token));
    if (!found)
        return OAuthError::serverError(u"cannot read an access token: "_s + found.error().message);
    if (!found->has_value() || (*found)->kind != TokenRecord::Kind::AccessToken)
        return invalid(u"unknown opaque access token"_s);
    const TokenRecord &record = **found;
    if (record.revokedAt.isValid())
        return invalid(u"opaque access token revoked"_s);
    if (!record.expiresAt.isValid() || record.expiresAt <= m_services->clock->now())
        return invalid(u"opaque access token expired"_s);
    if (auto family = checkFamily(record.familyId); !family)
        return std::move(family).error();
    Verified verified;
    verified.subject = record.subject.isEmpty() ? record.clientId : record.subject;
    verified.clientId = record.clientId;
    verified.scopes = record.scopes;
    verified.familyId = record.familyId;
    verified.issuedAt = record.issuedAt;
    verified.expiresAt = record.expiresAt;
    verified.authTime = record.authTime;
    verified.clientOnly = record.subject.isEmpty();
    verified.tokenHash = record.tokenHash;
    verified.opaque = true;
    return verified;
}

} // namespace lanyard
