// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/SignInPolicy.h"
#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QString>

#include <memory>

namespace lanyard {

class ThrottleStore;

/// Throttles failed client authentication (a wrong client secret at the
/// token, introspection or revocation endpoint) per client_id and source
/// address, over the ThrottleStore the login throttle uses, so a client
/// secret cannot be guessed online: at FailureLimit failures for one
/// client_id from one address within WindowSecs, further secret-based
/// attempts for that client from that address are refused without looking
/// at the secret, until the oldest failure leaves the window. Refused
/// attempts are not counted.
///
/// Per pair, not per client: a machine guessing a secret must not lock the
/// real service (on another address) out of its own tokens. Public clients
/// (`none`) present no secret and are never counted.
///
/// The check runs before every secret-based authentication, so a pair whose
/// count was zero is remembered for CleanCacheSecs and not read again: the
/// token endpoint's hot path stays free of this query. A failure recorded
/// here forgets the pair at once; failures recorded by another instance on
/// the same database are seen within CleanCacheSecs (at most one extra
/// attempt per instance and period).
///
/// Thread-safe: every member function may be called from any thread.
class ClientAuthThrottle
{
public:
    /// Failures of one client_id from one address tolerated per window: a
    /// misconfigured service retrying with a stale secret reaches it within
    /// seconds and is then refused quietly; a guesser gets 10 tries per
    /// quarter of an hour and address, against a secret of 256 bits (or a
    /// short imported one behind Argon2id).
    static constexpr int FailureLimit = 10;
    /// The sliding window; the login throttle's, so the MaintenanceJob's
    /// purge of login failures (older than this) keeps what counts.
    static constexpr int WindowSecs = SignInPolicy::FailureWindowSecs;
    /// How long a pair read with no failures is trusted to have none.
    static constexpr int CleanCacheSecs = 10;
    /// At most this many clean pairs are remembered (then all are dropped):
    /// bounded memory whatever client ids a caller invents.
    static constexpr int MaxCleanPairs = 4096;

    ClientAuthThrottle(std::shared_ptr<ThrottleStore> store, std::shared_ptr<const Clock> clock);

    /// True when attempts for `clientId` from `address` are refused now.
    /// Any thread.
    Result<bool, Error> isLocked(const QString &clientId, const QHostAddress &address) const;
    /// Counts one failed authentication of `clientId` from `address`. Any
    /// thread.
    Result<void, Error> recordFailure(const QString &clientId, const QHostAddress &address) const;

    /// The ThrottleStore key: "client:<client_id>@<address>" (client ids
    /// longer than 255 characters - no registered client has one - are
    /// cut there, which keeps keys bounded).
    static QString key(const QString &clientId, const QHostAddress &address);

private:
    std::shared_ptr<ThrottleStore> m_store;
    std::shared_ptr<const Clock> m_clock;
    mutable QMutex m_mutex;
    /// Pairs (key()) read with no failure, and until when that holds.
    mutable QHash<QString, QDateTime> m_clean;
};

} // namespace lanyard
