// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Client.h"

#include <optional>

namespace lanyard {

/// Registered clients. Implementations use the calling thread's database
/// connection, so calls made inside a Database::Transaction join it.
/// Any thread may call.
class ClientStore
{
public:
    virtual ~ClientStore() = default;
    virtual Result<std::optional<Client>, Error> find(const QString &clientId) const = 0;
    virtual Result<QList<Client>, Error> list() const = 0;
    /// Inserts or replaces by clientId; sets createdAt/updatedAt.
    virtual Result<void, Error> save(const Client &client) = 0;
    /// Returns false when there was no such client.
    virtual Result<bool, Error> remove(const QString &clientId) = 0;
    virtual Result<qint64, Error> count() const = 0;

    /// A number that changes whenever a write of this process may have
    /// changed what find() answers: when the write runs, and again when the
    /// transaction it joined ends (only then do other connections see it).
    /// CachedClientStore compares it. Any thread.
    virtual quint64 changeGeneration() const = 0;
};

} // namespace lanyard
