// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace lanyard {

/// Where a key is in its life: published before it signs (next), signing
/// (active), published only to verify what it signed (retired).
enum class KeyState { Next, Active, Retired };

/// A signing key as stored. The private part is PKCS#8 DER; it leaves the
/// database only to be loaded into an EVP_PKEY (jose/KeyRing).
struct SigningKey
{
    /// RFC 7638 thumbprint of the public JWK.
    QString kid;
    /// JWS algorithm: RS256, PS256, ES256 or EdDSA.
    QString alg;
    KeyState state = KeyState::Next;
    QByteArray privateKeyPkcs8Der;
    QDateTime createdAt;
    QDateTime activatedAt;
    QDateTime retiredAt;
    /// A retired key stays published until this time (the last token it signed expires).
    QDateTime publishedUntil;
};

QString keyStateName(KeyState state);
/// Returns false when `name` is not a state name.
bool keyStateFromName(const QString &name, KeyState *state);

} // namespace lanyard
