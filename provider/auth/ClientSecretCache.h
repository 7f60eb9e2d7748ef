// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>

namespace lanyard {

class RandomSource;

/// Remembers recent successful client secret verifications, so a client
/// whose (short, imported) secret is stored as Argon2id does not pay ~50 ms
/// of CPU and 19 MiB of memory on every token request - which would cap the
/// token endpoint at a few dozen requests per second per core.
///
/// An entry is keyed by HMAC-SHA-256 under a random per-process key of
/// (client_id, SHA-256(secret), stored hash): it holds no secret and nothing
/// a memory dump could brute-force offline without the process key; a
/// changed secret or a rotated hash simply misses; only successes are
/// remembered, so failed guesses always pay the full Argon2id price.
/// Entries live `ttlSecs`; when `capacity` is reached expired entries are
/// dropped, and if none expired the whole cache is cleared (bounded memory,
/// no eviction bookkeeping).
///
/// Threads: every function may be called from any thread (one mutex).
class ClientSecretCache
{
public:
    struct Options
    {
        /// How long a verified secret is trusted without re-hashing.
        int ttlSecs = 300;
        /// Most entries held (about 100 bytes each).
        int capacity = 1024;
    };

    /// `random` gives the per-process key (Random::system() when null).
    ClientSecretCache(std::shared_ptr<const Clock> clock, Options options,
                      std::shared_ptr<RandomSource> random = nullptr);
    explicit ClientSecretCache(std::shared_ptr<const Clock> clock = Clock::system());

    /// True when this exact (client, secret, stored hash) was verified
    /// within the last ttlSecs.
    bool contains(const QString &clientId, const QString &secret, const QString &storedHash) const;
    /// Records a successful verification.
    void insert(const QString &clientId, const QString &secret, const QString &storedHash);
    /// Forgets everything (e.g. after a client was changed).
    void clear();

    qsizetype size() const;
    /// How many contains() calls were answered from the cache.
    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }

private:
    QByteArray keyOf(const QString &clientId, const QString &secret,
                     const QString &storedHash) const;

    std::shared_ptr<const Clock> m_clock;
    Options m_options;
    QByteArray m_processKey;
    mutable QMutex m_mutex;
    QHash<QByteArray, QDateTime> m_entries;
    mutable std::atomic<quint64> m_hits{0};
};

} // namespace lanyard
