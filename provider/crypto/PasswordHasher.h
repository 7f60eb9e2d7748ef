// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "crypto/RandomSource.h"

#include <QString>

#include <memory>

namespace lanyard {

/// Argon2id password hashing (RFC 9106) in the PHC string format that
/// libargon2 writes: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
/// Immutable after construction; every function may be called from any
/// thread at once. Hashing takes tens of milliseconds and ~19 MiB of memory
/// by design, so never call it on the GUI thread.
class PasswordHasher
{
public:
    struct Parameters
    {
        /// OWASP Password Storage Cheat Sheet: Argon2id with m = 19 MiB,
        /// t = 2, p = 1. Raising any value makes existing hashes report
        /// needsRehash() so they are upgraded at the next login.
        quint32 memoryKiB = 19456;
        quint32 iterations = 2;
        quint32 parallelism = 1;
        /// 16-byte random salt and 32-byte tag (RFC 9106 §3.1 recommends
        /// 128-bit salts and allows any tag of 4 bytes or more).
        quint32 saltBytes = 16;
        quint32 hashBytes = 32;
    };

    /// Passwords longer than this many UTF-8 bytes are refused (hash fails,
    /// verify returns false): nobody types more, and it bounds the work.
    static constexpr qsizetype MaxPasswordBytes = 4096;

    /// OWASP parameters and Random::system().
    PasswordHasher();
    /// Custom parameters (tests use cheap ones) and random source.
    explicit PasswordHasher(Parameters parameters, std::shared_ptr<RandomSource> random = nullptr);

    /// The documented default: Parameters{} (OWASP).
    static Parameters owaspDefaults();
    Parameters parameters() const { return m_parameters; }

    /// A PHC string for `password` with a fresh salt. The password is
    /// normalised to Unicode NFC first (as RFC 8265's OpaqueString does) so
    /// the same password typed on another keyboard still matches.
    /// Error::invalid for an empty or oversized password.
    Result<QString, Error> hash(const QString &password) const;

    /// True when `password` matches `phc`. Returns false, never crashes, for
    /// a malformed string, another Argon2 variant or version, or parameters
    /// beyond sane bounds (a tampered row must not allocate gigabytes).
    bool verify(const QString &password, const QString &phc) const;

    /// True when `phc` should be replaced by a fresh hash(): malformed, not
    /// argon2id v=19, or any of m, t, p, salt or tag length below the
    /// current parameters.
    bool needsRehash(const QString &phc) const;

private:
    Parameters m_parameters;
    std::shared_ptr<RandomSource> m_random;
};

} // namespace lanyard
