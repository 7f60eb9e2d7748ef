// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/AdminError.h"
#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "model/Client.h"

#include <QLatin1StringView>
#include <QList>

#include <memory>

namespace lanyard {

class ClientStore;
class ConsentStore;
class Database;
class EventBus;
class RandomSource;
class SecretHasher;
class TokenStore;

/// Registered clients as administrator operations, for the Clients page
/// (and any command that edits one client): list, read, create, update,
/// delete and rotate the secret.
///
/// Input is checked by ClientValidator exactly as `lanyard import` checks a
/// file, so both give the same messages (located by wire name:
/// `redirect_uris[0]: fragment not allowed`). Every write runs in one
/// transaction and, once committed, publishes admin.changed in the shape
/// ImportService uses: clientId set, details {actor, entity "client",
/// action (created, updated, deleted, secret_rotated), fields (wire names of
/// what changed, never values)}.
///
/// Secrets: a confidential client gets a generated secret of 256 bits from
/// the RandomSource (base64url, 43 characters), stored only as its
/// SecretHasher hash and returned once to the caller (Saved::secret,
/// rotateSecret()); never stored in the clear, logged or put in an event.
/// Clients returned by this service never carry the stored hash either
/// (secretHash is empty; Client::isPublic() says whether one exists).
///
/// A plain value holding shared, thread-safe services: copy it freely; every
/// function may be called from any thread, but writes block on the
/// database, so the GUI calls them through Backend::run().
class ClientService
{
public:
    struct Dependencies
    {
        std::shared_ptr<Database> database;
        std::shared_ptr<ClientStore> clients;
        /// Deleting a client revokes its token families and consents.
        std::shared_ptr<TokenStore> tokens;
        std::shared_ptr<ConsentStore> consents;
        std::shared_ptr<const SecretHasher> secretHasher;
        /// Generated secrets and client id suggestions.
        std::shared_ptr<RandomSource> random;
        std::shared_ptr<const Clock> clock;
        /// May be null (no events).
        EventBus *events = nullptr;
    };

    /// A client as stored by create() or update().
    struct Saved
    {
        /// As stored, without the secret hash.
        Client client;
        /// The new secret in the clear when one was generated (create() of a
        /// confidential client, update() that made a public client
        /// confidential); empty otherwise. Show it once; it cannot be read
        /// again.
        QString secret;
        /// Wire names of the members that changed (update(); empty when
        /// nothing did, and then nothing was written or published).
        QStringList fields;
    };

    /// What remove() took away.
    struct Removed
    {
        /// The client as it was, without the secret hash.
        Client client;
        int familiesRevoked = 0;
        int consentsRevoked = 0;
    };

    /// `action` values of the admin.changed events.
    static constexpr QLatin1StringView ActionCreated{"created"};
    static constexpr QLatin1StringView ActionUpdated{"updated"};
    static constexpr QLatin1StringView ActionDeleted{"deleted"};
    static constexpr QLatin1StringView ActionSecretRotated{"secret_rotated"};

    explicit ClientService(Dependencies dependencies);

    /// Every client, sorted by client_id. Any thread.
    Result<QList<Client>, Error> list() const;
    /// One client; NotFound when there is none. Any thread.
    Result<Client, Error> get(const QString &clientId) const;

    /// The problems ClientValidator finds in `client` (as `lanyard import`
    /// would for the same JSON, paths relative to the client), plus a
    /// missing client_id. `hasSecret`: whether it will have a stored secret.
    /// Stateless; any thread (the GUI may call it to check a form early).
    static ValidationProblems check(const Client &client, bool hasSecret);

    /// A fresh random client_id (128 bits, base64url) to suggest in a form.
    /// Any thread.
    QString suggestClientId() const;

    /// Creates `client` (createdAt, updatedAt and secretHash are ignored).
    /// A confidential client gets a generated secret, returned in Saved.
    /// Invalid with the validator's problems; `client_id: already exists`
    /// when it does. Publishes admin.changed (created, no fields, as the
    /// import does). Any thread.
    Result<Saved, AdminError> create(const Client &client, const QString &actor) const;

    /// Replaces the settings of the existing client `client.clientId`
    /// (NotFound otherwise); the stored secret stays while the client stays
    /// confidential, is generated when a public client becomes confidential
    /// and dropped when it becomes public. Publishes admin.changed (updated,
    /// fields) when something changed. Any thread.
    Result<Saved, AdminError> update(const Client &client, const QString &actor) const;

    /// Deletes the client and, in the same transaction, revokes every token
    /// family issued to it (so its JWT access tokens fail too) and forgets
    /// every consent given to it. Browser sessions stay: they belong to the
    /// accounts. NotFound when there is no such client. Publishes
    /// admin.changed (deleted). Any thread.
    Result<Removed, AdminError> remove(const QString &clientId, const QString &actor) const;

    /// Replaces the secret of a confidential client with a generated one and
    /// returns it (show it once). Tokens already issued stay valid. Invalid
    /// for a public client, NotFound for an unknown one. Publishes
    /// admin.changed (secret_rotated, fields ["client_secret"]). Any thread.
    Result<QString, AdminError> rotateSecret(const QString &clientId, const QString &actor) const;

private:
    /// A new secret and its hash.
    Result<std::pair<QString, QString>, Error> newSecret() const;
    void publish(const QString &clientId, QLatin1StringView action, const QStringList &fields,
                 const QString &actor, const QJsonObject &extra = {}) const;

    Dependencies m_deps;
};

} // namespace lanyard
