// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/Cookies.h"

#include "http/RequestContext.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

// RFC 6265 §4.1.1: cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E.
bool isCookieOctets(QByteArrayView bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\')
            return false;
    }
    return true;
}

bool isToken(QByteArrayView value)
{
    if (value.size() != 43)
        return false;
    for (const char c : value) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

QByteArray Cookies::token(const RequestContext &request, QByteArrayView name)
{
    const QByteArray found = value(request, name);
    return isToken(found) ? found : QByteArray();
}

QByteArray Cookies::value(const RequestContext &request, QByteArrayView name)
{
    // RFC 6265 §5.4: cookie-string = cookie-pair *( ";" SP cookie-pair ).
    // Parsed leniently: pairs split on ';', surrounding blanks dropped.
    for (const QByteArray &field : request.headerValues("cookie")) {
        for (const QByteArray &pair : field.split(';')) {
            const qsizetype equals = pair.indexOf('=');
            if (equals <= 0)
                continue;
            if (pair.left(equals).trimmed() == name) {
                QByteArray found = pair.mid(equals + 1).trimmed();
                if (found.size() >= 2 && found.startsWith('"') && found.endsWith('"'))
                    found = found.mid(1, found.size() - 2);
                return found.isNull() ? QByteArray("", 0) : found;
            }
        }
    }
    return {};
}

QByteArray Cookies::setCookie(QByteArrayView name, QByteArrayView value, const QString &path,
                              int maxAgeSecs, bool secure)
{
    const QByteArray encodedPath = path.toUtf8();
    if (name.isEmpty() || !isCookieOctets(name) || !isCookieOctets(value) ||
        !isCookieOctets(encodedPath) || !encodedPath.startsWith('/')) {
        return {};
    }
    QByteArray header = name.toByteArray() + '=' + value.toByteArray();
    header += "; Path=" + encodedPath;
    header += "; Max-Age=" + QByteArray::number(std::max(0, maxAgeSecs));
    // HttpOnly: no script on any page of the origin can read it.
    header += "; HttpOnly";
    // Lax: sent on top-level navigations from relying parties (the
    // authorization request), withheld from cross-site subrequests and POSTs.
    header += "; SameSite=Lax";
    if (secure)
        header += "; Secure";
    return header;
}

QString Cookies::pathFor(const QUrl &issuer)
{
    // As sent on the wire (percent-encoded), which is what browsers match
    // the Path attribute against (RFC 6265 §5.1.4).
    QString path = issuer.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    return path.isEmpty() ? u"/"_s : path;
}

} // namespace lanyard
