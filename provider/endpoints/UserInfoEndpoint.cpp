// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/UserInfoEndpoint.h"

#include "core/Protocol.h"
#include "endpoints/DiscoveryNames.h"
#include "http/ResponseWriter.h"
#include "runtime/ProviderServices.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "tokens/ScopeClaims.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using Flag = ResponseWriter::Flag;
using Challenge = ResponseWriter::Challenge;

// RFC 6750 §3: error, error_description and scope values use
// %x20-21 / %x23-5B / %x5D-7E only.
QByteArray quotedSafe(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    for (char &c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e || c == '"' || c == '\\')
            c = ' ';
    }
    return bytes;
}

/// An RFC 6750 §3 error answer. 401 gets its challenge from
/// ResponseWriter; 400 and 403 get the same challenge shape here (a 500 none), with
/// `scope` when given (§3: "The scope attribute ... indicating the required
/// scope of the access token").
HttpResponse bearerError(const OAuthError &error, const QString &scope = {})
{
    HttpResponse response = ResponseWriter::error(error, Flag::NoStore, Challenge::Bearer);
    if (error.httpStatus() == 400 || error.httpStatus() == 403) {
        QByteArray challenge = "Bearer realm=\"" + ResponseWriter::realm() + "\", error=\"" +
                               quotedSafe(error.code()) + '"';
        if (!error.description().isEmpty())
            challenge += ", error_description=\"" + quotedSafe(error.description()) + '"';
        if (!scope.isEmpty())
            challenge += ", scope=\"" + quotedSafe(scope) + '"';
        response.setHeader("WWW-Authenticate"_ba, challenge);
    }
    return response;
}

/// RFC 6750 §3.1: "If the request lacks any authentication information
/// (e.g., the client was unaware that authentication is necessary or
/// attempted using an unsupported authentication method), the resource
/// server SHOULD NOT include an error code or other error information."
HttpResponse missingToken()
{
    HttpResponse response =
        ResponseWriter::error(OAuthError::invalidToken(u"No access token was provided."_s),
                              Flag::NoStore, Challenge::Bearer);
    response.setHeader("WWW-Authenticate"_ba, "Bearer realm=\"" + ResponseWriter::realm() + '"');
    return response;
}

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" /
// "+" / "/" ) *"=".
bool isB64Token(const QByteArray &token)
{
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char c = token.at(i);
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                        c == '+' || c == '/';
        if (!ok)
            break;
    }
    if (i == 0)
        return false;
    for (; i < token.size(); ++i) {
        if (token.at(i) != '=')
            return false;
    }
    return true;
}

} // namespace

UserInfoEndpoint::UserInfoEndpoint(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_verifier(services)
{
    Q_ASSERT(m_services);
}

QString UserInfoEndpoint::path()
{
    return u"/userinfo"_s;
}

EndpointDescription UserInfoEndpoint::description() const
{
    EndpointDescription description;
    description.path = path();
    // OpenID Connect Core §5.3: "The UserInfo Endpoint MUST support the use
    // of the HTTP GET and HTTP POST methods". OPTIONS: client-based CORS
    // preflights.
    description.methods = QHttpServerRequest::Method::Get | QHttpServerRequest::Method::Post |
                          QHttpServerRequest::Method::Options;
    description.discoveryName = discovery::UserinfoEndpoint;
    description.discoveryMetadata = {
        {discovery::ClaimsSupported, QJsonArray::fromStringList(ScopeClaims::supportedClaims())},
    };
    return description;
}

HttpResponse UserInfoEndpoint::handle(const RequestContext &request)
{
    if (request.method() == QHttpServerRequest::Method::Options) {
        auto preflight =
            ClientCors::preflight(request, *m_services->clients, description().methods);
        if (!preflight) {
            return ResponseWriter::error(
                OAuthError::serverError(u"CORS preflight: "_s + preflight.error().message));
        }
        return *preflight;
    }
    const QString origin = ClientCors::requestOrigin(request);
    ClientCors::Verdict verdict = ClientCors::Verdict::ClientUnknown;
    HttpResponse response = answer(request, origin, &verdict);
    ClientCors::finish(response, origin, verdict, *m_services->clients);
    return response;
}

HttpResponse UserInfoEndpoint::answer(const RequestContext &request, const QString &origin,
                                      ClientCors::Verdict *verdict) const
{
    const QList<QByteArray> authorizations = request.headerValues("authorization");
    if (authorizations.size() > 1) {
        return bearerError(OAuthError::invalidRequest(
            u"Only one Authorization header is allowed."_s, u"several Authorization headers"_s));
    }
    // RFC 6750 §2.2: the form body method only with a request-body that has
    // defined semantics: "the "GET" method MUST NOT be used". §2.3 (the URI
    // query) is not supported: a token in the query would end up in logs.
    QStringList bodyTokens;
    if (request.method() == QHttpServerRequest::Method::Post &&
        request.mediaType() == "application/x-www-form-urlencoded") {
        if (request.formParameters().isMalformed()) {
            return bearerError(
                OAuthError::invalidRequest(u"The request body is not valid form encoding."_s));
        }
        bodyTokens = request.formParameters().values(proto::token_param::AccessToken);
    }
    if (bodyTokens.size() > 1) {
        return bearerError(OAuthError::invalidRequest(u"access_token must not be repeated."_s,
                                                      u"duplicate access_token"_s));
    }
    // RFC 6750 §2: "Clients MUST NOT use more than one method to transmit
    // the token in each request."
    if (!authorizations.isEmpty() && !bodyTokens.isEmpty()) {
        return bearerError(OAuthError::invalidRequest(
            u"The access token must be sent in exactly one way."_s,
            u"access token in both the Authorization header and the body"_s));
    }

    QString token;
    if (!authorizations.isEmpty()) {
        const QByteArray value = authorizations.first().trimmed();
        const qsizetype space = value.indexOf(' ');
        // RFC 9110 §11.1: the auth-scheme is case-insensitive.
        if (space < 0 || value.left(space).toLower() != "bearer")
            return missingToken();
        const QByteArray credentials = value.mid(space + 1).trimmed();
        if (!isB64Token(credentials)) {
            return bearerError(OAuthError::invalidRequest(
                u"The Bearer credentials are malformed."_s, u"Bearer value is not a b64token"_s));
        }
        token = QString::fromLatin1(credentials);
    } else if (!bodyTokens.isEmpty()) {
        token = bodyTokens.first();
    } else {
        return missingToken();
    }

    const QUrl issuerUrl = request.baseUrl().isValid() && !request.baseUrl().isEmpty()
                               ? request.baseUrl()
                               : m_services->issuer;
    auto verified = m_verifier.verify(token, issuerUrl.toString(QUrl::FullyEncoded));
    if (!verified)
        return bearerError(verified.error());

    // A page may read the claims only from an origin the token's client
    // registered (ClientCors).
    if (!origin.isEmpty()) {
        const auto client = m_services->clients->find(verified->clientId);
        if (!client) {
            return bearerError(
                OAuthError::serverError(u"client look-up failed: "_s + client.error().message));
        }
        if (!client->has_value() || !ClientCors::allows(**client, origin)) {
            *verdict = ClientCors::Verdict::Refused;
            return bearerError(OAuthError::invalidRequest(
                u"The origin of this request is not allowed for the client."_s,
                u"CORS origin %1 not registered by %2"_s.arg(origin.left(256),
                                                             verified->clientId)));
        }
        *verdict = ClientCors::Verdict::Allowed;
    }

    // OpenID Connect Core §5.3: the access token is one "obtained through
    // OpenID Connect Authentication"; without openid it grants no userinfo.
    if (!verified->scopes.contains(proto::scope::OpenId)) {
        return bearerError(OAuthError(proto::error::InsufficientScope,
                                      u"The access token does not grant the openid scope."_s, 403),
                           proto::scope::OpenId);
    }

    const auto account = m_services->accounts->findBySubject(verified->subject);
    if (!account) {
        return bearerError(
            OAuthError::serverError(u"account look-up failed: "_s + account.error().message));
    }
    if (!account->has_value())
        return bearerError(OAuthError::invalidToken(u"The access token is no longer valid."_s,
                                                    u"account deleted"_s));
    if ((*account)->disabled)
        return bearerError(OAuthError::invalidToken(u"The access token is no longer valid."_s,
                                                    u"account disabled"_s));

    // OpenID Connect Core §5.3.2: "The UserInfo Claims MUST be returned as
    // the members of a JSON object".
    return ResponseWriter::json(ScopeClaims::release(**account, verified->scopes), 200,
                                Flag::NoStore);
}

} // namespace lanyard
