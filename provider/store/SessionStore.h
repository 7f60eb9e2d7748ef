// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Session.h"

#include <optional>

namespace lanyard {

/// OP browser sessions. Same threading and transaction rules as ClientStore.
class SessionStore
{
public:
    virtual ~SessionStore() = default;
    virtual Result<void, Error> create(const Session &session) = 0;
    /// The live session whose cookie hashes to `cookieHash` (not expired at `now`).
    virtual Result<std::optional<Session>, Error> findByCookieHash(const QString &cookieHash,
                                                                   const QDateTime &now) const = 0;
    virtual Result<std::optional<Session>, Error> find(const QString &sessionId) const = 0;
    /// Records activity: lastActiveAt, a new expiry, a client taking part
    /// (added once), and a fresh authentication when `authTime` is valid.
    virtual Result<void, Error> touch(const QString &sessionId, const QDateTime &now,
                                      const QDateTime &expiresAt, const QString &clientId = {},
                                      const QDateTime &authTime = {}) = 0;
    virtual Result<bool, Error> remove(const QString &sessionId) = 0;
    /// Sessions of one account (all accounts when `subject` is empty), newest first.
    virtual Result<QList<Session>, Error> list(const QString &subject = {}) const = 0;
    virtual Result<int, Error> purgeExpired(const QDateTime &now, int batch) = 0;
    /// Deletes up to `batch` sessions expired at `now` (oldest expiry first)
    /// and returns them as they were stored, so their end can be announced
    /// (back-channel logout). A session renewed meanwhile is kept.
    virtual Result<QList<Session>, Error> takeExpired(const QDateTime &now, int batch) = 0;
};

} // namespace lanyard
