// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "crypto/OpenSslHandles.h"
#include "jose/JoseError.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lanyard {

/// JSON Web Keys (RFC 7517) for the key types Lanyard signs with: RSA
/// (kty "RSA": n, e), EC P-256 (kty "EC": crv, x, y) and Ed25519 (kty "OKP":
/// crv, x; RFC 8037). All functions are reentrant and may be called from any
/// thread; keys passed in are only read.
class Jwk
{
public:
    /// The public members of `key` and nothing else: exactly the members
    /// RFC 7638 §3.2 hashes. EC coordinates are the full 32 octets (RFC 7518
    /// §6.2.1.2); RSA integers have no leading zero octet (RFC 7518 §2).
    static Result<QJsonObject, JoseError> publicMembers(const EVP_PKEY *key);

    /// The JWK published in the JWKS: publicMembers() plus "use":"sig",
    /// "alg" and "kid" (the thumbprint when `kid` is empty). Never a private
    /// member. AlgorithmKeyMismatch when `alg` does not fit the key.
    static Result<QJsonObject, JoseError> publicJwk(const EVP_PKEY *key, const QString &alg,
                                                    const QString &kid = {});

    /// RFC 7638 thumbprint: SHA-256 over the required members in
    /// lexicographic order without whitespace, base64url-encoded.
    static Result<QString, JoseError> thumbprint(const QJsonObject &jwk);
    /// thumbprint(publicMembers(key)).
    static Result<QString, JoseError> thumbprint(const EVP_PKEY *key);

    /// Imports a public JWK. Rejects (InvalidKey unless noted) unknown kty
    /// or curves, missing or non-string members, bad base64url (BadBase64),
    /// integers with leading zero octets, wrong coordinate lengths, points
    /// off the curve, RSA moduli under 2048 bits, private members, "use"
    /// other than "sig", and an "alg" that does not fit the key
    /// (AlgorithmKeyMismatch) or is unknown (UnsupportedAlgorithm).
    static Result<ossl::PKey, JoseError> toPublicKey(const QJsonObject &jwk);

    /// Imports a private JWK (RSA with all CRT members, EC with d, OKP with d)
    /// and checks that its private and public parts belong together. For test
    /// vectors and key import; Lanyard stores keys as PKCS#8, not JWK.
    static Result<ossl::PKey, JoseError> toPrivateKey(const QJsonObject &jwk);

    /// Names of the members that carry private key material (RFC 7518 §6).
    static QStringList privateMemberNames();
    /// True when `jwk` holds any of privateMemberNames().
    static bool hasPrivateMembers(const QJsonObject &jwk);
};

} // namespace lanyard
