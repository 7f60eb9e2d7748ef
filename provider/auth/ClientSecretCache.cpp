// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/ClientSecretCache.h"

#include "crypto/Digest.h"
#include "crypto/Random.h"

#include <QMutexLocker>
#include <QtEndian>

namespace lanyard {

namespace {

constexpr qsizetype ProcessKeyBytes = 32;

// Length-prefixed, so no two different triples share an encoding.
void appendField(QByteArray &out, QByteArrayView field)
{
    const auto size = static_cast<quint32>(field.size());
    char prefix[4];
    qToBigEndian(size, prefix);
    out.append(prefix, 4);
    out.append(field);
}

} // namespace

ClientSecretCache::ClientSecretCache(std::shared_ptr<const Clock> clock, Options options,
                                     std::shared_ptr<RandomSource> random)
    : m_clock(clock ? std::move(clock) : Clock::system()), m_options(options)
{
    if (!random)
        random = Random::system();
    m_processKey = random->bytes(ProcessKeyBytes);
}

ClientSecretCache::ClientSecretCache(std::shared_ptr<const Clock> clock)
    : ClientSecretCache(std::move(clock), Options{})
{}

QByteArray ClientSecretCache::keyOf(const QString &clientId, const QString &secret,
                                    const QString &storedHash) const
{
    QByteArray message;
    appendField(message, clientId.toUtf8());
    appendField(message, Digest::sha256(secret.toUtf8()));
    appendField(message, storedHash.toUtf8());
    return Digest::hmacSha256(m_processKey, message);
}

bool ClientSecretCache::contains(const QString &clientId, const QString &secret,
                                 const QString &storedHash) const
{
    if (m_options.ttlSecs <= 0 || m_options.capacity <= 0)
        return false;
    const QByteArray key = keyOf(clientId, secret, storedHash);
    if (key.isEmpty())
        return false;
    const QDateTime now = m_clock->now();
    QMutexLocker lock(&m_mutex);
    const auto found = m_entries.constFind(key);
    if (found == m_entries.constEnd() || *found <= now)
        return false;
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void ClientSecretCache::insert(const QString &clientId, const QString &secret,
                               const QString &storedHash)
{
    if (m_options.ttlSecs <= 0 || m_options.capacity <= 0)
        return;
    const QByteArray key = keyOf(clientId, secret, storedHash);
    if (key.isEmpty())
        return;
    const QDateTime now = m_clock->now();
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= m_options.capacity && !m_entries.contains(key)) {
        m_entries.removeIf([&now](const auto &entry) { return entry.value() <= now; });
        if (m_entries.size() >= m_options.capacity)
            m_entries.clear();
    }
    m_entries.insert(key, now.addSecs(m_options.ttlSecs));
}

void ClientSecretCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

qsizetype ClientSecretCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

} // namespace lanyard
