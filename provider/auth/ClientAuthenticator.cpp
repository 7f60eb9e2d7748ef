// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/ClientAuthenticator.h"

#include "auth/ClientAuthThrottle.h"
#include "auth/ClientSecretCache.h"
#include "core/Protocol.h"
#include "crypto/SecretHasher.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "http/RequestContext.h"
#include "store/ClientStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

namespace method = proto::auth_method;

const QString ClientIdParam = proto::param::ClientId;
const QString ClientSecretParam = proto::token_param::ClientSecret;
const QString ClientAssertionParam = proto::token_param::ClientAssertion;
const QString ClientAssertionTypeParam = proto::token_param::ClientAssertionType;

/// Longest client_id copied into an event; the value is the caller's.
constexpr qsizetype MaxLoggedClientId = 128;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// application/x-www-form-urlencoded decoding of one Basic credential
// (RFC 6749 §2.3.1, Appendix B): '+' is a space, %XX an octet, the result
// UTF-8. Empty optional on a broken escape or invalid UTF-8.
std::optional<QString> formDecode(QByteArrayView encoded)
{
    QByteArray bytes;
    bytes.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            if (i + 2 >= encoded.size())
                return std::nullopt;
            const int high = hexValue(encoded[i + 1]);
            const int low = hexValue(encoded[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            bytes.append(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    if (!bytes.isValidUtf8())
        return std::nullopt;
    return QString::fromUtf8(bytes);
}

struct BasicCredentials
{
    QString clientId;
    QString secret;
};

QByteArray schemeOf(const QByteArray &authorization)
{
    const QByteArray trimmed = authorization.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    return (space < 0 ? trimmed : trimmed.left(space)).toLower();
}

Result<BasicCredentials, OAuthError> parseBasic(const QByteArray &authorization)
{
    const OAuthError malformed = OAuthError::invalidRequest(
        u"The Authorization header is not valid HTTP Basic client authentication."_s);
    const QByteArray trimmed = authorization.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    // RFC 9110 §11.1: the auth-scheme is case-insensitive.
    if (space < 0 || trimmed.left(space).toLower() != "basic")
        return malformed.withDetail(u"Authorization scheme is not Basic"_s);
    // RFC 7617 §2: credentials = "Basic" 1*SP token68 (base64 of user-pass).
    const QByteArray token = trimmed.mid(space + 1).trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(
        token, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (token.isEmpty() || !decoded)
        return malformed.withDetail(u"Basic credentials are not base64"_s);
    // RFC 7617 §2: user-pass = user-id ":" password; the user-id has no ':'.
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon < 0)
        return malformed.withDetail(u"Basic credentials have no ':'"_s);
    // RFC 6749 §2.3.1: "The client identifier is encoded using the
    // application/x-www-form-urlencoded encoding algorithm per Appendix B,
    // and the encoded value is used as the username; the client password is
    // encoded using the same algorithm and used as the password."
    const auto id = formDecode(QByteArrayView(decoded.decoded).first(colon));
    const auto secret = formDecode(QByteArrayView(decoded.decoded).sliced(colon + 1));
    if (!id || !secret) {
        return OAuthError::invalidRequest(
            u"client_id and client_secret in the Authorization header are not properly "
            "encoded."_s,
            u"Basic credentials are not form-urlencoded UTF-8"_s);
    }
    if (id->isEmpty())
        return malformed.withDetail(u"Basic credentials have an empty client_id"_s);
    return BasicCredentials{*id, *secret};
}

} // namespace

ClientAuthenticator::ClientAuthenticator(std::shared_ptr<ClientStore> clients,
                                         std::shared_ptr<const SecretHasher> hasher,
                                         std::shared_ptr<const Clock> clock, EventBus *events,
                                         std::shared_ptr<ClientSecretCache> cache,
                                         std::shared_ptr<ThrottleStore> throttle)
    : m_clients(std::move(clients)), m_hasher(std::move(hasher)),
      m_clock(clock ? std::move(clock) : Clock::system()), m_events(events),
      m_cache(cache ? std::move(cache) : std::make_shared<ClientSecretCache>(m_clock)),
      m_throttle(throttle ? std::make_shared<const ClientAuthThrottle>(std::move(throttle), m_clock)
                          : nullptr)
{}

QString ClientAuthenticator::throttledDetail()
{
    return u"throttled"_s;
}

ClientAuthenticator::~ClientAuthenticator() = default;

QStringList ClientAuthenticator::supportedMethods()
{
    return {method::ClientSecretBasic, method::ClientSecretPost, method::None};
}

bool ClientAuthenticator::attemptedBasic(const RequestContext &request)
{
    for (const QByteArray &value : request.headerValues("authorization")) {
        if (schemeOf(value) == "basic")
            return true;
    }
    return false;
}

Result<ClientAuthenticator::Authenticated, OAuthError>
ClientAuthenticator::authenticate(const RequestContext &request) const
{
    QString clientId;
    QString usedMethod;
    auto result = authenticateUnlogged(request, &clientId, &usedMethod);
    // Count a failed guess of a secret (wrong secret, unknown client, wrong
    // method) for the throttle; a throttled attempt is not counted again.
    const bool secretMethod =
        usedMethod == method::ClientSecretBasic || usedMethod == method::ClientSecretPost;
    if (!result && m_throttle && secretMethod && !clientId.isEmpty() &&
        result.error().code() == proto::error::InvalidClient &&
        result.error().detail() != throttledDetail()) {
        if (auto recorded = m_throttle->recordFailure(clientId, request.remoteAddress());
            !recorded) {
            // Without the count the throttle cannot hold: fail closed.
            result = OAuthError::serverError(u"cannot record a client authentication failure: "_s +
                                             recorded.error().message);
        }
    }
    if (!result && result.error().code() != proto::error::ServerError && m_events) {
        Event event;
        event.type = event_type::ClientAuthFailed;
        event.success = false;
        event.clientId = clientId.left(MaxLoggedClientId);
        event.sourceAddress = request.remoteAddress().toString();
        event.details = {{u"method"_s, usedMethod},
                         {u"error"_s, result.error().code()},
                         {u"reason"_s, result.error().detail()}};
        m_events->publish(event);
    }
    return result;
}

Result<ClientAuthenticator::Authenticated, OAuthError>
ClientAuthenticator::authenticateUnlogged(const RequestContext &request, QString *clientId,
                                          QString *usedMethod) const
{
    const ParameterList &form = request.formParameters();
    const QList<QByteArray> authorizations = request.headerValues("authorization");
    const bool hasBodySecret = form.contains(ClientSecretParam);
    const bool hasAssertion =
        form.contains(ClientAssertionParam) || form.contains(ClientAssertionTypeParam);
    *clientId = form.value(ClientIdParam);

    if (authorizations.size() > 1) {
        *usedMethod = u"multiple"_s;
        return OAuthError::invalidRequest(u"Only one Authorization header is allowed."_s,
                                          u"several Authorization headers"_s);
    }
    const bool hasHeader = !authorizations.isEmpty();
    // RFC 6749 §2.3: "The client MUST NOT use more than one authentication
    // method in each request."
    if (static_cast<int>(hasHeader) + static_cast<int>(hasBodySecret) +
            static_cast<int>(hasAssertion) >
        1) {
        *usedMethod = u"multiple"_s;
        return OAuthError::invalidRequest(
            u"The client must use only one authentication method per request."_s,
            u"several client authentication methods at once"_s);
    }
    if (hasAssertion) {
        *usedMethod = u"client_assertion"_s;
        return OAuthError::invalidClient(
            u"Client assertions are not supported; use the registered method."_s,
            u"client_assertion sent"_s);
    }

    QString secret;
    if (hasHeader) {
        *usedMethod = method::ClientSecretBasic;
        auto basic = parseBasic(authorizations.first());
        if (!basic)
            return std::move(basic).error();
        // A client_id in the body as well must name the same client.
        if (!clientId->isEmpty() && *clientId != basic->clientId) {
            return OAuthError::invalidRequest(
                u"client_id in the body differs from the one in the Authorization header."_s,
                u"client_id mismatch between body and Basic header"_s);
        }
        *clientId = basic->clientId;
        secret = basic->secret;
    } else if (hasBodySecret) {
        *usedMethod = method::ClientSecretPost;
        secret = form.value(ClientSecretParam);
        if (clientId->isEmpty()) {
            return OAuthError::invalidRequest(u"client_id is required with client_secret."_s,
                                              u"client_secret_post without client_id"_s);
        }
    } else if (!clientId->isEmpty()) {
        *usedMethod = method::None;
    } else {
        *usedMethod = u"unknown"_s;
        return OAuthError::invalidClient(u"No client authentication was provided."_s,
                                         u"no client authentication"_s);
    }

    // Refuse a throttled client_id and address before looking at the
    // secret (SignInPolicy's rule for passwords, applied to secrets).
    if (m_throttle && *usedMethod != method::None) {
        auto locked = m_throttle->isLocked(*clientId, request.remoteAddress());
        if (!locked) {
            return OAuthError::serverError(u"cannot read client authentication failures: "_s +
                                           locked.error().message);
        }
        if (*locked) {
            return OAuthError::invalidClient(
                u"Too many failed client authentication attempts; try again later."_s,
                throttledDetail());
        }
    }

    const auto found = m_clients->find(*clientId);
    if (!found)
        return OAuthError::serverError(u"client look-up failed: "_s + found.error().message);
    if (!found->has_value())
        return OAuthError::invalidClient(u"Client authentication failed."_s, u"unknown client"_s);
    const Client &client = **found;

    // A client registered for one method cannot use another (node-oidc-
    // provider: "the registered client token_endpoint_auth_method does not
    // match the provided auth mechanism").
    if (client.tokenEndpointAuthMethod != *usedMethod) {
        return OAuthError::invalidClient(
            u"Client authentication failed."_s,
            u"client registered for %1 used %2"_s.arg(client.tokenEndpointAuthMethod, *usedMethod));
    }
    if (*usedMethod == method::None)
        return Authenticated{client, *usedMethod};
    auto verified = verifySecret(client, secret);
    if (!verified)
        return std::move(verified).error();
    return Authenticated{client, *usedMethod};
}

Result<Client, OAuthError> ClientAuthenticator::verifySecret(const Client &client,
                                                             const QString &secret) const
{
    const OAuthError failed = OAuthError::invalidClient(u"Client authentication failed."_s);
    if (client.secretHash.isEmpty())
        return failed.withDetail(u"confidential client has no stored secret"_s);
    if (secret.isEmpty())
        return failed.withDetail(u"empty client secret"_s);
    // Fast-format hashes cost about as much to verify as a cache look-up
    // (an HMAC each); only Argon2id results are worth keeping.
    const bool fast = SecretHasher::isFastFormat(client.secretHash);
    if (!fast && m_cache->contains(client.clientId, secret, client.secretHash))
        return client;
    if (!m_hasher->verify(secret, client.secretHash))
        return failed.withDetail(u"wrong client secret"_s);
    if (!fast)
        m_cache->insert(client.clientId, secret, client.secretHash);
    return client;
}

} // namespace lanyard
