// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SessionStore.h"

#include <memory>

namespace lanyard {

class Database;

/// SessionStore over the `sessions` table (amr and client_ids as JSON
/// arrays). A session belongs to an account: deleting the account deletes
/// its sessions. Uses the calling thread's connection of the Database, so
/// calls join a Database::Transaction open on that thread. Any thread.
class SqlSessionStore final : public SessionStore
{
public:
    explicit SqlSessionStore(std::shared_ptr<Database> db);

    /// Inserts a new session. Needs id, cookieHash, subject (an existing
    /// account) and expiresAt (Invalid otherwise); an invalid createdAt
    /// becomes the clock's now, an invalid lastActiveAt or authTime
    /// createdAt. Conflict when the id or the cookie hash is taken. Any thread.
    Result<void, Error> create(const Session &session) override;
    /// The session whose cookie hashes to `cookieHash` and whose expiresAt
    /// is after `now`; nullopt otherwise. Any thread.
    Result<std::optional<Session>, Error> findByCookieHash(const QString &cookieHash,
                                                           const QDateTime &now) const override;
    /// The session by id, expired or not. Any thread.
    Result<std::optional<Session>, Error> find(const QString &sessionId) const override;
    /// Sets lastActiveAt to `now` and expiresAt to `expiresAt`, appends
    /// `clientId` to clientIds unless empty or already there, and sets
    /// authTime when `authTime` is valid. NotFound when there is no such
    /// session. Any thread.
    Result<void, Error> touch(const QString &sessionId, const QDateTime &now,
                              const QDateTime &expiresAt, const QString &clientId = {},
                              const QDateTime &authTime = {}) override;
    /// Deletes the session (not its tokens: see TokenStore::revokeSession);
    /// false when there was none. Any thread.
    Result<bool, Error> remove(const QString &sessionId) override;
    /// Sessions of `subject` (all when empty), expired ones included, newest
    /// createdAt first. Any thread.
    Result<QList<Session>, Error> list(const QString &subject = {}) const override;
    /// Deletes up to `batch` (at least 1) sessions whose expiresAt is at or
    /// before `now`; returns how many. Any thread.
    Result<int, Error> purgeExpired(const QDateTime &now, int batch) override;
    /// purgeExpired() that returns the deleted sessions, in one transaction;
    /// each row is deleted only while still expired. Any thread.
    Result<QList<Session>, Error> takeExpired(const QDateTime &now, int batch) override;

private:
    Result<QList<Session>, Error> select(const QString &where, const QVariantList &values) const;

    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
