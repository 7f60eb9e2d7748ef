// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/LoginThrottle.h"

#include "auth/SignInPolicy.h"
#include "store/ThrottleStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

LoginThrottle::LoginThrottle(std::shared_ptr<ThrottleStore> store,
                             std::shared_ptr<const Clock> clock)
    : m_store(std::move(store)), m_clock(std::move(clock))
{}

QString LoginThrottle::accountKey(const QString &username)
{
    return u"account:"_s + username;
}

QString LoginThrottle::addressKey(const QHostAddress &address)
{
    return u"ip:"_s + address.toString();
}

Result<LoginThrottle::Verdict, Error> LoginThrottle::check(const QString &username,
                                                           const QHostAddress &address) const
{
    const QDateTime since = m_clock->now().addSecs(-SignInPolicy::FailureWindowSecs);
    auto account = m_store->failuresSince(accountKey(username), since);
    if (!account)
        return account.error();
    if (*account >= SignInPolicy::AccountFailureLimit)
        return Verdict::AccountLocked;
    auto source = m_store->failuresSince(addressKey(address), since);
    if (!source)
        return source.error();
    if (*source >= SignInPolicy::AddressFailureLimit)
        return Verdict::AddressLocked;
    return Verdict::Allowed;
}

Result<void, Error> LoginThrottle::recordFailure(const QString &username,
                                                 const QHostAddress &address) const
{
    const QDateTime now = m_clock->now();
    if (!username.isEmpty()) {
        if (auto recorded = m_store->recordFailure(accountKey(username), now); !recorded)
            return recorded;
    }
    return m_store->recordFailure(addressKey(address), now);
}

Result<void, Error> LoginThrottle::recordSuccess(const QString &username) const
{
    return m_store->clear(accountKey(username));
}

} // namespace lanyard
