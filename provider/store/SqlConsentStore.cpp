// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlConsentStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

SqlConsentStore::SqlConsentStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<std::optional<Consent>, Error> SqlConsentStore::find(const QString &subject,
                                                            const QString &clientId) const
{
    auto query = SqlSupport::exec(
        *m_db, u"cannot read the consent of %1"_s.arg(subject),
        u"SELECT scopes, granted_at FROM consents WHERE subject = ? AND client_id = ?"_s,
        {SqlSupport::text(subject), SqlSupport::text(clientId)});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Consent>();
    auto scopes = SqlSupport::stringList(query->value(0));
    if (!scopes)
        return Error::storage(u"the consent of %1 is unreadable"_s.arg(subject));
    Consent consent;
    consent.subject = subject;
    consent.clientId = clientId;
    consent.scopes = std::move(*scopes);
    consent.grantedAt = SqlSupport::dateTime(query->value(1));
    return std::optional<Consent>(std::move(consent));
}

Result<void, Error> SqlConsentStore::grant(const Consent &consent)
{
    if (consent.subject.isEmpty() || consent.clientId.isEmpty())
        return Error::invalid(u"a consent needs a subject and a client"_s);
    const QVariant grantedAt =
        SqlSupport::msecs(consent.grantedAt.isValid() ? consent.grantedAt : m_db->clock()->now());
    const QVariantList key{SqlSupport::text(consent.subject), SqlSupport::text(consent.clientId)};
    const QString what = u"cannot record the consent of %1"_s.arg(consent.subject);

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    // Make sure the row exists, then write it before reading: the write
    // locks the row (PostgreSQL; SQLite transactions hold the database), so
    // a concurrent grant waits and then reads what this one merged.
    if (auto query = SqlSupport::exec(
            *m_db, what,
            u"INSERT INTO consents (subject, client_id, scopes, granted_at) VALUES (?, ?, '[]', ?) "
            "ON CONFLICT (subject, client_id) DO NOTHING"_s,
            key + QVariantList{grantedAt});
        !query)
        return query.error();
    if (auto query = SqlSupport::exec(
            *m_db, what,
            u"UPDATE consents SET granted_at = ? WHERE subject = ? AND client_id = ?"_s,
            QVariantList{grantedAt} + key);
        !query)
        return query.error();
    QStringList scopes;
    {
        auto query = SqlSupport::exec(
            *m_db, what, u"SELECT scopes FROM consents WHERE subject = ? AND client_id = ?"_s, key);
        if (!query)
            return query.error();
        if (!query->next())
            return Error::storage(what + u": the consent vanished"_s);
        auto stored = SqlSupport::stringList(query->value(0));
        if (!stored)
            return Error::storage(u"the consent of %1 is unreadable"_s.arg(consent.subject));
        scopes = std::move(*stored);
    }
    bool changed = false;
    for (const QString &scope : consent.scopes) {
        if (!scope.isEmpty() && !scopes.contains(scope)) {
            scopes.append(scope);
            changed = true;
        }
    }
    if (changed) {
        if (auto query = SqlSupport::exec(
                *m_db, what,
                u"UPDATE consents SET scopes = ? WHERE subject = ? AND client_id = ?"_s,
                QVariantList{SqlSupport::jsonText(scopes)} + key);
            !query)
            return query.error();
    }
    return transaction.commit();
}

Result<bool, Error> SqlConsentStore::revoke(const QString &subject, const QString &clientId)
{
    auto removed = SqlSupport::write(*m_db, u"cannot revoke the consent of %1"_s.arg(subject),
                                     u"DELETE FROM consents WHERE subject = ? AND client_id = ?"_s,
                                     {SqlSupport::text(subject), SqlSupport::text(clientId)});
    if (!removed)
        return removed.error();
    return *removed > 0;
}

Result<int, Error> SqlConsentStore::revokeClient(const QString &clientId)
{
    return SqlSupport::write(*m_db, u"cannot revoke the consents given to %1"_s.arg(clientId),
                             u"DELETE FROM consents WHERE client_id = ?"_s,
                             {SqlSupport::text(clientId)});
}

Result<int, Error> SqlConsentStore::revokeAccount(const QString &subject)
{
    return SqlSupport::write(*m_db, u"cannot revoke the consents of %1"_s.arg(subject),
                             u"DELETE FROM consents WHERE subject = ?"_s,
                             {SqlSupport::text(subject)});
}

} // namespace lanyard
