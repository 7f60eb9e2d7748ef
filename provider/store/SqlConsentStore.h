// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ConsentStore.h"

#include <memory>

namespace lanyard {

class Database;

/// ConsentStore over the `consents` table, one row per (subject, client_id),
/// scopes as a JSON array. Deleting the account or the client deletes the
/// consent. Uses the calling thread's connection of the Database, so calls
/// join a Database::Transaction open on that thread. Any thread.
class SqlConsentStore final : public ConsentStore
{
public:
    explicit SqlConsentStore(std::shared_ptr<Database> db);

    /// What `subject` has granted `clientId`; nullopt when nothing. Any thread.
    Result<std::optional<Consent>, Error> find(const QString &subject,
                                               const QString &clientId) const override;
    /// Adds the scopes not granted yet, after the earlier ones in their
    /// order (then in the order given; duplicates dropped), and sets
    /// grantedAt to `consent.grantedAt` (the clock's now when invalid).
    /// Concurrent grants for one pair do not lose scopes. Needs subject and
    /// clientId of an existing account and client. Any thread.
    Result<void, Error> grant(const Consent &consent) override;
    /// Forgets the consent; false when there was none. Any thread.
    Result<bool, Error> revoke(const QString &subject, const QString &clientId) override;
    /// Forgets every consent given to `clientId`; returns how many. Any thread.
    Result<int, Error> revokeClient(const QString &clientId) override;
    /// Forgets every consent `subject` gave; returns how many. Any thread.
    Result<int, Error> revokeAccount(const QString &subject) override;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
