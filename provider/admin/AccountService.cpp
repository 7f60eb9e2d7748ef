// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AccountService.h"

#include "admin/AccountValidator.h"
#include "admin/SessionService.h"
#include "crypto/PasswordHasher.h"
#include "crypto/RandomSource.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "store/AccountStore.h"
#include "store/ConsentStore.h"
#include "store/Database.h"
#include "store/TokenStore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// Names of the members whose values differ between two JSON objects (as
/// ImportService reports them).
QStringList changedMembers(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList changed;
    for (const QString &key : std::as_const(keys)) {
        if (before.value(key) != after.value(key))
            changed.append(key);
    }
    return changed;
}

AccountInfo infoOf(const Account &account)
{
    AccountInfo info;
    info.subject = account.subject;
    info.username = account.username;
    info.claims = account.claims;
    info.disabled = account.disabled;
    info.hasPassword = !account.passwordHash.isEmpty();
    info.createdAt = account.createdAt;
    info.updatedAt = account.updatedAt;
    info.lastLoginAt = account.lastLoginAt;
    return info;
}

AdminError problem(const QString &path, const QString &message)
{
    return AdminError(ValidationProblems{{path, message}});
}

/// A value that removes the claim: null, undefined, "" or [].
bool removesClaim(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() ||
           (value.isString() && value.toString().isEmpty()) ||
           (value.isArray() && value.toArray().isEmpty());
}

} // namespace

const QStringList &AccountService::editableClaims()
{
    static const QStringList list{u"name"_s,  u"given_name"_s,     u"family_name"_s,
                                  u"email"_s, u"email_verified"_s, u"groups"_s};
    return list;
}

AccountService::AccountService(Dependencies dependencies) : m_deps(std::move(dependencies)) {}

Result<QList<AccountInfo>, Error> AccountService::list() const
{
    auto accounts = m_deps.accounts->list();
    if (!accounts)
        return accounts.error();
    QList<AccountInfo> out;
    out.reserve(accounts->size());
    for (const Account &account : std::as_const(*accounts))
        out.append(infoOf(account));
    return out;
}

Result<Account, AdminError> AccountService::find(const QString &username) const
{
    auto found = m_deps.accounts->findByUsername(username);
    if (!found)
        return AdminError(found.error());
    if (!found->has_value())
        return AdminError(Error::notFound(u"no account %1"_s.arg(username)));
    return **found;
}

Result<AccountInfo, Error> AccountService::get(const QString &username) const
{
    auto found = find(username);
    if (!found)
        return found.error().error;
    return infoOf(*found);
}

ValidationProblems AccountService::check(const Account &account)
{
    // Through the import's reader as well, so claim types and names are
    // checked with its messages.
    // A claim under a name of the import's own members (username, password,
    // ...) would be read as that member: report it as the import reports a
    // name it does not know.
    ValidationProblems problems;
    Account known = account;
    const QStringList names = account.claims.keys();
    for (const QString &name : names) {
        if (!AccountValidator::claimNames().contains(name)) {
            problems.append({name, u"unknown field"_s});
            known.claims.remove(name);
        }
    }
    // The import validates the account as it read it; so do we.
    const AccountInput input =
        AccountValidator::fromJson(AccountValidator::toJson(known, false), QString(), &problems);
    AccountValidator::validate(input.account, QString(), &problems);
    return problems;
}

void AccountService::publish(const Account &account, QLatin1StringView action,
                             const QStringList &fields, const QString &actor,
                             const QJsonObject &extra) const
{
    if (!m_deps.events)
        return;
    Event event;
    event.type = event_type::AdminChanged;
    event.subject = account.subject;
    event.username = account.username;
    QJsonObject details{
        {u"actor"_s, actor},
        {u"entity"_s, u"account"_s},
        {u"action"_s, QString(action)},
        {u"fields"_s, QJsonArray::fromStringList(fields)},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        details.insert(it.key(), it.value());
    event.details = details;
    m_deps.events->publish(event);
}

Result<AccountService::Saved, AdminError>
AccountService::create(const Account &account, const QString &password, const QString &actor) const
{
    Account next = account;
    next.passwordHash.clear();
    next.createdAt = {};
    next.updatedAt = {};
    next.lastLoginAt = {};
    if (ValidationProblems problems = check(next); !problems.isEmpty())
        return AdminError(problems);
    if (!password.isEmpty()) {
        // Argon2id outside the transaction: other writers need not wait for it.
        auto hashed = m_deps.passwordHasher->hash(password);
        if (!hashed)
            return problem(u"password"_s, hashed.error().message);
        next.passwordHash = *hashed;
    }
    const bool subjectGiven = !next.subject.isEmpty();
    if (!subjectGiven)
        next.subject = m_deps.random->token(16);

    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return AdminError(transaction.error());
    auto byName = m_deps.accounts->findByUsername(next.username);
    if (!byName)
        return AdminError(byName.error());
    if (byName->has_value())
        return problem(u"username"_s, u"already used by another account"_s);
    auto bySubject = m_deps.accounts->findBySubject(next.subject);
    if (!bySubject)
        return AdminError(bySubject.error());
    if (bySubject->has_value())
        return problem(u"sub"_s, u"already used by another account"_s);
    if (auto stored = m_deps.accounts->save(next); !stored)
        return AdminError(stored.error());
    auto reread = m_deps.accounts->findBySubject(next.subject);
    if (!reread)
        return AdminError(reread.error());
    if (auto committed = transaction.commit(); !committed)
        return AdminError(committed.error());

    publish(next, ActionCreated, {}, actor);
    return Saved{infoOf(reread->value_or(next)), {}};
}

Result<AccountService::Saved, AdminError> AccountService::updateClaims(const QString &username,
                                                                       const QJsonObject &claims,
                                                                       const QString &actor) const
{
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return AdminError(transaction.error());
    auto before = find(username);
    if (!before)
        return before.error();
    Account next = *before;
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (removesClaim(it.value()))
            next.claims.remove(it.key());
        else
            next.claims.insert(it.key(), it.value());
    }
    if (ValidationProblems problems = check(next); !problems.isEmpty())
        return AdminError(problems);
    Saved saved;
    saved.fields = changedMembers(before->claims, next.claims);
    if (saved.fields.isEmpty()) {
        saved.account = infoOf(*before);
        return saved;
    }
    if (auto stored = m_deps.accounts->save(next); !stored)
        return AdminError(stored.error());
    auto reread = m_deps.accounts->findBySubject(next.subject);
    if (!reread)
        return AdminError(reread.error());
    if (auto committed = transaction.commit(); !committed)
        return AdminError(committed.error());

    saved.account = infoOf(reread->value_or(next));
    publish(next, ActionUpdated, saved.fields, actor);
    return saved;
}

Result<void, AdminError> AccountService::setPassword(const QString &username,
                                                     const QString &password,
                                                     const QString &actor) const
{
    // The import's message for the same mistake.
    if (password.isEmpty())
        return problem(u"password"_s, u"must not be empty"_s);
    if (auto exists = find(username); !exists)
        return exists.error();
    auto hashed = m_deps.passwordHasher->hash(password);
    if (!hashed)
        return problem(u"password"_s, hashed.error().message);

    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return AdminError(transaction.error());
    auto current = find(username);
    if (!current)
        return current.error();
    Account next = *current;
    next.passwordHash = *hashed;
    if (auto stored = m_deps.accounts->save(next); !stored)
        return AdminError(stored.error());
    if (auto committed = transaction.commit(); !committed)
        return AdminError(committed.error());

    publish(next, ActionPasswordSet, {u"password"_s}, actor);
    return {};
}

Result<int, AdminError> AccountService::setDisabled(const QString &username, bool disabled,
                                                    const QString &actor) const
{
    Account account;
    bool changed = false;
    {
        Database::Transaction transaction(*m_deps.database);
        if (!transaction.isActive())
            return AdminError(transaction.error());
        auto current = find(username);
        if (!current)
            return current.error();
        account = *current;
        changed = account.disabled != disabled;
        if (changed) {
            account.disabled = disabled;
            if (auto stored = m_deps.accounts->save(account); !stored)
                return AdminError(stored.error());
            if (auto committed = transaction.commit(); !committed)
                return AdminError(committed.error());
        }
    }
    if (changed)
        publish(account, disabled ? ActionDisabled : ActionEnabled, {u"disabled"_s}, actor);
    if (!disabled)
        return 0;
    // Disabled first, then the sessions end: a sign-in racing with this
    // cannot start a new session for the account in between.
    auto ended = m_deps.sessions->endAll(account.subject, actor);
    if (!ended)
        return AdminError(ended.error());
    return static_cast<int>(ended->size());
}

Result<AccountService::Removed, AdminError> AccountService::remove(const QString &username,
                                                                   const QString &actor) const
{
    auto found = find(username);
    if (!found)
        return found.error();
    Removed removed;
    removed.account = infoOf(*found);
    const QString subject = found->subject;

    // 1. No new sign-in from now on.
    if (!found->disabled) {
        Database::Transaction transaction(*m_deps.database);
        if (!transaction.isActive())
            return AdminError(transaction.error());
        auto current = m_deps.accounts->findBySubject(subject);
        if (!current)
            return AdminError(current.error());
        if (!current->has_value())
            return AdminError(Error::notFound(u"no account %1"_s.arg(username)));
        Account next = **current;
        next.disabled = true;
        if (auto stored = m_deps.accounts->save(next); !stored)
            return AdminError(stored.error());
        if (auto committed = transaction.commit(); !committed)
            return AdminError(committed.error());
    }

    // 2. End its sessions as an administrator would (session.ended,
    //    back-channel logout); deleting the account would only cascade them.
    auto ended = m_deps.sessions->endAll(subject, actor);
    if (!ended)
        return AdminError(ended.error());
    removed.sessionsEnded = static_cast<int>(ended->size());

    // 3. Revoke what is left (offline_access families, consents) and delete.
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return AdminError(transaction.error());
    auto families = m_deps.tokens->revokeAccount(subject, m_deps.clock->now());
    if (!families)
        return AdminError(families.error());
    removed.familiesRevoked = *families;
    auto consents = m_deps.consents->revokeAccount(subject);
    if (!consents)
        return AdminError(consents.error());
    removed.consentsRevoked = *consents;
    auto deleted = m_deps.accounts->remove(subject);
    if (!deleted)
        return AdminError(deleted.error());
    if (!*deleted)
        return AdminError(Error::notFound(u"no account %1"_s.arg(username)));
    if (auto committed = transaction.commit(); !committed)
        return AdminError(committed.error());

    Account gone;
    gone.subject = subject;
    gone.username = removed.account.username;
    publish(gone, ActionDeleted, {}, actor,
            {{u"sessions_ended"_s, removed.sessionsEnded},
             {u"families_revoked"_s, removed.familiesRevoked},
             {u"consents_revoked"_s, removed.consentsRevoked}});
    return removed;
}

} // namespace lanyard
