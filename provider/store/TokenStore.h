// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/TokenRecord.h"

#include <optional>

namespace lanyard {

/// Refresh tokens, opaque access tokens and token families, by hash.
/// Same threading and transaction rules as ClientStore.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    virtual Result<void, Error> save(const TokenRecord &token) = 0;
    virtual Result<std::optional<TokenRecord>, Error> find(const QString &tokenHash) const = 0;
    /// Atomically sets rotatedAt if it was unset; false when the token was
    /// already rotated (reuse) or does not exist.
    virtual Result<bool, Error> markRotated(const QString &tokenHash, const QDateTime &now) = 0;
    /// Revokes one token; false when there was none.
    virtual Result<bool, Error> revoke(const QString &tokenHash, const QDateTime &now) = 0;
    /// Revokes every token of a family and records the family as revoked,
    /// so JWT access tokens of the family fail too. Returns how many stored
    /// tokens were revoked.
    virtual Result<int, Error> revokeFamily(const QString &familyId, const QDateTime &now) = 0;
    virtual Result<bool, Error> isFamilyRevoked(const QString &familyId) const = 0;
    /// Records that one JWT access token (by its `jti`, issued to
    /// `clientId`) is revoked on its own (RFC 7009: the rest of its grant
    /// lives on), until `expiresAt` (its `exp`: after that it fails anyway).
    /// A second call keeps the first record.
    virtual Result<void, Error> revokeAccessToken(const QString &jti, const QString &clientId,
                                                  const QDateTime &now,
                                                  const QDateTime &expiresAt) = 0;
    /// True when revokeAccessToken() recorded `jti` and purgeExpired() has
    /// not yet dropped the record.
    virtual Result<bool, Error> isAccessTokenRevoked(const QString &jti) const = 0;
    /// Records a new token family: which client, account (empty for
    /// client_credentials) and OP session (empty for offline_access
    /// families, which outlive the session) it belongs to, and when its
    /// longest-lived token expires (save() extends it to cover stored
    /// tokens). Call it once, when the family's first token is issued, even
    /// when the family only ever issues JWT access tokens: revokeSession()
    /// finds families through it. Conflict when the family exists.
    virtual Result<void, Error> createFamily(const QString &familyId, const QString &clientId,
                                             const QString &subject, const QString &sessionId,
                                             const QDateTime &createdAt,
                                             const QDateTime &expiresAt) = 0;
    /// Revokes the families bound to a session (not offline_access ones), as
    /// revokeFamily() does: the families created with that session id and
    /// those whose stored tokens carry it. Returns how many families.
    virtual Result<int, Error> revokeSession(const QString &sessionId, const QDateTime &now) = 0;
    /// Revokes, as revokeFamily() does, every family of one account and one
    /// client, offline_access families included: what an administrator
    /// revoking that client's grant for the account takes away. Returns how
    /// many families.
    virtual Result<int, Error> revokeClientGrants(const QString &subject, const QString &clientId,
                                                  const QDateTime &now) = 0;
    /// Revokes, as revokeFamily() does, every family of one client
    /// (grants of every account, offline_access and client_credentials
    /// families alike): what deleting the client takes away. Returns how
    /// many families.
    virtual Result<int, Error> revokeClient(const QString &clientId, const QDateTime &now) = 0;
    /// Revokes, as revokeFamily() does, every family of one account, whatever
    /// its client or session: what deleting the account takes away. Returns
    /// how many families.
    virtual Result<int, Error> revokeAccount(const QString &subject, const QDateTime &now) = 0;
    virtual Result<int, Error> purgeExpired(const QDateTime &now, int batch) = 0;
};

} // namespace lanyard
