// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/RedirectUriPolicy.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isLoopbackIpLiteral(const QUrl &url)
{
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

} // namespace

bool RedirectUriPolicy::isLoopback(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    return url.isValid() && url.scheme() == u"http"_s && isLoopbackHost(url.host());
}

QString RedirectUriPolicy::registrationProblem(const QString &uri)
{
    if (uri.isEmpty())
        return u"must not be empty"_s;
    for (const QChar c : uri) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return u"must not contain spaces or control characters"_s;
    }
    const QUrl url(uri, QUrl::StrictMode);
    // RFC 6749 §3.1.2: "The redirection endpoint URI MUST be an absolute URI".
    if (!url.isValid() || url.isRelative() || url.scheme().isEmpty())
        return u"must be an absolute URI"_s;
    // RFC 6749 §3.1.2: "The endpoint URI MUST NOT include a fragment component."
    if (url.hasFragment() || uri.contains(u'#'))
        return u"fragment not allowed"_s;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s) {
        if (url.host().isEmpty())
            return u"must name a host"_s;
        return {};
    }
    if (scheme == u"http"_s) {
        // RFC 8252 §8.3: plain http only for the loopback interface.
        if (!isLoopbackHost(url.host()))
            return u"http is allowed only for loopback addresses; use https"_s;
        return {};
    }
    if (scheme == u"javascript"_s || scheme == u"data"_s || scheme == u"file"_s ||
        scheme == u"vbscript"_s)
        return u"scheme %1 not allowed"_s.arg(scheme);
    // RFC 8252 §7.1: private-use schemes are reverse domain names ("com.example.app").
    if (!scheme.contains(u'.'))
        return u"private-use scheme must be a reverse domain name such as com.example.app"_s;
    return {};
}

bool RedirectUriPolicy::matches(const QString &requested, const QStringList &registered)
{
    // RFC 6749 §3.1.2.3 / OpenID Connect Core §3.1.2.1: simple string comparison.
    if (registered.contains(requested))
        return true;
    // RFC 8252 §7.3: "The authorization server MUST allow any port to be
    // specified at the time of the request for loopback IP redirect URIs".
    const QUrl req(requested, QUrl::StrictMode);
    if (!req.isValid() || req.scheme() != u"http"_s || !isLoopbackIpLiteral(req))
        return false;
    for (const QString &candidate : registered) {
        QUrl reg(candidate, QUrl::StrictMode);
        if (!reg.isValid() || reg.scheme() != u"http"_s || !isLoopbackIpLiteral(reg))
            continue;
        QUrl portless = req;
        portless.setPort(-1);
        reg.setPort(-1);
        if (portless.toString(QUrl::FullyEncoded) == reg.toString(QUrl::FullyEncoded))
            return true;
    }
    return false;
}

} // namespace lanyard
