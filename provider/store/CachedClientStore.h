// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "store/ClientStore.h"

#include <QHash>
#include <QMutex>

#include <atomic>
#include <memory>

namespace lanyard {

class Database;

/// A ClientStore that answers find() from memory for the request paths
/// (every token request looks its client up; the SQL read was about a
/// seventh of the token endpoint's CPU). Writes, list() and count() go to
/// the store underneath.
///
/// When a cached client is trusted:
/// - changes made by this process take effect at the very next find(): an
///   entry is kept with the store's changeGeneration() read before the
///   client was, and any write (an admin edit, an import, a deletion, in
///   the GUI or through the admin API) changes the generation, also when
///   the transaction it was part of commits;
/// - changes made by another process sharing the database (`lanyard
///   import` or a second `lanyard serve` on the same file or PostgreSQL
///   database) are seen within `ttlMs`: until then a deleted client, a
///   rotated secret or a changed registration may still be honoured here;
/// - inside a Database::Transaction of the calling thread the store is read
///   directly (the transaction may hold writes of its own).
/// Only clients that exist are kept (an unknown client_id is always looked
/// up), at most `capacity` of them; past it the cache starts afresh.
///
/// Threads: every function may be called from any thread (one mutex around
/// the map; the store's own calls are made outside it).
class CachedClientStore final : public ClientStore
{
public:
    struct Options
    {
        /// Longest a client read from the database is trusted without
        /// reading it again: the delay before a change made by another
        /// process takes effect here. 0 turns the cache off.
        int ttlMs = 2000;
        /// Most clients held.
        int capacity = 4096;
    };

    /// `store` (never null) is the store underneath; `db` (may be null: no
    /// transaction check) is the database it uses; `clock` times entries.
    CachedClientStore(std::shared_ptr<ClientStore> store, std::shared_ptr<const Database> db,
                      std::shared_ptr<const Clock> clock, Options options);
    CachedClientStore(std::shared_ptr<ClientStore> store, std::shared_ptr<const Database> db,
                      std::shared_ptr<const Clock> clock = Clock::system());

    /// The client from the cache while fresh (see class comment), else
    /// from the store. Any thread.
    Result<std::optional<Client>, Error> find(const QString &clientId) const override;
    /// The store's list. Any thread.
    Result<QList<Client>, Error> list() const override;
    /// Saves through the store and forgets the client. Any thread.
    Result<void, Error> save(const Client &client) override;
    /// Removes through the store and forgets the client. Any thread.
    Result<bool, Error> remove(const QString &clientId) override;
    /// The store's count. Any thread.
    Result<qint64, Error> count() const override;
    /// The store's generation. Any thread.
    quint64 changeGeneration() const override;

    /// Forgets every client. Any thread.
    void clear();
    /// How many find() calls were answered from memory (tests). Any thread.
    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }

private:
    struct Entry
    {
        Client client;
        quint64 generation = 0;
        qint64 readAtMs = 0;
    };

    void forget(const QString &clientId);

    std::shared_ptr<ClientStore> m_store;
    std::shared_ptr<const Database> m_db;
    std::shared_ptr<const Clock> m_clock;
    Options m_options;
    mutable QMutex m_mutex;
    mutable QHash<QString, Entry> m_entries;
    mutable std::atomic<quint64> m_hits{0};
};

} // namespace lanyard
