// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/AuthorizationRequestParser.h"

#include "auth/Pkce.h"
#include "auth/RedirectUriPolicy.h"
#include "core/Protocol.h"
#include "http/ParameterList.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "runtime/ProviderServices.h"
#include "store/ClientStore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

namespace param = proto::param;

AuthorizationRequestParser::Failure pageFailure(OAuthError error)
{
    return {std::move(error), false, {}};
}

/// Every non-empty value of `name` as one string, or null; the caller has
/// refused duplicates (or does not care which one it gets).
QString single(const ParameterList &params, QLatin1StringView name)
{
    return params.value(QString(name));
}

bool isRepeated(const ParameterList &params, QLatin1StringView name)
{
    return params.values(QString(name)).size() > 1;
}

QStringList uniqueTokens(const QString &value)
{
    QStringList tokens;
    for (const QString &token : value.split(u' ', Qt::SkipEmptyParts)) {
        if (!tokens.contains(token))
            tokens.append(token);
    }
    return tokens;
}

bool isBase64UrlChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
           u == u'-' || u == u'_';
}

bool audienceContains(const QJsonValue &aud, const QString &clientId)
{
    if (aud.isString())
        return aud.toString() == clientId;
    if (aud.isArray()) {
        const QJsonArray values = aud.toArray();
        for (const QJsonValue &value : values) {
            if (value.isString() && value.toString() == clientId)
                return true;
        }
    }
    return false;
}

} // namespace

AuthorizationRequestParser::AuthorizationRequestParser(
    std::shared_ptr<const ProviderServices> services)
    : m_services(std::move(services))
{}

QStringList AuthorizationRequestParser::supportedScopes()
{
    // OpenID Connect Core §5.4 (profile, email, address, phone), §11
    // (offline_access), and Lanyard's groups.
    return {proto::scope::OpenId,       proto::scope::Profile, proto::scope::Email,
            proto::scope::Address,      proto::scope::Phone,   proto::scope::Groups,
            proto::scope::OfflineAccess};
}

Result<AuthorizationRequestParser::Parsed, AuthorizationRequestParser::Failure>
AuthorizationRequestParser::parse(const ParameterList &params, const QUrl &issuer) const
{
    auto client = checkClient(params);
    if (!client)
        return client.error();

    AuthorizationRequest request;
    request.clientId = client->clientId;
    if (auto checked = checkRedirectUri(params, *client, request); !checked)
        return checked.error();

    // From here on the redirect URI is trusted: every error goes back to it
    // (RFC 6749 §4.1.2.1), with the state exactly as received. A repeated
    // state is ambiguous, so none is echoed (the request fails below).
    // OpenID Connect Core §3.1.2.6: the error response carries state "if the
    // state parameter was present in the Authorization Request".
    request.state = isRepeated(params, param::State) ? QString() : single(params, param::State);
    request.responseMode = QString(proto::response_mode::Query);
    const auto redirectError = [&request](OAuthError error) {
        return Failure{std::move(error), true, request};
    };

    if (auto checked = checkResponseMode(params, request); !checked)
        return redirectError(checked.error());
    if (auto checked = checkEncoding(params); !checked)
        return redirectError(checked.error());
    if (auto checked = checkDuplicates(params); !checked)
        return redirectError(checked.error());
    if (auto checked = checkRequestObject(params); !checked)
        return redirectError(checked.error());
    if (auto checked = checkResponseType(params, *client); !checked)
        return redirectError(checked.error());
    if (auto checked = checkScope(params, *client, request); !checked)
        return redirectError(checked.error());
    if (auto checked = checkPrompt(params, request); !checked)
        return redirectError(checked.error());
    if (auto checked = checkMaxAge(params, request); !checked)
        return redirectError(checked.error());
    if (auto checked = checkPkce(params, *client, request); !checked)
        return redirectError(checked.error());
    if (auto checked = checkIdTokenHint(params, issuer, request); !checked)
        return redirectError(checked.error());

    request.nonce = single(params, param::Nonce);
    request.loginHint = single(params, param::LoginHint);
    request.uiLocales = single(params, param::UiLocales);
    request.claimsLocales = single(params, param::ClaimsLocales);
    // OpenID Connect Core §3.1.2.1 acr_values: "Voluntary Claim"; Lanyard
    // has one authentication method, so the values are kept and not acted on.
    request.acrValues = single(params, param::AcrValues);
    return Parsed{std::move(request), std::move(client).value()};
}

Result<Client, AuthorizationRequestParser::Failure>
AuthorizationRequestParser::checkClient(const ParameterList &params) const
{
    // RFC 6749 §4.1.2.1: "If the request fails due to a missing, invalid, or
    // mismatching redirection URI, or if the client identifier is missing or
    // invalid, the authorization server SHOULD inform the resource owner of
    // the error and MUST NOT automatically redirect the user-agent to the
    // invalid redirection URI."
    if (isRepeated(params, param::ClientId)) {
        return pageFailure(
            OAuthError::invalidRequest(u"The client_id parameter was sent more than once."_s));
    }
    const QString clientId = single(params, param::ClientId);
    if (clientId.isEmpty())
        return pageFailure(OAuthError::invalidRequest(u"The client_id parameter is missing."_s));
    auto found = m_services->clients->find(clientId);
    if (!found) {
        return pageFailure(
            OAuthError::serverError(u"client look-up failed: "_s + found.error().message));
    }
    if (!found->has_value()) {
        return pageFailure(OAuthError(proto::error::InvalidClient,
                                      u"The application is not registered with this server."_s, 400,
                                      u"unknown client_id"_s));
    }
    return std::move(*found).value();
}

Result<void, AuthorizationRequestParser::Failure>
AuthorizationRequestParser::checkRedirectUri(const ParameterList &params, const Client &client,
                                             AuthorizationRequest &request)
{
    if (isRepeated(params, param::RedirectUri)) {
        return pageFailure(
            OAuthError::invalidRequest(u"The redirect_uri parameter was sent more than once."_s));
    }
    // OpenID Connect Core §3.1.2.1: redirect_uri "REQUIRED".
    const QString redirectUri = single(params, param::RedirectUri);
    if (redirectUri.isEmpty())
        return pageFailure(OAuthError::invalidRequest(u"The redirect_uri parameter is missing."_s));
    // OpenID Connect Core §3.1.2.1: "This URI MUST exactly match one of the
    // Redirection URI values for the Client pre-registered at the OpenID
    // Provider" (RFC 8252 §7.3 loopback ports aside).
    if (!RedirectUriPolicy::matches(redirectUri, client.redirectUris)) {
        return pageFailure(OAuthError::invalidRequest(
            u"The redirect_uri is not registered for this application."_s,
            u"client "_s + client.clientId));
    }
    request.redirectUri = redirectUri;
    return {};
}

Result<void, OAuthError>
AuthorizationRequestParser::checkResponseMode(const ParameterList &params,
                                              AuthorizationRequest &request)
{
    if (isRepeated(params, param::ResponseMode))
        return OAuthError::invalidRequest(
            u"The response_mode parameter was sent more than once."_s);
    const QString mode = single(params, param::ResponseMode);
    if (mode.isEmpty() || mode == proto::response_mode::Query)
        return {};
    // OAuth 2.0 Form Post Response Mode §2.
    if (mode == proto::response_mode::FormPost) {
        request.responseMode = mode;
        return {};
    }
    // Multiple Response Type Encoding Practices §2.1 allows fragment for
    // `code`, but Lanyard answers in the query or as a form post only.
    return OAuthError::invalidRequest(u"Unsupported response_mode; use query or form_post."_s);
}

Result<void, OAuthError> AuthorizationRequestParser::checkEncoding(const ParameterList &params)
{
    // RFC 6749 Appendix B: parameters are UTF-8, form-urlencoded.
    if (params.isMalformed())
        return OAuthError::invalidRequest(u"The request parameters are not correctly encoded."_s);
    return {};
}

Result<void, OAuthError> AuthorizationRequestParser::checkDuplicates(const ParameterList &params)
{
    // RFC 6749 §3.1: "Request and response parameters MUST NOT be included
    // more than once."
    const QStringList duplicates = params.duplicateNames();
    if (!duplicates.isEmpty()) {
        return OAuthError::invalidRequest(
            u"Parameters sent more than once: %1."_s.arg(duplicates.join(u", "_s)));
    }
    return {};
}

Result<void, OAuthError> AuthorizationRequestParser::checkRequestObject(const ParameterList &params)
{
    // OpenID Connect Core §6.1 / §6.2: an OP that does not support request
    // objects answers request_not_supported / request_uri_not_supported
    // (§3.1.2.6). Discovery says request(_uri)_parameter_supported: false.
    if (params.contains(QString(param::Request))) {
        return OAuthError::requestNotSupported(
            u"Request objects (the request parameter) are not supported."_s);
    }
    if (params.contains(QString(param::RequestUri))) {
        return OAuthError::requestUriNotSupported(u"The request_uri parameter is not supported."_s);
    }
    return {};
}

Result<void, OAuthError> AuthorizationRequestParser::checkResponseType(const ParameterList &params,
                                                                       const Client &client)
{
    const QString responseType = single(params, param::ResponseType);
    // RFC 6749 §4.1.1: response_type "REQUIRED".
    if (responseType.isEmpty())
        return OAuthError::invalidRequest(u"The response_type parameter is missing."_s);
    // RFC 6749 §4.1.2.1 unsupported_response_type: "The authorization server
    // does not support obtaining an authorization code using this method."
    // Lanyard runs the authorization code flow only.
    if (responseType != proto::response_type::Code) {
        return OAuthError::unsupportedResponseType(
            u"Only the authorization code flow (response_type=code) is supported."_s);
    }
    // RFC 6749 §4.1.2.1 unauthorized_client: "The client is not authorized
    // to request an authorization code using this method."
    if (!client.responseTypes.contains(proto::response_type::Code) ||
        !client.grantTypes.contains(proto::grant::AuthorizationCode)) {
        return OAuthError::unauthorizedClient(
            u"This application may not use the authorization code flow."_s);
    }
    return {};
}

Result<void, OAuthError> AuthorizationRequestParser::checkScope(const ParameterList &params,
                                                                const Client &client,
                                                                AuthorizationRequest &request)
{
    const QString scope = single(params, param::Scope);
    // OpenID Connect Core §3.1.2.1: scope "REQUIRED".
    if (scope.isEmpty())
        return OAuthError::invalidRequest(u"The scope parameter is missing."_s);
    const QStringList supported = supportedScopes();
    const bool mayRefresh = client.grantTypes.contains(proto::grant::RefreshToken);
    QStringList granted;
    for (const QString &token : uniqueTokens(scope)) {
        // RFC 6749 §3.3: "The authorization server MAY fully or partially
        // ignore the scope requested by the client": unknown scopes and scopes
        // the client was not registered for are dropped.
        if (!supported.contains(token) || !client.scopes.contains(token))
            continue;
        if (token == proto::scope::OfflineAccess && !mayRefresh)
            continue;
        granted.append(token);
    }
    // OpenID Connect Core §3.1.2.1: "OpenID Connect requests MUST contain
    // the openid scope value."
    if (!granted.contains(proto::scope::OpenId)) {
        return OAuthError::invalidScope(
            u"The openid scope is required and must be allowed for this application."_s);
    }
    request.scopes = granted;
    return {};
}

Result<void, OAuthError> AuthorizationRequestParser::checkPrompt(const ParameterList &params,
                                                                 AuthorizationRequest &request)
{
    const QStringList prompts = uniqueTokens(single(params, param::Prompt));
    const QStringList known = {proto::prompt::None, proto::prompt::Login, proto::prompt::Consent,
                               proto::prompt::SelectAccount};
    for (const QString &value : prompts) {
        if (!known.contains(value))
            return OAuthError::invalidRequest(u"Unsupported prompt value %1."_s.arg(value));
    }
    // OpenID Connect Core §3.1.2.1 prompt: "If this parameter contains none
    // with any other value, an error is returned."
    if (prompts.contains(proto::prompt::None) && prompts.size() > 1) {
        return OAuthError::invalidRequest(
            u"prompt=none cannot be combined with other prompt values."_s);
    }
    // OpenID Connect Core §3.1.2.6 account_selection_required: "The End-User
    // is REQUIRED to select a session at the Authorization Server." Lanyard
    // keeps one session per browser and offers no account chooser.
    if (prompts.contains(proto::prompt::SelectAccount)) {
        return OAuthError::accountSelectionRequired(
            u"Selecting among several signed-in accounts is not supported."_s);
    }
    request.prompts = prompts;
    return {};
}

Result<void, OAuthError> AuthorizationRequestParser::checkMaxAge(const ParameterList &params,
                                                                 AuthorizationRequest &request)
{
    const QString value = single(params, param::MaxAge);
    request.maxAge = -1;
    if (value.isEmpty())
        return {};
    // OpenID Connect Core §3.1.2.1 max_age: "Maximum Authentication Age.
    // Specifies the allowable elapsed time in seconds": a non-negative integer.
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    const bool digitsOnly =
        std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.isDigit(); });
    if (!ok || !digitsOnly || seconds < 0)
        return OAuthError::invalidRequest(u"max_age must be a non-negative integer."_s);
    request.maxAge = seconds;
    return {};
}

Result<void, OAuthError> AuthorizationRequestParser::checkPkce(const ParameterList &params,
                                                               const Client &client,
                                                               AuthorizationRequest &request)
{
    const QString challenge = single(params, param::CodeChallenge);
    const QString method = single(params, param::CodeChallengeMethod);
    // DESIGN.md: PKCE for every client unless the admin turned it off for a
    // confidential one. RFC 7636 §4.4.1: "If the server requires Proof Key
    // for Code Exchange (PKCE) by OAuth public clients and the client does
    // not send the code_challenge in the request, the authorization endpoint
    // MUST return the authorization error response with the error value set
    // to invalid_request."
    const bool required = client.isPublic() || client.requirePkce;
    if (challenge.isEmpty()) {
        if (!method.isEmpty()) {
            return OAuthError::invalidRequest(
                u"code_challenge_method was sent without a code_challenge."_s);
        }
        if (required) {
            return OAuthError::invalidRequest(
                u"A PKCE code_challenge (method S256) is required for this application."_s);
        }
        return {};
    }
    // RFC 7636 §4.3: code_challenge_method "Defaults to plain if not present
    // in the request." RFC 7636 §4.4.1: "If the server supporting PKCE does
    // not support the requested transformation, the authorization endpoint
    // MUST return the authorization error response with error value set to
    // invalid_request." Lanyard supports S256 only.
    if (method != Pkce::S256) {
        return OAuthError::invalidRequest(
            u"code_challenge_method must be S256 (plain is not supported)."_s);
    }
    // RFC 7636 §4.2: S256 gives BASE64URL(SHA256(verifier)): 43 characters.
    if (challenge.size() != 43 ||
        !std::all_of(challenge.cbegin(), challenge.cend(), isBase64UrlChar))
        return OAuthError::invalidRequest(u"code_challenge is not a valid S256 challenge."_s);
    request.codeChallenge = challenge;
    request.codeChallengeMethod = method;
    return {};
}

Result<void, OAuthError>
AuthorizationRequestParser::checkIdTokenHint(const ParameterList &params, const QUrl &issuer,
                                             AuthorizationRequest &request) const
{
    const QString hint = single(params, param::IdTokenHint);
    if (hint.isEmpty())
        return {};
    const std::shared_ptr<const KeyRing> ring =
        m_services->keys ? m_services->keys->current() : nullptr;
    if (!ring)
        return OAuthError::serverError(u"no key ring to verify id_token_hint"_s);
    // OpenID Connect Core §3.1.2.1 id_token_hint: "ID Token previously issued
    // by the Authorization Server being passed as a hint". Only a token this
    // server signed is believed: signature from a published key, an
    // allow-listed algorithm, our issuer, and the requesting client as
    // audience. Its expiry is not checked: the hint names a past
    // authentication, and RPs commonly pass an expired ID Token
    // (node-oidc-provider ignores exp for hints too).
    const QStringList algorithms = {proto::alg::RS256, proto::alg::PS256, proto::alg::ES256,
                                    proto::alg::EdDSA};
    auto claims = ring->verify(hint.toUtf8(), algorithms);
    const QString invalid = u"The id_token_hint could not be validated."_s;
    if (!claims)
        return OAuthError::invalidRequest(invalid, claims.error().toString());
    if (claims->value(u"iss"_s).toString() != issuer.toString(QUrl::FullyEncoded))
        return OAuthError::invalidRequest(invalid, u"id_token_hint from another issuer"_s);
    if (!audienceContains(claims->value(u"aud"_s), request.clientId))
        return OAuthError::invalidRequest(invalid, u"id_token_hint for another audience"_s);
    const QString subject = claims->value(u"sub"_s).toString();
    if (subject.isEmpty())
        return OAuthError::invalidRequest(invalid, u"id_token_hint without sub"_s);
    request.idTokenHintSubject = subject;
    return {};
}

} // namespace lanyard
