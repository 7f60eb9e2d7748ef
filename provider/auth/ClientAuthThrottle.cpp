// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/ClientAuthThrottle.h"

#include "store/ThrottleStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// RFC 6749 Appendix A.1 allows any length; ClientValidator allows 255.
constexpr qsizetype MaxKeyedClientId = 255;

} // namespace

ClientAuthThrottle::ClientAuthThrottle(std::shared_ptr<ThrottleStore> store,
                                       std::shared_ptr<const Clock> clock)
    : m_store(std::move(store)), m_clock(clock ? std::move(clock) : Clock::system())
{
    Q_ASSERT(m_store);
}

QString ClientAuthThrottle::key(const QString &clientId, const QHostAddress &address)
{
    return u"client:"_s + clientId.left(MaxKeyedClientId) + u'@' + address.toString();
}

Result<bool, Error> ClientAuthThrottle::isLocked(const QString &clientId,
                                                 const QHostAddress &address) const
{
    const QString pair = key(clientId, address);
    const QDateTime now = m_clock->now();
    {
        QMutexLocker lock(&m_mutex);
        const auto clean = m_clean.constFind(pair);
        if (clean != m_clean.constEnd() && now < *clean)
            return false;
    }
    auto failures = m_store->failuresSince(pair, now.addSecs(-WindowSecs));
    if (!failures)
        return failures.error();
    QMutexLocker lock(&m_mutex);
    if (*failures == 0) {
        if (m_clean.size() >= MaxCleanPairs)
            m_clean.clear();
        m_clean.insert(pair, now.addSecs(CleanCacheSecs));
    } else {
        m_clean.remove(pair);
    }
    return *failures >= FailureLimit;
}

Result<void, Error> ClientAuthThrottle::recordFailure(const QString &clientId,
                                                      const QHostAddress &address) const
{
    const QString pair = key(clientId, address);
    {
        QMutexLocker lock(&m_mutex);
        m_clean.remove(pair);
    }
    return m_store->recordFailure(pair, m_clock->now());
}

} // namespace lanyard
