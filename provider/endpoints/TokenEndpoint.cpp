// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/TokenEndpoint.h"

#include "auth/ClientAuthenticator.h"
#include "auth/ClientCors.h"
#include "core/Protocol.h"
#include "endpoints/DiscoveryNames.h"
#include "events/EventTypes.h"
#include "grants/Grant.h"
#include "grants/GrantSupport.h"
#include "http/ResponseWriter.h"
#include "runtime/ProviderServices.h"
#include "store/Database.h"

#include <QJsonArray>

#include <optional>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using Flag = ResponseWriter::Flag;
using Challenge = ResponseWriter::Challenge;

HttpResponse errorResponse(const OAuthError &error, const RequestContext &request)
{
    // RFC 6749 §5.2: "If the client attempted to authenticate via the
    // "Authorization" request header field, the authorization server MUST
    // respond with an HTTP 401 (Unauthorized) status code and include the
    // WWW-Authenticate response header field matching the authentication
    // scheme used by the client." Other 401s still need a challenge
    // (RFC 9110 §15.5.2); Basic is the scheme Lanyard supports.
    const Challenge challenge =
        ClientAuthenticator::attemptedBasic(request) ? Challenge::Basic : Challenge::Automatic;
    return ResponseWriter::error(error, Flag::NoStore, challenge);
}

} // namespace

TokenEndpoint::TokenEndpoint(std::shared_ptr<const ProviderServices> services)
    : TokenEndpoint(services, GrantRegistry::standard(services),
                    std::make_shared<const ClientAuthenticator>(
                        services->clients, services->secretHasher, services->clock,
                        services->events, nullptr, services->throttle))
{}

TokenEndpoint::TokenEndpoint(std::shared_ptr<const ProviderServices> services, GrantRegistry grants,
                             std::shared_ptr<const ClientAuthenticator> authenticator)
    : m_services(std::move(services)), m_grants(std::move(grants)),
      m_authenticator(std::move(authenticator))
{
    Q_ASSERT(m_services && m_authenticator);
}

TokenEndpoint::~TokenEndpoint() = default;

QString TokenEndpoint::path()
{
    return u"/token"_s;
}

EndpointDescription TokenEndpoint::description() const
{
    EndpointDescription description;
    description.path = path();
    // RFC 6749 §3.2: "The client MUST use the HTTP "POST" method when making
    // access token requests." OPTIONS: client-based CORS preflights.
    description.methods = QHttpServerRequest::Method::Post | QHttpServerRequest::Method::Options;
    description.discoveryName = discovery::TokenEndpoint;
    description.discoveryMetadata = {
        {discovery::GrantTypesSupported, QJsonArray::fromStringList(m_grants.grantTypes())},
        {discovery::TokenEndpointAuthMethodsSupported,
         QJsonArray::fromStringList(ClientAuthenticator::supportedMethods())},
    };
    return description;
}

HttpResponse TokenEndpoint::handle(const RequestContext &request)
{
    if (request.method() == QHttpServerRequest::Method::Options) {
        auto preflight =
            ClientCors::preflight(request, *m_services->clients, description().methods);
        if (!preflight)
            return ResponseWriter::error(
                GrantSupport::storeFailed(u"CORS preflight"_s, preflight.error()));
        return *preflight;
    }
    const QString origin = ClientCors::requestOrigin(request);
    ClientCors::Verdict verdict = ClientCors::Verdict::ClientUnknown;
    HttpResponse response = answer(request, origin, &verdict);
    ClientCors::finish(response, origin, verdict, *m_services->clients);
    return response;
}

HttpResponse TokenEndpoint::answer(const RequestContext &request, const QString &origin,
                                   ClientCors::Verdict *verdict)
{
    // RFC 6749 §3.2: parameters are sent "using the
    // "application/x-www-form-urlencoded" format ... in the HTTP request
    // entity-body".
    if (request.mediaType() != "application/x-www-form-urlencoded") {
        return errorResponse(
            OAuthError::invalidRequest(
                u"The request body must be application/x-www-form-urlencoded."_s,
                u"token request with media type "_s + QString::fromLatin1(request.mediaType())),
            request);
    }
    const ParameterList &parameters = request.formParameters();
    if (parameters.isMalformed()) {
        return errorResponse(
            OAuthError::invalidRequest(u"The request body is not valid form encoding."_s), request);
    }
    // RFC 6749 §3.1: "Request and response parameters MUST NOT be included
    // more than once."
    if (const QStringList repeated = parameters.duplicateNames(); !repeated.isEmpty()) {
        return errorResponse(
            OAuthError::invalidRequest(
                u"Parameters must not be repeated: %1."_s.arg(repeated.join(u", "_s)),
                u"duplicate token request parameters"_s),
            request);
    }
    // RFC 6749 §4.1.3, §4.4.2, §6: grant_type REQUIRED.
    const QString grantType = parameters.value(proto::token_param::GrantType);
    if (grantType.isEmpty()) {
        return errorResponse(OAuthError::invalidRequest(u"The grant_type parameter is required."_s),
                             request);
    }
    const std::shared_ptr<const Grant> grant = m_grants.find(grantType);
    if (!grant) {
        // RFC 6749 §5.2: "The authorization grant type is not supported by
        // the authorization server."
        return errorResponse(
            OAuthError::unsupportedGrantType(u"The grant_type is not supported."_s,
                                             u"unsupported grant_type "_s + grantType.left(64)),
            request);
    }

    auto client = m_authenticator->authenticate(request);
    if (!client)
        return errorResponse(client.error(), request);
    // A browser page may read the answer only from an origin the client
    // registered (ClientCors); any other origin is refused before a token
    // is issued to a page that should not hold it.
    if (!origin.isEmpty()) {
        if (!ClientCors::allows(client->client, origin)) {
            *verdict = ClientCors::Verdict::Refused;
            return errorResponse(OAuthError::invalidRequest(
                                     u"The origin of this request is not allowed for the client."_s,
                                     u"CORS origin %1 not registered by %2"_s.arg(
                                         origin.left(256), client->client.clientId)),
                                 request);
        }
        *verdict = ClientCors::Verdict::Allowed;
    }

    TokenRequest tokenRequest;
    tokenRequest.parameters = parameters;
    tokenRequest.client = client->client;
    tokenRequest.authMethod = client->method;
    const QUrl issuer = request.baseUrl().isValid() && !request.baseUrl().isEmpty()
                            ? request.baseUrl()
                            : m_services->issuer;
    tokenRequest.issuer = issuer.toString(QUrl::FullyEncoded);
    tokenRequest.now = m_services->clock->now();
    tokenRequest.sourceAddress = request.remoteAddress().toString();

    QString subject;
    QString username;
    auto tokens = runGrant(*grant, tokenRequest, &subject, &username);
    if (!tokens)
        return errorResponse(tokens.error(), request);

    const bool refreshed = grantType == proto::grant::RefreshToken;
    GrantSupport::publish(m_services->events,
                          refreshed ? event_type::TokenRefreshed : event_type::TokenIssued,
                          tokenRequest, subject,
                          {{u"grant_type"_s, grantType},
                           {u"scopes"_s, QJsonArray::fromStringList(tokens->scopes)},
                           {u"id_token"_s, !tokens->idToken.isEmpty()},
                           {u"refresh_token"_s, !tokens->refreshToken.isEmpty()}},
                          true, username);
    // RFC 6749 §5.1: "The authorization server MUST include the HTTP
    // "Cache-Control" response header field [RFC2616] with a value of
    // "no-store" in any response containing tokens, credentials, or other
    // sensitive information, as well as the "Pragma" response header field
    // [RFC2616] with a value of "no-cache"."
    return ResponseWriter::jsonBytes(tokens->toJsonBytes(), 200, Flag::NoStore);
}

Result<TokenResponse, OAuthError> TokenEndpoint::runGrant(const Grant &grant,
                                                          const TokenRequest &request,
                                                          QString *subject, QString *username) const
{
    // fosite: the writes of one grant step - the code redeemed, the family,
    // the refresh token; or the presented refresh token rotated and its
    // successor stored - happen together or not at all, so a failure of
    // ours never burns a user's code or rotates a token into nothing.
    std::optional<Database::Transaction> transaction;
    if (m_services->database && grant.needsTransaction(request)) {
        transaction.emplace(*m_services->database);
        if (!transaction->isActive())
            return GrantSupport::storeFailed(u"cannot begin the grant's transaction"_s,
                                             transaction->error());
    }

    auto tokens = [&]() -> Result<TokenResponse, OAuthError> {
        auto validated = grant.validate(request);
        if (!validated)
            return std::move(validated).error();
        *subject = validated->subject;
        *username = validated->username;
        return grant.respond(request, *validated);
    }();
    if (!transaction)
        return tokens;
    // A protocol error keeps what the grant deliberately wrote on its way
    // to it: a code burnt because it was presented with the wrong verifier
    // or client (AuthorizationCodeGrant: a code seen in the wrong hands must
    // not stay usable), the family of a replayed code or a reused refresh
    // token revoked (RFC 6749 §4.1.2, RFC 9700 §4.14.2). A server_error
    // undoes everything: the client may simply try again.
    if (!tokens && tokens.error().code() == proto::error::ServerError) {
        transaction->rollback();
        return tokens;
    }
    if (auto committed = transaction->commit(); !committed)
        return GrantSupport::storeFailed(u"cannot commit the grant's transaction"_s,
                                         committed.error());
    return tokens;
}

} // namespace lanyard
