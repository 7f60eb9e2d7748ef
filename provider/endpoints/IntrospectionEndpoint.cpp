// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/IntrospectionEndpoint.h"

#include "auth/ClientAuthenticator.h"
#include "core/Protocol.h"
#include "endpoints/ClientFormRequest.h"
#include "endpoints/DiscoveryNames.h"
#include "http/ResponseWriter.h"
#include "jose/Jwt.h"
#include "model/Client.h"
#include "runtime/ProviderServices.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

// RFC 7662 §2.2 response members, spelled once.
namespace member {
const QString Active = u"active"_s;
const QString Scope = u"scope"_s;
const QString ClientId = u"client_id"_s;
const QString Username = u"username"_s;
const QString TokenType = u"token_type"_s;
const QString Exp = u"exp"_s;
const QString Iat = u"iat"_s;
const QString Nbf = u"nbf"_s;
const QString Sub = u"sub"_s;
const QString Aud = u"aud"_s;
const QString Iss = u"iss"_s;
const QString Jti = u"jti"_s;
} // namespace member

} // namespace

IntrospectionEndpoint::IntrospectionEndpoint(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_authenticator(std::make_shared<const ClientAuthenticator>(
                                services->clients, services->secretHasher, services->clock,
                                services->events, nullptr, services->throttle)),
      m_lookup(services)
{}

IntrospectionEndpoint::~IntrospectionEndpoint() = default;

QString IntrospectionEndpoint::path()
{
    return u"/introspect"_s;
}

QStringList IntrospectionEndpoint::authMethods()
{
    return {proto::auth_method::ClientSecretBasic, proto::auth_method::ClientSecretPost};
}

EndpointDescription IntrospectionEndpoint::description() const
{
    EndpointDescription description;
    description.path = path();
    // RFC 7662 §2.1: "The protected resource calls the introspection
    // endpoint using an HTTP POST request". Server to server: no CORS.
    description.methods = QHttpServerRequest::Method::Post;
    description.discoveryName = discovery::IntrospectionEndpoint;
    description.discoveryMetadata = {
        {discovery::IntrospectionEndpointAuthMethodsSupported,
         QJsonArray::fromStringList(authMethods())},
    };
    return description;
}

QJsonObject IntrospectionEndpoint::answerFor(const std::optional<TokenLookup::Found> &found,
                                             const Client &caller, const QString &issuer)
{
    const QJsonObject inactive{{member::Active, false}};
    if (!found)
        return inactive;
    // RFC 7662 §4: "the authorization server MUST determine whether or not
    // the protected resource is allowed to know about the token" - a client
    // may learn about its own tokens; a resource server about any access
    // token presented to it. Refresh tokens are never shown to a resource
    // server: they are only ever sent to the authorization server.
    if (found->clientId != caller.clientId &&
        !(caller.resourceServer && found->kind == TokenLookup::Kind::AccessToken))
        return inactive;

    // RFC 7662 §2.2: "active" REQUIRED; the others OPTIONAL.
    QJsonObject answer{
        {member::Active, true},
        {member::ClientId, found->clientId},
        {member::Sub, found->subject},
        {member::Iss, issuer},
        {member::Exp, Jwt::numericDate(found->expiresAt)},
    };
    if (!found->scopes.isEmpty())
        answer.insert(member::Scope, found->scopes.join(u' '));
    if (!found->username.isEmpty())
        answer.insert(member::Username, found->username);
    if (found->issuedAt.isValid()) {
        answer.insert(member::Iat, Jwt::numericDate(found->issuedAt));
        // Lanyard's tokens are valid from the moment they are issued.
        answer.insert(member::Nbf, Jwt::numericDate(found->issuedAt));
    }
    if (found->kind == TokenLookup::Kind::AccessToken) {
        // RFC 7662 §2.2 token_type: "Type of the token as defined in Section
        // 5.1 of OAuth 2.0" - the access token type.
        answer.insert(member::TokenType, QString(proto::token_type::Bearer));
        // RFC 9068 §3: the audience of Lanyard's access tokens is the issuer.
        answer.insert(member::Aud, issuer);
        if (!found->jti.isEmpty())
            answer.insert(member::Jti, found->jti);
    }
    return answer;
}

HttpResponse IntrospectionEndpoint::handle(const RequestContext &request)
{
    if (auto form = ClientFormRequest::checkForm(request); !form)
        return ClientFormRequest::error(form.error(), request);

    auto client = m_authenticator->authenticate(request);
    if (!client)
        return ClientFormRequest::error(client.error(), request);
    // RFC 7662 §2.1: introspection needs authorization; a public client
    // names itself but proves nothing.
    if (client->client.isPublic()) {
        return ClientFormRequest::error(
            OAuthError::invalidClient(
                u"The introspection endpoint requires client authentication."_s,
                u"public client %1 at the introspection endpoint"_s.arg(client->client.clientId)),
            request);
    }

    const ParameterList &form = request.formParameters();
    // RFC 7662 §2.1: token REQUIRED.
    const QString token = form.value(proto::token_param::Token);
    if (token.isEmpty()) {
        return ClientFormRequest::error(
            OAuthError::invalidRequest(u"The token parameter is required."_s), request);
    }
    const QString issuer = ClientFormRequest::issuer(request, *m_services);
    auto found = m_lookup.findActive(
        token, TokenLookup::parseHint(form.value(proto::token_param::TokenTypeHint)), issuer);
    if (!found)
        return ClientFormRequest::error(found.error(), request);
    // RFC 7662 §2.2: "application/json"; §4 and RFC 6749 §5.1 habit: the
    // answer describes credentials, so no cache keeps it.
    return ResponseWriter::json(answerFor(*found, client->client, issuer), 200,
                                ResponseWriter::Flag::NoStore);
}

} // namespace lanyard
