// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/InteractionEndpoint.h"

#include "auth/RedirectUriPolicy.h"
#include "auth/SignInPolicy.h"
#include "core/Protocol.h"
#include "crypto/ConstantTime.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "http/RequestContext.h"
#include "http/ResponseWriter.h"
#include "model/Consent.h"
#include "model/Interaction.h"
#include "runtime/ProviderServices.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/ConsentStore.h"
#include "store/InteractionStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using ErrorKind = PageRenderer::ErrorKind;

constexpr QLatin1StringView IdParameter{"id"};
constexpr QLatin1StringView UsernameField{"username"};
constexpr QLatin1StringView PasswordField{"password"};
constexpr QLatin1StringView DecisionField{"decision"};
constexpr QLatin1StringView Allow{"allow"};
constexpr QLatin1StringView Deny{"deny"};

QString displayName(const Client &client)
{
    return client.clientName.isEmpty() ? client.clientId : client.clientName;
}

HttpResponse seeOther(const QString &location)
{
    HttpResponse response(303);
    response.setHeader("Location"_ba, location.toUtf8());
    ResponseWriter::setNoStore(response);
    return response;
}

} // namespace

InteractionEndpoint::InteractionEndpoint(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_sessions(services), m_login(services), m_flow(std::move(services))
{}

EndpointDescription InteractionEndpoint::description() const
{
    EndpointDescription description;
    description.path = SignInFlow::interactionPath();
    description.methods = QHttpServerRequest::Method::Get | QHttpServerRequest::Method::Post;
    return description;
}

HttpResponse InteractionEndpoint::handle(const RequestContext &request)
{
    const ParameterList &query = request.queryParameters();
    if (query.hasDuplicates() || query.isMalformed())
        return m_flow.errorPage(request, ErrorKind::Expired);
    const QString id = query.value(QString(IdParameter));
    if (id.isEmpty())
        return m_flow.errorPage(request, ErrorKind::Expired);

    auto found = m_services->interactions->find(id, m_services->clock->now());
    if (!found) {
        return m_flow.errorPage(
            request, ErrorKind::ServerError,
            OAuthError::serverError(u"interaction look-up failed: "_s + found.error().message));
    }
    if (!found->has_value())
        return m_flow.errorPage(request, ErrorKind::Expired);
    const Interaction &interaction = **found;

    // Only the browser that started the interaction may see or finish it.
    if (!m_flow.isBound(request, interaction)) {
        return m_flow.errorPage(
            request, ErrorKind::Forbidden,
            OAuthError::accessDenied({}, u"interaction not bound to browser"_s));
    }

    const AuthorizationRequest authorization = AuthorizationRequest::fromJson(interaction.request);
    auto client = m_services->clients->find(authorization.clientId);
    if (!client) {
        return m_flow.errorPage(
            request, ErrorKind::ServerError,
            OAuthError::serverError(u"client look-up failed: "_s + client.error().message));
    }
    // The client may have been removed or changed while the user typed.
    if (!client->has_value() ||
        !RedirectUriPolicy::matches(authorization.redirectUri, (*client)->redirectUris)) {
        return m_flow.errorPage(
            request, ErrorKind::InvalidRequest,
            OAuthError::invalidRequest(
                u"The application is no longer registered for this redirect_uri."_s));
    }

    if (request.method() != QHttpServerRequest::Method::Post)
        return show(request, interaction, authorization, **client);

    const ParameterList &form = request.formParameters();
    if (form.hasDuplicates() || form.isMalformed()) {
        return m_flow.errorPage(
            request, ErrorKind::InvalidRequest,
            OAuthError::invalidRequest(u"The form was sent with repeated or malformed fields."_s));
    }
    // The CSRF token of the page, compared in constant time. A missing
    // token compares as an empty one and fails the same way.
    const QString csrf = form.value(QString(SignInPolicy::CsrfField));
    if (!ConstantTime::equals(csrf.toUtf8(), interaction.csrfToken.toUtf8())) {
        return m_flow.errorPage(request, ErrorKind::Forbidden,
                                OAuthError::accessDenied({}, u"CSRF token mismatch"_s));
    }
    if (interaction.subject.isEmpty())
        return submitLogin(request, interaction, authorization, **client);
    return submitConsent(request, interaction, authorization, **client);
}

HttpResponse InteractionEndpoint::show(const RequestContext &request,
                                       const Interaction &interaction,
                                       const AuthorizationRequest &authorization,
                                       const Client &client) const
{
    const QUrl issuer = m_flow.issuer(request);
    if (interaction.subject.isEmpty()) {
        // OpenID Connect Core §3.1.2.1 login_hint: "Hint to the Authorization
        // Server about the login identifier the End-User might use to log
        // in". Without one, a re-authentication suggests the signed-in user.
        QString username = authorization.loginHint;
        if (username.isEmpty()) {
            auto current = m_sessions.current(request);
            if (current && *current)
                username = (*current)->account.username;
        }
        return m_flow.page(
            PageRenderer::loginPage(SignInFlow::language(request, authorization.uiLocales), issuer,
                                    displayName(client), username, interaction.csrfToken, false),
            authorization);
    }

    auto current = consentSession(request, interaction);
    if (!current) {
        return m_flow.errorPage(request, ErrorKind::ServerError, current.error());
    }
    if (!*current)
        return restartLogin(request, interaction, authorization);
    return m_flow.page(
        PageRenderer::consentPage(SignInFlow::language(request, authorization.uiLocales), issuer,
                                  displayName(client), (*current)->account.username,
                                  authorization.scopes, interaction.csrfToken),
        authorization);
}

HttpResponse InteractionEndpoint::submitLogin(const RequestContext &request,
                                              Interaction interaction,
                                              const AuthorizationRequest &authorization,
                                              const Client &client) const
{
    const ParameterList &form = request.formParameters();
    PasswordLogin::Attempt attempt;
    attempt.username = form.value(QString(UsernameField));
    attempt.password = form.value(QString(PasswordField));
    attempt.clientId = client.clientId;
    attempt.address = request.remoteAddress();

    auto outcome = m_login.authenticate(attempt);
    if (!outcome)
        return m_flow.errorPage(request, ErrorKind::ServerError, outcome.error());
    if (outcome->kind != PasswordLogin::Outcome::Kind::Succeeded) {
        // One generic message for every failure, throttling included.
        return m_flow.page(
            PageRenderer::loginPage(SignInFlow::language(request, authorization.uiLocales),
                                    m_flow.issuer(request), displayName(client), attempt.username,
                                    interaction.csrfToken, true),
            authorization);
    }
    const Account &account = outcome->account;

    // OpenID Connect Core §3.1.2.1 id_token_hint: "If the End-User identified
    // by the ID Token is logged in or is logged in by the request, then the
    // Authorization Server returns a positive response; otherwise, it SHOULD
    // return an error, such as login_required."
    if (!authorization.idTokenHintSubject.isEmpty() &&
        authorization.idTokenHintSubject != account.subject) {
        auto claimed = claim(interaction);
        if (!claimed)
            return m_flow.errorPage(request, ErrorKind::ServerError, claimed.error());
        if (!*claimed)
            return m_flow.errorPage(request, ErrorKind::Completed);
        return m_flow.redirectError(
            request, authorization,
            OAuthError::loginRequired(
                u"The user signed in with another account than id_token_hint names."_s));
    }

    auto current = m_sessions.current(request);
    if (!current)
        return m_flow.errorPage(request, ErrorKind::ServerError, current.error());
    auto established = m_sessions.signIn(request, account, *current);
    if (!established)
        return m_flow.errorPage(request, ErrorKind::ServerError, established.error());

    auto consent = m_flow.needsConsent(authorization, client, account.subject);
    if (!consent)
        return m_flow.errorPage(request, ErrorKind::ServerError, consent.error());
    if (*consent) {
        interaction.subject = account.subject;
        interaction.sessionId = established->session.id;
        if (auto saved = m_services->interactions->save(interaction); !saved) {
            return m_flow.errorPage(request, ErrorKind::ServerError,
                                    OAuthError::serverError(u"saving the interaction failed: "_s +
                                                            saved.error().message));
        }
        // Post/Redirect/Get to the consent page.
        HttpResponse response =
            seeOther(SignInFlow::interactionUrl(m_flow.issuer(request), interaction.id));
        response.addHeader("Set-Cookie"_ba, established->setCookie);
        return response;
    }

    auto claimed = claim(interaction);
    if (!claimed)
        return m_flow.errorPage(request, ErrorKind::ServerError, claimed.error());
    if (!*claimed)
        return m_flow.errorPage(request, ErrorKind::Completed);
    return m_flow.complete(request, authorization, established->session, {established->setCookie});
}

HttpResponse InteractionEndpoint::submitConsent(const RequestContext &request,
                                                Interaction interaction,
                                                const AuthorizationRequest &authorization,
                                                const Client &client) const
{
    const QString decision = request.formParameters().value(QString(DecisionField));
    if (decision != Allow && decision != Deny) {
        return m_flow.errorPage(request, ErrorKind::InvalidRequest,
                                OAuthError::invalidRequest(u"Choose Allow or Deny."_s));
    }
    auto current = consentSession(request, interaction);
    if (!current)
        return m_flow.errorPage(request, ErrorKind::ServerError, current.error());
    if (!*current)
        return restartLogin(request, interaction, authorization);

    auto claimed = claim(interaction);
    if (!claimed)
        return m_flow.errorPage(request, ErrorKind::ServerError, claimed.error());
    if (!*claimed)
        return m_flow.errorPage(request, ErrorKind::Completed);

    if (decision == Deny) {
        publishConsent(request, false, authorization, **current);
        // RFC 6749 §4.1.2.1 access_denied: "The resource owner or
        // authorization server denied the request."
        return m_flow.redirectError(request, authorization,
                                    OAuthError::accessDenied(u"The user denied the request."_s));
    }

    Consent consent;
    consent.subject = interaction.subject;
    consent.clientId = client.clientId;
    consent.scopes = authorization.scopes;
    consent.grantedAt = m_services->clock->now();
    if (auto granted = m_services->consents->grant(consent); !granted) {
        return m_flow.redirectError(
            request, authorization,
            OAuthError::serverError(u"storing the consent failed: "_s + granted.error().message));
    }
    publishConsent(request, true, authorization, **current);
    return m_flow.complete(request, authorization, (*current)->session,
                           {m_sessions.cookieHeader(request, (*current)->cookieValue)});
}

Result<std::optional<LoginSessions::Current>, OAuthError>
InteractionEndpoint::consentSession(const RequestContext &request,
                                    const Interaction &interaction) const
{
    auto current = m_sessions.current(request);
    if (!current)
        return current.error();
    // The consent belongs to the account the login step (or the session
    // the authorization endpoint found) established, in this browser.
    if (!*current || (*current)->session.id != interaction.sessionId ||
        (*current)->session.subject != interaction.subject) {
        return std::optional<LoginSessions::Current>();
    }
    return current;
}

HttpResponse InteractionEndpoint::restartLogin(const RequestContext &request,
                                               Interaction interaction,
                                               const AuthorizationRequest &authorization) const
{
    // The session ended (sign-out in another tab, another account signed
    // in): ask for the password again rather than consent for a stranger.
    interaction.subject.clear();
    interaction.sessionId.clear();
    if (auto saved = m_services->interactions->save(interaction); !saved) {
        return m_flow.redirectError(
            request, authorization,
            OAuthError::serverError(u"saving the interaction failed: "_s + saved.error().message));
    }
    return seeOther(SignInFlow::interactionUrl(m_flow.issuer(request), interaction.id));
}

Result<bool, OAuthError> InteractionEndpoint::claim(const Interaction &interaction) const
{
    auto removed = m_services->interactions->remove(interaction.id);
    if (!removed)
        return OAuthError::serverError(u"removing the interaction failed: "_s +
                                       removed.error().message);
    return *removed;
}

void InteractionEndpoint::publishConsent(const RequestContext &request, bool granted,
                                         const AuthorizationRequest &authorization,
                                         const LoginSessions::Current &current) const
{
    if (!m_services->events)
        return;
    Event event;
    event.type = granted ? event_type::ConsentGranted : event_type::ConsentDenied;
    event.success = granted;
    event.clientId = authorization.clientId;
    event.subject = current.account.subject;
    event.username = current.account.username;
    event.sourceAddress = request.remoteAddress().toString();
    event.details = {{u"scope"_s, authorization.scopes.join(u' ')}};
    m_services->events->publish(event);
}

} // namespace lanyard
