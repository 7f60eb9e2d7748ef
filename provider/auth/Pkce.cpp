// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/Pkce.h"

#include "crypto/ConstantTime.h"
#include "crypto/Digest.h"
#include "jose/Base64Url.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

// RFC 7636 §4.1: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
bool isUnreserved(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
           u == u'-' || u == u'.' || u == u'_' || u == u'~';
}

} // namespace

bool Pkce::isValidVerifier(QStringView verifier)
{
    // RFC 7636 §4.1: code-verifier = 43*128unreserved.
    return verifier.size() >= MinVerifierLength && verifier.size() <= MaxVerifierLength &&
           std::all_of(verifier.begin(), verifier.end(), isUnreserved);
}

QString Pkce::s256Challenge(QStringView verifier)
{
    if (!isValidVerifier(verifier))
        return {};
    // RFC 7636 §4.2: code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier))).
    return QString::fromLatin1(Base64Url::encode(Digest::sha256(verifier.toLatin1())));
}

Result<void, OAuthError> Pkce::verify(const QString &verifier, const QString &challenge,
                                      const QString &method)
{
    const QString failed = u"PKCE verification failed."_s;
    // RFC 7636 §4.2 defines plain and S256; Lanyard accepts S256 only (plain
    // exposes the verifier to whoever sees the authorization request).
    if (method != S256)
        return OAuthError::invalidGrant(failed, u"code challenge method is not S256"_s);
    if (verifier.isEmpty())
        return OAuthError::invalidGrant(failed, u"code_verifier missing"_s);
    if (!isValidVerifier(verifier))
        return OAuthError::invalidGrant(failed, u"code_verifier is not 43-128 unreserved chars"_s);
    const QString computed = s256Challenge(verifier);
    // RFC 7636 §4.6: "If the values are not equal, an error response
    // indicating "invalid_grant" as described in Section 5.2 of [RFC6749]
    // MUST be returned." Constant time: the challenge is not secret, but the
    // comparison should not tell an attacker how much of a guess was right.
    if (computed.isEmpty() || !ConstantTime::equals(computed.toLatin1(), challenge.toLatin1()))
        return OAuthError::invalidGrant(failed, u"code_verifier does not match the challenge"_s);
    return {};
}

} // namespace lanyard
