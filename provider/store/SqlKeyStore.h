// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/KeyStore.h"

#include <memory>

namespace lanyard {

class Database;

/// KeyStore over the `signing_keys` table; the PKCS#8 DER private key is a
/// BLOB (PostgreSQL BYTEA), the state its name (next, active, retired).
/// Uses the calling thread's connection of the Database, so calls join a
/// Database::Transaction open on that thread. Any thread.
class SqlKeyStore final : public KeyStore
{
public:
    explicit SqlKeyStore(std::shared_ptr<Database> db);

    /// Every key, oldest (createdAt) first, then by kid. Any thread.
    Result<QList<SigningKey>, Error> list() const override;
    /// Inserts or replaces by kid (empty kid or alg: Invalid). An invalid
    /// createdAt becomes the clock's now; a replace keeps the stored createdAt.
    /// Any thread.
    Result<void, Error> save(const SigningKey &key) override;
    /// Returns false when there was no such key. Any thread.
    Result<bool, Error> remove(const QString &kid) override;
    /// One conditional UPDATE of state, activated_at, retired_at and
    /// published_until (`WHERE kid = ? AND state = ?`); alg, private key and
    /// createdAt are never changed. True when the row changed. Any thread.
    Result<bool, Error> updateState(const SigningKey &key, KeyState from) override;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
