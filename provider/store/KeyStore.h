// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/SigningKey.h"

namespace lanyard {

/// Signing keys, private parts included. Same threading rules as ClientStore.
class KeyStore
{
public:
    virtual ~KeyStore() = default;
    /// Every key, oldest first.
    virtual Result<QList<SigningKey>, Error> list() const = 0;
    /// Inserts or replaces by kid.
    virtual Result<void, Error> save(const SigningKey &key) = 0;
    virtual Result<bool, Error> remove(const QString &kid) = 0;
    /// Moves a stored key to `key.state`, writing its activatedAt, retiredAt
    /// and publishedUntil, only while it is still in state `from`: true for
    /// exactly one of several instances attempting the same step, false when
    /// another got there first or the key is gone.
    virtual Result<bool, Error> updateState(const SigningKey &key, KeyState from) = 0;
};

} // namespace lanyard
