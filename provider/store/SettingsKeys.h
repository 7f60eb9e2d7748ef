// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QStringList>

namespace lanyard {

/// The keys of the `settings` table (SettingsStore), each with the
/// ProviderConfig member it overrides, its value format and the values
/// SettingsApplier accepts. A key that is not stored keeps ProviderConfig's
/// documented default; command-line flags override both. Numbers are decimal
/// integers.
struct SettingsKeys
{
    /// ProviderConfig::issuer. An absolute http or https URL with a host and
    /// no query or fragment (OpenID Connect Discovery §3), kept exactly as
    /// written; empty means "derive from the listen address".
    static constexpr QLatin1StringView Issuer{"issuer"};
    /// ProviderConfig::listenAddress. An IPv4 or IPv6 address literal
    /// ("127.0.0.1", "0.0.0.0", "::").
    static constexpr QLatin1StringView ListenAddress{"listen_address"};
    /// ProviderConfig::listenPort. 0 (any free port) to 65535.
    static constexpr QLatin1StringView ListenPort{"listen_port"};
    /// ProviderConfig::tlsCertificateFile. A PEM file path; empty for none.
    /// Set together with tls_key, or neither.
    static constexpr QLatin1StringView TlsCertificate{"tls_cert"};
    /// ProviderConfig::tlsKeyFile. A PEM file path; empty for none.
    static constexpr QLatin1StringView TlsKey{"tls_key"};
    /// ProviderConfig::authorizationCodeLifetimeSecs. Seconds, 1 to 600
    /// (RFC 6749 §4.1.2: a maximum of 10 minutes is recommended).
    static constexpr QLatin1StringView CodeLifetime{"code_lifetime"};
    /// ProviderConfig::accessTokenLifetimeSecs. Seconds, 1 to 86400.
    static constexpr QLatin1StringView AccessTokenLifetime{"access_token_lifetime"};
    /// ProviderConfig::idTokenLifetimeSecs. Seconds, 1 to 86400.
    static constexpr QLatin1StringView IdTokenLifetime{"id_token_lifetime"};
    /// ProviderConfig::refreshTokenLifetimeSecs. Seconds, 1 to 31536000 (365 days).
    static constexpr QLatin1StringView RefreshTokenLifetime{"refresh_token_lifetime"};
    /// ProviderConfig::sessionLifetimeSecs. Seconds, 60 to 31536000 (365 days).
    static constexpr QLatin1StringView SessionLifetime{"session_lifetime"};
    /// ProviderConfig::eventRetentionDays. Days, 1 to 36500.
    static constexpr QLatin1StringView EventRetentionDays{"event_retention_days"};
    /// ProviderConfig::jwksMaxAgeSecs. Seconds, 0 (no caching) to 86400.
    static constexpr QLatin1StringView JwksMaxAge{"jwks_max_age"};
    /// ProviderConfig::keyRotationDelaySecs. Seconds, 0 to 604800 (7 days).
    /// Not stored means "as jwks_max_age".
    static constexpr QLatin1StringView KeyRotationDelay{"key_rotation_delay"};
    /// ProviderConfig::keyRotationIntervalDays. Days, 0 (automatic rotation
    /// off, the default) to 3650.
    static constexpr QLatin1StringView KeyRotationIntervalDays{"key_rotation_interval_days"};

    /// Every key above, in this order.
    static QStringList all()
    {
        return {QString(Issuer),
                QString(ListenAddress),
                QString(ListenPort),
                QString(TlsCertificate),
                QString(TlsKey),
                QString(CodeLifetime),
                QString(AccessTokenLifetime),
                QString(IdTokenLifetime),
                QString(RefreshTokenLifetime),
                QString(SessionLifetime),
                QString(EventRetentionDays),
                QString(JwksMaxAge),
                QString(KeyRotationDelay),
                QString(KeyRotationIntervalDays)};
    }
};

} // namespace lanyard
