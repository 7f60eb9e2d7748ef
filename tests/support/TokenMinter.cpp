// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenMinter.h"

#include "auth/OpaqueToken.h"
#include "core/Protocol.h"
#include "jose/Base64Url.h"
#include "store/ClientStore.h"
#include "tokens/TokenIssuer.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lanyard::test {

namespace {

Client clientOf(const ProviderServices &services, const QString &clientId)
{
    const auto found = services.clients->find(clientId);
    if (!found || !found->has_value())
        qFatal("TokenMinter: no client %s", qPrintable(clientId));
    return **found;
}

QString jtiOf(const QString &jwt)
{
    const QStringList parts = jwt.split(u'.');
    if (parts.size() != 3)
        return {};
    const auto payload = Base64Url::decode(parts.at(1).toLatin1());
    if (!payload)
        return {};
    return QJsonDocument::fromJson(*payload).object().value(u"jti"_s).toString();
}

} // namespace

TokenMinter::TokenMinter(std::shared_ptr<const ProviderServices> services)
    : m_services(std::move(services))
{}

QString TokenMinter::newFamily(const QString &clientId, const QString &subject,
                               const QDateTime &issuedAt) const
{
    const TokenIssuer issuer(m_services);
    TokenIssuer::Grant grant;
    grant.client = clientOf(*m_services, clientId);
    grant.subject = subject;
    grant.familyId = issuer.newFamilyId();
    grant.issuedAt = issuedAt.isValid() ? issuedAt : m_services->clock->now();
    if (!issuer.createFamily(grant, {}, grant.issuedAt.addDays(1)).ok())
        qFatal("TokenMinter: cannot create a family");
    return grant.familyId;
}

TokenMinter::Minted TokenMinter::accessToken(const QString &clientId, const QString &subject,
                                             const QStringList &scopes, const QString &familyId,
                                             const QDateTime &issuedAt) const
{
    const TokenIssuer issuer(m_services);
    TokenIssuer::Grant grant;
    grant.grantType = proto::grant::AuthorizationCode;
    grant.client = clientOf(*m_services, clientId);
    grant.subject = subject;
    grant.scopes = scopes;
    grant.issuedAt = issuedAt.isValid() ? issuedAt : m_services->clock->now();
    grant.authTime = grant.issuedAt.addSecs(-5);
    grant.familyId = familyId.isEmpty() ? newFamily(clientId, subject, grant.issuedAt) : familyId;
    grant.issuer = m_services->issuer.toString(QUrl::FullyEncoded);
    const auto token = issuer.issueAccessToken(grant, {});
    if (!token)
        qFatal("TokenMinter: %s", qPrintable(token.error().detail()));
    Minted minted;
    minted.value = token->value;
    minted.familyId = grant.familyId;
    minted.expiresAt = token->expiresAt;
    if (grant.client.opaqueAccessTokens)
        minted.hash = OpaqueToken::hashOf(token->value);
    else
        minted.jti = jtiOf(token->value);
    return minted;
}

TokenMinter::Minted TokenMinter::refreshToken(const QString &clientId, const QString &subject,
                                              const QStringList &scopes, const QString &familyId,
                                              const QDateTime &issuedAt) const
{
    const TokenIssuer issuer(m_services);
    TokenIssuer::Grant grant;
    grant.grantType = proto::grant::AuthorizationCode;
    grant.client = clientOf(*m_services, clientId);
    grant.subject = subject;
    grant.scopes = scopes;
    if (!grant.scopes.contains(proto::scope::OfflineAccess))
        grant.scopes.append(proto::scope::OfflineAccess);
    grant.issuedAt = issuedAt.isValid() ? issuedAt : m_services->clock->now();
    grant.authTime = grant.issuedAt.addSecs(-5);
    grant.familyId = familyId.isEmpty() ? newFamily(clientId, subject, grant.issuedAt) : familyId;
    grant.issuer = m_services->issuer.toString(QUrl::FullyEncoded);
    const QDateTime expiresAt =
        grant.issuedAt.addSecs(issuer.refreshTokenLifetimeSecs(grant.client));
    const auto token = issuer.issueRefreshToken(grant, grant.scopes, {}, expiresAt);
    if (!token)
        qFatal("TokenMinter: %s", qPrintable(token.error().detail()));
    Minted minted;
    minted.value = *token;
    minted.familyId = grant.familyId;
    minted.hash = OpaqueToken::hashOf(*token);
    minted.expiresAt = expiresAt;
    return minted;
}

TokenMinter::Minted TokenMinter::clientToken(const QString &clientId, const QStringList &scopes,
                                             const QDateTime &issuedAt) const
{
    const TokenIssuer issuer(m_services);
    TokenIssuer::Grant grant;
    grant.grantType = proto::grant::ClientCredentials;
    grant.client = clientOf(*m_services, clientId);
    grant.scopes = scopes;
    grant.familyId = issuer.newFamilyId();
    grant.issuer = m_services->issuer.toString(QUrl::FullyEncoded);
    grant.issuedAt = issuedAt.isValid() ? issuedAt : m_services->clock->now();
    const auto token = issuer.issueAccessToken(grant, {});
    if (!token)
        qFatal("TokenMinter: %s", qPrintable(token.error().detail()));
    Minted minted;
    minted.value = token->value;
    minted.familyId = grant.familyId;
    minted.expiresAt = token->expiresAt;
    if (grant.client.opaqueAccessTokens)
        minted.hash = OpaqueToken::hashOf(token->value);
    else
        minted.jti = jtiOf(token->value);
    return minted;
}

} // namespace lanyard::test
