// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/LoginSessions.h"

#include "auth/Cookies.h"
#include "auth/OpaqueToken.h"
#include "auth/SignInPolicy.h"
#include "crypto/RandomSource.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "http/RequestContext.h"
#include "logout/SessionTerminator.h"
#include "runtime/ProviderServices.h"
#include "store/AccountStore.h"
#include "store/SessionStore.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

// Kept for the Sessions page only; a huge header must not bloat the row.
constexpr qsizetype MaxUserAgentLength = 512;

} // namespace

LoginSessions::LoginSessions(std::shared_ptr<const ProviderServices> services)
    : m_services(std::move(services))
{}

Result<std::optional<LoginSessions::Current>, OAuthError>
LoginSessions::current(const RequestContext &request) const
{
    const QByteArray cookie = Cookies::token(request, SignInPolicy::SessionCookie);
    if (cookie.isEmpty())
        return std::optional<Current>();
    const QString hash = OpaqueToken::hashOf(QString::fromLatin1(cookie));
    auto found = m_services->sessions->findByCookieHash(hash, m_services->clock->now());
    if (!found)
        return OAuthError::serverError(u"session look-up failed: "_s + found.error().message);
    if (!found->has_value())
        return std::optional<Current>();
    const Session &session = **found;
    auto account = m_services->accounts->findBySubject(session.subject);
    if (!account)
        return OAuthError::serverError(u"account look-up failed: "_s + account.error().message);
    // A session of a deleted or disabled account signs nobody in.
    if (!account->has_value() || (*account)->disabled)
        return std::optional<Current>();
    return std::optional<Current>(Current{session, **account, cookie});
}

Result<LoginSessions::Established, OAuthError>
LoginSessions::signIn(const RequestContext &request, const Account &account,
                      const std::optional<Current> &existing) const
{
    const QDateTime now = m_services->clock->now();
    const QDateTime expiresAt = now.addSecs(m_services->config.sessionLifetimeSecs);

    if (existing && existing->session.subject == account.subject) {
        // OpenID Connect Core §2 auth_time: "Time when the End-User
        // authentication occurred": a fresh login moves it.
        if (auto touched =
                m_services->sessions->touch(existing->session.id, now, expiresAt, {}, now);
            !touched) {
            return OAuthError::serverError(u"session refresh failed: "_s + touched.error().message);
        }
        Session session = existing->session;
        session.authTime = now;
        session.lastActiveAt = now;
        session.expiresAt = expiresAt;
        return Established{session, cookieHeader(request, existing->cookieValue)};
    }

    if (existing && m_services->sessionTerminator) {
        // Another account signs in on this browser: its session ends (its
        // tokens revoked, its clients told by back-channel logout), so the
        // cookie never names two people.
        SessionTerminator::Context context;
        context.reason = SessionTerminator::ReplacedReason;
        context.username = existing->account.username;
        context.sourceAddress = request.remoteAddress().toString();
        if (auto ended = m_services->sessionTerminator->end(existing->session.id, context); !ended)
            return OAuthError::serverError(u"session removal failed: "_s + ended.error().message);
    } else if (existing) {
        if (auto removed = m_services->sessions->remove(existing->session.id); !removed)
            return OAuthError::serverError(u"session removal failed: "_s + removed.error().message);
        if (m_services->events) {
            Event event;
            event.type = event_type::SessionEnded;
            event.subject = existing->session.subject;
            event.username = existing->account.username;
            event.sourceAddress = request.remoteAddress().toString();
            event.details = {{u"sid"_s, existing->session.id}, {u"reason"_s, u"replaced"_s}};
            m_services->events->publish(event);
        }
    }

    const OpaqueToken cookie = OpaqueToken::generate(*m_services->random, 32);
    Session session;
    session.id = m_services->random->token(32);
    session.cookieHash = cookie.hash;
    session.subject = account.subject;
    session.authTime = now;
    session.createdAt = now;
    session.lastActiveAt = now;
    session.expiresAt = expiresAt;
    session.amr = QStringList{QString(SignInPolicy::PasswordAmr)};
    session.sourceAddress = request.remoteAddress().toString();
    session.userAgent = QString::fromUtf8(request.header("user-agent").left(MaxUserAgentLength));
    if (auto created = m_services->sessions->create(session); !created)
        return OAuthError::serverError(u"session creation failed: "_s + created.error().message);
    return Established{session, cookieHeader(request, cookie.value.toLatin1())};
}

QByteArray LoginSessions::cookieHeader(const RequestContext &request,
                                       const QByteArray &cookieValue) const
{
    const QUrl issuer = request.baseUrl().isEmpty() ? m_services->issuer : request.baseUrl();
    return Cookies::setCookie(SignInPolicy::SessionCookie, cookieValue, Cookies::pathFor(issuer),
                              m_services->config.sessionLifetimeSecs, request.isSecure());
}

} // namespace lanyard
