// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/SignInFlow.h"

#include "auth/Cookies.h"
#include "auth/InteractionPolicy.h"
#include "auth/SignInLog.h"
#include "auth/SignInPolicy.h"
#include "core/Protocol.h"
#include "crypto/ConstantTime.h"
#include "crypto/Digest.h"
#include "crypto/RandomSource.h"
#include "endpoints/AuthorizationResponse.h"
#include "endpoints/DiscoveryDocument.h"
#include "http/RequestContext.h"
#include "http/ResponseWriter.h"
#include "jose/Base64Url.h"
#include "runtime/ProviderServices.h"
#include "store/ConsentStore.h"
#include "store/InteractionStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

SignInFlow::SignInFlow(std::shared_ptr<const ProviderServices> services)
    : m_services(services), m_codes(std::move(services))
{}

QUrl SignInFlow::issuer(const RequestContext &request) const
{
    return request.baseUrl().isEmpty() ? m_services->issuer : request.baseUrl();
}

int SignInFlow::redirectStatus(const RequestContext &request)
{
    return request.method() == QHttpServerRequest::Method::Post ? 303 : 302;
}

QString SignInFlow::interactionPath()
{
    return u"/interaction"_s;
}

QString SignInFlow::interactionUrl(const QUrl &issuer, const QString &interactionId)
{
    return DiscoveryDocument::endpointUrl(issuer, interactionPath()) + u"?id="_s +
           QString::fromLatin1(QUrl::toPercentEncoding(interactionId));
}

PageLanguage SignInFlow::language(const RequestContext &request, const QString &uiLocales)
{
    return PageLanguage::forRequest(request, uiLocales);
}

HttpResponse SignInFlow::errorPage(const RequestContext &request, PageRenderer::ErrorKind kind,
                                   const OAuthError &error) const
{
    int status = 400;
    if (kind == PageRenderer::ErrorKind::Forbidden)
        status = 403;
    if (kind == PageRenderer::ErrorKind::ServerError) {
        status = 500;
        qCWarning(lcSignIn).noquote() << "sign-in page failed:" << error.detail();
    } else if (!error.detail().isEmpty()) {
        qCDebug(lcSignIn).noquote() << "sign-in page refused:" << error.code() << error.detail();
    }
    // OpenID Connect Core §3.1.2.1: ui_locales travels with the
    // authorization request (query, or form with POST).
    const ParameterList &params = request.method() == QHttpServerRequest::Method::Post
                                      ? request.formParameters()
                                      : request.queryParameters();
    const PageLanguage pageLanguage =
        language(request, params.value(QString(proto::param::UiLocales)));
    return ResponseWriter::html(PageRenderer::errorPage(pageLanguage, issuer(request), kind, error),
                                status);
}

HttpResponse SignInFlow::page(const QByteArray &html, const AuthorizationRequest &request,
                              int status) const
{
    HttpResponse response = ResponseWriter::html(html, status);
    // Browsers apply form-action to the redirects that follow a form post:
    // the login and consent forms end in a redirect to the client.
    response.setHeader("Content-Security-Policy"_ba,
                       AuthorizationResponse::contentSecurityPolicy(request.redirectUri));
    return response;
}

HttpResponse SignInFlow::redirectError(const RequestContext &request,
                                       const AuthorizationRequest &target,
                                       const OAuthError &error) const
{
    return AuthorizationResponse::error(target, error, issuer(request), redirectStatus(request));
}

QString SignInFlow::csrfToken(QByteArrayView binding, const QString &interactionId)
{
    const QByteArray message = "lanyard interaction " + interactionId.toUtf8();
    return QString::fromLatin1(Base64Url::encode(Digest::hmacSha256(binding, message)));
}

bool SignInFlow::isBound(const RequestContext &request, const Interaction &interaction) const
{
    const QByteArray binding = Cookies::token(request, SignInPolicy::InteractionCookie);
    if (binding.isEmpty())
        return false;
    return ConstantTime::equals(csrfToken(binding, interaction.id).toUtf8(),
                                interaction.csrfToken.toUtf8());
}

HttpResponse SignInFlow::startInteraction(const RequestContext &request,
                                          const AuthorizationRequest &authorization,
                                          const std::optional<Session> &signedIn) const
{
    const QDateTime now = m_services->clock->now();
    // One value per browser, reused while it lives, so several tabs can
    // sign in at once.
    QByteArray binding = Cookies::token(request, SignInPolicy::InteractionCookie);
    if (binding.isEmpty())
        binding = m_services->random->token(32).toLatin1();

    Interaction interaction;
    interaction.id = m_services->random->token(32);
    interaction.request = authorization.toJson();
    interaction.csrfToken = csrfToken(binding, interaction.id);
    if (signedIn) {
        interaction.subject = signedIn->subject;
        interaction.sessionId = signedIn->id;
    }
    interaction.createdAt = now;
    interaction.expiresAt = now.addSecs(SignInPolicy::InteractionLifetimeSecs);
    if (auto saved = m_services->interactions->save(interaction); !saved) {
        return redirectError(
            request, authorization,
            OAuthError::serverError(u"saving the interaction failed: "_s + saved.error().message));
    }

    HttpResponse response(redirectStatus(request));
    response.setHeader("Location"_ba, interactionUrl(issuer(request), interaction.id).toUtf8());
    response.addHeader("Set-Cookie"_ba, Cookies::setCookie(SignInPolicy::InteractionCookie, binding,
                                                           Cookies::pathFor(issuer(request)),
                                                           SignInPolicy::InteractionLifetimeSecs,
                                                           request.isSecure()));
    ResponseWriter::setNoStore(response);
    return response;
}

Result<bool, OAuthError> SignInFlow::needsConsent(const AuthorizationRequest &request,
                                                  const Client &client,
                                                  const QString &subject) const
{
    if (!client.requireConsent && !request.hasPrompt(proto::prompt::Consent))
        return false;
    auto remembered = m_services->consents->find(subject, client.clientId);
    if (!remembered)
        return OAuthError::serverError(u"consent look-up failed: "_s + remembered.error().message);
    return InteractionPolicy::needsConsent(request, client, *remembered);
}

HttpResponse SignInFlow::complete(const RequestContext &request,
                                  const AuthorizationRequest &authorization, const Session &session,
                                  const QList<QByteArray> &setCookies) const
{
    auto code = m_codes.issue(authorization, session);
    if (!code)
        return redirectError(request, authorization, code.error());
    HttpResponse response = AuthorizationResponse::success(authorization, *code, issuer(request),
                                                           redirectStatus(request));
    for (const QByteArray &cookie : setCookies) {
        if (!cookie.isEmpty())
            response.addHeader("Set-Cookie"_ba, cookie);
    }
    return response;
}

} // namespace lanyard
