// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthorizationRequest.h"
#include "core/OAuthError.h"
#include "core/Result.h"
#include "model/Client.h"

#include <QUrl>

#include <memory>

namespace lanyard {

class ParameterList;
struct ProviderServices;

/// Checks an authorization request (OpenID Connect Core §3.1.2.1,
/// RFC 6749 §4.1.1, RFC 7636 §4.3) in small named steps, the way
/// node-oidc-provider's authorization chain does: client, redirect URI,
/// response mode, encoding, duplicates, request objects, response type, scope,
/// prompt, max_age, PKCE, id_token_hint.
///
/// Until the client and the redirect URI are known to be valid, a failure
/// is not redirectable (RFC 6749 §4.1.2.1: the user is told, the browser is
/// not sent to an unverified URI); every later failure is, to the request's
/// redirect URI with its response mode and state.
///
/// Decisions:
/// - Scopes that are unknown to Lanyard, or not allowed for the client, are
///   dropped silently (RFC 6749 §3.3 lets the server ignore part of the
///   requested scope; node-oidc-provider does the same); the code carries
///   the granted set and the token response names it. `openid` must remain
///   (invalid_scope otherwise): Lanyard answers OpenID Connect requests only.
///   `offline_access` is kept only for clients allowed the refresh_token
///   grant (OpenID Connect Core §11 lets other conditions than
///   prompt=consent permit it: here the administrator's registration).
/// - Unknown parameters are ignored (OpenID Connect Core §3.1.2.1 / RFC 6749
///   §3.1: "The authorization server MUST ignore unrecognized request
///   parameters"), including `claims` and `registration`.
///
/// Thread-safe: const, holds only shared thread-safe services.
class AuthorizationRequestParser
{
public:
    /// Why a request was refused, and where (if anywhere) to say so.
    struct Failure
    {
        OAuthError error;
        /// False: answer with a local error page, never redirect.
        bool redirectable = false;
        /// When redirectable: redirect URI, response mode and state to use.
        AuthorizationRequest target;
    };

    /// A request that passed every step, and its client.
    struct Parsed
    {
        AuthorizationRequest request;
        Client client;
    };

    explicit AuthorizationRequestParser(std::shared_ptr<const ProviderServices> services);

    /// Runs every step over `params` (the query of a GET, the form body of a
    /// POST). `issuer` is the `iss` an id_token_hint must carry. Any thread.
    Result<Parsed, Failure> parse(const ParameterList &params, const QUrl &issuer) const;

    /// Scopes Lanyard knows: openid profile email address phone groups
    /// offline_access.
    static QStringList supportedScopes();

private:
    Result<Client, Failure> checkClient(const ParameterList &params) const;
    static Result<void, Failure> checkRedirectUri(const ParameterList &params, const Client &client,
                                                  AuthorizationRequest &request);
    static Result<void, OAuthError> checkResponseMode(const ParameterList &params,
                                                      AuthorizationRequest &request);
    static Result<void, OAuthError> checkEncoding(const ParameterList &params);
    static Result<void, OAuthError> checkDuplicates(const ParameterList &params);
    static Result<void, OAuthError> checkRequestObject(const ParameterList &params);
    static Result<void, OAuthError> checkResponseType(const ParameterList &params,
                                                      const Client &client);
    static Result<void, OAuthError> checkScope(const ParameterList &params, const Client &client,
                                               AuthorizationRequest &request);
    static Result<void, OAuthError> checkPrompt(const ParameterList &params,
                                                AuthorizationRequest &request);
    static Result<void, OAuthError> checkMaxAge(const ParameterList &params,
                                                AuthorizationRequest &request);
    static Result<void, OAuthError> checkPkce(const ParameterList &params, const Client &client,
                                              AuthorizationRequest &request);
    Result<void, OAuthError> checkIdTokenHint(const ParameterList &params, const QUrl &issuer,
                                              AuthorizationRequest &request) const;

    std::shared_ptr<const ProviderServices> m_services;
};

} // namespace lanyard
