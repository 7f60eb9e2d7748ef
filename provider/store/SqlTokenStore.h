// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/TokenStore.h"

#include <memory>

namespace lanyard {

class Database;

/// TokenStore over the tables `tokens` (stored tokens by hash; kind
/// `access_token` or `refresh_token`), `token_families` (one row per family:
/// client, account, OP session), `revoked_families` (kept until the
/// family's last token has expired, so JWT access tokens of a revoked family
/// fail too) and `revoked_access_tokens` (single JWT access tokens by jti,
/// kept until they expire). An empty subject (client_credentials) is stored as NULL, so
/// the foreign key to accounts applies only to tokens and families of an
/// account: deleting an account or a client deletes its tokens and families.
/// Uses the calling thread's connection of the Database, so calls join a
/// Database::Transaction open on that thread. Any thread.
class SqlTokenStore final : public TokenStore
{
public:
    explicit SqlTokenStore(std::shared_ptr<Database> db);

    /// Inserts a new token. Needs tokenHash, clientId (existing), familyId
    /// and expiresAt (Invalid otherwise); an invalid issuedAt becomes the
    /// clock's now. Extends the family's expiry (createFamily) to cover the
    /// token. Conflict when the hash exists. Any thread.
    Result<void, Error> save(const TokenRecord &token) override;
    /// The token by hash, expired, rotated or revoked alike. Any thread.
    Result<std::optional<TokenRecord>, Error> find(const QString &tokenHash) const override;
    /// One conditional UPDATE: true for exactly one caller per token, even
    /// across processes. Any thread.
    Result<bool, Error> markRotated(const QString &tokenHash, const QDateTime &now) override;
    /// Sets revokedAt unless already set (the first revocation time stays);
    /// true when the token exists. Any thread.
    Result<bool, Error> revoke(const QString &tokenHash, const QDateTime &now) override;
    /// Revokes the family's stored tokens not yet revoked (returns how many)
    /// and records the family in `revoked_families` (once; a second call
    /// keeps the first record) until the latest expiry known for it (its
    /// token_families row and stored tokens; with neither known, kept until
    /// deleted by hand). Any thread.
    Result<int, Error> revokeFamily(const QString &familyId, const QDateTime &now) override;
    /// True when revokeFamily() recorded the family and purgeExpired() has
    /// not yet dropped the record. Any thread.
    Result<bool, Error> isFamilyRevoked(const QString &familyId) const override;
    /// Inserts into `revoked_access_tokens` unless the jti is there. Needs
    /// jti, now and expiresAt (Invalid otherwise). Any thread.
    Result<void, Error> revokeAccessToken(const QString &jti, const QString &clientId,
                                          const QDateTime &now,
                                          const QDateTime &expiresAt) override;
    /// See TokenStore. Any thread.
    Result<bool, Error> isAccessTokenRevoked(const QString &jti) const override;
    /// See TokenStore. Needs familyId, clientId and expiresAt (Invalid
    /// otherwise); an invalid createdAt becomes the clock's now. Any thread.
    Result<void, Error> createFamily(const QString &familyId, const QString &clientId,
                                     const QString &subject, const QString &sessionId,
                                     const QDateTime &createdAt,
                                     const QDateTime &expiresAt) override;
    /// Revokes (revokeFamily) every family created with `sessionId` or
    /// having a stored token that carries it; families with an empty session
    /// id (offline_access) are never touched. An empty `sessionId` is
    /// Invalid. Returns how many families. Any thread.
    Result<int, Error> revokeSession(const QString &sessionId, const QDateTime &now) override;
    /// Revokes (revokeFamily) every family created for `subject` and
    /// `clientId` or having a stored token of that pair, whatever its
    /// session; families of other clients or accounts are not touched. An
    /// empty subject or client id is Invalid (client_credentials families
    /// have no account and are not grants of one). Returns how many
    /// families, already revoked ones included. Any thread.
    Result<int, Error> revokeClientGrants(const QString &subject, const QString &clientId,
                                          const QDateTime &now) override;
    /// Revokes (revokeFamily) every family created for `clientId` or having
    /// a stored token of it. An empty client id is Invalid. Returns how
    /// many families, already revoked ones included. Any thread.
    Result<int, Error> revokeClient(const QString &clientId, const QDateTime &now) override;
    /// Revokes (revokeFamily) every family created for `subject` or having
    /// a stored token of it. An empty subject is Invalid (it would mean
    /// client_credentials families). Returns how many families, already
    /// revoked ones included. Any thread.
    Result<int, Error> revokeAccount(const QString &subject, const QDateTime &now) override;
    /// Deletes up to `batch` (at least 1) rows in all: tokens, then family
    /// records, then family and access token revocation records whose
    /// expiresAt is at or before `now`; returns how many. Any thread.
    Result<int, Error> purgeExpired(const QDateTime &now, int batch) override;

private:
    /// Revokes the families of token_families and tokens rows matching
    /// `condition` (one `?`, bound to `value`), in one transaction.
    Result<int, Error> revokeFamiliesWhere(const QString &what, const QString &condition,
                                           const QVariant &value, const QDateTime &now);

    std::shared_ptr<Database> m_db;
};

} // namespace lanyard
