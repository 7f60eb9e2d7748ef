// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/RevocationEndpoint.h"

#include "auth/ClientAuthenticator.h"
#include "core/Protocol.h"
#include "endpoints/ClientFormRequest.h"
#include "endpoints/DiscoveryNames.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "http/ResponseWriter.h"
#include "runtime/ProviderServices.h"
#include "store/TokenStore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

QString kindName(TokenLookup::Kind kind)
{
    return kind == TokenLookup::Kind::RefreshToken ? QString(proto::token_param::RefreshToken)
                                                   : QString(proto::token_param::AccessToken);
}

/// RFC 7009 §2.2: "The authorization server responds with HTTP status code
/// 200 if the token has been revoked successfully or if the client
/// submitted an invalid token." The body is ignored by the client.
HttpResponse revoked()
{
    HttpResponse response(200);
    ResponseWriter::setNoStore(response);
    return response;
}

} // namespace

RevocationEndpoint::RevocationEndpoint(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_authenticator(std::make_shared<const ClientAuthenticator>(
                                services->clients, services->secretHasher, services->clock,
                                services->events, nullptr, services->throttle)),
      m_lookup(services)
{}

RevocationEndpoint::~RevocationEndpoint() = default;

QString RevocationEndpoint::path()
{
    return u"/revoke"_s;
}

QStringList RevocationEndpoint::authMethods()
{
    return {proto::auth_method::ClientSecretBasic, proto::auth_method::ClientSecretPost,
            proto::auth_method::None};
}

EndpointDescription RevocationEndpoint::description() const
{
    EndpointDescription description;
    description.path = path();
    // RFC 7009 §2.1: "The client requests the revocation of a particular
    // token by making an HTTP POST request". Server to server: no CORS.
    description.methods = QHttpServerRequest::Method::Post;
    description.discoveryName = discovery::RevocationEndpoint;
    description.discoveryMetadata = {
        {discovery::RevocationEndpointAuthMethodsSupported,
         QJsonArray::fromStringList(authMethods())},
    };
    return description;
}

HttpResponse RevocationEndpoint::handle(const RequestContext &request)
{
    if (auto form = ClientFormRequest::checkForm(request); !form)
        return ClientFormRequest::error(form.error(), request);
    // RFC 7009 §2.1: "The authorization server first validates the client
    // credentials (in case of a confidential client)".
    auto client = m_authenticator->authenticate(request);
    if (!client)
        return ClientFormRequest::error(client.error(), request);
    const QString clientId = client->client.clientId;

    const ParameterList &form = request.formParameters();
    // RFC 7009 §2.1: token REQUIRED.
    const QString token = form.value(proto::token_param::Token);
    if (token.isEmpty()) {
        return ClientFormRequest::error(
            OAuthError::invalidRequest(u"The token parameter is required."_s), request);
    }
    const auto hint = TokenLookup::parseHint(form.value(proto::token_param::TokenTypeHint));
    auto found = m_lookup.findActive(token, hint, ClientFormRequest::issuer(request, *m_services));
    if (!found)
        return ClientFormRequest::error(found.error(), request);
    if (!found->has_value())
        return revoked();
    const TokenLookup::Found &live = **found;

    Event event;
    event.type = event_type::TokenRevoked;
    event.clientId = clientId;
    event.subject = live.clientOnly ? QString() : live.subject;
    event.username = live.username;
    event.sourceAddress = request.remoteAddress().toString();
    event.details = {{u"token_type"_s, kindName(live.kind)}};

    // RFC 7009 §2.1: "...and then verifies whether the token was issued to
    // the client making the revocation request. If this validation fails,
    // the request is refused and the client is informed of the error". The
    // error: RFC 6749 §5.2 invalid_grant, whose definition covers a refresh
    // token "issued to another client" (node-oidc-provider answers the same
    // 400 with invalid_request). Nothing is revoked.
    if (live.clientId != clientId) {
        event.success = false;
        event.details.insert(u"reason"_s, u"token issued to another client"_s);
        event.details.insert(u"token_client_id"_s, live.clientId);
        if (m_services->events)
            m_services->events->publish(event);
        return ClientFormRequest::error(
            OAuthError::invalidGrant(
                u"The token was not issued to this client."_s,
                u"%1 tried to revoke a token of %2"_s.arg(clientId, live.clientId)),
            request);
    }

    const QDateTime now = m_services->clock->now();
    if (live.kind == TokenLookup::Kind::RefreshToken) {
        // The grant goes, with every access token issued from it.
        auto count = m_services->tokens->revokeFamily(live.familyId, now);
        if (!count) {
            return ClientFormRequest::error(
                OAuthError::serverError(u"cannot revoke a grant: "_s + count.error().message),
                request);
        }
        event.details.insert(u"family_revoked"_s, true);
        event.details.insert(u"revoked_tokens"_s, *count);
    } else if (live.opaque) {
        auto done = m_services->tokens->revoke(live.tokenHash, now);
        if (!done) {
            return ClientFormRequest::error(
                OAuthError::serverError(u"cannot revoke an access token: "_s +
                                        done.error().message),
                request);
        }
        event.details.insert(u"revoked_tokens"_s, 1);
    } else {
        auto done =
            m_services->tokens->revokeAccessToken(live.jti, live.clientId, now, live.expiresAt);
        if (!done) {
            return ClientFormRequest::error(
                OAuthError::serverError(u"cannot revoke an access token: "_s +
                                        done.error().message),
                request);
        }
        event.details.insert(u"jti"_s, live.jti);
    }
    event.success = true;
    if (m_services->events)
        m_services->events->publish(event);
    return revoked();
}

} // namespace lanyard
