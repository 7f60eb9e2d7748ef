// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokens/TokenLookup.h"

#include "auth/OpaqueToken.h"
#include "core/Protocol.h"
#include "runtime/ProviderServices.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/TokenStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// Lanyard's opaque tokens are 43 characters and JWTs a few hundred; a
/// longer value is no token of ours and is not worth hashing.
constexpr qsizetype MaxTokenLength = 8192;

OAuthError storeFailed(const QString &what, const Error &error)
{
    return OAuthError::serverError(what + u": "_s + error.message);
}

} // namespace

TokenLookup::TokenLookup(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_verifier(std::move(services))
{
    Q_ASSERT(m_services);
}

std::optional<TokenLookup::Kind> TokenLookup::parseHint(const QString &hint)
{
    // RFC 7009 §2.1 / §4.1.2 (shared by RFC 7662 §2.1): access_token and
    // refresh_token. Other values "MAY" be ignored; Lanyard searches all.
    if (hint == proto::token_param::AccessToken)
        return Kind::AccessToken;
    if (hint == proto::token_param::RefreshToken)
        return Kind::RefreshToken;
    return std::nullopt;
}

Result<std::optional<TokenLookup::Found>, OAuthError>
TokenLookup::findActive(const QString &token, std::optional<Kind> hint, const QString &issuer) const
{
    if (token.isEmpty() || token.size() > MaxTokenLength)
        return std::optional<Found>();
    const Kind first = hint.value_or(Kind::AccessToken);
    for (const Kind kind :
         {first, first == Kind::AccessToken ? Kind::RefreshToken : Kind::AccessToken}) {
        auto found =
            kind == Kind::AccessToken ? findAccessToken(token, issuer) : findRefreshToken(token);
        if (!found || found->has_value())
            return found;
    }
    return std::optional<Found>();
}

Result<std::optional<TokenLookup::Found>, OAuthError>
TokenLookup::findAccessToken(const QString &token, const QString &issuer) const
{
    auto verified = m_verifier.verify(token, issuer);
    if (!verified) {
        if (verified.error().code() == proto::error::ServerError)
            return verified.error();
        return std::optional<Found>();
    }
    Found found;
    found.kind = Kind::AccessToken;
    found.clientId = verified->clientId;
    found.subject = verified->subject;
    found.clientOnly = verified->clientOnly;
    found.scopes = verified->scopes;
    found.familyId = verified->familyId;
    found.issuedAt = verified->issuedAt;
    found.expiresAt = verified->expiresAt;
    found.jti = verified->jti;
    found.tokenHash = verified->tokenHash;
    found.opaque = verified->opaque;
    auto valid = stillValid(&found);
    if (!valid)
        return valid.error();
    return *valid ? std::optional<Found>(std::move(found)) : std::optional<Found>();
}

Result<std::optional<TokenLookup::Found>, OAuthError>
TokenLookup::findRefreshToken(const QString &token) const
{
    // A JWT is never a refresh token; opaque values are hashed and looked up.
    if (token.contains(u'.'))
        return std::optional<Found>();
    const auto stored = m_services->tokens->find(OpaqueToken::hashOf(token));
    if (!stored)
        return storeFailed(u"cannot read a refresh token"_s, stored.error());
    if (!stored->has_value() || (*stored)->kind != TokenRecord::Kind::RefreshToken)
        return std::optional<Found>();
    const TokenRecord &record = **stored;
    const QDateTime now = m_services->clock->now();
    // A rotated token was exchanged for its successor (RFC 9700 §4.14.2):
    // presenting it again is reuse, so it is no live token.
    if (record.revokedAt.isValid() || record.rotatedAt.isValid() || !record.expiresAt.isValid() ||
        record.expiresAt <= now)
        return std::optional<Found>();
    const auto familyRevoked = m_services->tokens->isFamilyRevoked(record.familyId);
    if (!familyRevoked)
        return storeFailed(u"cannot read a token family"_s, familyRevoked.error());
    if (*familyRevoked)
        return std::optional<Found>();

    Found found;
    found.kind = Kind::RefreshToken;
    found.clientId = record.clientId;
    found.subject = record.subject.isEmpty() ? record.clientId : record.subject;
    found.clientOnly = record.subject.isEmpty();
    found.scopes = record.scopes;
    found.familyId = record.familyId;
    found.issuedAt = record.issuedAt;
    found.expiresAt = record.expiresAt;
    found.tokenHash = record.tokenHash;
    found.opaque = true;
    auto valid = stillValid(&found);
    if (!valid)
        return valid.error();
    return *valid ? std::optional<Found>(std::move(found)) : std::optional<Found>();
}

Result<bool, OAuthError> TokenLookup::stillValid(Found *found) const
{
    // Deleting a client deletes its stored tokens; its JWTs must die too.
    const auto client = m_services->clients->find(found->clientId);
    if (!client)
        return storeFailed(u"client look-up failed"_s, client.error());
    if (!client->has_value())
        return false;
    if (found->clientOnly)
        return true;
    // As at userinfo: the tokens of a deleted or disabled account stop
    // working with it.
    const auto account = m_services->accounts->findBySubject(found->subject);
    if (!account)
        return storeFailed(u"account look-up failed"_s, account.error());
    if (!account->has_value() || (*account)->disabled)
        return false;
    found->username = (*account)->username;
    return true;
}

} // namespace lanyard
