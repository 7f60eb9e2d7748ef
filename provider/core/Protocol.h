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

// Authorization request and response parameters: RFC 6749 §4.1.1, §4.1.2;
// OpenID Connect Core §3.1.2.1, §6; RFC 7636 §4.3; RFC 9207 §2.
namespace param {
inline constexpr QLatin1StringView ClientId{"client_id"};
inline constexpr QLatin1StringView RedirectUri{"redirect_uri"};
inline constexpr QLatin1StringView ResponseType{"response_type"};
inline constexpr QLatin1StringView ResponseMode{"response_mode"};
inline constexpr QLatin1StringView Scope{"scope"};
inline constexpr QLatin1StringView State{"state"};
inline constexpr QLatin1StringView Nonce{"nonce"};
inline constexpr QLatin1StringView CodeChallenge{"code_challenge"};
inline constexpr QLatin1StringView CodeChallengeMethod{"code_challenge_method"};
inline constexpr QLatin1StringView Prompt{"prompt"};
inline constexpr QLatin1StringView MaxAge{"max_age"};
inline constexpr QLatin1StringView IdTokenHint{"id_token_hint"};
inline constexpr QLatin1StringView LoginHint{"login_hint"};
inline constexpr QLatin1StringView UiLocales{"ui_locales"};
inline constexpr QLatin1StringView ClaimsLocales{"claims_locales"};
inline constexpr QLatin1StringView AcrValues{"acr_values"};
inline constexpr QLatin1StringView Request{"request"};
inline constexpr QLatin1StringView RequestUri{"request_uri"};
inline constexpr QLatin1StringView Code{"code"};
inline constexpr QLatin1StringView Iss{"iss"};
inline constexpr QLatin1StringView Error{"error"};
inline constexpr QLatin1StringView ErrorDescription{"error_description"};
// OpenID Connect RP-Initiated Logout 1.0 §2.
inline constexpr QLatin1StringView PostLogoutRedirectUri{"post_logout_redirect_uri"};
inline constexpr QLatin1StringView LogoutHint{"logout_hint"};
} // namespace param

// OpenID Connect Core §3.1.2.1 `prompt` values.
namespace prompt {
inline constexpr QLatin1StringView None{"none"};
inline constexpr QLatin1StringView Login{"login"};
inline constexpr QLatin1StringView Consent{"consent"};
inline constexpr QLatin1StringView SelectAccount{"select_account"};
} // namespace prompt

// OAuth 2.0 Multiple Response Type Encoding Practices §2.1 and OAuth 2.0
// Form Post Response Mode §2.
namespace response_mode {
inline constexpr QLatin1StringView Query{"query"};
inline constexpr QLatin1StringView Fragment{"fragment"};
inline constexpr QLatin1StringView FormPost{"form_post"};
} // namespace response_mode

namespace scope {
inline constexpr QLatin1StringView OpenId{"openid"};
inline constexpr QLatin1StringView Profile{"profile"};
inline constexpr QLatin1StringView Email{"email"};
inline constexpr QLatin1StringView OfflineAccess{"offline_access"};
inline constexpr QLatin1StringView Groups{"groups"};
inline constexpr QLatin1StringView Address{"address"};
inline constexpr QLatin1StringView Phone{"phone"};
} // namespace scope

namespace alg {
inline constexpr QLatin1StringView RS256{"RS256"};
inline constexpr QLatin1StringView PS256{"PS256"};
inline constexpr QLatin1StringView ES256{"ES256"};
inline constexpr QLatin1StringView EdDSA{"EdDSA"};
} // namespace alg

// Token endpoint, client authentication and protected resource parameters
// (the ones proto::param does not name): RFC 6749 §2.3.1, §4.1.3, §4.4.2,
// §5.1, §6; RFC 7636 §4.5; RFC 7521 §4.2; RFC 6750 §2.2.
namespace token_param {
inline constexpr QLatin1StringView GrantType{"grant_type"};
inline constexpr QLatin1StringView CodeVerifier{"code_verifier"};
inline constexpr QLatin1StringView RefreshToken{"refresh_token"};
inline constexpr QLatin1StringView ClientSecret{"client_secret"};
inline constexpr QLatin1StringView ClientAssertion{"client_assertion"};
inline constexpr QLatin1StringView ClientAssertionType{"client_assertion_type"};
inline constexpr QLatin1StringView AccessToken{"access_token"};
inline constexpr QLatin1StringView TokenType{"token_type"};
inline constexpr QLatin1StringView ExpiresIn{"expires_in"};
inline constexpr QLatin1StringView IdToken{"id_token"};
// RFC 7662 §2.1, RFC 7009 §2.1.
inline constexpr QLatin1StringView Token{"token"};
inline constexpr QLatin1StringView TokenTypeHint{"token_type_hint"};
} // namespace token_param

// RFC 6750 §1.1 / RFC 6749 §7.1: the token type Lanyard issues.
namespace token_type {
inline constexpr QLatin1StringView Bearer{"Bearer"};
} // namespace token_type

} // namespace lanyard::proto
