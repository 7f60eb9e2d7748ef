// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "model/Session.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace lanyard {

class Database;
class EventBus;
class SessionEndNotifier;
class SessionStore;
class TokenStore;

/// The one "end a session" step, shared by every way an OP browser session
/// ends: RP-initiated logout (EndSessionEndpoint), an administrator
/// (SessionService::end/endAll, the GUI disabling an account), expiry (the
/// MaintenanceJob's purge) and another account signing in on the same
/// browser (LoginSessions).
///
/// Ending a session deletes it and revokes the token families bound to it
/// (TokenStore::revokeSession: offline_access families survive, they were
/// granted to outlive the session), in one transaction; after the commit it
/// publishes session.ended (sid, reason, clients, families_revoked, plus the
/// caller's details) and fires SessionEndNotifier, which back-channel logout
/// (BackchannelLogoutSender) listens to.
///
/// A plain value holding shared, thread-safe services: copy it freely; every
/// function may be called from any thread.
class SessionTerminator
{
public:
    struct Dependencies
    {
        /// For the transaction spanning the session and its tokens.
        std::shared_ptr<Database> database;
        std::shared_ptr<SessionStore> sessions;
        std::shared_ptr<TokenStore> tokens;
        std::shared_ptr<const Clock> clock;
        /// May be null (no events).
        EventBus *events = nullptr;
        /// May be null (nobody listens for ended sessions).
        SessionEndNotifier *notifier = nullptr;
    };

    /// Why a session ended: the `reason` of session.ended and of the
    /// SessionEndNotifier signal.
    static constexpr QLatin1StringView AdminReason{"admin"};
    static constexpr QLatin1StringView LogoutReason{"logout"};
    static constexpr QLatin1StringView ExpiredReason{"expired"};
    static constexpr QLatin1StringView ReplacedReason{"replaced"};

    /// Who and what the session.ended event names besides the session.
    struct Context
    {
        QString reason;
        /// The account's username at the time, when the caller knows it.
        QString username;
        /// The client that asked (RP-initiated logout), or empty.
        QString clientId;
        /// The browser's address (RP-initiated logout), or empty.
        QString sourceAddress;
        /// Extra members of the event's details ("actor", ...).
        QJsonObject details;
    };

    /// One ended session.
    struct Ended
    {
        /// As it was stored before it ended (subject, sid, clientIds).
        Session session;
        /// Token families revoked with it.
        int familiesRevoked = 0;
    };

    explicit SessionTerminator(Dependencies dependencies);

    /// Ends the session `sessionId` (expired or not) and announces it.
    /// nullopt when there is no such session (another request ended it
    /// first: nothing is announced twice). Any thread.
    Result<std::optional<Ended>, Error> end(const QString &sessionId, const Context &context) const;

    /// The transactional half of end() for callers that end several
    /// sessions in their own Database::Transaction (which this joins):
    /// deletes `session` and revokes its families; returns how many
    /// families, or nullopt when the session was gone already. Announce
    /// each ended session with announce() after the commit. Any thread.
    Result<std::optional<int>, Error> remove(const Session &session) const;

    /// Revokes the families of sessions a store call already deleted
    /// (SessionStore::takeExpired), in one transaction; announce() them
    /// after. Returns the families revoked per session, in order. Any thread.
    Result<QList<int>, Error> revokeTokensOf(const QList<Session> &sessions) const;

    /// Publishes session.ended for `ended` and fires the notifier. Call
    /// after the transaction that ended it committed. Any thread.
    void announce(const Ended &ended, const Context &context) const;

    /// Ends every session expired at the clock's now, up to `batch` of them,
    /// and announces each (reason "expired"); returns how many ended. The
    /// MaintenanceJob's session purge. Any thread.
    Result<int, Error> purgeExpired(int batch) const;

private:
    Dependencies m_deps;
};

} // namespace lanyard
