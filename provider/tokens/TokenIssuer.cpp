// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokens/TokenIssuer.h"

#include "auth/OpaqueToken.h"
#include "core/JsonWriter.h"
#include "core/Protocol.h"
#include "crypto/Digest.h"
#include "crypto/RandomSource.h"
#include "jose/Base64Url.h"
#include "jose/Jwt.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "runtime/ProviderServices.h"
#include "store/TokenStore.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

constexpr int FamilyIdBytes = 16;
constexpr int JwtIdBytes = 16;

int lifetime(int clientOverride, int configured)
{
    return clientOverride > 0 ? clientOverride : configured;
}

OAuthError signingFailed(const QString &what, const QString &alg, const QString &clientId,
                         const QString &reason)
{
    return OAuthError::serverError(u"cannot sign the %1 for client %2 with %3: %4"_s.arg(
        what, clientId, alg.isEmpty() ? u"(no algorithm)"_s : alg, reason));
}

} // namespace

TokenIssuer::TokenIssuer(std::shared_ptr<const ProviderServices> services)
    : m_services(std::move(services))
{
    Q_ASSERT(m_services);
}

int TokenIssuer::accessTokenLifetimeSecs(const Client &client) const
{
    return lifetime(client.accessTokenLifetimeSecs, m_services->config.accessTokenLifetimeSecs);
}

int TokenIssuer::idTokenLifetimeSecs(const Client &client) const
{
    return lifetime(client.idTokenLifetimeSecs, m_services->config.idTokenLifetimeSecs);
}

int TokenIssuer::refreshTokenLifetimeSecs(const Client &client) const
{
    return lifetime(client.refreshTokenLifetimeSecs, m_services->config.refreshTokenLifetimeSecs);
}

QString TokenIssuer::newFamilyId() const
{
    return m_services->random->token(FamilyIdBytes);
}

std::shared_ptr<const KeyRing> TokenIssuer::keyRing() const
{
    return m_services->keys ? m_services->keys->current() : nullptr;
}

Result<void, OAuthError> TokenIssuer::createFamily(const Grant &grant, const QString &sessionId,
                                                   const QDateTime &expiresAt) const
{
    auto created = m_services->tokens->createFamily(
        grant.familyId, grant.client.clientId, grant.subject, sessionId, grant.issuedAt, expiresAt);
    if (!created)
        return OAuthError::serverError(u"cannot create a token family: "_s +
                                       created.error().message);
    return {};
}

Result<TokenIssuer::AccessToken, OAuthError>
TokenIssuer::issueAccessToken(const Grant &grant, const QString &sessionId) const
{
    const int lifetimeSecs = accessTokenLifetimeSecs(grant.client);
    AccessToken token;
    token.expiresIn = lifetimeSecs;
    token.expiresAt = grant.issuedAt.addSecs(lifetimeSecs);

    if (grant.client.opaqueAccessTokens) {
        const OpaqueToken opaque = OpaqueToken::generate(*m_services->random);
        TokenRecord record;
        record.tokenHash = opaque.hash;
        record.kind = TokenRecord::Kind::AccessToken;
        record.clientId = grant.client.clientId;
        record.subject = grant.subject;
        record.scopes = grant.scopes;
        record.familyId = grant.familyId;
        record.sessionId = sessionId;
        record.authTime = grant.authTime;
        record.amr = grant.amr;
        record.issuedAt = grant.issuedAt;
        record.expiresAt = token.expiresAt;
        if (auto saved = m_services->tokens->save(record); !saved) {
            return OAuthError::serverError(u"cannot store an opaque access token: "_s +
                                           saved.error().message);
        }
        token.value = opaque.value;
        return token;
    }

    const auto ring = keyRing();
    const QString alg = ring ? accessTokenAlgorithm(*ring) : QString();
    if (!ring || alg.isEmpty()) {
        return signingFailed(u"access token"_s, alg, grant.client.clientId,
                             u"no active signing key"_s);
    }
    // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat and jti are
    // REQUIRED; auth_time when the user authenticated; §2.2.3 scope.
    // Written straight to JSON (every token request signs one), members in
    // name order, the bytes a QJsonObject of them would print.
    JsonWriter claims(512);
    claims.beginObject();
    // The only resource Lanyard serves is its own (userinfo); RFC 8707
    // `resource` indicators are not implemented.
    claims.name("aud"_L1).string(grant.issuer);
    if (grant.authTime.isValid())
        claims.name("auth_time"_L1).integer(Jwt::numericDate(grant.authTime));
    claims.name("client_id"_L1).string(grant.client.clientId);
    claims.name("exp"_L1).integer(Jwt::numericDate(token.expiresAt));
    claims.name(FamilyClaim).string(grant.familyId);
    claims.name("iat"_L1).integer(Jwt::numericDate(grant.issuedAt));
    claims.name("iss"_L1).string(grant.issuer);
    claims.name("jti"_L1).string(m_services->random->token(JwtIdBytes));
    if (!grant.scopes.isEmpty())
        claims.name("scope"_L1).string(grant.scopes.join(u' '));
    // §2.2: "In cases of access tokens obtained through grants where no
    // resource owner is involved, such as the client credentials grant,
    // the value of sub SHOULD correspond to an identifier the
    // authorization server uses to indicate the client application."
    claims.name("sub"_L1).string(grant.subject.isEmpty() ? grant.client.clientId : grant.subject);
    claims.endObject();
    auto signedToken = ring->signPayload(alg, claims.data(), AccessTokenType);
    if (!signedToken) {
        return signingFailed(u"access token"_s, alg, grant.client.clientId,
                             signedToken.error().toString());
    }
    token.value = QString::fromLatin1(*signedToken);
    return token;
}

Result<QString, OAuthError> TokenIssuer::issueIdToken(const Grant &grant,
                                                      const QString &accessToken) const
{
    const QString alg = grant.client.idTokenSignedResponseAlg;
    const auto ring = keyRing();
    if (!ring)
        return signingFailed(u"ID token"_s, alg, grant.client.clientId, u"no key ring"_s);
    if (ring->activeKid(alg).isEmpty()) {
        return signingFailed(u"ID token"_s, alg, grant.client.clientId,
                             u"no active key for the client's id_token_signed_response_alg"_s);
    }
    const QDateTime expiresAt = grant.issuedAt.addSecs(idTokenLifetimeSecs(grant.client));
    // OpenID Connect Core §2: iss, sub, aud, exp, iat REQUIRED; auth_time,
    // nonce, amr, azp as the request and authentication call for.
    QJsonObject claims{
        {u"iss"_s, grant.issuer},
        {u"sub"_s, grant.subject},
        // A single audience, the client itself, so §2's azp ("only needed
        // when the ID Token has a single audience value and that audience is
        // different than the authorized party") is never needed.
        {u"aud"_s, grant.client.clientId},
        {u"exp"_s, Jwt::numericDate(expiresAt)},
        {u"iat"_s, Jwt::numericDate(grant.issuedAt)},
    };
    if (grant.authTime.isValid())
        claims.insert(u"auth_time"_s, Jwt::numericDate(grant.authTime));
    // §3.1.2.1: "The value is passed through unmodified from the
    // Authentication Request to the ID Token."
    if (!grant.nonce.isEmpty())
        claims.insert(u"nonce"_s, grant.nonce);
    if (!grant.amr.isEmpty())
        claims.insert(u"amr"_s, QJsonArray::fromStringList(grant.amr));
    // OpenID Connect Front-/Back-Channel Logout: sid names the OP session.
    if (!grant.sessionId.isEmpty())
        claims.insert(u"sid"_s, grant.sessionId);
    if (!accessToken.isEmpty()) {
        // §3.1.3.6: at_hash is the base64url of the left-most half of the
        // hash of the access token, with the hash of the ID token's alg.
        const QString hash = atHash(accessToken, alg);
        if (hash.isEmpty()) {
            return signingFailed(u"ID token"_s, alg, grant.client.clientId,
                                 u"no at_hash function for the algorithm"_s);
        }
        claims.insert(u"at_hash"_s, hash);
    }
    auto signedToken = ring->sign(alg, claims);
    if (!signedToken) {
        return signingFailed(u"ID token"_s, alg, grant.client.clientId,
                             signedToken.error().toString());
    }
    return QString::fromLatin1(*signedToken);
}

Result<QString, OAuthError> TokenIssuer::issueRefreshToken(const Grant &grant,
                                                           const QStringList &scopes,
                                                           const QString &sessionId,
                                                           const QDateTime &expiresAt) const
{
    const OpaqueToken opaque = OpaqueToken::generate(*m_services->random);
    TokenRecord record;
    record.tokenHash = opaque.hash;
    record.kind = TokenRecord::Kind::RefreshToken;
    record.clientId = grant.client.clientId;
    record.subject = grant.subject;
    record.scopes = scopes;
    record.familyId = grant.familyId;
    record.sessionId = sessionId;
    record.authTime = grant.authTime;
    record.amr = grant.amr;
    record.issuedAt = grant.issuedAt;
    record.expiresAt = expiresAt;
    if (auto saved = m_services->tokens->save(record); !saved)
        return OAuthError::serverError(u"cannot store a refresh token: "_s + saved.error().message);
    return opaque.value;
}

QString TokenIssuer::atHash(const QString &accessToken, const QString &alg)
{
    const QByteArray ascii = accessToken.toLatin1();
    QByteArray digest;
    if (alg == proto::alg::RS256 || alg == proto::alg::PS256 || alg == proto::alg::ES256)
        digest = Digest::sha256(ascii);
    else if (alg == proto::alg::EdDSA)
        digest = Digest::sha512(ascii); // Ed25519 is the only EdDSA curve Lanyard signs with.
    if (digest.isEmpty())
        return {};
    return QString::fromLatin1(Base64Url::encode(digest.first(digest.size() / 2)));
}

QString TokenIssuer::accessTokenAlgorithm(const KeyRing &ring)
{
    const QStringList algorithms = ring.signingAlgorithms();
    if (algorithms.contains(proto::alg::RS256))
        return proto::alg::RS256;
    return algorithms.isEmpty() ? QString() : algorithms.first();
}

} // namespace lanyard
