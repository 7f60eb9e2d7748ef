// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace lanyard {

/// Where every secret value (salts, client secrets, codes, tokens, CSRF
/// tokens) gets its randomness. Code that needs randomness takes a
/// RandomSource so tests can inject a fixed one (tests/support/FixedRandom.h);
/// production code uses Random::system().
class RandomSource
{
public:
    virtual ~RandomSource() = default;

    /// `n` bytes (n >= 0). Implementations must be safe to call from any
    /// thread at the same time.
    virtual QByteArray bytes(qsizetype n) = 0;

    /// `nbytes` bytes from bytes(), base64url-encoded without padding: the
    /// default of 32 bytes (256 bits) gives 43 characters. Any thread.
    QString token(int nbytes = 32);
};

} // namespace lanyard
