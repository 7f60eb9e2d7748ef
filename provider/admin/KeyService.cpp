// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/KeyService.h"

#include "core/Protocol.h"
#include "crypto/KeyGenerator.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "jose/Jws.h"
#include "jose/KeyRing.h"
#include "model/Client.h"
#include "store/ClientStore.h"
#include "store/Database.h"
#include "store/KeyStore.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

/// When an active key started signing; keys stored without activatedAt
/// count from their creation.
QDateTime signingSince(const SigningKey &key)
{
    return key.activatedAt.isValid() ? key.activatedAt : key.createdAt;
}

/// The active key that signs for `alg` (the most recently activated, as
/// KeyRing picks it), or nullptr.
const SigningKey *signingKey(const QList<SigningKey> &keys, const QString &alg)
{
    const SigningKey *found = nullptr;
    for (const SigningKey &key : keys) {
        if (key.alg != alg || key.state != KeyState::Active)
            continue;
        if (!found || !(key.activatedAt < found->activatedAt))
            found = &key;
    }
    return found;
}

/// The next key waiting for `alg` (the newest), or nullptr.
const SigningKey *pendingKey(const QList<SigningKey> &keys, const QString &alg)
{
    const SigningKey *found = nullptr;
    for (const SigningKey &key : keys) {
        if (key.alg == alg && key.state == KeyState::Next &&
            (!found || !(key.createdAt < found->createdAt)))
            found = &key;
    }
    return found;
}

} // namespace

KeyService::KeyService(Dependencies dependencies, ProviderConfig config)
    : m_deps(std::move(dependencies)), m_config(std::move(config))
{}

QStringList KeyService::defaultAlgorithms()
{
    return {proto::alg::RS256, proto::alg::ES256};
}

QStringList KeyService::supportedAlgorithms()
{
    return Jws::supportedAlgorithms();
}

void KeyService::publish(const QLatin1StringView &type, const SigningKey &key,
                         const QString &reason, const QJsonObject &extra) const
{
    if (!m_deps.events)
        return;
    Event event;
    event.type = type;
    QJsonObject details = extra;
    details.insert(u"kid"_s, key.kid);
    details.insert(u"alg"_s, key.alg);
    details.insert(u"state"_s, keyStateName(key.state));
    details.insert(u"reason"_s, reason);
    event.details = details;
    m_deps.events->publish(event);
}

Result<QList<SigningKey>, Error> KeyService::list() const
{
    return m_deps.keys->list();
}

Result<QList<SigningKey>, Error> KeyService::ensureSigningKeys() const
{
    auto existing = m_deps.keys->list();
    if (!existing)
        return existing.error();

    QList<SigningKey> created;
    for (const QString &alg : defaultAlgorithms()) {
        if (signingKey(*existing, alg))
            continue;
        const QDateTime now = m_deps.clock->now();
        auto key = KeyGenerator::generateSigningKey(alg, now);
        if (!key)
            return key.error();
        // Nothing has been published yet on a first start, so there is no
        // relying party cache to wait for: the key signs at once.
        key->state = KeyState::Active;
        key->activatedAt = now;
        if (auto saved = m_deps.keys->save(*key); !saved)
            return saved.error();
        created.append(*key);
        publish(event_type::KeyGenerated, *key, u"first start"_s, {{u"activated_at"_s, iso(now)}});
    }
    return created;
}

Result<std::shared_ptr<const KeyRing>, Error> KeyService::loadKeyRing() const
{
    auto keys = m_deps.keys->list();
    if (!keys)
        return keys.error();
    return KeyRing::fromKeys(*keys, m_deps.clock->now());
}

QDateTime KeyService::signsFrom(const SigningKey &key) const
{
    if (key.state != KeyState::Next)
        return key.activatedAt;
    return key.createdAt.addSecs(qint64(rotationDelaySecs()) + PublicationAllowanceSecs);
}

Result<int, Error> KeyService::retiredKeyLifetimeSecs() const
{
    int longest = std::max(m_config.accessTokenLifetimeSecs, m_config.idTokenLifetimeSecs);
    auto clients = m_deps.clients->list();
    if (!clients)
        return clients.error();
    for (const Client &client : std::as_const(*clients))
        longest = std::max({longest, client.accessTokenLifetimeSecs, client.idTokenLifetimeSecs});
    return longest + RetirementMarginSecs;
}

Result<SigningKey, Error> KeyService::generateNext(const QString &alg, const QString &reason) const
{
    const auto pendingError = [&](const SigningKey &pending) {
        return Error::conflict(u"%1 already has a key waiting to sign: %2 (signs from %3)"_s.arg(
            alg, pending.kid, iso(signsFrom(pending))));
    };
    {
        auto keys = m_deps.keys->list();
        if (!keys)
            return keys.error();
        if (const SigningKey *pending = pendingKey(*keys, alg))
            return pendingError(*pending);
    }
    // Generate outside the transaction: RSA takes a while, and the write
    // lock should not wait for it.
    auto generated = KeyGenerator::generateSigningKey(alg, m_deps.clock->now());
    if (!generated)
        return generated.error();
    SigningKey key = std::move(generated).value();
    key.state = KeyState::Next;

    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return transaction.error();
    auto keys = m_deps.keys->list();
    if (!keys)
        return keys.error();
    if (const SigningKey *pending = pendingKey(*keys, alg))
        return pendingError(*pending);
    if (auto saved = m_deps.keys->save(key); !saved)
        return saved.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    publish(event_type::KeyGenerated, key, reason,
            {{u"created_at"_s, iso(key.createdAt)}, {u"signs_from"_s, iso(signsFrom(key))}});
    return key;
}

Result<SigningKey, Error> KeyService::rotate(const QString &alg, const QString &reason) const
{
    if (!supportedAlgorithms().contains(alg))
        return Error::invalid(u"cannot rotate \"%1\": not a supported algorithm (%2)"_s.arg(
            alg, supportedAlgorithms().join(u", "_s)));
    return generateNext(alg, reason);
}

Result<QList<SigningKey>, Error> KeyService::rotateAll(const QString &reason) const
{
    auto keys = m_deps.keys->list();
    if (!keys)
        return keys.error();
    QStringList algorithms;
    for (const QString &alg : supportedAlgorithms()) {
        if (!signingKey(*keys, alg))
            continue;
        if (const SigningKey *pending = pendingKey(*keys, alg))
            return Error::conflict(
                u"%1 already has a key waiting to sign: %2 (signs from %3)"_s.arg(
                    alg, pending->kid, iso(signsFrom(*pending))));
        algorithms.append(alg);
    }
    if (algorithms.isEmpty())
        return Error::notFound(u"no algorithm has an active key to rotate"_s);
    QList<SigningKey> rotated;
    for (const QString &alg : std::as_const(algorithms)) {
        auto key = generateNext(alg, reason);
        if (!key)
            return key.error();
        rotated.append(std::move(key).value());
    }
    return rotated;
}

Result<SigningKey, Error> KeyService::retire(const QString &kid, const QString &reason) const
{
    if (kid.isEmpty())
        return Error::invalid(u"retiring a key needs its kid"_s);

    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return transaction.error();
    auto keys = m_deps.keys->list();
    if (!keys)
        return keys.error();
    const auto found = std::find_if(keys->cbegin(), keys->cend(),
                                    [&](const SigningKey &key) { return key.kid == kid; });
    if (found == keys->cend())
        return Error::notFound(u"no signing key has kid %1"_s.arg(kid));
    const SigningKey &stored = *found;
    if (stored.state == KeyState::Retired)
        return Error::conflict(u"key %1 is already retired (published until %2)"_s.arg(
            kid, iso(stored.publishedUntil)));

    const QDateTime now = m_deps.clock->now();
    SigningKey retired = stored;
    retired.state = KeyState::Retired;
    retired.retiredAt = now;
    if (stored.state == KeyState::Active) {
        const bool anotherActive =
            std::any_of(keys->cbegin(), keys->cend(), [&](const SigningKey &key) {
                return key.alg == stored.alg && key.state == KeyState::Active && key.kid != kid;
            });
        if (!anotherActive) {
            QString why =
                stored.alg == proto::alg::RS256
                    ? u"key %1 is the only active RS256 key, and RS256 must always be able to "
                      "sign (OpenID Connect requires it)"_s.arg(kid)
                    : u"key %1 is the only active %2 key: clients whose ID tokens use %2 "
                      "would get no tokens"_s.arg(kid, stored.alg);
            if (const SigningKey *successor = pendingKey(*keys, stored.alg))
                why += u"; its successor %1 signs from %2, and it retires then"_s.arg(
                    successor->kid, iso(signsFrom(*successor)));
            else
                why += u"; rotate it instead (lanyard keys rotate %1) and it retires once "
                       "the new key signs"_s.arg(stored.alg);
            return Error::conflict(why);
        }
        // It may have signed tokens until now: keep it published until the
        // last of them expires.
        auto lifetime = retiredKeyLifetimeSecs();
        if (!lifetime)
            return lifetime.error();
        retired.publishedUntil = now.addSecs(*lifetime);
    } else {
        // A next key never signed anything: nothing needs it published.
        retired.publishedUntil = now;
    }
    auto updated = m_deps.keys->updateState(retired, stored.state);
    if (!updated)
        return updated.error();
    if (!*updated)
        return Error::conflict(u"key %1 changed meanwhile; look again"_s.arg(kid));
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    publish(event_type::KeyRetired, retired, reason,
            {{u"previous_state"_s, keyStateName(stored.state)},
             {u"published_until"_s, iso(retired.publishedUntil)}});
    return retired;
}

Result<KeyService::Changes, Error> KeyService::maintain() const
{
    Changes changes;
    const QDateTime now = m_deps.clock->now();
    auto listed = m_deps.keys->list();
    if (!listed)
        return listed.error();
    QList<SigningKey> keys = std::move(listed).value();

    // 1. Promotions: a next key that every relying party cache has seen
    // takes over its algorithm; the key it replaces retires.
    QMap<QString, QList<SigningKey>> due;
    for (const SigningKey &key : std::as_const(keys)) {
        if (key.state == KeyState::Next && signsFrom(key) <= now)
            due[key.alg].append(key);
    }
    std::optional<int> lifetime;
    for (auto it = due.cbegin(); it != due.cend(); ++it) {
        const QString &alg = it.key();
        const QList<SigningKey> &candidates = it.value();
        // Of several due keys (instances rotating at once), the newest wins.
        const auto newest = std::max_element(
            candidates.cbegin(), candidates.cend(), [](const SigningKey &a, const SigningKey &b) {
                return a.createdAt < b.createdAt || (a.createdAt == b.createdAt && a.kid < b.kid);
            });
        if (!lifetime) {
            auto computed = retiredKeyLifetimeSecs();
            if (!computed)
                return computed.error();
            lifetime = *computed;
        }

        Database::Transaction transaction(*m_deps.database);
        if (!transaction.isActive())
            return transaction.error();
        SigningKey promoted = *newest;
        promoted.state = KeyState::Active;
        promoted.activatedAt = now;
        auto won = m_deps.keys->updateState(promoted, KeyState::Next);
        if (!won)
            return won.error();
        if (!*won)
            continue; // another instance promoted it (or it was retired) meanwhile
        QList<SigningKey> retiredNow;
        for (const SigningKey &key : std::as_const(keys)) {
            if (key.alg != alg || key.kid == promoted.kid || key.state == KeyState::Retired)
                continue;
            SigningKey retired = key;
            retired.state = KeyState::Retired;
            retired.retiredAt = now;
            // An active key may have signed until now; a superseded next
            // key never signed.
            retired.publishedUntil = key.state == KeyState::Active ? now.addSecs(*lifetime) : now;
            auto updated = m_deps.keys->updateState(retired, key.state);
            if (!updated)
                return updated.error();
            if (*updated)
                retiredNow.append(retired);
        }
        if (auto committed = transaction.commit(); !committed)
            return committed.error();

        QJsonArray replaced;
        for (const SigningKey &key : std::as_const(retiredNow))
            replaced.append(key.kid);
        publish(event_type::KeyActivated, promoted, u"rotation"_s,
                {{u"activated_at"_s, iso(now)}, {u"replaces"_s, replaced}});
        for (const SigningKey &key : std::as_const(retiredNow))
            publish(
                event_type::KeyRetired, key, u"replaced"_s,
                {{u"successor"_s, promoted.kid}, {u"published_until"_s, iso(key.publishedUntil)}});
        changes.activated.append(promoted);
        changes.retired.append(retiredNow);
    }
    if (!changes.activated.isEmpty()) {
        auto relisted = m_deps.keys->list();
        if (!relisted)
            return relisted.error();
        keys = std::move(relisted).value();
    }

    // 2. The automatic schedule: a key that has signed for the interval
    // gets a successor (which signs after the rotation delay).
    if (m_config.keyRotationIntervalDays > 0) {
        for (const QString &alg : supportedAlgorithms()) {
            const SigningKey *signing = signingKey(keys, alg);
            if (!signing || pendingKey(keys, alg))
                continue;
            if (now < signingSince(*signing).addDays(m_config.keyRotationIntervalDays))
                continue;
            auto key = generateNext(alg, u"schedule"_s);
            if (!key) {
                // Another instance generated the successor first.
                if (key.error().kind == Error::Kind::Conflict)
                    continue;
                return key.error();
            }
            changes.generated.append(std::move(key).value());
        }
    }

    // 3. Retired keys no token can need any more leave the JWKS and the
    // database.
    for (const SigningKey &key : std::as_const(keys)) {
        if (key.state != KeyState::Retired)
            continue;
        if (key.publishedUntil.isValid() && now < key.publishedUntil)
            continue;
        auto removed = m_deps.keys->remove(key.kid);
        if (!removed)
            return removed.error();
        if (!*removed)
            continue; // another instance removed it
        changes.removed.append(key.kid);
        publish(event_type::KeyRemoved, key, u"expired"_s,
                {{u"published_until"_s, iso(key.publishedUntil)}});
    }
    return changes;
}

} // namespace lanyard
