// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/SigningKey.h"

#include <QDateTime>
#include <QString>

namespace lanyard {
class KeyService;
}

namespace lanyard::ui {

/// One signing key as the Keys page shows it: the stored key without its
/// private part, plus when a next key starts signing (KeyService::
/// signsFrom). Plain value, safe to copy across threads.
struct KeyRow
{
    QString kid;
    QString alg;
    KeyState state = KeyState::Next;
    QDateTime createdAt;
    /// When it started signing (active, retired), or invalid.
    QDateTime activatedAt;
    /// When it signs from: activatedAt, or for a next key the time the
    /// maintenance job promotes it.
    QDateTime signsFrom;
    QDateTime retiredAt;
    /// Retired keys: when they leave the JWKS.
    QDateTime publishedUntil;

    /// The row for `key` (its private part left behind). Any thread.
    static KeyRow fromKey(const SigningKey &key, const KeyService &service);

    friend bool operator==(const KeyRow &, const KeyRow &) = default;
};

} // namespace lanyard::ui
