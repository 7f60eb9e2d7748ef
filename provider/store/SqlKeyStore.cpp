// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlKeyStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

SqlKeyStore::SqlKeyStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<QList<SigningKey>, Error> SqlKeyStore::list() const
{
    auto query = SqlSupport::exec(
        *m_db, u"cannot read signing keys"_s,
        u"SELECT kid, alg, state, private_key, created_at, activated_at, retired_at, "
        "published_until FROM signing_keys ORDER BY created_at, kid"_s);
    if (!query)
        return query.error();
    QList<SigningKey> keys;
    while (query->next()) {
        SigningKey key;
        key.kid = query->value(0).toString();
        key.alg = query->value(1).toString();
        if (!keyStateFromName(query->value(2).toString(), &key.state))
            return Error::storage(u"signing key %1 has an unknown state"_s.arg(key.kid));
        key.privateKeyPkcs8Der = query->value(3).toByteArray();
        key.createdAt = SqlSupport::dateTime(query->value(4));
        key.activatedAt = SqlSupport::dateTime(query->value(5));
        key.retiredAt = SqlSupport::dateTime(query->value(6));
        key.publishedUntil = SqlSupport::dateTime(query->value(7));
        keys.append(std::move(key));
    }
    return keys;
}

Result<void, Error> SqlKeyStore::save(const SigningKey &key)
{
    if (key.kid.isEmpty())
        return Error::invalid(u"a signing key needs a kid"_s);
    if (key.alg.isEmpty())
        return Error::invalid(u"a signing key needs an alg"_s);
    // A null QByteArray would bind as NULL; an empty key is still a value.
    const QByteArray der =
        key.privateKeyPkcs8Der.isNull() ? QByteArray("") : key.privateKeyPkcs8Der;

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    if (auto query = SqlSupport::exec(
            *m_db, u"cannot save the signing key %1"_s.arg(key.kid),
            u"INSERT INTO signing_keys (kid, alg, state, private_key, created_at, activated_at, "
            "retired_at, published_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (kid) DO UPDATE SET alg = excluded.alg, state = excluded.state, "
            "private_key = excluded.private_key, activated_at = excluded.activated_at, "
            "retired_at = excluded.retired_at, published_until = excluded.published_until"_s,
            {
                SqlSupport::text(key.kid),
                SqlSupport::text(key.alg),
                keyStateName(key.state),
                QVariant(der),
                SqlSupport::msecs(key.createdAt.isValid() ? key.createdAt : m_db->clock()->now()),
                SqlSupport::msecs(key.activatedAt),
                SqlSupport::msecs(key.retiredAt),
                SqlSupport::msecs(key.publishedUntil),
            });
        !query)
        return query.error();
    return transaction.commit();
}

Result<bool, Error> SqlKeyStore::remove(const QString &kid)
{
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    int removed = 0;
    {
        auto query =
            SqlSupport::exec(*m_db, u"cannot remove the signing key %1"_s.arg(kid),
                             u"DELETE FROM signing_keys WHERE kid = ?"_s, {SqlSupport::text(kid)});
        if (!query)
            return query.error();
        removed = query->numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return removed > 0;
}

Result<bool, Error> SqlKeyStore::updateState(const SigningKey &key, KeyState from)
{
    auto updated =
        SqlSupport::write(*m_db, u"cannot change the state of signing key %1"_s.arg(key.kid),
                          u"UPDATE signing_keys SET state = ?, activated_at = ?, retired_at = ?, "
                          "published_until = ? WHERE kid = ? AND state = ?"_s,
                          {
                              keyStateName(key.state),
                              SqlSupport::msecs(key.activatedAt),
                              SqlSupport::msecs(key.retiredAt),
                              SqlSupport::msecs(key.publishedUntil),
                              SqlSupport::text(key.kid),
                              keyStateName(from),
                          });
    if (!updated)
        return updated.error();
    return *updated > 0;
}

} // namespace lanyard
