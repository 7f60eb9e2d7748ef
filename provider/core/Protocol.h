// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Wire names, spelled as their RFCs spell them, defined once.

#include <QLatin1StringView>

namespace lanyard::proto {

// RFC 6749 §4.1.2.1, §5.2; OpenID Connect Core §3.1.2.6; RFC 6750 §3.1.
namespace error {
inline constexpr QLatin1StringView InvalidRequest{"invalid_request"};
inline constexpr QLatin1StringView InvalidClient{"invalid_client"};
inline constexpr QLatin1StringView InvalidGrant{"invalid_grant"};
inline constexpr QLatin1StringView UnauthorizedClient{"unauthorized_client"};
inline constexpr QLatin1StringView UnsupportedGrantType{"unsupported_grant_type"};
inline constexpr QLatin1StringView InvalidScope{"invalid_scope"};
inline constexpr QLatin1StringView AccessDenied{"access_denied"};
inline constexpr QLatin1StringView UnsupportedResponseType{"unsupported_response_type"};
inline constexpr QLatin1StringView ServerError{"server_error"};
inline constexpr QLatin1StringView TemporarilyUnavailable{"temporarily_unavailable"};
inline constexpr QLatin1StringView InteractionRequired{"interaction_required"};
inline constexpr QLatin1StringView LoginRequired{"login_required"};
inline constexpr QLatin1StringView AccountSelectionRequired{"account_selection_required"};
inline constexpr QLatin1StringView ConsentRequired{"consent_required"};
inline constexpr QLatin1StringView InvalidRequestUri{"invalid_request_uri"};
inline constexpr QLatin1StringView InvalidRequestObject{"invalid_request_object"};
inline constexpr QLatin1StringView RequestNotSupported{"request_not_supported"};
inline constexpr QLatin1StringView RequestUriNotSupported{"request_uri_not_supported"};
inline constexpr QLatin1StringView RegistrationNotSupported{"registration_not_supported"};
inline constexpr QLatin1StringView InvalidToken{"invalid_token"};
inline constexpr QLatin1StringView InsufficientScope{"insufficient_scope"};
// Not OAuth codes: HTTP-level failures answered in the same JSON shape.
inline constexpr QLatin1StringView NotFound{"not_found"};
inline constexpr QLatin1StringView MethodNotAllowed{"method_not_allowed"};
inline constexpr QLatin1StringView PayloadTooLarge{"payload_too_large"};
inline constexpr QLatin1StringView HeadersTooLarge{"request_header_fields_too_large"};
} // namespace error

namespace grant {
inline constexpr QLatin1StringView AuthorizationCode{"authorization_code"};
inline constexpr QLatin1StringView RefreshToken{"refresh_token"};
inline constexpr QLatin1StringView ClientCredentials{"client_credentials"};
} // namespace grant

namespace auth_method {
inline constexpr QLatin1StringView ClientSecretBasic{"client_secret_basic"};
inline constexpr QLatin1StringView ClientSecretPost{"client_secret_post"};
inline constexpr QLatin1StringView None{"none"};
} // namespace auth_method

namespace response_type {
inline constexpr QLatin1StringView Code{"code"};
} // namespace response_type

namespace scope {
inline constexpr QLatin1StringView OpenId{"openid"};
inline constexpr QLatin1StringView Profile{"profile"};
inline constexpr QLatin1StringView Email{"email"};
inline constexpr QLatin1StringView OfflineAccess{"offline_access"};
inline constexpr QLatin1StringView Groups{"groups"};
} // namespace scope

namespace alg {
inline constexpr QLatin1StringView RS256{"RS256"};
inline constexpr QLatin1StringView PS256{"PS256"};
inline constexpr QLatin1StringView ES256{"ES256"};
inline constexpr QLatin1StringView EdDSA{"EdDSA"};
} // namespace alg

} // namespace lanyard::proto
