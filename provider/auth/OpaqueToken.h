// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lanyard {

class RandomSource;

/// A random bearer value (authorization code, refresh token, opaque access
/// token, session cookie) and the hash under which it is stored. Only the
/// hash reaches the database, so a leak of it reveals no usable token
/// (fosite's token strategy). Any thread.
struct OpaqueToken
{
    /// base64url of `bytes` random bytes: what the client or browser gets.
    QString value;
    /// hashOf(value).
    QString hash;

    /// 32 bytes = 256 bits by default; never fewer than 16 (RFC 6749 §10.10
    /// asks for codes that cannot be guessed, RFC 6819 §5.1.4.2.2 for at
    /// least 128 bits).
    static OpaqueToken generate(RandomSource &random, int bytes = 32);
    /// base64url(SHA-256(UTF-8 of token)): the storage key.
    static QString hashOf(QStringView token);
};

} // namespace lanyard
