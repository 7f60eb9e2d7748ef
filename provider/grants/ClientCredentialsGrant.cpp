// SPDX-License-Identifier: GPL-3.0-or-later
#include "grants/ClientCredentialsGrant.h"

#include "core/Protocol.h"
#include "grants/GrantSupport.h"
#include "runtime/ProviderServices.h"

using namespace Qt::StringLiterals;

namespace lanyard {

ClientCredentialsGrant::ClientCredentialsGrant(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_issuer(services)
{}

QString ClientCredentialsGrant::grantType() const
{
    return proto::grant::ClientCredentials;
}

bool ClientCredentialsGrant::needsTransaction(const TokenRequest &request) const
{
    Q_UNUSED(request);
    return false;
}

Result<ValidatedGrant, OAuthError>
ClientCredentialsGrant::validate(const TokenRequest &request) const
{
    const Client &client = request.client;
    // RFC 6749 §4.4: "The client credentials grant type MUST only be used
    // by confidential clients."
    if (client.isPublic()) {
        return OAuthError::unauthorizedClient(
            u"Public clients cannot use the client_credentials grant."_s,
            u"public client %1 asked for client_credentials"_s.arg(client.clientId));
    }
    if (auto allowed = GrantSupport::requireGrantType(client, proto::grant::ClientCredentials);
        !allowed)
        return std::move(allowed).error();

    auto requested = GrantSupport::parseScope(request.parameters.value(proto::param::Scope));
    if (!requested)
        return std::move(requested).error();
    for (const QString &scope : std::as_const(*requested)) {
        // No end-user takes part: OpenID Connect scopes make no sense here.
        if (scope == proto::scope::OpenId || scope == proto::scope::OfflineAccess) {
            return OAuthError::invalidScope(
                u"The scope %1 is not available with client_credentials."_s.arg(scope));
        }
        // RFC 6749 §3.3: the server "MAY fully or partially ignore the scope
        // requested by the client"; Lanyard refuses instead of narrowing
        // silently, so a misconfigured service fails loudly.
        if (!client.scopes.contains(scope)) {
            return OAuthError::invalidScope(
                u"The client is not registered for the scope %1."_s.arg(scope),
                u"client_credentials scope outside the client's scopes"_s);
        }
    }
    ValidatedGrant grant;
    grant.scopes = *requested;
    grant.grantedScopes = *requested;
    return grant;
}

Result<TokenResponse, OAuthError> ClientCredentialsGrant::respond(const TokenRequest &request,
                                                                  const ValidatedGrant &grant) const
{
    TokenIssuer::Grant issue;
    issue.grantType = proto::grant::ClientCredentials;
    issue.client = request.client;
    issue.scopes = grant.scopes;
    issue.familyId = m_issuer.newFamilyId();
    issue.issuer = request.issuer;
    issue.issuedAt = request.now;

    // No token_families row: a JWT access token is self-contained, and this
    // grant has no account, session or refresh token whose family an
    // administrator or a logout would revoke. The family id only fills the
    // token's `fid`; one such token is revoked by its jti
    // (TokenStore::revokeAccessToken, RFC 7009). Writing a row per token
    // made every issuance a database write, and those writers queued for
    // SQLite's single write lock.
    auto access = m_issuer.issueAccessToken(issue, {});
    if (!access)
        return std::move(access).error();
    TokenResponse response;
    response.accessToken = access->value;
    response.expiresIn = access->expiresIn;
    response.scopes = grant.scopes;
    return response;
}

} // namespace lanyard
