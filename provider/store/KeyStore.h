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
};

} // namespace lanyard
