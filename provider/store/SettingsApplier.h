// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/ProviderConfig.h"
#include "core/Result.h"

#include <QMap>
#include <QString>

namespace lanyard {

/// Turns stored settings (SettingsStore::all()) into ProviderConfig values,
/// checking each against the format and range documented in SettingsKeys.h.
/// Stateless; any thread.
class SettingsApplier
{
public:
    /// `base` with every known key of `settings` applied. Keys that are not
    /// in SettingsKeys are ignored (other parts may keep their own settings).
    /// The first bad value, in SettingsKeys::all() order, is an Invalid error
    /// whose message starts with the key; so is a TLS certificate without
    /// its key or the other way round. Any thread.
    static Result<ProviderConfig, Error> apply(const QMap<QString, QString> &settings,
                                               ProviderConfig base = {});

    /// Checks one setting as apply() would, before it is stored (the
    /// settings page, `lanyard config set`). An unknown key is Invalid too.
    /// Any thread.
    static Result<void, Error> validate(const QString &key, const QString &value);
};

} // namespace lanyard
