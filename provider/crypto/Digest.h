// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace lanyard {

/// One-shot hashes and HMACs through OpenSSL's EVP interface. Every function
/// may be called from any thread. They return an empty array only if OpenSSL
/// itself fails (it does not with the default provider); callers that compare
/// the result therefore fail closed.
class Digest
{
public:
    /// SHA-256 of `data` (32 bytes).
    static QByteArray sha256(QByteArrayView data);
    /// SHA-384 of `data` (48 bytes).
    static QByteArray sha384(QByteArrayView data);
    /// SHA-512 of `data` (64 bytes).
    static QByteArray sha512(QByteArrayView data);
    /// HMAC-SHA-256 (RFC 2104) of `data` under `key` (32 bytes).
    static QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
};

} // namespace lanyard
