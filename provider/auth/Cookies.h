// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUrl>

namespace lanyard {

class RequestContext;

/// Reading the `Cookie` request header (RFC 6265 §5.4) and writing
/// `Set-Cookie` values (§4.1) for the provider's own cookies. Stateless;
/// any thread.
class Cookies
{
public:
    /// The value of the first cookie called `name` in the request's Cookie
    /// header fields (browsers send the most specific path first), or a null
    /// QByteArray when there is none. Values are returned as sent.
    static QByteArray value(const RequestContext &request, QByteArrayView name);
    /// value(), but only when it has the shape of the provider's random
    /// cookie values (RandomSource::token(32): 43 base64url characters);
    /// null otherwise, so nothing else is ever hashed or looked up.
    static QByteArray token(const RequestContext &request, QByteArrayView name);

    /// A `Set-Cookie` value: `name=value; Path=<path>; Max-Age=<secs>;
    /// HttpOnly; SameSite=Lax` plus `; Secure` when `secure`. `maxAgeSecs`
    /// 0 deletes the cookie. `value` must be a cookie-octet string (the
    /// provider only writes base64url values); anything else gives an empty
    /// result, which HttpResponse refuses to send.
    static QByteArray setCookie(QByteArrayView name, QByteArrayView value, const QString &path,
                                int maxAgeSecs, bool secure);

    /// The cookie Path for an issuer: its path without a terminating '/',
    /// or "/" when it has none, so the cookies reach every endpoint under
    /// the issuer and nothing else on the host.
    static QString pathFor(const QUrl &issuer);
};

} // namespace lanyard
