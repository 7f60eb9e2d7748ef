// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/CodeStore.h"

#include <memory>

namespace lanyard {

class Database;

/// CodeStore over the `authorization_codes` table. A code belongs to a
/// client and an account: deleting either deletes the code. Uses the calling
/// thread's connection of the Database, so calls join a Database::Transaction
/// open on that thread. Any thread.
class SqlCodeStore final : public CodeStore
{
public:
    explicit SqlCodeStore(std::shared_ptr<Database> db);

    /// Inserts a new code. Needs codeHash, clientId and subject (existing),
    /// familyId and expiresAt (Invalid otherwise); an invalid createdAt
    /// becomes the clock's now; consumedAt is stored as given (normally
    /// unset). Conflict when the hash exists. Any thread.
    Result<void, Error> save(const AuthorizationCode &code) override;
    /// One conditional UPDATE (`SET consumed_at = now WHERE consumed_at IS
    /// NULL`) decides: the caller whose update changed the row gets
    /// Redeemed, every other Replayed with the first redemption's consumedAt,
    /// on SQLite and PostgreSQL alike. Inside a caller's transaction the
    /// decision is undone if that transaction rolls back. Any thread.
    Result<Redemption, Error> redeem(const QString &codeHash, const QDateTime &now) override;
    /// Deletes up to `batch` (at least 1) codes whose expiresAt is at or
    /// before `now`, consumed or not; returns how many. Any thread.
    Result<int, Error> purgeExpired(const QDateTime &now, int batch) override;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
