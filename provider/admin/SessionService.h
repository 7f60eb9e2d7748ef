// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/SessionInfo.h"
#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "logout/SessionTerminator.h"

#include <QList>

#include <memory>

namespace lanyard {

class AccountStore;
class ConsentStore;
class Database;
class EventBus;
class SessionEndNotifier;
class SessionStore;
struct Session;
class TokenStore;

/// OP browser sessions as administrator operations, for the Sessions page
/// and `lanyard sessions`: list them, end one or every session of an
/// account, and revoke what an account granted one client.
///
/// Ending a session is SessionTerminator's step: it deletes the session and
/// revokes every token family bound to it (TokenStore::revokeSession:
/// offline_access families survive, as they were granted to outlive the
/// session) in one transaction, then emits session.ended (reason "admin")
/// and fires SessionEndNotifier, which sends the back-channel logout tokens.
///
/// A plain value holding shared, thread-safe services: copy it freely; every
/// function may be called from any thread.
class SessionService
{
public:
    struct Dependencies
    {
        /// For transactions spanning sessions, tokens and consents.
        std::shared_ptr<Database> database;
        std::shared_ptr<SessionStore> sessions;
        /// Usernames for the list and the events.
        std::shared_ptr<AccountStore> accounts;
        std::shared_ptr<TokenStore> tokens;
        std::shared_ptr<ConsentStore> consents;
        std::shared_ptr<const Clock> clock;
        /// May be null (no events).
        EventBus *events = nullptr;
        /// May be null (nobody listens for ended sessions).
        SessionEndNotifier *endNotifier = nullptr;
    };

    /// One session that end() or endAll() ended.
    struct Ended
    {
        SessionInfo session;
        /// Token families revoked with it.
        int familiesRevoked = 0;
    };

    /// The reason recorded in session.ended and grant.revoked events
    /// (SessionTerminator::AdminReason).
    static constexpr QLatin1StringView AdminReason{"admin"};

    explicit SessionService(Dependencies dependencies);

    /// The live sessions (not expired at the clock's now) of `subject`, or
    /// of every account when it is empty, newest first. Any thread.
    Result<QList<SessionInfo>, Error> list(const QString &subject = {}) const;

    /// Ends one session (expired or not): deletes it and revokes its token
    /// families, then emits session.ended and notifies. NotFound when there
    /// is no such session. `actor` says who asked ("lanyard sessions end",
    /// "desktop"); it goes into the event. Any thread.
    Result<Ended, Error> end(const QString &sessionId, const QString &actor = {}) const;

    /// Ends every session of the account `subject`, in one transaction;
    /// returns them (none is not an error). Any thread.
    Result<QList<Ended>, Error> endAll(const QString &subject, const QString &actor = {}) const;

    /// Revokes the grant of `clientId` by the account `subject`: forgets the
    /// consent and revokes every token family of the pair, offline_access
    /// ones included (TokenStore::revokeClientGrants), in one transaction;
    /// emits grant.revoked. The account's sessions stay (the user is still
    /// signed in to Lanyard; the client has to ask again). Returns how many
    /// families were revoked. Invalid for an empty subject or client id.
    /// Any thread.
    Result<int, Error> revokeClientGrant(const QString &subject, const QString &clientId,
                                         const QString &actor = {}) const;

private:
    Result<QString, Error> usernameOf(const QString &subject) const;
    SessionTerminator terminator() const;
    void announce(const Session &session, const Ended &ended, const QString &actor) const;

    Dependencies m_deps;
};

} // namespace lanyard
