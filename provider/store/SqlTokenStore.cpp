// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlTokenStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString Columns = u"token_hash, kind, client_id, subject, scopes, family_id, session_id, "
                        "auth_time, amr, issued_at, expires_at, rotated_at, revoked_at"_s;

QString kindName(TokenRecord::Kind kind)
{
    return kind == TokenRecord::Kind::AccessToken ? u"access_token"_s : u"refresh_token"_s;
}

/// An empty subject binds as NULL: the foreign key to accounts skips it.
QVariant optionalSubject(const QString &subject)
{
    return subject.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(subject);
}

Result<TokenRecord, Error> readToken(const QSqlQuery &query)
{
    TokenRecord token;
    token.tokenHash = query.value(0).toString();
    const QString kind = query.value(1).toString();
    if (kind == u"access_token"_s)
        token.kind = TokenRecord::Kind::AccessToken;
    else if (kind == u"refresh_token"_s)
        token.kind = TokenRecord::Kind::RefreshToken;
    else
        return Error::storage(u"a stored token has an unknown kind"_s);
    token.clientId = query.value(2).toString();
    token.subject = query.value(3).isNull() ? QString() : query.value(3).toString();
    auto scopes = SqlSupport::stringList(query.value(4));
    auto amr = SqlSupport::stringList(query.value(8));
    if (!scopes || !amr)
        return Error::storage(u"a token of %1 is unreadable"_s.arg(token.clientId));
    token.scopes = std::move(*scopes);
    token.familyId = query.value(5).toString();
    token.sessionId = query.value(6).toString();
    token.authTime = SqlSupport::dateTime(query.value(7));
    token.amr = std::move(*amr);
    token.issuedAt = SqlSupport::dateTime(query.value(9));
    token.expiresAt = SqlSupport::dateTime(query.value(10));
    token.rotatedAt = SqlSupport::dateTime(query.value(11));
    token.revokedAt = SqlSupport::dateTime(query.value(12));
    return token;
}

/// The later of two times; an invalid one does not count.
QDateTime later(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return a < b ? b : a;
}

} // namespace

SqlTokenStore::SqlTokenStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<void, Error> SqlTokenStore::save(const TokenRecord &token)
{
    if (token.tokenHash.isEmpty())
        return Error::invalid(u"a token needs its hash"_s);
    if (token.clientId.isEmpty())
        return Error::invalid(u"a token needs a client"_s);
    if (token.familyId.isEmpty())
        return Error::invalid(u"a token needs a family id"_s);
    if (!token.expiresAt.isValid())
        return Error::invalid(u"a token needs an expiry time"_s);
    const QString what = u"cannot save a token for %1"_s.arg(token.clientId);

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    if (auto query = SqlSupport::exec(
            *m_db, what,
            u"INSERT INTO tokens ("_s + Columns +
                u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {
                SqlSupport::text(token.tokenHash),
                kindName(token.kind),
                SqlSupport::text(token.clientId),
                optionalSubject(token.subject),
                SqlSupport::jsonText(token.scopes),
                SqlSupport::text(token.familyId),
                SqlSupport::text(token.sessionId),
                SqlSupport::msecs(token.authTime),
                SqlSupport::jsonText(token.amr),
                SqlSupport::msecs(token.issuedAt.isValid() ? token.issuedAt : m_db->clock()->now()),
                SqlSupport::msecs(token.expiresAt),
                SqlSupport::msecs(token.rotatedAt),
                SqlSupport::msecs(token.revokedAt),
            });
        !query)
        return query.error();
    // The family record must outlive every token of the family.
    if (auto query = SqlSupport::exec(
            *m_db, what,
            u"UPDATE token_families SET expires_at = ? WHERE family_id = ? AND expires_at < ?"_s,
            {SqlSupport::msecs(token.expiresAt), SqlSupport::text(token.familyId),
             SqlSupport::msecs(token.expiresAt)});
        !query)
        return query.error();
    return transaction.commit();
}

Result<std::optional<TokenRecord>, Error> SqlTokenStore::find(const QString &tokenHash) const
{
    auto query = SqlSupport::exec(*m_db, u"cannot read a token"_s,
                                  u"SELECT "_s + Columns + u" FROM tokens WHERE token_hash = ?"_s,
                                  {SqlSupport::text(tokenHash)});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<TokenRecord>();
    auto token = readToken(*query);
    if (!token)
        return token.error();
    return std::optional<TokenRecord>(std::move(token).value());
}

Result<bool, Error> SqlTokenStore::markRotated(const QString &tokenHash, const QDateTime &now)
{
    if (!now.isValid())
        return Error::invalid(u"rotating a token needs the time"_s);
    auto updated = SqlSupport::write(
        *m_db, u"cannot mark a token rotated"_s,
        u"UPDATE tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL"_s,
        {SqlSupport::msecs(now), SqlSupport::text(tokenHash)});
    if (!updated)
        return updated.error();
    return *updated == 1;
}

Result<bool, Error> SqlTokenStore::revoke(const QString &tokenHash, const QDateTime &now)
{
    if (!now.isValid())
        return Error::invalid(u"revoking a token needs the time"_s);
    auto updated = SqlSupport::write(
        *m_db, u"cannot revoke a token"_s,
        u"UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE token_hash = ?"_s,
        {SqlSupport::msecs(now), SqlSupport::text(tokenHash)});
    if (!updated)
        return updated.error();
    return *updated > 0;
}

Result<int, Error> SqlTokenStore::revokeFamily(const QString &familyId, const QDateTime &now)
{
    if (familyId.isEmpty())
        return Error::invalid(u"revoking a token family needs its id"_s);
    if (!now.isValid())
        return Error::invalid(u"revoking a token family needs the time"_s);
    const QString what = u"cannot revoke a token family"_s;

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    int revoked = 0;
    {
        auto updated = SqlSupport::exec(
            *m_db, what,
            u"UPDATE tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL"_s,
            {SqlSupport::msecs(now), SqlSupport::text(familyId)});
        if (!updated)
            return updated.error();
        revoked = updated->numRowsAffected();
    }
    QDateTime expiresAt;
    {
        auto query = SqlSupport::exec(
            *m_db, what, u"SELECT expires_at FROM token_families WHERE family_id = ?"_s,
            {SqlSupport::text(familyId)});
        if (!query)
            return query.error();
        if (query->next())
            expiresAt = SqlSupport::dateTime(query->value(0));
    }
    {
        auto query = SqlSupport::exec(*m_db, what,
                                      u"SELECT MAX(expires_at) FROM tokens WHERE family_id = ?"_s,
                                      {SqlSupport::text(familyId)});
        if (!query)
            return query.error();
        if (query->next())
            expiresAt = later(expiresAt, SqlSupport::dateTime(query->value(0)));
    }
    if (auto query = SqlSupport::exec(
            *m_db, what,
            u"INSERT INTO revoked_families (family_id, revoked_at, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (family_id) DO NOTHING"_s,
            {SqlSupport::text(familyId), SqlSupport::msecs(now), SqlSupport::msecs(expiresAt)});
        !query)
        return query.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return revoked;
}

Result<bool, Error> SqlTokenStore::isFamilyRevoked(const QString &familyId) const
{
    auto query = SqlSupport::exec(*m_db, u"cannot read token family revocations"_s,
                                  u"SELECT 1 FROM revoked_families WHERE family_id = ?"_s,
                                  {SqlSupport::text(familyId)});
    if (!query)
        return query.error();
    return query->next();
}

Result<void, Error> SqlTokenStore::revokeAccessToken(const QString &jti, const QString &clientId,
                                                     const QDateTime &now,
                                                     const QDateTime &expiresAt)
{
    if (jti.isEmpty())
        return Error::invalid(u"revoking an access token needs its jti"_s);
    if (!now.isValid() || !expiresAt.isValid())
        return Error::invalid(u"revoking an access token needs the time and its expiry"_s);
    auto written = SqlSupport::write(
        *m_db, u"cannot revoke an access token of %1"_s.arg(clientId),
        u"INSERT INTO revoked_access_tokens (jti, client_id, revoked_at, expires_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (jti) DO NOTHING"_s,
        {SqlSupport::text(jti), SqlSupport::text(clientId), SqlSupport::msecs(now),
         SqlSupport::msecs(expiresAt)});
    if (!written)
        return written.error();
    return {};
}

Result<bool, Error> SqlTokenStore::isAccessTokenRevoked(const QString &jti) const
{
    auto query = SqlSupport::exec(*m_db, u"cannot read access token revocations"_s,
                                  u"SELECT 1 FROM revoked_access_tokens WHERE jti = ?"_s,
                                  {SqlSupport::text(jti)});
    if (!query)
        return query.error();
    return query->next();
}

Result<void, Error> SqlTokenStore::createFamily(const QString &familyId, const QString &clientId,
                                                const QString &subject, const QString &sessionId,
                                                const QDateTime &createdAt,
                                                const QDateTime &expiresAt)
{
    if (familyId.isEmpty() || clientId.isEmpty())
        return Error::invalid(u"a token family needs an id and a client"_s);
    if (!expiresAt.isValid())
        return Error::invalid(u"a token family needs an expiry time"_s);
    auto written = SqlSupport::write(
        *m_db, u"cannot create a token family for %1"_s.arg(clientId),
        u"INSERT INTO token_families (family_id, client_id, subject, session_id, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {
            SqlSupport::text(familyId),
            SqlSupport::text(clientId),
            optionalSubject(subject),
            SqlSupport::text(sessionId),
            SqlSupport::msecs(createdAt.isValid() ? createdAt : m_db->clock()->now()),
            SqlSupport::msecs(expiresAt),
        });
    if (!written)
        return written.error();
    return {};
}

Result<int, Error> SqlTokenStore::revokeSession(const QString &sessionId, const QDateTime &now)
{
    // An empty id would match every offline_access family.
    if (sessionId.isEmpty())
        return Error::invalid(u"revoking a session's tokens needs the session id"_s);
    if (!now.isValid())
        return Error::invalid(u"revoking a session's tokens needs the time"_s);

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    QStringList families;
    {
        auto query = SqlSupport::exec(*m_db, u"cannot revoke a session's tokens"_s,
                                      u"SELECT family_id FROM token_families WHERE session_id = ? "
                                      "UNION SELECT family_id FROM tokens WHERE session_id = ?"_s,
                                      {SqlSupport::text(sessionId), SqlSupport::text(sessionId)});
        if (!query)
            return query.error();
        while (query->next())
            families.append(query->value(0).toString());
    }
    for (const QString &familyId : std::as_const(families)) {
        if (auto revoked = revokeFamily(familyId, now); !revoked)
            return revoked.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return static_cast<int>(families.size());
}

Result<int, Error> SqlTokenStore::revokeClientGrants(const QString &subject,
                                                     const QString &clientId, const QDateTime &now)
{
    if (subject.isEmpty() || clientId.isEmpty())
        return Error::invalid(u"revoking a client's grant needs the account and the client"_s);
    if (!now.isValid())
        return Error::invalid(u"revoking a client's grant needs the time"_s);

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    QStringList families;
    {
        auto query = SqlSupport::exec(
            *m_db, u"cannot revoke the grant of %1 to %2"_s.arg(subject, clientId),
            u"SELECT family_id FROM token_families WHERE subject = ? AND client_id = ? "
            "UNION SELECT family_id FROM tokens WHERE subject = ? AND client_id = ?"_s,
            {SqlSupport::text(subject), SqlSupport::text(clientId), SqlSupport::text(subject),
             SqlSupport::text(clientId)});
        if (!query)
            return query.error();
        while (query->next())
            families.append(query->value(0).toString());
    }
    for (const QString &familyId : std::as_const(families)) {
        if (auto revoked = revokeFamily(familyId, now); !revoked)
            return revoked.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return static_cast<int>(families.size());
}

Result<int, Error> SqlTokenStore::revokeClient(const QString &clientId, const QDateTime &now)
{
    if (clientId.isEmpty())
        return Error::invalid(u"revoking a client's tokens needs the client"_s);
    if (!now.isValid())
        return Error::invalid(u"revoking a client's tokens needs the time"_s);
    return revokeFamiliesWhere(u"cannot revoke the tokens of %1"_s.arg(clientId),
                               u"client_id = ?"_s, SqlSupport::text(clientId), now);
}

Result<int, Error> SqlTokenStore::revokeAccount(const QString &subject, const QDateTime &now)
{
    if (subject.isEmpty())
        return Error::invalid(u"revoking an account's tokens needs its subject"_s);
    if (!now.isValid())
        return Error::invalid(u"revoking an account's tokens needs the time"_s);
    return revokeFamiliesWhere(u"cannot revoke the tokens of %1"_s.arg(subject), u"subject = ?"_s,
                               SqlSupport::text(subject), now);
}

Result<int, Error> SqlTokenStore::revokeFamiliesWhere(const QString &what, const QString &condition,
                                                      const QVariant &value, const QDateTime &now)
{
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    QStringList families;
    {
        auto query =
            SqlSupport::exec(*m_db, what,
                             u"SELECT family_id FROM token_families WHERE "_s + condition +
                                 u" UNION SELECT family_id FROM tokens WHERE "_s + condition,
                             {value, value});
        if (!query)
            return query.error();
        while (query->next())
            families.append(query->value(0).toString());
    }
    for (const QString &familyId : std::as_const(families)) {
        if (auto revoked = revokeFamily(familyId, now); !revoked)
            return revoked.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return static_cast<int>(families.size());
}

Result<int, Error> SqlTokenStore::purgeExpired(const QDateTime &now, int batch)
{
    if (batch < 1)
        return Error::invalid(u"a token purge needs a batch of at least 1"_s);
    if (!now.isValid())
        return Error::invalid(u"a token purge needs the time"_s);
    // Each statement deletes at most what is left of the batch.
    const QStringList statements{
        u"DELETE FROM tokens WHERE token_hash IN (SELECT token_hash FROM tokens "
        "WHERE expires_at <= ? ORDER BY expires_at, token_hash LIMIT ?)"_s,
        u"DELETE FROM token_families WHERE family_id IN (SELECT family_id FROM token_families "
        "WHERE expires_at <= ? ORDER BY expires_at, family_id LIMIT ?)"_s,
        u"DELETE FROM revoked_families WHERE family_id IN (SELECT family_id FROM "
        "revoked_families WHERE expires_at <= ? ORDER BY expires_at, family_id LIMIT ?)"_s,
        u"DELETE FROM revoked_access_tokens WHERE jti IN (SELECT jti FROM "
        "revoked_access_tokens WHERE expires_at <= ? ORDER BY expires_at, jti LIMIT ?)"_s,
    };

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    int removed = 0;
    for (const QString &sql : statements) {
        if (removed >= batch)
            break;
        auto query = SqlSupport::exec(*m_db, u"cannot purge tokens"_s, sql,
                                      {SqlSupport::msecs(now), QVariant(batch - removed)});
        if (!query)
            return query.error();
        removed += query->numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return removed;
}

} // namespace lanyard
