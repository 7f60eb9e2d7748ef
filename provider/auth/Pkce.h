// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"
#include "core/Result.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

namespace lanyard {

/// Proof Key for Code Exchange (RFC 7636), token endpoint side. Only the
/// S256 method exists here: `plain` sends the secret itself through the
/// browser and is never accepted (RFC 9700 §2.1.1 recommends S256; DESIGN.md
/// makes it the only method). Pure functions; any thread.
class Pkce
{
public:
    /// The one transformation Lanyard accepts (RFC 7636 §4.2).
    static constexpr QLatin1StringView S256{"S256"};
    /// RFC 7636 §4.1: "with a minimum length of 43 characters and a maximum
    /// length of 128 characters".
    static constexpr qsizetype MinVerifierLength = 43;
    static constexpr qsizetype MaxVerifierLength = 128;

    /// True when `verifier` is 43 to 128 characters of the unreserved set
    /// [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~" (RFC 7636 §4.1). The
    /// same grammar bounds a challenge's length and characters (§4.2).
    static bool isValidVerifier(QStringView verifier);

    /// BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2), or
    /// an empty string when `verifier` is not valid.
    static QString s256Challenge(QStringView verifier);

    /// The token endpoint's check (RFC 7636 §4.6): `verifier` transformed
    /// with `method` must equal `challenge`, compared in constant time.
    /// invalid_grant when the method is not S256 (plain included), the
    /// verifier is missing or malformed, or the values differ.
    static Result<void, OAuthError> verify(const QString &verifier, const QString &challenge,
                                           const QString &method);
};

} // namespace lanyard
