// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "crypto/OpenSslHandles.h"
#include "model/SigningKey.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace lanyard {

/// Creates signing keys and moves them between EVP_PKEY and their stored
/// forms. Every function is reentrant and may be called from any thread;
/// RSA generation takes a noticeable fraction of a second, so keep it off
/// the GUI thread.
class KeyGenerator
{
public:
    /// Modulus size for RS256/PS256 keys (RFC 7518 §3.3 minimum).
    static constexpr int RsaBits = 2048;

    /// A new key for `alg`: RSA 2048 (RS256, PS256), EC P-256 (ES256) or
    /// Ed25519 (EdDSA). Error::unsupported for any other alg.
    static Result<ossl::PKey, Error> generate(const QString &alg);

    /// generate() wrapped as a SigningKey: state Next, the private key as
    /// PKCS#8 DER, kid = RFC 7638 thumbprint of the public JWK, createdAt as
    /// given (pass the provider's Clock time).
    static Result<SigningKey, Error> generateSigningKey(const QString &alg,
                                                        const QDateTime &createdAt);

    /// A SigningKey (state Next) for an existing private key, e.g. one
    /// imported from PEM. Error::invalid when `key` does not fit `alg`.
    static Result<SigningKey, Error>
    signingKeyFromPrivateKey(const EVP_PKEY *key, const QString &alg, const QDateTime &createdAt);

    /// The private key as unencrypted PKCS#8 PrivateKeyInfo DER (RFC 5208).
    static Result<QByteArray, Error> privateKeyToPkcs8Der(const EVP_PKEY *key);

    /// Loads PKCS#8 PrivateKeyInfo DER; rejects other structures and
    /// trailing bytes.
    static Result<ossl::PKey, Error> loadPrivateKeyPkcs8Der(QByteArrayView der);

    /// Loads an unencrypted PEM private key ("PRIVATE KEY", "RSA PRIVATE
    /// KEY", "EC PRIVATE KEY").
    static Result<ossl::PKey, Error> loadPrivateKeyPem(QByteArrayView pem);

    /// Loads a PEM "PUBLIC KEY" (SubjectPublicKeyInfo).
    static Result<ossl::PKey, Error> loadPublicKeyPem(QByteArrayView pem);

    /// The public part as PEM "PUBLIC KEY" (for export in the keys page).
    static Result<QByteArray, Error> publicKeyToPem(const EVP_PKEY *key);

    /// A key holding only the public part of `key` (e.g. so a retired key
    /// can verify without its private half staying in memory).
    static Result<ossl::PKey, Error> publicOnly(const EVP_PKEY *key);
};

} // namespace lanyard
