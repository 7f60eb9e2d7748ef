// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "jose/JoseError.h"
#include "jose/Jws.h"
#include "model/SigningKey.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace lanyard {

/// The loaded signing keys: signs with the active key of an algorithm,
/// verifies with any published key, and serves the JWKS.
///
/// Immutable after construction and shared read-only (through
/// std::shared_ptr<const KeyRing>) by every HTTP worker thread: every const
/// function may be called from any thread at the same time. Key rotation
/// builds a new KeyRing and swaps the pointer; tokens being verified against
/// the old one are unaffected.
///
/// Published keys: every Next key (so relying parties cache it before it
/// signs), every Active key, and every Retired key until its publishedUntil.
/// Only Active keys keep their private half in memory.
class KeyRing
{
public:
    /// Loads `keys` (PKCS#8 DER) as of `now`. Retired keys whose
    /// publishedUntil is unset or not after `now` are left out. Fails with
    /// Error::invalid if a key does not load, does not fit its alg, its kid
    /// is not the RFC 7638 thumbprint of its public key, or two published
    /// keys share a kid. If several keys are Active for one alg, the most
    /// recently activated signs. Any thread.
    static Result<std::shared_ptr<const KeyRing>, Error>
    fromKeys(const QList<SigningKey> &keys, const QDateTime &now = QDateTime::currentDateTimeUtc());

    ~KeyRing();
    KeyRing(const KeyRing &) = delete;
    KeyRing &operator=(const KeyRing &) = delete;

    /// `{"keys":[...]}`: the public JWK (kty, its public members, use, alg,
    /// kid) of every published key, in the order given to fromKeys(). Never a
    /// private member. Cached at construction.
    QJsonObject jwks() const;
    /// jwks() as compact JSON, cached: the body of the JWKS endpoint.
    QByteArray jwksJson() const;

    /// A compact JWS of `payload` signed by the Active key for `alg`, with
    /// that key's kid and, when non-empty, `typ` ("JWT", "at+jwt",
    /// "logout+jwt") in the header. UnsupportedAlgorithm when no key for
    /// `alg` is Active.
    Result<QByteArray, JoseError> sign(const QString &alg, const QJsonObject &payload,
                                       const QString &typ = {}) const;
    /// The same for a payload already serialised (a JWT's claims written
    /// with JsonWriter). Any thread.
    Result<QByteArray, JoseError> signPayload(const QString &alg, QByteArrayView payload,
                                              const QString &typ = {}) const;

    /// Verifies a compact JWS and returns its payload as a JSON object. The
    /// key is the published key named by the header's kid (UnknownKey if
    /// none); without a kid, every published key of the header's alg is
    /// tried. The header alg must be in `allowedAlgs` (AlgorithmNotAllowed)
    /// and equal to the key's alg (AlgorithmKeyMismatch). Claims (exp, aud,
    /// ...) are not checked here: see Jwt::validate.
    Result<QJsonObject, JoseError> verify(QByteArrayView compact,
                                          const QStringList &allowedAlgs) const;

    /// verify() up to the signature, returning header and raw payload (for
    /// "typ" checks or non-JSON payloads); the payload is not parsed.
    Result<Jws::Decoded, JoseError> verifyDecoded(QByteArrayView compact,
                                                  const QStringList &allowedAlgs) const;

    /// Algorithms that have an Active key, in the order RS256, PS256, ES256,
    /// EdDSA: what discovery advertises as id_token_signing_alg_values_supported.
    QStringList signingAlgorithms() const;

    /// The kid of the Active key for `alg`, or empty.
    QString activeKid(const QString &alg) const;

    /// kids of every published key, in JWKS order.
    QStringList publishedKids() const;

private:
    KeyRing();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace lanyard
