// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Consent.h"

#include <optional>

namespace lanyard {

/// Remembered consent per account and client. Same threading and
/// transaction rules as ClientStore.
class ConsentStore
{
public:
    virtual ~ConsentStore() = default;
    virtual Result<std::optional<Consent>, Error> find(const QString &subject,
                                                       const QString &clientId) const = 0;
    /// Adds `consent.scopes` to what was granted before (union).
    virtual Result<void, Error> grant(const Consent &consent) = 0;
    virtual Result<bool, Error> revoke(const QString &subject, const QString &clientId) = 0;
    /// Forgets every consent given to `clientId`; returns how many.
    virtual Result<int, Error> revokeClient(const QString &clientId) = 0;
    /// Forgets every consent the account `subject` gave; returns how many.
    virtual Result<int, Error> revokeAccount(const QString &subject) = 0;
};

} // namespace lanyard
