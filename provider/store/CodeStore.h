// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/AuthorizationCode.h"

#include <optional>

namespace lanyard {

/// Authorization codes, by hash. Same threading and transaction rules as
/// ClientStore.
class CodeStore
{
public:
    /// The outcome of trying to redeem a code.
    struct Redemption
    {
        enum class Outcome {
            Redeemed, ///< first use: `code` is it, now marked consumed
            Replayed, ///< already consumed: `code` is it (for revoking its family)
            NotFound, ///< no such code (or purged)
        };
        Outcome outcome = Outcome::NotFound;
        AuthorizationCode code;
    };

    virtual ~CodeStore() = default;
    virtual Result<void, Error> save(const AuthorizationCode &code) = 0;
    /// Atomically marks the code consumed at `now` if it was not, so of
    /// concurrent redemptions (any thread, any process sharing the
    /// database) exactly one sees Redeemed. Expiry is the caller's check.
    virtual Result<Redemption, Error> redeem(const QString &codeHash, const QDateTime &now) = 0;
    virtual Result<int, Error> purgeExpired(const QDateTime &now, int batch) = 0;
};

} // namespace lanyard
