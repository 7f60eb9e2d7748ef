// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/PasswordLogin.h"

#include "auth/SignInLog.h"
#include "auth/SignInPolicy.h"
#include "crypto/PasswordHasher.h"
#include "crypto/RandomSource.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "runtime/ProviderServices.h"
#include "store/AccountStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

PasswordLogin::PasswordLogin(std::shared_ptr<const ProviderServices> services)
    : m_services(std::move(services)), m_throttle(m_services->throttle, m_services->clock)
{}

QString PasswordLogin::dummyHash() const
{
    // Made once, lazily (hashing takes tens of milliseconds), with the
    // hasher's current parameters so verifying against it costs what
    // verifying a real password does.
    std::call_once(m_dummyOnce, [this] {
        auto hashed = m_services->passwordHasher->hash(m_services->random->token(32));
        if (hashed)
            m_dummyHash = *hashed;
        else
            qCWarning(lcSignIn) << "cannot make the dummy password hash:" << hashed.error().message;
    });
    return m_dummyHash;
}

void PasswordLogin::publish(QLatin1StringView type, bool success, const Attempt &attempt,
                            const std::optional<Account> &account, const QJsonObject &details) const
{
    if (!m_services->events)
        return;
    Event event;
    event.type = type;
    event.success = success;
    event.clientId = attempt.clientId;
    if (account) {
        event.subject = account->subject;
        event.username = account->username;
    }
    event.sourceAddress = attempt.address.toString();
    event.details = details;
    m_services->events->publish(event);
}

Result<PasswordLogin::Outcome, OAuthError> PasswordLogin::authenticate(const Attempt &attempt) const
{
    const QString username = attempt.username.left(SignInPolicy::MaxUsernameLength);
    const bool tooLong = attempt.username.size() > SignInPolicy::MaxUsernameLength;

    std::optional<Account> account;
    if (!username.isEmpty() && !tooLong) {
        auto found = m_services->accounts->findByUsername(username);
        if (!found)
            return OAuthError::serverError(u"account look-up failed: "_s + found.error().message);
        account = *found;
    }

    auto verdict = m_throttle.check(username, attempt.address);
    if (!verdict)
        return OAuthError::serverError(u"throttle check failed: "_s + verdict.error().message);
    if (*verdict != LoginThrottle::Verdict::Allowed) {
        const bool byAccount = *verdict == LoginThrottle::Verdict::AccountLocked;
        publish(event_type::LoginThrottled, false, attempt, account,
                {{u"reason"_s, byAccount ? u"account"_s : u"address"_s}});
        return Outcome{Outcome::Kind::Throttled, {}};
    }

    const bool usable = account && !account->passwordHash.isEmpty();
    // The same Argon2id work whether or not the account exists.
    const bool matches = m_services->passwordHasher->verify(
        attempt.password, usable ? account->passwordHash : dummyHash());

    QString reason;
    if (!account)
        reason = u"unknown_account"_s;
    else if (!usable)
        reason = u"no_password"_s;
    else if (!matches)
        reason = u"wrong_password"_s;
    else if (account->disabled)
        reason = u"account_disabled"_s;

    if (!reason.isEmpty()) {
        if (auto recorded = m_throttle.recordFailure(username, attempt.address); !recorded) {
            return OAuthError::serverError(u"recording a failed login failed: "_s +
                                           recorded.error().message);
        }
        publish(event_type::LoginFailed, false, attempt, account, {{u"reason"_s, reason}});
        return Outcome{Outcome::Kind::Failed, {}};
    }

    const QDateTime now = m_services->clock->now();
    if (auto cleared = m_throttle.recordSuccess(username); !cleared)
        qCWarning(lcSignIn) << "cannot clear login failures:" << cleared.error().message;
    if (auto recorded = m_services->accounts->recordLogin(account->subject, now); !recorded)
        return OAuthError::serverError(u"recording the login failed: "_s +
                                       recorded.error().message);
    account->lastLoginAt = now;

    // PasswordHasher::needsRehash: parameters were raised since this hash
    // was made; upgrade it while the password is at hand.
    if (m_services->passwordHasher->needsRehash(account->passwordHash)) {
        auto rehashed = m_services->passwordHasher->hash(attempt.password);
        if (rehashed) {
            Account upgraded = *account;
            upgraded.passwordHash = *rehashed;
            if (auto saved = m_services->accounts->save(upgraded); saved)
                account = upgraded;
            else
                qCWarning(lcSignIn)
                    << "cannot store the re-hashed password:" << saved.error().message;
        } else {
            qCWarning(lcSignIn) << "cannot re-hash the password:" << rehashed.error().message;
        }
    }

    publish(event_type::LoginSucceeded, true, attempt, account, {{u"amr"_s, u"pwd"_s}});
    return Outcome{Outcome::Kind::Succeeded, *account};
}

} // namespace lanyard
