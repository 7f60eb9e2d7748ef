// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/KeyService.h"

#include "core/Protocol.h"
#include "crypto/KeyGenerator.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "jose/KeyRing.h"
#include "store/KeyStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

KeyService::KeyService(std::shared_ptr<KeyStore> keys, std::shared_ptr<const Clock> clock,
                       EventBus *events)
    : m_keys(std::move(keys)), m_clock(std::move(clock)), m_events(events)
{}

QStringList KeyService::defaultAlgorithms()
{
    return {proto::alg::RS256, proto::alg::ES256};
}

Result<QList<SigningKey>, Error> KeyService::list() const
{
    return m_keys->list();
}

Result<QList<SigningKey>, Error> KeyService::ensureSigningKeys() const
{
    auto existing = m_keys->list();
    if (!existing)
        return existing.error();

    QList<SigningKey> created;
    for (const QString &alg : defaultAlgorithms()) {
        const bool hasActive =
            std::any_of(existing->cbegin(), existing->cend(), [&](const SigningKey &k) {
                return k.alg == alg && k.state == KeyState::Active;
            });
        if (hasActive)
            continue;
        const QDateTime now = m_clock->now();
        auto key = KeyGenerator::generateSigningKey(alg, now);
        if (!key)
            return key.error();
        // Nothing has been published yet on a first start, so there is no
        // relying party cache to wait for: the key signs at once.
        key->state = KeyState::Active;
        key->activatedAt = now;
        if (auto saved = m_keys->save(*key); !saved)
            return saved.error();
        created.append(*key);
        if (m_events) {
            Event event;
            event.type = event_type::KeyGenerated;
            event.details = {{u"kid"_s, key->kid}, {u"alg"_s, alg}, {u"state"_s, u"active"_s}};
            m_events->publish(event);
        }
    }
    return created;
}

Result<std::shared_ptr<const KeyRing>, Error> KeyService::loadKeyRing() const
{
    auto keys = m_keys->list();
    if (!keys)
        return keys.error();
    return KeyRing::fromKeys(*keys, m_clock->now());
}

} // namespace lanyard
