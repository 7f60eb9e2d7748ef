// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

namespace lanyard {

/// The fixed numbers of the browser sign-in (authorization endpoint, login
/// and consent pages), each with what it affects. Not stored settings yet:
/// changing one means a rebuild. The session lifetime and the code lifetime
/// are ProviderConfig settings (sessionLifetimeSecs,
/// authorizationCodeLifetimeSecs).
struct SignInPolicy
{
    /// How long a pending authorization request (an Interaction: the login
    /// and consent pages) stays usable, and the Max-Age of the cookie that
    /// binds it to the browser. node-oidc-provider uses 1 hour; 10 minutes
    /// is enough to type a password and keeps stolen page URLs short-lived.
    static constexpr int InteractionLifetimeSecs = 600;

    /// Failed logins are counted over this sliding window ...
    static constexpr int FailureWindowSecs = 15 * 60;
    /// ... per username: at this many failures within the window every
    /// further attempt for that username is refused, without checking the
    /// password, until the oldest failure leaves the window. That bounds
    /// online guessing of one account to 5 tries per 15 minutes. Unknown
    /// usernames are counted the same way, so the lock reveals nothing.
    static constexpr int AccountFailureLimit = 5;
    /// ... and per source address (after trusted-proxy handling): catches one
    /// machine spraying passwords over many usernames. Higher than the
    /// account limit because colleagues behind one NAT or terminal server
    /// share an address and each of them may mistype a few times.
    static constexpr int AddressFailureLimit = 20;

    /// Usernames longer than this are refused as a failed login (no account
    /// has one; it also bounds the throttle keys).
    static constexpr int MaxUsernameLength = 256;

    /// The OP browser session cookie: an opaque 256-bit random value whose
    /// SHA-256 is Session::cookieHash. HttpOnly, SameSite=Lax, Secure under
    /// HTTPS, Path = the issuer's path, Max-Age = the session lifetime
    /// (renewed on every use, like the session's idle expiry).
    static constexpr QLatin1StringView SessionCookie{"lanyard_session"};
    /// The browser-binding cookie of the interaction pages: a 256-bit random
    /// value per browser; each interaction's CSRF token is an HMAC of its id
    /// under that value, so a page URL opened in another browser (without
    /// the cookie) cannot be completed. Same attributes as the session
    /// cookie, Max-Age = InteractionLifetimeSecs.
    static constexpr QLatin1StringView InteractionCookie{"lanyard_interaction"};
    /// The hidden CSRF field of the login and consent forms.
    static constexpr QLatin1StringView CsrfField{"csrf_token"};
    /// Authentication method recorded for a password login (RFC 8176 §2).
    static constexpr QLatin1StringView PasswordAmr{"pwd"};
};

} // namespace lanyard
