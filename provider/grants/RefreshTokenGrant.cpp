// SPDX-License-Identifier: GPL-3.0-or-later
#include "grants/RefreshTokenGrant.h"

#include "auth/OpaqueToken.h"
#include "core/Protocol.h"
#include "events/EventTypes.h"
#include "grants/GrantSupport.h"
#include "runtime/ProviderServices.h"
#include "store/TokenStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString InvalidToken = u"The refresh token is invalid, expired or revoked."_s;

/// Refresh tokens Lanyard issues are 43 characters; anything far longer is
/// not one and is not worth hashing.
constexpr qsizetype MaxTokenLength = 512;

} // namespace

RefreshTokenGrant::RefreshTokenGrant(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_issuer(services)
{}

QString RefreshTokenGrant::grantType() const
{
    return proto::grant::RefreshToken;
}

OAuthError RefreshTokenGrant::reused(const TokenRequest &request, const QString &familyId,
                                     const QString &subject) const
{
    // RFC 9700 §4.14.2: "If a refresh token is compromised and subsequently
    // used by both the attacker and the legitimate client, one of them will
    // present an invalidated refresh token, which will inform the
    // authorization server of the breach. The authorization server cannot
    // determine which party submitted the invalid refresh token, but it will
    // revoke the active refresh token."
    auto revoked = m_services->tokens->revokeFamily(familyId, request.now);
    GrantSupport::publish(m_services->events, event_type::RefreshReused, request, subject,
                          {{u"revoked_tokens"_s, revoked ? *revoked : -1}}, false);
    if (!revoked)
        return GrantSupport::storeFailed(u"cannot revoke a reused refresh token's family"_s,
                                         revoked.error());
    return OAuthError::invalidGrant(InvalidToken, u"rotated refresh token reused"_s);
}

Result<ValidatedGrant, OAuthError> RefreshTokenGrant::validate(const TokenRequest &request) const
{
    const Client &client = request.client;
    if (auto allowed = GrantSupport::requireGrantType(client, proto::grant::RefreshToken); !allowed)
        return std::move(allowed).error();

    // RFC 6749 §6: refresh_token REQUIRED.
    const QString value = request.parameters.value(proto::token_param::RefreshToken);
    if (value.isEmpty())
        return OAuthError::invalidRequest(u"The refresh_token parameter is required."_s);
    if (value.size() > MaxTokenLength)
        return OAuthError::invalidGrant(InvalidToken, u"refresh token too long"_s);

    const QString hash = OpaqueToken::hashOf(value);
    const auto found = m_services->tokens->find(hash);
    if (!found)
        return GrantSupport::storeFailed(u"cannot read a refresh token"_s, found.error());
    if (!found->has_value() || (*found)->kind != TokenRecord::Kind::RefreshToken)
        return OAuthError::invalidGrant(InvalidToken, u"unknown refresh token"_s);
    const TokenRecord &token = **found;

    // RFC 6749 §6: "validate the refresh token" and "ensure that the
    // refresh token was issued to the authenticated client".
    if (token.clientId != client.clientId)
        return OAuthError::invalidGrant(InvalidToken, u"refresh token of another client"_s);
    if (token.revokedAt.isValid())
        return OAuthError::invalidGrant(InvalidToken, u"refresh token revoked"_s);
    const auto familyRevoked = m_services->tokens->isFamilyRevoked(token.familyId);
    if (!familyRevoked)
        return GrantSupport::storeFailed(u"cannot read a token family"_s, familyRevoked.error());
    if (*familyRevoked)
        return OAuthError::invalidGrant(InvalidToken, u"token family revoked"_s);
    // A rotated token is dead; presenting it again means two parties hold it.
    if (token.rotatedAt.isValid())
        return reused(request, token.familyId, token.subject);
    if (!token.expiresAt.isValid() || token.expiresAt <= request.now)
        return OAuthError::invalidGrant(InvalidToken, u"refresh token expired"_s);
    // OpenID Connect Core §11: refresh tokens exist for offline_access.
    if (!token.scopes.contains(proto::scope::OfflineAccess))
        return OAuthError::invalidGrant(InvalidToken, u"grant has no offline_access"_s);

    // RFC 6749 §6: "The requested scope MUST NOT include any scope not
    // originally granted by the resource owner, and if omitted is treated
    // as equal to the scope originally granted by the resource owner."
    auto requested = GrantSupport::parseScope(request.parameters.value(proto::param::Scope));
    if (!requested)
        return std::move(requested).error();
    for (const QString &scope : std::as_const(*requested)) {
        if (!token.scopes.contains(scope)) {
            return OAuthError::invalidScope(
                u"The requested scope exceeds the scope originally granted."_s,
                u"refresh asked for scope not granted"_s);
        }
    }

    auto account = GrantSupport::activeAccount(*m_services->accounts, token.subject);
    if (!account)
        return std::move(account).error();

    ValidatedGrant grant;
    grant.subject = token.subject;
    grant.username = account->username;
    grant.scopes = requested->isEmpty() ? token.scopes : *requested;
    grant.grantedScopes = token.scopes;
    grant.familyId = token.familyId;
    grant.sessionId = token.sessionId;
    grant.authTime = token.authTime;
    grant.amr = token.amr;
    grant.presentedTokenHash = hash;
    grant.refreshExpiresAt = token.expiresAt;
    return grant;
}

Result<TokenResponse, OAuthError> RefreshTokenGrant::respond(const TokenRequest &request,
                                                             const ValidatedGrant &grant) const
{
    const Client &client = request.client;
    // RFC 9700 §4.14.2: "Authorization servers MUST utilize one of these
    // methods to detect refresh token replay by malicious actors for public
    // clients: Sender-constrained refresh tokens ... Refresh token rotation".
    const bool rotate = client.isPublic() || client.rotateRefreshTokens;
    if (rotate) {
        // Atomic: of two concurrent uses of one token exactly one wins; the
        // other is reuse.
        auto marked = m_services->tokens->markRotated(grant.presentedTokenHash, request.now);
        if (!marked)
            return GrantSupport::storeFailed(u"cannot rotate a refresh token"_s, marked.error());
        if (!*marked)
            return reused(request, grant.familyId, grant.subject);
    }

    TokenIssuer::Grant issue;
    issue.grantType = proto::grant::RefreshToken;
    issue.client = client;
    issue.subject = grant.subject;
    issue.scopes = grant.scopes;
    issue.familyId = grant.familyId;
    issue.sessionId = grant.sessionId;
    issue.authTime = grant.authTime;
    issue.amr = grant.amr;
    // OpenID Connect Core §12.2: a refreshed ID token "SHOULD NOT have a
    // nonce Claim".
    issue.issuer = request.issuer;
    issue.issuedAt = request.now;

    auto access = m_issuer.issueAccessToken(issue, grant.sessionId);
    if (!access)
        return std::move(access).error();
    TokenResponse response;
    response.accessToken = access->value;
    response.expiresIn = access->expiresIn;
    response.scopes = grant.scopes;
    if (grant.scopes.contains(proto::scope::OpenId)) {
        auto idToken = m_issuer.issueIdToken(issue, access->value);
        if (!idToken)
            return std::move(idToken).error();
        response.idToken = *idToken;
    }
    if (rotate) {
        // RFC 6749 §6: "If a new refresh token is issued, the refresh token
        // scope MUST be identical to that of the refresh token included by
        // the client in the request."
        auto refresh = m_issuer.issueRefreshToken(issue, grant.grantedScopes, grant.sessionId,
                                                  grant.refreshExpiresAt);
        if (!refresh)
            return std::move(refresh).error();
        response.refreshToken = *refresh;
    }
    return response;
}

} // namespace lanyard
