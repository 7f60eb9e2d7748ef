// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/AccountInfo.h"
#include "admin/AdminError.h"
#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "model/Account.h"

#include <QLatin1StringView>
#include <QList>

#include <memory>

namespace lanyard {

class AccountStore;
class ConsentStore;
class Database;
class EventBus;
class PasswordHasher;
class RandomSource;
class SessionService;
class TokenStore;

/// User accounts as administrator operations, for the Accounts page (and
/// any command that edits one account): list, read, create, edit the
/// standard claims, set the password, disable or enable, delete.
///
/// Input is checked by AccountValidator exactly as `lanyard import` checks a
/// file, with the same messages, located by wire name (`email: is not an
/// e-mail address`). Every write runs in one transaction and, once
/// committed, publishes admin.changed in the shape ImportService uses:
/// subject and username set, details {actor, entity "account", action
/// (created, updated, password_set, disabled, enabled, deleted), fields
/// (wire names of what changed, never values)}. Never a password or hash.
///
/// Ending an account's sessions (disable, delete) goes through
/// SessionService::endAll, so session.ended events and back-channel logout
/// happen as when an administrator ends them by hand.
///
/// A plain value holding shared, thread-safe services: copy it freely; every
/// function may be called from any thread. create() and setPassword() run
/// Argon2id (tens of milliseconds by design) and every write blocks on the
/// database: the GUI calls them through Backend::run(), never on its thread.
class AccountService
{
public:
    struct Dependencies
    {
        std::shared_ptr<Database> database;
        std::shared_ptr<AccountStore> accounts;
        /// Deleting an account revokes its token families and consents.
        std::shared_ptr<TokenStore> tokens;
        std::shared_ptr<ConsentStore> consents;
        std::shared_ptr<const PasswordHasher> passwordHasher;
        /// Subjects of new accounts.
        std::shared_ptr<RandomSource> random;
        std::shared_ptr<const Clock> clock;
        /// Ends the sessions of a disabled or deleted account.
        std::shared_ptr<const SessionService> sessions;
        /// May be null (no events).
        EventBus *events = nullptr;
    };

    /// An account as stored by create() or updateClaims().
    struct Saved
    {
        AccountInfo account;
        /// Wire names of the members that changed (updateClaims(); empty
        /// when nothing did, and then nothing was written or published).
        QStringList fields;
    };

    /// What remove() took away.
    struct Removed
    {
        /// The account as it was.
        AccountInfo account;
        int sessionsEnded = 0;
        int familiesRevoked = 0;
        int consentsRevoked = 0;
    };

    /// `action` values of the admin.changed events.
    static constexpr QLatin1StringView ActionCreated{"created"};
    static constexpr QLatin1StringView ActionUpdated{"updated"};
    static constexpr QLatin1StringView ActionPasswordSet{"password_set"};
    static constexpr QLatin1StringView ActionDisabled{"disabled"};
    static constexpr QLatin1StringView ActionEnabled{"enabled"};
    static constexpr QLatin1StringView ActionDeleted{"deleted"};

    /// The claims the Accounts page edits: name, given_name, family_name,
    /// email, email_verified, groups.
    static const QStringList &editableClaims();

    explicit AccountService(Dependencies dependencies);

    /// Every account, sorted by username, with its last sign-in. Any thread.
    Result<QList<AccountInfo>, Error> list() const;
    /// One account by username; NotFound when there is none. Any thread.
    Result<AccountInfo, Error> get(const QString &username) const;

    /// The problems AccountValidator finds in `account` (as `lanyard import`
    /// would for the same JSON, paths relative to the account). Stateless;
    /// any thread.
    static ValidationProblems check(const Account &account);

    /// Creates `account` (username, claims, disabled, and `sub` when given;
    /// otherwise a random one; timestamps and passwordHash are ignored) with
    /// `password` (Argon2id-hashed) unless it is empty: an account without a
    /// password cannot sign in until setPassword(). Invalid with the
    /// validator's problems, or `username: already used by another account`.
    /// Publishes admin.changed (created). Any thread; slow (Argon2id).
    Result<Saved, AdminError> create(const Account &account, const QString &password,
                                     const QString &actor) const;

    /// Sets the claims of the account `username` named in `claims` to their
    /// values; a null value (or an empty string or array) removes the claim.
    /// Claims not named stay. The result is validated as a whole. Publishes
    /// admin.changed (updated, fields) when something changed. NotFound for
    /// an unknown username. Any thread.
    Result<Saved, AdminError> updateClaims(const QString &username, const QJsonObject &claims,
                                           const QString &actor) const;

    /// Replaces the password of `username` with an Argon2id hash of
    /// `password`. Invalid (`password: must not be empty`, or too long) and
    /// NotFound as usual. Sessions stay. Publishes admin.changed
    /// (password_set, fields ["password"]). Any thread; slow (Argon2id).
    Result<void, AdminError> setPassword(const QString &username, const QString &password,
                                         const QString &actor) const;

    /// Disables or enables `username`. A disabled account cannot sign in
    /// (PasswordLogin refuses it, LoginSessions ignores its sessions, its
    /// refresh tokens and userinfo fail); disabling also ends every session
    /// of it through SessionService::endAll (back-channel logout). Returns
    /// how many sessions ended. Publishes admin.changed (disabled or
    /// enabled, fields ["disabled"]) when the state changed. Any thread.
    Result<int, AdminError> setDisabled(const QString &username, bool disabled,
                                        const QString &actor) const;

    /// Deletes `username`: disables it first (no new sign-in can start),
    /// ends its sessions (SessionService::endAll), then in one transaction
    /// revokes every token family of it, forgets its consents and deletes
    /// the account. If that last step fails the account stays, disabled.
    /// Publishes admin.changed (deleted). NotFound for an unknown username.
    /// Any thread.
    Result<Removed, AdminError> remove(const QString &username, const QString &actor) const;

private:
    Result<Account, AdminError> find(const QString &username) const;
    void publish(const Account &account, QLatin1StringView action, const QStringList &fields,
                 const QString &actor, const QJsonObject &extra = {}) const;

    Dependencies m_deps;
};

} // namespace lanyard
