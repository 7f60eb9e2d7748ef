// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>

#include <atomic>
#include <memory>

namespace lanyard {

/// The published key set as the HTTP endpoints read it: a thread-safe holder
/// the composition root feeds from the KeyRing (`publish(ring->jwksJson(),
/// ring->signingAlgorithms())` at start and after every rotation), so the
/// endpoints need not know the KeyRing type and never block on it.
///
/// Threads: publish() and current() from any thread at any time; readers get
/// an immutable snapshot (an atomic shared_ptr swap).
class JwksSource
{
public:
    /// One published key set. Immutable.
    struct Snapshot
    {
        /// RFC 7517 §5 JWK Set, compact JSON: the JWKS endpoint's body.
        QByteArray jwksJson;
        /// Algorithms with an active signing key (RS256 first): discovery's
        /// id_token_signing_alg_values_supported.
        QStringList signingAlgorithms;
        /// Strong entity tag of jwksJson, computed once.
        QByteArray entityTag;
    };

    JwksSource() = default;
    JwksSource(const JwksSource &) = delete;
    JwksSource &operator=(const JwksSource &) = delete;

    /// Replaces the published key set. Any thread.
    void publish(QByteArray jwksJson, QStringList signingAlgorithms);
    /// The current key set, or nullptr before the first publish(). Any thread.
    std::shared_ptr<const Snapshot> current() const;

private:
    std::atomic<std::shared_ptr<const Snapshot>> m_current;
};

} // namespace lanyard
