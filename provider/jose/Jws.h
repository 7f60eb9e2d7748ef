// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "jose/JoseError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <openssl/types.h>

namespace lanyard {

/// JWS Compact Serialization (RFC 7515 §7.1) with the four algorithms
/// Lanyard signs with: RS256, PS256, ES256 and EdDSA (Ed25519). All functions
/// are reentrant and may be called from any thread; a key passed in is only
/// read, so one EVP_PKEY may be shared by every thread.
///
/// Verification never trusts the header alone: the caller passes the
/// algorithms it accepts, the algorithm must be one Lanyard implements, and
/// it must fit the key. Unsecured JWS ("alg":"none") is never accepted.
class Jws
{
public:
    /// Largest compact JWS accepted by decode()/verify(): 64 KiB. Lanyard's
    /// own tokens are below 4 KiB; this bounds the work an attacker can cause.
    static constexpr qsizetype MaxCompactBytes = 64 * 1024;

    /// A compact JWS split into its parts. Only verify() (or a KeyRing)
    /// makes it trustworthy; decode() alone proves nothing.
    struct Decoded
    {
        QJsonObject header;
        QString alg;
        QString kid; ///< empty when absent
        QString typ; ///< empty when absent
        QByteArray payload;
        QByteArray signingInput; ///< ASCII(BASE64URL(header) '.' BASE64URL(payload))
        QByteArray signature;
    };

    /// The algorithms implemented here: RS256, PS256, ES256, EdDSA.
    static QStringList supportedAlgorithms();
    static bool isSupported(const QString &alg);

    /// True when `key` can sign or verify `alg`: RSA of at least 2048 bits
    /// for RS256/PS256 (RFC 7518 §3.3, §3.5), EC P-256 for ES256 (§3.4),
    /// Ed25519 for EdDSA (RFC 8037 §3.1).
    static bool keyMatchesAlgorithm(const QString &alg, const EVP_PKEY *key);

    /// Signs `payload` and returns the compact JWS. The protected header
    /// holds "alg", plus "kid" and "typ" when non-empty.
    static Result<QByteArray, JoseError> sign(const QString &alg, const EVP_PKEY *key,
                                              QByteArrayView payload, const QString &kid = {},
                                              const QString &typ = {});

    /// The JWS Signature octets over `signingInput`: PKCS#1 v1.5 or PSS
    /// (salt = 32 bytes, MGF1-SHA-256) signatures, R||S (64 bytes) for ES256,
    /// the 64-byte Ed25519 signature for EdDSA.
    static Result<QByteArray, JoseError> signRaw(const QString &alg, const EVP_PKEY *key,
                                                 QByteArrayView signingInput);

    /// Checks `signature` over `signingInput`; BadSignature when it does not
    /// verify. Algorithm/key checks as in signRaw().
    static Result<void, JoseError> verifyRaw(const QString &alg, const EVP_PKEY *key,
                                             QByteArrayView signingInput, QByteArrayView signature);

    /// Splits and decodes a compact JWS without checking the signature:
    /// size (TooLarge), exactly three non-empty segments (Malformed), strict
    /// base64url (BadBase64), the header a JSON object (NotJsonObject) with a
    /// string "alg" (Malformed), no "crit" (UnsupportedCritical).
    static Result<Decoded, JoseError> decode(QByteArrayView compact);

    /// The algorithm policy, in this order: `alg` in `allowedAlgs`
    /// (AlgorithmNotAllowed), implemented here (UnsupportedAlgorithm), fits
    /// `key` (AlgorithmKeyMismatch).
    static Result<void, JoseError>
    checkAlgorithm(const QString &alg, const QStringList &allowedAlgs, const EVP_PKEY *key);

    /// decode(), checkAlgorithm() with the header's alg, then the signature.
    static Result<Decoded, JoseError> verify(QByteArrayView compact, const EVP_PKEY *key,
                                             const QStringList &allowedAlgs);
};

} // namespace lanyard
