// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthorizationRequest.h"
#include "core/OAuthError.h"
#include "core/Result.h"
#include "model/Session.h"

#include <QString>

#include <memory>

namespace lanyard {

struct ProviderServices;

/// Issues the authorization code that ends a successful authorization
/// request (RFC 6749 §4.1.2): a fresh 256-bit OpaqueToken whose hash is
/// stored with everything the token endpoint must check and put in tokens
/// (client, subject, redirect_uri, scopes, nonce, PKCE challenge, session
/// id, auth_time, amr, a new token family id), valid for
/// ProviderConfig::authorizationCodeLifetimeSecs. The session is touched:
/// the client joins Session::clientIds and its idle expiry starts again.
/// Both writes happen in one Database::Transaction (when
/// ProviderServices::database is set): no code without its session record.
///
/// Thread-safe: const, holds only shared thread-safe services.
class AuthorizationCodeIssuer
{
public:
    explicit AuthorizationCodeIssuer(std::shared_ptr<const ProviderServices> services);

    /// The code value to send to the client (never log it). server_error
    /// when a store fails. Any thread.
    Result<QString, OAuthError> issue(const AuthorizationRequest &request,
                                      const Session &session) const;

private:
    std::shared_ptr<const ProviderServices> m_services;
};

} // namespace lanyard
