// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/CachedClientStore.h"

#include "store/Database.h"

#include <QMutexLocker>

namespace lanyard {

CachedClientStore::CachedClientStore(std::shared_ptr<ClientStore> store,
                                     std::shared_ptr<const Database> db,
                                     std::shared_ptr<const Clock> clock, Options options)
    : m_store(std::move(store)), m_db(std::move(db)),
      m_clock(clock ? std::move(clock) : Clock::system()), m_options(options)
{
    Q_ASSERT(m_store);
}

CachedClientStore::CachedClientStore(std::shared_ptr<ClientStore> store,
                                     std::shared_ptr<const Database> db,
                                     std::shared_ptr<const Clock> clock)
    : CachedClientStore(std::move(store), std::move(db), std::move(clock), Options{})
{}

Result<std::optional<Client>, Error> CachedClientStore::find(const QString &clientId) const
{
    if (m_options.ttlMs <= 0 || m_options.capacity <= 0 || (m_db && m_db->inTransaction()))
        return m_store->find(clientId);

    // Read before the store is: a write that lands while the client is
    // being read changes it, so such an entry is never trusted.
    const quint64 generation = m_store->changeGeneration();
    const qint64 nowMs = m_clock->now().toMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        const auto found = m_entries.constFind(clientId);
        // A clock that went back does not stretch the lifetime of an entry.
        if (found != m_entries.constEnd() && found->generation == generation &&
            nowMs >= found->readAtMs && nowMs - found->readAtMs < m_options.ttlMs) {
            m_hits.fetch_add(1, std::memory_order_relaxed);
            return std::optional<Client>(found->client);
        }
    }

    auto read = m_store->find(clientId);
    if (!read)
        return read;
    QMutexLocker lock(&m_mutex);
    if (!read->has_value()) {
        m_entries.remove(clientId);
        return read;
    }
    if (m_entries.size() >= m_options.capacity && !m_entries.contains(clientId))
        m_entries.clear();
    m_entries.insert(clientId, Entry{**read, generation, nowMs});
    return read;
}

Result<QList<Client>, Error> CachedClientStore::list() const
{
    return m_store->list();
}

Result<void, Error> CachedClientStore::save(const Client &client)
{
    auto saved = m_store->save(client);
    forget(client.clientId);
    return saved;
}

Result<bool, Error> CachedClientStore::remove(const QString &clientId)
{
    auto removed = m_store->remove(clientId);
    forget(clientId);
    return removed;
}

Result<qint64, Error> CachedClientStore::count() const
{
    return m_store->count();
}

quint64 CachedClientStore::changeGeneration() const
{
    return m_store->changeGeneration();
}

void CachedClientStore::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

void CachedClientStore::forget(const QString &clientId)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(clientId);
}

} // namespace lanyard
