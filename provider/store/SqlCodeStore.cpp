// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlCodeStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString Columns = u"code_hash, client_id, subject, redirect_uri, scopes, nonce, "
                        "code_challenge, code_challenge_method, session_id, auth_time, amr, "
                        "family_id, created_at, expires_at, consumed_at"_s;

Result<AuthorizationCode, Error> readCode(const QSqlQuery &query)
{
    AuthorizationCode code;
    code.codeHash = query.value(0).toString();
    code.clientId = query.value(1).toString();
    code.subject = query.value(2).toString();
    code.redirectUri = query.value(3).toString();
    auto scopes = SqlSupport::stringList(query.value(4));
    auto amr = SqlSupport::stringList(query.value(10));
    if (!scopes || !amr)
        return Error::storage(u"an authorization code of %1 is unreadable"_s.arg(code.clientId));
    code.scopes = std::move(*scopes);
    code.nonce = query.value(5).toString();
    code.codeChallenge = query.value(6).toString();
    code.codeChallengeMethod = query.value(7).toString();
    code.sessionId = query.value(8).toString();
    code.authTime = SqlSupport::dateTime(query.value(9));
    code.amr = std::move(*amr);
    code.familyId = query.value(11).toString();
    code.createdAt = SqlSupport::dateTime(query.value(12));
    code.expiresAt = SqlSupport::dateTime(query.value(13));
    code.consumedAt = SqlSupport::dateTime(query.value(14));
    return code;
}

} // namespace

SqlCodeStore::SqlCodeStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<void, Error> SqlCodeStore::save(const AuthorizationCode &code)
{
    if (code.codeHash.isEmpty())
        return Error::invalid(u"an authorization code needs its hash"_s);
    if (code.clientId.isEmpty() || code.subject.isEmpty())
        return Error::invalid(u"an authorization code needs a client and a subject"_s);
    if (code.familyId.isEmpty())
        return Error::invalid(u"an authorization code needs a family id"_s);
    if (!code.expiresAt.isValid())
        return Error::invalid(u"an authorization code needs an expiry time"_s);
    const auto written = SqlSupport::write(
        *m_db, u"cannot save an authorization code for %1"_s.arg(code.clientId),
        u"INSERT INTO authorization_codes ("_s + Columns +
            u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {
            SqlSupport::text(code.codeHash),
            SqlSupport::text(code.clientId),
            SqlSupport::text(code.subject),
            SqlSupport::text(code.redirectUri),
            SqlSupport::jsonText(code.scopes),
            SqlSupport::text(code.nonce),
            SqlSupport::text(code.codeChallenge),
            SqlSupport::text(code.codeChallengeMethod),
            SqlSupport::text(code.sessionId),
            SqlSupport::msecs(code.authTime),
            SqlSupport::jsonText(code.amr),
            SqlSupport::text(code.familyId),
            SqlSupport::msecs(code.createdAt.isValid() ? code.createdAt : m_db->clock()->now()),
            SqlSupport::msecs(code.expiresAt),
            SqlSupport::msecs(code.consumedAt),
        });
    if (!written)
        return written.error();
    return {};
}

Result<CodeStore::Redemption, Error> SqlCodeStore::redeem(const QString &codeHash,
                                                          const QDateTime &now)
{
    if (!now.isValid())
        return Error::invalid(u"redeeming a code needs the time"_s);
    const QString what = u"cannot redeem an authorization code"_s;
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    Redemption redemption;
    {
        // The single atomic step: of concurrent callers (threads or
        // processes) only one changes the row; on PostgreSQL the others wait
        // for its row lock and then find consumed_at set.
        auto updated = SqlSupport::exec(*m_db, what,
                                        u"UPDATE authorization_codes SET consumed_at = ? "
                                        "WHERE code_hash = ? AND consumed_at IS NULL"_s,
                                        {SqlSupport::msecs(now), SqlSupport::text(codeHash)});
        if (!updated)
            return updated.error();
        const bool won = updated->numRowsAffected() == 1;
        auto query = SqlSupport::exec(*m_db, what,
                                      u"SELECT "_s + Columns +
                                          u" FROM authorization_codes WHERE code_hash = ?"_s,
                                      {SqlSupport::text(codeHash)});
        if (!query)
            return query.error();
        if (query->next()) {
            auto code = readCode(*query);
            if (!code)
                return code.error();
            redemption.code = std::move(code).value();
            redemption.outcome =
                won ? Redemption::Outcome::Redeemed : Redemption::Outcome::Replayed;
        } else {
            redemption.outcome = Redemption::Outcome::NotFound;
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return redemption;
}

Result<int, Error> SqlCodeStore::purgeExpired(const QDateTime &now, int batch)
{
    if (batch < 1)
        return Error::invalid(u"a code purge needs a batch of at least 1"_s);
    if (!now.isValid())
        return Error::invalid(u"a code purge needs the time"_s);
    return SqlSupport::write(*m_db, u"cannot purge authorization codes"_s,
                             u"DELETE FROM authorization_codes WHERE code_hash IN (SELECT "
                             "code_hash FROM authorization_codes WHERE expires_at <= ? "
                             "ORDER BY expires_at, code_hash LIMIT ?)"_s,
                             {SqlSupport::msecs(now), QVariant(batch)});
}

} // namespace lanyard
