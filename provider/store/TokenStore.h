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
    /// Revokes the families bound to a session (not offline_access ones).
    virtual Result<int, Error> revokeSession(const QString &sessionId, const QDateTime &now) = 0;
    virtual Result<int, Error> purgeExpired(const QDateTime &now, int batch) = 0;
};

} // namespace lanyard
