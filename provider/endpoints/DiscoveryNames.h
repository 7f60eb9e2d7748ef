// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Discovery metadata member names, spelled as OpenID Connect Discovery 1.0
// §3, RFC 8414 §2, RFC 7009/7662 and RFC 9207 spell them, defined once.
// Endpoints name themselves and their capabilities with these in
// EndpointDescription::discoveryName and ::discoveryMetadata.

#include <QLatin1StringView>

namespace lanyard::discovery {

inline constexpr QLatin1StringView Issuer{"issuer"};
inline constexpr QLatin1StringView AuthorizationEndpoint{"authorization_endpoint"};
inline constexpr QLatin1StringView TokenEndpoint{"token_endpoint"};
inline constexpr QLatin1StringView UserinfoEndpoint{"userinfo_endpoint"};
inline constexpr QLatin1StringView JwksUri{"jwks_uri"};
inline constexpr QLatin1StringView EndSessionEndpoint{"end_session_endpoint"};
inline constexpr QLatin1StringView RevocationEndpoint{"revocation_endpoint"};
inline constexpr QLatin1StringView IntrospectionEndpoint{"introspection_endpoint"};
inline constexpr QLatin1StringView RegistrationEndpoint{"registration_endpoint"};

inline constexpr QLatin1StringView ScopesSupported{"scopes_supported"};
inline constexpr QLatin1StringView ResponseTypesSupported{"response_types_supported"};
inline constexpr QLatin1StringView ResponseModesSupported{"response_modes_supported"};
inline constexpr QLatin1StringView GrantTypesSupported{"grant_types_supported"};
inline constexpr QLatin1StringView SubjectTypesSupported{"subject_types_supported"};
inline constexpr QLatin1StringView IdTokenSigningAlgValuesSupported{
    "id_token_signing_alg_values_supported"};
inline constexpr QLatin1StringView TokenEndpointAuthMethodsSupported{
    "token_endpoint_auth_methods_supported"};
// RFC 8414 §2.
inline constexpr QLatin1StringView IntrospectionEndpointAuthMethodsSupported{
    "introspection_endpoint_auth_methods_supported"};
inline constexpr QLatin1StringView RevocationEndpointAuthMethodsSupported{
    "revocation_endpoint_auth_methods_supported"};
inline constexpr QLatin1StringView ClaimsSupported{"claims_supported"};
inline constexpr QLatin1StringView CodeChallengeMethodsSupported{
    "code_challenge_methods_supported"};
inline constexpr QLatin1StringView AuthorizationResponseIssParameterSupported{
    "authorization_response_iss_parameter_supported"};
inline constexpr QLatin1StringView ClaimsParameterSupported{"claims_parameter_supported"};
inline constexpr QLatin1StringView RequestParameterSupported{"request_parameter_supported"};
inline constexpr QLatin1StringView RequestUriParameterSupported{"request_uri_parameter_supported"};
inline constexpr QLatin1StringView PromptValuesSupported{"prompt_values_supported"};
inline constexpr QLatin1StringView UiLocalesSupported{"ui_locales_supported"};
// OpenID Connect Back-Channel Logout 1.0 §2.1, Front-Channel Logout 1.0 §3.
inline constexpr QLatin1StringView BackchannelLogoutSupported{"backchannel_logout_supported"};
inline constexpr QLatin1StringView BackchannelLogoutSessionSupported{
    "backchannel_logout_session_supported"};
inline constexpr QLatin1StringView FrontchannelLogoutSupported{"frontchannel_logout_supported"};

} // namespace lanyard::discovery
