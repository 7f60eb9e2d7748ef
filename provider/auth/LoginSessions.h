// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "core/Result.h"
#include "model/Account.h"
#include "model/Session.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace lanyard {

class RequestContext;
struct ProviderServices;

/// The OP browser session behind the session cookie (SignInPolicy::
/// SessionCookie): finding it, starting or refreshing it after a login,
/// and writing its cookie. The cookie is an opaque 256-bit random value;
/// only its SHA-256 is stored (Session::cookieHash), so a database leak
/// hands out no live session.
///
/// Thread-safe: const, holds only shared thread-safe services.
class LoginSessions
{
public:
    /// A live session, its (enabled) account and the cookie value that
    /// named it.
    struct Current
    {
        Session session;
        Account account;
        QByteArray cookieValue;
    };

    /// A session after a login, and the Set-Cookie value that carries it.
    struct Established
    {
        Session session;
        QByteArray setCookie;
    };

    explicit LoginSessions(std::shared_ptr<const ProviderServices> services);

    /// The session the request's cookie names, if it exists, has not expired
    /// and its account still exists and is not disabled; nullopt otherwise.
    /// server_error when the store fails. Any thread.
    Result<std::optional<Current>, OAuthError> current(const RequestContext &request) const;

    /// After `account` proved its password: when `existing` is a session of
    /// the same account, it is refreshed (auth_time = now, new expiry) and
    /// keeps its id and cookie, so clients that took part keep their `sid`;
    /// otherwise a new session with a new cookie is created, and a session
    /// of another account on this browser is ended first. Any thread.
    Result<Established, OAuthError> signIn(const RequestContext &request, const Account &account,
                                           const std::optional<Current> &existing) const;

    /// The Set-Cookie value carrying `cookieValue` for the session lifetime
    /// (sent again on every use so the cookie lives as long as the idle
    /// session). Any thread.
    QByteArray cookieHeader(const RequestContext &request, const QByteArray &cookieValue) const;

private:
    std::shared_ptr<const ProviderServices> m_services;
};

} // namespace lanyard
