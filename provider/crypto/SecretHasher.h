// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "crypto/PasswordHasher.h"
#include "crypto/RandomSource.h"

#include <QString>

#include <memory>

namespace lanyard {

/// Hashes client secrets for storage, so a leaked database does not reveal
/// them. Two formats:
///
/// - `$lanyard-hs256$<base64url salt>$<base64url HMAC-SHA-256(key = salt,
///   secret)>` for secrets of at least FastHashMinBytes UTF-8 bytes. Secrets
///   Lanyard generates carry 256 random bits, which no brute force can
///   search, so a fast keyed hash is enough and client authentication stays
///   cheap.
/// - Argon2id (PasswordHasher's PHC string) for shorter secrets, which are
///   imported and may be low-entropy: a leak must not let them be guessed.
///
/// Immutable after construction; any thread. The Argon2id path is slow by
/// design, so keep it off the GUI thread.
class SecretHasher
{
public:
    /// Secrets of at least this many UTF-8 bytes take the fast format.
    static constexpr qsizetype FastHashMinBytes = 32;
    /// Random bytes in a generated secret (256 bits, 43 base64url chars).
    static constexpr int GeneratedSecretBytes = 32;
    /// Random salt bytes of the fast format.
    static constexpr int SaltBytes = 16;

    /// Random::system() and OWASP Argon2id parameters.
    SecretHasher();
    /// Injected random source (salts and generated secrets) and the hasher
    /// used for short secrets.
    SecretHasher(std::shared_ptr<RandomSource> random, PasswordHasher slowHasher);

    /// The stored form of `secret` (format chosen by its length).
    /// Error::invalid for an empty secret.
    Result<QString, Error> hash(const QString &secret) const;

    /// True when `secret` matches `stored` (either format). The fast format
    /// is compared with ConstantTime::equals, Argon2id by libargon2's
    /// constant-time compare. False for anything malformed or unknown.
    bool verify(const QString &secret, const QString &stored) const;

    /// A new client secret: GeneratedSecretBytes random bytes, base64url.
    QString generateSecret() const;

    /// True when `stored` is in the fast `$lanyard-hs256$` format.
    static bool isFastFormat(const QString &stored);

private:
    std::shared_ptr<RandomSource> m_random;
    PasswordHasher m_slow;
};

} // namespace lanyard
