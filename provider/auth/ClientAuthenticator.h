// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/OAuthError.h"
#include "core/Result.h"
#include "model/Client.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace lanyard {

class ClientAuthThrottle;
class ClientSecretCache;
class ClientStore;
class EventBus;
class RequestContext;
class SecretHasher;
class ThrottleStore;

/// Client authentication at the token endpoint (RFC 6749 §2.3):
///
/// - `client_secret_basic`: `Authorization: Basic` whose user-id and password
///   are the client_id and secret, each application/x-www-form-urlencoded
///   first (RFC 6749 §2.3.1);
/// - `client_secret_post`: client_id and client_secret in the form body;
/// - `none`: a public client naming itself with client_id in the body.
///
/// A client must use the method it is registered with; more than one method
/// in a request is invalid_request; an unknown client, a wrong secret or the
/// wrong method is invalid_client (401). Secrets are checked with
/// SecretHasher (constant time), with a ClientSecretCache in front so
/// Argon2id-hashed secrets do not cap throughput. Every failure publishes
/// client.auth.failed (method and reason; never the secret).
///
/// With a ThrottleStore, failed secret-based attempts are counted per
/// client_id and source address (ClientAuthThrottle): past the limit the
/// pair gets invalid_client ("Too many failed client authentication
/// attempts", event reason "throttled") without its secret being checked.
///
/// Threads: authenticate() may be called from any thread at once; the
/// object holds only thread-safe services.
class ClientAuthenticator
{
public:
    /// The outcome of a successful authentication.
    struct Authenticated
    {
        Client client;
        /// The method used: client_secret_basic, client_secret_post or none.
        QString method;
    };

    /// `events` may be null (no events). `cache` defaults to a fresh
    /// ClientSecretCache on `clock`. Without `throttle` failures are not
    /// counted (tests of other rules).
    ClientAuthenticator(std::shared_ptr<ClientStore> clients,
                        std::shared_ptr<const SecretHasher> hasher,
                        std::shared_ptr<const Clock> clock, EventBus *events,
                        std::shared_ptr<ClientSecretCache> cache = nullptr,
                        std::shared_ptr<ThrottleStore> throttle = nullptr);
    ~ClientAuthenticator();

    /// Authenticates the client of a token request from its Authorization
    /// header and form parameters. invalid_request (400) for a malformed
    /// Basic header or several methods at once; invalid_client (401) for
    /// everything else that fails, throttled attempts included;
    /// server_error when the store fails.
    Result<Authenticated, OAuthError> authenticate(const RequestContext &request) const;

    /// The log-only detail of the invalid_client answered to a throttled
    /// attempt (also the event's reason).
    static QString throttledDetail();

    /// The methods authenticate() implements, for discovery's
    /// token_endpoint_auth_methods_supported.
    static QStringList supportedMethods();

    /// True when the request carries an Authorization header with the Basic
    /// scheme: RFC 6749 §5.2 then wants the 401 challenge to say Basic.
    static bool attemptedBasic(const RequestContext &request);

    const ClientSecretCache &cache() const { return *m_cache; }

private:
    Result<Authenticated, OAuthError>
    authenticateUnlogged(const RequestContext &request, QString *clientId, QString *method) const;
    Result<Client, OAuthError> verifySecret(const Client &client, const QString &secret) const;

    std::shared_ptr<ClientStore> m_clients;
    std::shared_ptr<const SecretHasher> m_hasher;
    std::shared_ptr<const Clock> m_clock;
    EventBus *m_events = nullptr;
    std::shared_ptr<ClientSecretCache> m_cache;
    /// Null: no throttling.
    std::shared_ptr<const ClientAuthThrottle> m_throttle;
};

} // namespace lanyard
