// SPDX-License-Identifier: GPL-3.0-or-later
#include "grants/AuthorizationCodeGrant.h"

#include "auth/OpaqueToken.h"
#include "auth/Pkce.h"
#include "core/Protocol.h"
#include "events/EventTypes.h"
#include "grants/GrantSupport.h"
#include "runtime/ProviderServices.h"
#include "store/CodeStore.h"
#include "store/TokenStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString InvalidCode = u"The authorization code is invalid, expired or already used."_s;

} // namespace

AuthorizationCodeGrant::AuthorizationCodeGrant(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_issuer(services)
{}

QString AuthorizationCodeGrant::grantType() const
{
    return proto::grant::AuthorizationCode;
}

Result<ValidatedGrant, OAuthError>
AuthorizationCodeGrant::validate(const TokenRequest &request) const
{
    const Client &client = request.client;
    if (auto allowed = GrantSupport::requireGrantType(client, proto::grant::AuthorizationCode);
        !allowed)
        return std::move(allowed).error();

    // RFC 6749 §4.1.3: code REQUIRED.
    const QString code = request.parameters.value(proto::param::Code);
    if (code.isEmpty())
        return OAuthError::invalidRequest(u"The code parameter is required."_s);

    auto redeemed = m_services->codes->redeem(OpaqueToken::hashOf(code), request.now);
    if (!redeemed)
        return GrantSupport::storeFailed(u"cannot redeem an authorization code"_s,
                                         redeemed.error());
    const AuthorizationCode &stored = redeemed->code;
    switch (redeemed->outcome) {
    case CodeStore::Redemption::Outcome::NotFound:
        return OAuthError::invalidGrant(InvalidCode, u"unknown authorization code"_s);
    case CodeStore::Redemption::Outcome::Replayed: {
        // RFC 6749 §4.1.2: "If an authorization code is used more than once,
        // the authorization server MUST deny the request and SHOULD revoke
        // (when possible) all tokens previously issued based on that
        // authorization code."
        auto revoked = m_services->tokens->revokeFamily(stored.familyId, request.now);
        GrantSupport::publish(m_services->events, event_type::CodeReplayed, request, stored.subject,
                              {{u"code_client_id"_s, stored.clientId},
                               {u"revoked_tokens"_s, revoked ? *revoked : -1}},
                              false);
        if (!revoked)
            return GrantSupport::storeFailed(u"cannot revoke a replayed code's family"_s,
                                             revoked.error());
        return OAuthError::invalidGrant(InvalidCode, u"authorization code replayed"_s);
    }
    case CodeStore::Redemption::Outcome::Redeemed:
        break;
    }

    // RFC 6749 §4.1.3: "ensure that the authorization code was issued to the
    // authenticated confidential client, or if the client is public, ensure
    // that the code was issued to "client_id" in the request".
    if (stored.clientId != client.clientId)
        return OAuthError::invalidGrant(InvalidCode, u"code issued to another client"_s);
    // RFC 6749 §4.1.3: "verify that the authorization code is valid"; codes
    // live 60 s (§4.1.2: "A maximum authorization code lifetime of 10
    // minutes is RECOMMENDED").
    if (!stored.expiresAt.isValid() || stored.expiresAt <= request.now)
        return OAuthError::invalidGrant(InvalidCode, u"authorization code expired"_s);
    // RFC 6749 §4.1.3: "ensure that the "redirect_uri" parameter is present
    // if the "redirect_uri" parameter was included in the initial
    // authorization request ..., and if included ensure that their values
    // are identical."
    if (request.parameters.value(proto::param::RedirectUri) != stored.redirectUri) {
        return OAuthError::invalidGrant(u"redirect_uri does not match the authorization request."_s,
                                        u"redirect_uri mismatch"_s);
    }

    const QString verifier = request.parameters.value(proto::token_param::CodeVerifier);
    if (stored.codeChallenge.isEmpty()) {
        // RFC 9700 §2.1.1: "Authorization servers MUST mitigate PKCE
        // Downgrade Attacks by ensuring that a token request containing a
        // code_verifier parameter is accepted only if a code_challenge
        // parameter was present in the authorization request".
        if (!verifier.isEmpty()) {
            return OAuthError::invalidGrant(u"PKCE verification failed."_s,
                                            u"code_verifier sent for a code without challenge"_s);
        }
        // Defence in depth: the authorization endpoint must not have issued
        // such a code to a client that needs PKCE.
        if (client.requirePkce || client.isPublic()) {
            return OAuthError::invalidGrant(u"PKCE verification failed."_s,
                                            u"code without challenge for a PKCE client"_s);
        }
    } else if (auto pkce = Pkce::verify(verifier, stored.codeChallenge, stored.codeChallengeMethod);
               !pkce) {
        return std::move(pkce).error();
    }

    auto account = GrantSupport::activeAccount(*m_services->accounts, stored.subject);
    if (!account)
        return std::move(account).error();

    ValidatedGrant grant;
    grant.subject = stored.subject;
    grant.username = account->username;
    grant.scopes = stored.scopes;
    grant.grantedScopes = stored.scopes;
    grant.familyId = stored.familyId;
    grant.sessionId = stored.sessionId;
    grant.authTime = stored.authTime;
    grant.amr = stored.amr;
    grant.nonce = stored.nonce;
    return grant;
}

Result<TokenResponse, OAuthError> AuthorizationCodeGrant::respond(const TokenRequest &request,
                                                                  const ValidatedGrant &grant) const
{
    const Client &client = request.client;
    // Refresh tokens only for offline_access (OpenID Connect Core §11) and
    // only to clients registered for the refresh_token grant. Such a family
    // is not bound to the OP session: logout does not end offline access.
    const bool offline = grant.scopes.contains(proto::scope::OfflineAccess) &&
                         client.grantTypes.contains(proto::grant::RefreshToken);
    const bool openid = grant.scopes.contains(proto::scope::OpenId);
    const QString familySession = offline ? QString() : grant.sessionId;

    TokenIssuer::Grant issue;
    issue.grantType = proto::grant::AuthorizationCode;
    issue.client = client;
    issue.subject = grant.subject;
    issue.scopes = grant.scopes;
    issue.familyId = grant.familyId;
    issue.sessionId = grant.sessionId;
    issue.authTime = grant.authTime;
    issue.amr = grant.amr;
    issue.nonce = grant.nonce;
    issue.issuer = request.issuer;
    issue.issuedAt = request.now;

    // Refresh lifetime is absolute from this redemption: rotation hands out
    // new values, never more time.
    const QDateTime refreshExpiresAt =
        request.now.addSecs(m_issuer.refreshTokenLifetimeSecs(client));
    const int longest = std::max({m_issuer.accessTokenLifetimeSecs(client),
                                  openid ? m_issuer.idTokenLifetimeSecs(client) : 0,
                                  offline ? m_issuer.refreshTokenLifetimeSecs(client) : 0});
    if (auto family = m_issuer.createFamily(issue, familySession, request.now.addSecs(longest));
        !family)
        return std::move(family).error();

    auto access = m_issuer.issueAccessToken(issue, familySession);
    if (!access)
        return std::move(access).error();
    TokenResponse response;
    response.accessToken = access->value;
    response.expiresIn = access->expiresIn;
    response.scopes = grant.scopes;
    if (openid) {
        auto idToken = m_issuer.issueIdToken(issue, access->value);
        if (!idToken)
            return std::move(idToken).error();
        response.idToken = *idToken;
    }
    if (offline) {
        auto refresh =
            m_issuer.issueRefreshToken(issue, grant.grantedScopes, familySession, refreshExpiresAt);
        if (!refresh)
            return std::move(refresh).error();
        response.refreshToken = *refresh;
    }
    return response;
}

} // namespace lanyard
