// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ClientService.h"

#include "admin/ClientValidator.h"
#include "crypto/RandomSource.h"
#include "crypto/SecretHasher.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "store/ClientStore.h"
#include "store/ConsentStore.h"
#include "store/Database.h"
#include "store/TokenStore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// Names of the members whose values differ between two JSON objects (as
/// ImportService reports them).
QStringList changedMembers(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList changed;
    for (const QString &key : std::as_const(keys)) {
        if (before.value(key) != after.value(key))
            changed.append(key);
    }
    return changed;
}

Client withoutSecret(Client client)
{
    client.secretHash.clear();
    return client;
}

AdminError problem(const QString &path, const QString &message)
{
    return AdminError(ValidationProblems{{path, message}});
}

} // namespace

ClientService::ClientService(Dependencies dependencies) : m_deps(std::move(dependencies)) {}

Result<QList<Client>, Error> ClientService::list() const
{
    auto clients = m_deps.clients->list();
    if (!clients)
        return clients.error();
    QList<Client> out;
    out.reserve(clients->size());
    for (const Client &client : std::as_const(*clients))
        out.append(withoutSecret(client));
    return out;
}

Result<Client, Error> ClientService::get(const QString &clientId) const
{
    auto found = m_deps.clients->find(clientId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(u"no client %1"_s.arg(clientId));
    return withoutSecret(**found);
}

ValidationProblems ClientService::check(const Client &client, bool hasSecret)
{
    // The form's values go through the import's reader too, so its checks
    // (lifetime ranges, types) and messages apply unchanged. toJson() leaves
    // out lifetimes of 0 and below; put them in so a negative one is caught.
    QJsonObject json = ClientValidator::toJson(client, false);
    json.insert(u"access_token_lifetime"_s, client.accessTokenLifetimeSecs);
    json.insert(u"id_token_lifetime"_s, client.idTokenLifetimeSecs);
    json.insert(u"refresh_token_lifetime"_s, client.refreshTokenLifetimeSecs);
    ValidationProblems problems;
    ValidationProblems warnings;
    const ClientInput input = ClientValidator::fromJson(json, QString(), &problems, &warnings);
    // The import reports a missing client_id as "required"; an empty one
    // from a form is the same mistake.
    if (client.clientId.isEmpty())
        problems.append({u"client_id"_s, u"required"_s});
    // As the import does: validate the client as it was read.
    ClientValidator::validate(input.client, hasSecret, QString(), &problems);
    return problems;
}

QString ClientService::suggestClientId() const
{
    return m_deps.random->token(16);
}

Result<std::pair<QString, QString>, Error> ClientService::newSecret() const
{
    const QString secret = m_deps.random->token(SecretHasher::GeneratedSecretBytes);
    auto hash = m_deps.secretHasher->hash(secret);
    if (!hash)
        return hash.error();
    return std::pair{secret, *hash};
}

void ClientService::publish(const QString &clientId, QLatin1StringView action,
                            const QStringList &fields, const QString &actor,
                            const QJsonObject &extra) const
{
    if (!m_deps.events)
        return;
    Event event;
    event.type = event_type::AdminChanged;
    event.clientId = clientId;
    QJsonObject details{
        {u"actor"_s, actor},
        {u"entity"_s, u"client"_s},
        {u"action"_s, QString(action)},
        {u"fields"_s, QJsonArray::fromStringList(fields)},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        details.insert(it.key(), it.value());
    event.details = details;
    m_deps.events->publish(event);
}

Result<ClientService::Saved, AdminError> ClientService::create(const Client &client,
                                                               const QString &actor) const
{
    Client next = client;
    next.secretHash.clear();
    next.createdAt = {};
    next.updatedAt = {};
    if (ValidationProblems problems = check(next, !next.isPublic()); !problems.isEmpty())
        return AdminError(problems);

    Saved saved;
    if (!next.isPublic()) {
        auto secret = newSecret();
        if (!secret)
            return AdminError(secret.error());
        saved.secret = secret->first;
        next.secretHash = secret->second;
    }

    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return AdminError(transaction.error());
    auto existing = m_deps.clients->find(next.clientId);
    if (!existing)
        return AdminError(existing.error());
    if (existing->has_value())
        return problem(u"client_id"_s, u"already exists"_s);
    if (auto stored = m_deps.clients->save(next); !stored)
        return AdminError(stored.error());
    auto reread = m_deps.clients->find(next.clientId);
    if (!reread)
        return AdminError(reread.error());
    if (auto committed = transaction.commit(); !committed)
        return AdminError(committed.error());

    saved.client = withoutSecret(reread->value_or(next));
    publish(next.clientId, ActionCreated, {}, actor);
    return saved;
}

Result<ClientService::Saved, AdminError> ClientService::update(const Client &client,
                                                               const QString &actor) const
{
    if (client.clientId.isEmpty())
        return problem(u"client_id"_s, u"required"_s);
    auto before = m_deps.clients->find(client.clientId);
    if (!before)
        return AdminError(before.error());
    if (!before->has_value())
        return AdminError(Error::notFound(u"no client %1"_s.arg(client.clientId)));

    Client next = client;
    next.secretHash = next.isPublic() ? QString() : (*before)->secretHash;
    next.createdAt = (*before)->createdAt;
    next.updatedAt = {};
    if (ValidationProblems problems = check(next, !next.isPublic()); !problems.isEmpty())
        return AdminError(problems);

    Saved saved;
    if (!next.isPublic() && next.secretHash.isEmpty()) {
        // A public client became confidential: it needs a secret now.
        auto secret = newSecret();
        if (!secret)
            return AdminError(secret.error());
        saved.secret = secret->first;
        next.secretHash = secret->second;
    }

    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return AdminError(transaction.error());
    // Read again inside the transaction: compare with what is stored now.
    auto current = m_deps.clients->find(client.clientId);
    if (!current)
        return AdminError(current.error());
    if (!current->has_value())
        return AdminError(Error::notFound(u"no client %1"_s.arg(client.clientId)));
    if (saved.secret.isEmpty())
        next.secretHash = next.isPublic() ? QString() : (*current)->secretHash;
    saved.fields = changedMembers(ClientValidator::toJson(**current, true),
                                  ClientValidator::toJson(next, true));
    saved.fields.replaceInStrings(u"client_secret_hash"_s, u"client_secret"_s);
    if (saved.fields.isEmpty()) {
        saved.client = withoutSecret(**current);
        return saved;
    }
    if (auto stored = m_deps.clients->save(next); !stored)
        return AdminError(stored.error());
    auto reread = m_deps.clients->find(next.clientId);
    if (!reread)
        return AdminError(reread.error());
    if (auto committed = transaction.commit(); !committed)
        return AdminError(committed.error());

    saved.client = withoutSecret(reread->value_or(next));
    publish(next.clientId, ActionUpdated, saved.fields, actor);
    return saved;
}

Result<ClientService::Removed, AdminError> ClientService::remove(const QString &clientId,
                                                                 const QString &actor) const
{
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return AdminError(transaction.error());
    auto found = m_deps.clients->find(clientId);
    if (!found)
        return AdminError(found.error());
    if (!found->has_value())
        return AdminError(Error::notFound(u"no client %1"_s.arg(clientId)));
    Removed removed;
    removed.client = withoutSecret(**found);
    // Revoke before deleting: the families' revocation records outlive the
    // client's rows (which the foreign keys delete), so the JWT access tokens
    // already issued to it fail from now on.
    auto families = m_deps.tokens->revokeClient(clientId, m_deps.clock->now());
    if (!families)
        return AdminError(families.error());
    removed.familiesRevoked = *families;
    auto consents = m_deps.consents->revokeClient(clientId);
    if (!consents)
        return AdminError(consents.error());
    removed.consentsRevoked = *consents;
    auto deleted = m_deps.clients->remove(clientId);
    if (!deleted)
        return AdminError(deleted.error());
    if (auto committed = transaction.commit(); !committed)
        return AdminError(committed.error());

    publish(clientId, ActionDeleted, {}, actor,
            {{u"families_revoked"_s, removed.familiesRevoked},
             {u"consents_revoked"_s, removed.consentsRevoked}});
    return removed;
}

Result<QString, AdminError> ClientService::rotateSecret(const QString &clientId,
                                                        const QString &actor) const
{
    auto secret = newSecret();
    if (!secret)
        return AdminError(secret.error());

    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return AdminError(transaction.error());
    auto found = m_deps.clients->find(clientId);
    if (!found)
        return AdminError(found.error());
    if (!found->has_value())
        return AdminError(Error::notFound(u"no client %1"_s.arg(clientId)));
    Client next = **found;
    if (next.isPublic())
        // The import's message for a secret on a public client.
        return problem(u"client_secret"_s,
                       u"a public client (token_endpoint_auth_method \"none\") has no secret"_s);
    next.secretHash = secret->second;
    if (auto stored = m_deps.clients->save(next); !stored)
        return AdminError(stored.error());
    if (auto committed = transaction.commit(); !committed)
        return AdminError(committed.error());

    publish(clientId, ActionSecretRotated, {u"client_secret"_s}, actor);
    return secret->first;
}

} // namespace lanyard
