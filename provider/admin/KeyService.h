// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "model/SigningKey.h"

#include <memory>

namespace lanyard {

class EventBus;
class KeyRing;
class KeyStore;

/// The life of signing keys: first-start generation now; rotation and
/// retirement arrive with the key-rotation issue.
class KeyService
{
public:
    KeyService(std::shared_ptr<KeyStore> keys, std::shared_ptr<const Clock> clock,
               EventBus *events = nullptr);

    /// Algorithms that always have an active key: RS256 (what relying parties
    /// expect; OpenID's Config OP profile requires it) and ES256.
    static QStringList defaultAlgorithms();

    /// Makes sure every default algorithm has an Active key, generating and
    /// storing the missing ones (a first start). Returns the keys it created.
    /// Any thread; call once at start, before serving.
    Result<QList<SigningKey>, Error> ensureSigningKeys() const;

    /// Every stored key. Any thread.
    Result<QList<SigningKey>, Error> list() const;

    /// The KeyRing of every published key, as of now. Any thread.
    Result<std::shared_ptr<const KeyRing>, Error> loadKeyRing() const;

private:
    std::shared_ptr<KeyStore> m_keys;
    std::shared_ptr<const Clock> m_clock;
    EventBus *m_events;
};

} // namespace lanyard
