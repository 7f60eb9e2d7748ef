// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlAccountStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString Columns = u"subject, username, password_hash, claims, disabled, created_at, "
                        "updated_at, last_login_at"_s;

Result<Account, Error> readAccount(const QSqlQuery &query)
{
    Account account;
    account.subject = query.value(0).toString();
    account.username = query.value(1).toString();
    account.passwordHash = query.value(2).toString();
    auto claims = SqlSupport::object(query.value(3));
    if (!claims)
        return Error::storage(u"account %1 has unreadable claims"_s.arg(account.subject));
    account.claims = std::move(*claims);
    account.disabled = query.value(4).toLongLong() != 0;
    account.createdAt = SqlSupport::dateTime(query.value(5));
    account.updatedAt = SqlSupport::dateTime(query.value(6));
    account.lastLoginAt = SqlSupport::dateTime(query.value(7));
    return account;
}

Result<std::optional<Account>, Error> first(Result<QList<Account>, Error> found)
{
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Account>();
    return std::optional<Account>(found->takeFirst());
}

} // namespace

SqlAccountStore::SqlAccountStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<QList<Account>, Error> SqlAccountStore::select(const QString &where,
                                                      const QVariantList &values) const
{
    auto query = SqlSupport::exec(*m_db, u"cannot read accounts"_s,
                                  u"SELECT "_s + Columns + u" FROM accounts "_s + where, values);
    if (!query)
        return query.error();
    QList<Account> accounts;
    while (query->next()) {
        auto account = readAccount(*query);
        if (!account)
            return account.error();
        accounts.append(std::move(account).value());
    }
    return accounts;
}

Result<std::optional<Account>, Error> SqlAccountStore::findByUsername(const QString &username) const
{
    return first(select(u"WHERE username = ?"_s, {SqlSupport::text(username)}));
}

Result<std::optional<Account>, Error> SqlAccountStore::findBySubject(const QString &subject) const
{
    return first(select(u"WHERE subject = ?"_s, {SqlSupport::text(subject)}));
}

Result<QList<Account>, Error> SqlAccountStore::list() const
{
    return select(u"ORDER BY username"_s, {});
}

Result<void, Error> SqlAccountStore::save(const Account &account)
{
    if (account.subject.isEmpty())
        return Error::invalid(u"an account needs a subject"_s);
    if (account.username.isEmpty())
        return Error::invalid(u"an account needs a username"_s);
    const QDateTime now = m_db->clock()->now();

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    {
        auto taken = SqlSupport::exec(
            *m_db, u"cannot save the account %1"_s.arg(account.subject),
            u"SELECT subject FROM accounts WHERE username = ? AND subject <> ?"_s,
            {SqlSupport::text(account.username), SqlSupport::text(account.subject)});
        if (!taken)
            return taken.error();
        if (taken->next())
            return Error::conflict(
                u"the username %1 is taken by another account"_s.arg(account.username));
    }
    if (auto query = SqlSupport::exec(
            *m_db, u"cannot save the account %1"_s.arg(account.subject),
            u"INSERT INTO accounts ("_s + Columns +
                u") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subject) DO UPDATE SET "
                "username = excluded.username, password_hash = excluded.password_hash, "
                "claims = excluded.claims, disabled = excluded.disabled, "
                "updated_at = excluded.updated_at"_s,
            {
                SqlSupport::text(account.subject),
                SqlSupport::text(account.username),
                SqlSupport::text(account.passwordHash),
                SqlSupport::jsonText(account.claims),
                SqlSupport::flag(account.disabled),
                SqlSupport::msecs(account.createdAt.isValid() ? account.createdAt : now),
                SqlSupport::msecs(now),
                SqlSupport::msecs(account.lastLoginAt),
            });
        !query)
        return query.error();
    return transaction.commit();
}

Result<bool, Error> SqlAccountStore::remove(const QString &subject)
{
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    int removed = 0;
    {
        auto query = SqlSupport::exec(*m_db, u"cannot remove the account %1"_s.arg(subject),
                                      u"DELETE FROM accounts WHERE subject = ?"_s,
                                      {SqlSupport::text(subject)});
        if (!query)
            return query.error();
        removed = query->numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return removed > 0;
}

Result<void, Error> SqlAccountStore::recordLogin(const QString &subject, const QDateTime &when)
{
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    {
        auto query =
            SqlSupport::exec(*m_db, u"cannot record the login of %1"_s.arg(subject),
                             u"UPDATE accounts SET last_login_at = ? WHERE subject = ?"_s,
                             {SqlSupport::msecs(when.isValid() ? when : m_db->clock()->now()),
                              SqlSupport::text(subject)});
        if (!query)
            return query.error();
        if (query->numRowsAffected() < 1)
            return Error::notFound(u"no account has the subject %1"_s.arg(subject));
    }
    return transaction.commit();
}

Result<qint64, Error> SqlAccountStore::count() const
{
    auto query =
        SqlSupport::exec(*m_db, u"cannot count accounts"_s, u"SELECT COUNT(*) FROM accounts"_s);
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

} // namespace lanyard
