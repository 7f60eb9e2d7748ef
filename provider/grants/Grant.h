// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "core/Result.h"
#include "grants/TokenRequest.h"
#include "grants/ValidatedGrant.h"
#include "tokens/TokenResponse.h"

#include <QString>

namespace lanyard {

/// One grant type of the token endpoint (RFC 6749 §4, §6), split as fosite
/// splits its handlers: validate() checks the request against the grant's
/// rules and consumes what must be consumed exactly once (an authorization
/// code); respond() issues the tokens. Registered in a GrantRegistry by
/// grantType().
///
/// Threads: one instance serves every HTTP worker thread at once; both
/// phases must be thread-safe (immutable state, thread-safe services).
class Grant
{
public:
    virtual ~Grant() = default;

    /// The `grant_type` value this grant answers (RFC 6749 §4.1.3, ...).
    virtual QString grantType() const = 0;

    /// Checks `request` (client registered for the grant, parameters,
    /// stored state). Errors are OAuth errors for the client; store
    /// failures are server_error. Any thread.
    virtual Result<ValidatedGrant, OAuthError> validate(const TokenRequest &request) const = 0;

    /// Issues the tokens for a grant validate() accepted. Any thread.
    virtual Result<TokenResponse, OAuthError> respond(const TokenRequest &request,
                                                      const ValidatedGrant &grant) const = 0;

    /// True when the grant writes more than once for `request` (a code
    /// redeemed, then a family and tokens stored; a refresh token rotated
    /// and its successor stored): the token endpoint then runs validate()
    /// and respond() in one Database::Transaction, as fosite runs its
    /// multi-write steps. False for a grant that writes at most one
    /// self-contained row, so its requests never queue for SQLite's write
    /// lock. Any thread.
    virtual bool needsTransaction(const TokenRequest &request) const
    {
        Q_UNUSED(request);
        return true;
    }

protected:
    Grant() = default;
    Grant(const Grant &) = default;
    Grant &operator=(const Grant &) = default;
};

} // namespace lanyard
