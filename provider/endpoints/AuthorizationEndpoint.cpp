// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/AuthorizationEndpoint.h"

#include "auth/InteractionPolicy.h"
#include "core/Protocol.h"
#include "endpoints/DiscoveryNames.h"
#include "i18n/PageLanguage.h"
#include "runtime/ProviderServices.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

AuthorizationEndpoint::AuthorizationEndpoint(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_parser(services), m_sessions(services), m_flow(std::move(services))
{}

QString AuthorizationEndpoint::path()
{
    return u"/authorize"_s;
}

EndpointDescription AuthorizationEndpoint::description() const
{
    EndpointDescription description;
    description.path = path();
    description.methods = QHttpServerRequest::Method::Get | QHttpServerRequest::Method::Post;
    description.discoveryName = discovery::AuthorizationEndpoint;
    const auto array = [](const QStringList &values) {
        return QJsonArray::fromStringList(values);
    };
    description.discoveryMetadata = {
        {discovery::ResponseTypesSupported, array({proto::response_type::Code})},
        {discovery::ResponseModesSupported,
         array({proto::response_mode::Query, proto::response_mode::FormPost})},
        {discovery::CodeChallengeMethodsSupported, array({u"S256"_s})},
        // RFC 9207 §3.
        {discovery::AuthorizationResponseIssParameterSupported, true},
        {discovery::ScopesSupported, array(AuthorizationRequestParser::supportedScopes())},
        {discovery::SubjectTypesSupported, array({u"public"_s})},
        // Discovery §3: these default to true (request_uri) or would be
        // assumed; Lanyard supports none of them, so it says so.
        {discovery::ClaimsParameterSupported, false},
        {discovery::RequestParameterSupported, false},
        {discovery::RequestUriParameterSupported, false},
        {discovery::PromptValuesSupported,
         array({proto::prompt::None, proto::prompt::Login, proto::prompt::Consent})},
        // Discovery §3 OPTIONAL: the languages of the login and consent pages.
        {discovery::UiLocalesSupported, array(PageLanguage::supportedTags())},
    };
    return description;
}

HttpResponse AuthorizationEndpoint::handle(const RequestContext &request)
{
    // OpenID Connect Core §3.1.2.1: with POST, "the request parameters are
    // serialized using Form Serialization"; with GET, "Query String
    // Serialization".
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    const ParameterList &params = post ? request.formParameters() : request.queryParameters();

    auto parsed = m_parser.parse(params, m_flow.issuer(request));
    if (!parsed) {
        const AuthorizationRequestParser::Failure &failure = parsed.error();
        if (!failure.redirectable) {
            const bool serverError = failure.error.code() == proto::error::ServerError;
            return m_flow.errorPage(request,
                                    serverError ? PageRenderer::ErrorKind::ServerError
                                                : PageRenderer::ErrorKind::InvalidRequest,
                                    failure.error);
        }
        return m_flow.redirectError(request, failure.target, failure.error);
    }
    const AuthorizationRequest &authorization = parsed->request;
    const Client &client = parsed->client;
    const bool promptNone = authorization.hasPrompt(proto::prompt::None);

    auto current = m_sessions.current(request);
    if (!current)
        return m_flow.redirectError(request, authorization, current.error());
    std::optional<Session> session;
    if (*current)
        session = (*current)->session;

    const auto reason =
        InteractionPolicy::loginReason(authorization, session, m_services->clock->now());
    if (reason != InteractionPolicy::LoginReason::None) {
        // OpenID Connect Core §3.1.2.1 prompt=none: "The Authorization Server
        // MUST NOT display any authentication or consent user interface
        // pages. An error is returned if an End-User is not already
        // authenticated or the Client does not have pre-configured consent
        // for the requested Claims". §3.1.2.6 login_required.
        if (promptNone) {
            return m_flow.redirectError(
                request, authorization,
                OAuthError::loginRequired(u"The user must sign in."_s,
                                          InteractionPolicy::describe(reason)));
        }
        return m_flow.startInteraction(request, authorization, std::nullopt);
    }

    auto consent = m_flow.needsConsent(authorization, client, session->subject);
    if (!consent)
        return m_flow.redirectError(request, authorization, consent.error());
    if (*consent) {
        // OpenID Connect Core §3.1.2.6 consent_required.
        if (promptNone) {
            return m_flow.redirectError(
                request, authorization,
                OAuthError::consentRequired(u"The user must consent to this request."_s));
        }
        return m_flow.startInteraction(request, authorization, session);
    }

    // Single sign-on: the session suffices. Its cookie is sent again so it
    // lives as long as the (renewed) idle session.
    return m_flow.complete(request, authorization, *session,
                           {m_sessions.cookieHeader(request, (*current)->cookieValue)});
}

} // namespace lanyard
