// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QMap>
#include <QString>

namespace lanyard {

/// Key/value settings that override ProviderConfig defaults (issuer,
/// listen address, lifetimes, ...). Keys are documented in
/// store/SettingsKeys.h. Same threading rules as ClientStore.
class SettingsStore
{
public:
    virtual ~SettingsStore() = default;
    virtual Result<QMap<QString, QString>, Error> all() const = 0;
    virtual Result<void, Error> set(const QString &key, const QString &value) = 0;
    virtual Result<void, Error> unset(const QString &key) = 0;
};

} // namespace lanyard
