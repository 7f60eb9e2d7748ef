// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Interaction.h"

#include <optional>

namespace lanyard {

/// Pending authorization requests (login/consent in progress).
/// Same threading and transaction rules as ClientStore.
class InteractionStore
{
public:
    virtual ~InteractionStore() = default;
    virtual Result<void, Error> save(const Interaction &interaction) = 0;
    /// The interaction, if it exists and has not expired at `now`.
    virtual Result<std::optional<Interaction>, Error> find(const QString &id,
                                                           const QDateTime &now) const = 0;
    virtual Result<bool, Error> remove(const QString &id) = 0;
    virtual Result<int, Error> purgeExpired(const QDateTime &now, int batch) = 0;
};

} // namespace lanyard
