// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlClientStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <atomic>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// SqlClientStore::changeGeneration(): one per process, so stores opened
/// separately over one database invalidate each other's caches.
std::atomic<quint64> clientGeneration{0};

const QString Columns =
    u"client_id, client_name, secret_hash, redirect_uris, post_logout_redirect_uris, "
    "grant_types, response_types, token_endpoint_auth_method, scopes, require_pkce, "
    "require_consent, id_token_signed_response_alg, opaque_access_tokens, "
    "rotate_refresh_tokens, access_token_lifetime, id_token_lifetime, refresh_token_lifetime, "
    "backchannel_logout_uri, backchannel_logout_session_required, created_at, updated_at, "
    "resource_server"_s;

Result<Client, Error> readClient(const QSqlQuery &query)
{
    Client client;
    client.clientId = query.value(0).toString();
    client.clientName = query.value(1).toString();
    client.secretHash = query.value(2).toString();
    struct ListColumn
    {
        int column;
        QLatin1StringView name;
        QStringList *out;
    };
    const ListColumn lists[] = {
        {3, "redirect_uris"_L1, &client.redirectUris},
        {4, "post_logout_redirect_uris"_L1, &client.postLogoutRedirectUris},
        {5, "grant_types"_L1, &client.grantTypes},
        {6, "response_types"_L1, &client.responseTypes},
        {8, "scopes"_L1, &client.scopes},
    };
    for (const ListColumn &list : lists) {
        auto parsed = SqlSupport::stringList(query.value(list.column));
        if (!parsed) {
            return Error::storage(
                u"client %1 has an unreadable %2 column"_s.arg(client.clientId, list.name));
        }
        *list.out = std::move(*parsed);
    }
    client.tokenEndpointAuthMethod = query.value(7).toString();
    client.requirePkce = query.value(9).toLongLong() != 0;
    client.requireConsent = query.value(10).toLongLong() != 0;
    client.idTokenSignedResponseAlg = query.value(11).toString();
    client.opaqueAccessTokens = query.value(12).toLongLong() != 0;
    client.rotateRefreshTokens = query.value(13).toLongLong() != 0;
    client.accessTokenLifetimeSecs = query.value(14).toInt();
    client.idTokenLifetimeSecs = query.value(15).toInt();
    client.refreshTokenLifetimeSecs = query.value(16).toInt();
    client.backchannelLogoutUri = query.value(17).toString();
    client.backchannelLogoutSessionRequired = query.value(18).toLongLong() != 0;
    client.createdAt = SqlSupport::dateTime(query.value(19));
    client.updatedAt = SqlSupport::dateTime(query.value(20));
    client.resourceServer = query.value(21).toLongLong() != 0;
    return client;
}

} // namespace

SqlClientStore::SqlClientStore(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

quint64 SqlClientStore::changeGeneration() const
{
    return clientGeneration.load(std::memory_order_acquire);
}

void SqlClientStore::changed() const
{
    clientGeneration.fetch_add(1, std::memory_order_acq_rel);
    m_db->whenTransactionEnds([] { clientGeneration.fetch_add(1, std::memory_order_acq_rel); });
}

Result<QList<Client>, Error> SqlClientStore::select(const QString &where,
                                                    const QVariantList &values) const
{
    auto query = SqlSupport::exec(*m_db, u"cannot read clients"_s,
                                  u"SELECT "_s + Columns + u" FROM clients "_s + where, values);
    if (!query)
        return query.error();
    QList<Client> clients;
    while (query->next()) {
        auto client = readClient(*query);
        if (!client)
            return client.error();
        clients.append(std::move(client).value());
    }
    return clients;
}

Result<std::optional<Client>, Error> SqlClientStore::find(const QString &clientId) const
{
    auto found = select(u"WHERE client_id = ?"_s, {SqlSupport::text(clientId)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Client>();
    return std::optional<Client>(found->takeFirst());
}

Result<QList<Client>, Error> SqlClientStore::list() const
{
    return select(u"ORDER BY client_id"_s, {});
}

Result<void, Error> SqlClientStore::save(const Client &client)
{
    if (client.clientId.isEmpty())
        return Error::invalid(u"a client needs a client_id"_s);
    const QDateTime now = m_db->clock()->now();
    const QVariantList values{
        SqlSupport::text(client.clientId),
        SqlSupport::text(client.clientName),
        SqlSupport::text(client.secretHash),
        SqlSupport::jsonText(client.redirectUris),
        SqlSupport::jsonText(client.postLogoutRedirectUris),
        SqlSupport::jsonText(client.grantTypes),
        SqlSupport::jsonText(client.responseTypes),
        SqlSupport::text(client.tokenEndpointAuthMethod),
        SqlSupport::jsonText(client.scopes),
        SqlSupport::flag(client.requirePkce),
        SqlSupport::flag(client.requireConsent),
        SqlSupport::text(client.idTokenSignedResponseAlg),
        SqlSupport::flag(client.opaqueAccessTokens),
        SqlSupport::flag(client.rotateRefreshTokens),
        QVariant(client.accessTokenLifetimeSecs),
        QVariant(client.idTokenLifetimeSecs),
        QVariant(client.refreshTokenLifetimeSecs),
        SqlSupport::text(client.backchannelLogoutUri),
        SqlSupport::flag(client.backchannelLogoutSessionRequired),
        SqlSupport::msecs(client.createdAt.isValid() ? client.createdAt : now),
        SqlSupport::msecs(now),
        SqlSupport::flag(client.resourceServer),
    };
    QStringList placeholders;
    QStringList updates;
    const QStringList columns = Columns.split(u", "_s);
    for (const QString &column : columns) {
        placeholders.append(u"?"_s);
        if (column != u"client_id"_s && column != u"created_at"_s)
            updates.append(column + u" = excluded."_s + column);
    }
    const QString sql = u"INSERT INTO clients ("_s + Columns + u") VALUES ("_s +
                        placeholders.join(u", "_s) + u") ON CONFLICT (client_id) DO UPDATE SET "_s +
                        updates.join(u", "_s);

    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    {
        auto query = SqlSupport::exec(*m_db, u"cannot save the client %1"_s.arg(client.clientId),
                                      sql, values);
        changed();
        if (!query)
            return query.error();
    }
    return transaction.commit();
}

Result<bool, Error> SqlClientStore::remove(const QString &clientId)
{
    Database::Transaction transaction(*m_db);
    if (!transaction.isActive())
        return transaction.error();
    int removed = 0;
    {
        auto query = SqlSupport::exec(*m_db, u"cannot remove the client %1"_s.arg(clientId),
                                      u"DELETE FROM clients WHERE client_id = ?"_s,
                                      {SqlSupport::text(clientId)});
        changed();
        if (!query)
            return query.error();
        removed = query->numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return removed > 0;
}

Result<qint64, Error> SqlClientStore::count() const
{
    auto query =
        SqlSupport::exec(*m_db, u"cannot count clients"_s, u"SELECT COUNT(*) FROM clients"_s);
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

} // namespace lanyard
