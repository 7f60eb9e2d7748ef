// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/EndSessionEndpoint.h"

#include "auth/Cookies.h"
#include "auth/SignInLog.h"
#include "auth/SignInPolicy.h"
#include "core/Protocol.h"
#include "crypto/ConstantTime.h"
#include "crypto/Digest.h"
#include "endpoints/AuthorizationResponse.h"
#include "endpoints/DiscoveryNames.h"
#include "endpoints/SignInFlow.h"
#include "http/ParameterList.h"
#include "http/RequestContext.h"
#include "http/ResponseWriter.h"
#include "jose/Base64Url.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "logout/SessionTerminator.h"
#include "runtime/ProviderServices.h"
#include "store/ClientStore.h"
#include "store/SessionStore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

namespace param = proto::param;

constexpr QLatin1StringView ConfirmField{"logout"};
constexpr QLatin1StringView Yes{"yes"};
constexpr QLatin1StringView No{"no"};

bool audienceContains(const QJsonValue &aud, const QString &clientId)
{
    if (aud.isString())
        return aud.toString() == clientId;
    const QJsonArray values = aud.toArray();
    for (const QJsonValue &value : values) {
        if (value.isString() && value.toString() == clientId)
            return true;
    }
    return false;
}

/// The client an ID token was issued to: OpenID Connect Core §2 azp when
/// present, else its single audience; empty when it cannot tell.
QString clientOf(const QJsonObject &claims)
{
    const QString azp = claims.value(u"azp"_s).toString();
    if (!azp.isEmpty())
        return azp;
    const QJsonValue aud = claims.value(u"aud"_s);
    if (aud.isString())
        return aud.toString();
    const QJsonArray audiences = aud.toArray();
    return audiences.size() == 1 ? audiences.first().toString() : QString();
}

} // namespace

EndSessionEndpoint::EndSessionEndpoint(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_sessions(std::move(services))
{}

QString EndSessionEndpoint::path()
{
    return u"/logout"_s;
}

QString EndSessionEndpoint::confirmField()
{
    return ConfirmField;
}

QString EndSessionEndpoint::csrfToken(QByteArrayView cookieValue, const QString &sessionId)
{
    // Only a page rendered for this browser's session cookie (HttpOnly,
    // never readable by script) carries the right token.
    const QByteArray message = "lanyard logout " + sessionId.toUtf8();
    return QString::fromLatin1(Base64Url::encode(Digest::hmacSha256(cookieValue, message)));
}

EndpointDescription EndSessionEndpoint::description() const
{
    EndpointDescription description;
    description.path = path();
    description.methods = QHttpServerRequest::Method::Get | QHttpServerRequest::Method::Post;
    // RP-Initiated Logout 1.0 §2.1.
    description.discoveryName = discovery::EndSessionEndpoint;
    description.discoveryMetadata = {
        // Back-Channel Logout 1.0 §2.1: logout tokens are sent to every
        // client of an ending session that registered a
        // backchannel_logout_uri, with sid, and ID tokens carry sid.
        {discovery::BackchannelLogoutSupported, true},
        {discovery::BackchannelLogoutSessionSupported, true},
        {discovery::FrontchannelLogoutSupported, false},
    };
    return description;
}

Result<QJsonObject, OAuthError> EndSessionEndpoint::verifyHint(const QString &hint,
                                                               const QUrl &issuer) const
{
    const std::shared_ptr<const KeyRing> ring =
        m_services->keys ? m_services->keys->current() : nullptr;
    if (!ring)
        return OAuthError::serverError(u"no key ring to verify id_token_hint"_s);
    // RP-Initiated Logout 1.0 §2 id_token_hint: "ID Token previously issued
    // by the OP to the RP"; §4: "the OP MUST validate that it was the
    // issuer of the ID Token". Any published key verifies (a hint signed
    // before a rotation names a retired key); the algorithm comes from the
    // allow-list bound to the key. Its expiry is not checked: "the OP
    // SHOULD accept ID Tokens when the RP identified by the ID Token's aud
    // claim ... has a current session or had a recent session".
    const QStringList algorithms = {proto::alg::RS256, proto::alg::PS256, proto::alg::ES256,
                                    proto::alg::EdDSA};
    const QString invalid = u"The id_token_hint could not be validated."_s;
    auto claims = ring->verify(hint.toUtf8(), algorithms);
    if (!claims)
        return OAuthError::invalidRequest(invalid, claims.error().toString());
    if (claims->value(u"iss"_s).toString() != issuer.toString(QUrl::FullyEncoded))
        return OAuthError::invalidRequest(invalid, u"id_token_hint from another issuer"_s);
    if (claims->value(u"sub"_s).toString().isEmpty())
        return OAuthError::invalidRequest(invalid, u"id_token_hint without sub"_s);
    if (clientOf(*claims).isEmpty() && claims->value(u"aud"_s).toArray().isEmpty())
        return OAuthError::invalidRequest(invalid, u"id_token_hint without aud"_s);
    return *claims;
}

Result<EndSessionEndpoint::Request, OAuthError>
EndSessionEndpoint::parse(const RequestContext &request, const ParameterList &params) const
{
    Request logout;
    logout.issuer = request.baseUrl().isEmpty() ? m_services->issuer : request.baseUrl();
    logout.uiLocales = params.value(QString(param::UiLocales));
    logout.language = PageLanguage::forRequest(request, logout.uiLocales);
    // RFC 6749 §3.1 (which RP-Initiated Logout's parameters follow):
    // "Request and response parameters MUST NOT be included more than once."
    if (params.isMalformed() || params.hasDuplicates()) {
        return OAuthError::invalidRequest(
            u"The sign-out request repeats a parameter or is malformed."_s);
    }
    logout.state = params.value(QString(param::State));

    QString clientId = params.value(QString(param::ClientId));
    const QString hint = params.value(QString(param::IdTokenHint));
    bool clientFromHint = false;
    if (!hint.isEmpty()) {
        auto claims = verifyHint(hint, logout.issuer);
        if (!claims)
            return claims.error();
        logout.hintSubject = claims->value(u"sub"_s).toString();
        // RP-Initiated Logout 1.0 §2 client_id: "When both client_id and
        // id_token_hint are present, the OP MUST verify that the Client
        // Identifier matches the one used when issuing the ID Token."
        if (!clientId.isEmpty() && !audienceContains(claims->value(u"aud"_s), clientId)) {
            return OAuthError::invalidRequest(
                u"The id_token_hint was not issued to this client_id."_s,
                u"client_id %1 not in the hint's audience"_s.arg(clientId));
        }
        if (clientId.isEmpty()) {
            clientId = clientOf(*claims);
            clientFromHint = true;
        }
    }

    if (!clientId.isEmpty()) {
        auto client = m_services->clients->find(clientId);
        if (!client)
            return OAuthError::serverError(u"client look-up failed: "_s + client.error().message);
        if (client->has_value())
            logout.client = **client;
        else if (!clientFromHint)
            return OAuthError::invalidRequest(
                u"The application is not registered with this server."_s, u"unknown client_id"_s);
    }

    const QString redirect = params.value(QString(param::PostLogoutRedirectUri));
    if (!redirect.isEmpty()) {
        // RP-Initiated Logout 1.0 §3: the value "MUST have been previously
        // registered with the OP", and the OP must know the client to tell.
        if (!logout.client) {
            return OAuthError::invalidRequest(
                u"A post_logout_redirect_uri needs id_token_hint or client_id to name the "
                "application."_s);
        }
        // §3: "The OP SHOULD NOT perform post-logout redirection if the
        // post_logout_redirect_uri value supplied does not exactly match
        // one of the previously registered post_logout_redirect_uris
        // values." Exactly: simple string comparison.
        if (!logout.client->postLogoutRedirectUris.contains(redirect)) {
            return OAuthError::invalidRequest(
                u"The post_logout_redirect_uri is not registered for this application."_s,
                u"client "_s + logout.client->clientId);
        }
        logout.postLogoutRedirectUri = redirect;
    }
    return logout;
}

HttpResponse EndSessionEndpoint::handle(const RequestContext &request)
{
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    const ParameterList &params = post ? request.formParameters() : request.queryParameters();

    auto parsed = parse(request, params);
    if (!parsed) {
        Request fallback;
        fallback.issuer = request.baseUrl().isEmpty() ? m_services->issuer : request.baseUrl();
        fallback.language =
            PageLanguage::forRequest(request, params.value(QString(param::UiLocales)));
        const bool serverError = parsed.error().code() == proto::error::ServerError;
        return errorPage(fallback,
                         serverError ? LogoutPages::ErrorKind::ServerError
                                     : LogoutPages::ErrorKind::InvalidRequest,
                         parsed.error());
    }
    const Request &logout = *parsed;

    auto current = m_sessions.current(request);
    if (!current)
        return errorPage(logout, LogoutPages::ErrorKind::ServerError, current.error());

    if (post && params.contains(QString(ConfirmField))) {
        // The confirmation form. Without a session (signed out in another
        // tab) there is nothing left to end.
        if (!*current)
            return finish(request, logout, std::nullopt, true);
        const QString csrf = params.value(QString(SignInPolicy::CsrfField));
        const QString expected = csrfToken((*current)->cookieValue, (*current)->session.id);
        if (!ConstantTime::equals(csrf.toUtf8(), expected.toUtf8())) {
            return errorPage(logout, LogoutPages::ErrorKind::Forbidden,
                             OAuthError::accessDenied({}, u"logout CSRF token mismatch"_s));
        }
        const QString decision = params.value(QString(ConfirmField));
        if (decision == Yes)
            return finish(request, logout, *current, true);
        if (decision == No)
            return finish(request, logout, std::nullopt, false);
        return errorPage(logout, LogoutPages::ErrorKind::InvalidRequest,
                         OAuthError::invalidRequest(u"Choose Sign out or Stay signed in."_s));
    }

    if (!*current)
        return finish(request, logout, std::nullopt, true);
    // A valid hint for the signed-in account: the RP vouches that this
    // user asked to sign out. Anything else asks the user first.
    if (!logout.hintSubject.isEmpty() && logout.hintSubject == (*current)->session.subject)
        return finish(request, logout, *current, true);
    return confirmationPage(logout, **current);
}

HttpResponse EndSessionEndpoint::confirmationPage(const Request &logout,
                                                  const LoginSessions::Current &current) const
{
    LogoutPages::Confirmation confirmation;
    confirmation.username = current.account.username;
    if (logout.client) {
        confirmation.clientName = logout.client->clientName.isEmpty() ? logout.client->clientId
                                                                      : logout.client->clientName;
        confirmation.clientId = logout.client->clientId;
    }
    confirmation.csrfToken = csrfToken(current.cookieValue, current.session.id);
    confirmation.postLogoutRedirectUri = logout.postLogoutRedirectUri;
    confirmation.state = logout.state;
    confirmation.uiLocales = logout.uiLocales;
    // Browsers apply form-action to the redirect that follows the form.
    QByteArrayList formAction;
    if (!logout.postLogoutRedirectUri.isEmpty()) {
        const QByteArray source =
            AuthorizationResponse::formActionSource(logout.postLogoutRedirectUri);
        if (!source.isEmpty())
            formAction.append(source);
    }
    return ResponseWriter::html(
        LogoutPages::confirmationPage(logout.language, logout.issuer, confirmation), 200,
        formAction);
}

HttpResponse EndSessionEndpoint::finish(const RequestContext &request, const Request &logout,
                                        const std::optional<LoginSessions::Current> &current,
                                        bool signedOut) const
{
    if (current) {
        const QString sessionId = current->session.id;
        if (m_services->sessionTerminator) {
            SessionTerminator::Context context;
            context.reason = SessionTerminator::LogoutReason;
            context.username = current->account.username;
            context.clientId = logout.client ? logout.client->clientId : QString();
            context.sourceAddress = request.remoteAddress().toString();
            if (auto ended = m_services->sessionTerminator->end(sessionId, context); !ended) {
                return errorPage(logout, LogoutPages::ErrorKind::ServerError,
                                 OAuthError::serverError(u"ending the session failed: "_s +
                                                         ended.error().message));
            }
        } else if (auto removed = m_services->sessions->remove(sessionId); !removed) {
            return errorPage(logout, LogoutPages::ErrorKind::ServerError,
                             OAuthError::serverError(u"ending the session failed: "_s +
                                                     removed.error().message));
        }
    }

    HttpResponse response;
    if (!logout.postLogoutRedirectUri.isEmpty()) {
        QList<QPair<QString, QString>> parameters;
        // RP-Initiated Logout 1.0 §3: state is passed back "as a query
        // parameter" when it was given.
        if (!logout.state.isEmpty())
            parameters.append({QString(param::State), logout.state});
        response = HttpResponse(SignInFlow::redirectStatus(request));
        response.setHeader(
            "Location"_ba,
            AuthorizationResponse::redirectUrl(logout.postLogoutRedirectUri, parameters).toUtf8());
        ResponseWriter::setNoStore(response);
    } else {
        response =
            ResponseWriter::html(LogoutPages::donePage(logout.language, logout.issuer, signedOut));
    }
    // The cookie goes with the session (and a stale one with nothing).
    if (signedOut && !Cookies::value(request, SignInPolicy::SessionCookie).isNull()) {
        response.addHeader("Set-Cookie"_ba, Cookies::setCookie(SignInPolicy::SessionCookie, {},
                                                               Cookies::pathFor(logout.issuer), 0,
                                                               request.isSecure()));
    }
    return response;
}

HttpResponse EndSessionEndpoint::errorPage(const Request &logout, LogoutPages::ErrorKind kind,
                                           const OAuthError &error) const
{
    int status = 400;
    if (kind == LogoutPages::ErrorKind::Forbidden)
        status = 403;
    if (kind == LogoutPages::ErrorKind::ServerError) {
        status = 500;
        qCWarning(lcSignIn).noquote() << "logout failed:" << error.detail();
    } else if (!error.detail().isEmpty()) {
        qCDebug(lcSignIn).noquote() << "logout refused:" << error.code() << error.detail();
    }
    return ResponseWriter::html(LogoutPages::errorPage(logout.language, logout.issuer, kind, error),
                                status);
}

} // namespace lanyard
