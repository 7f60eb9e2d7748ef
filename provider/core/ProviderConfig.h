// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <optional>

namespace lanyard {

/// Every knob of the provider with its default and what it affects.
/// Values stored in the database (SettingsStore) override these defaults;
/// command-line flags override the database. Plain value; copy freely.
struct ProviderConfig
{
    /// `iss` of every token and the base of every endpoint URL. Compared
    /// exactly (OpenID Connect Discovery §4.3): no trailing slash is added or
    /// removed. Empty means "derive from the listen address".
    QUrl issuer;

    /// Where the HTTP server listens. Loopback by default so a first start
    /// exposes nothing to the network.
    QHostAddress listenAddress = QHostAddress::LocalHost;
    /// 0 picks a free port (tests); the GUI remembers the port it was given.
    quint16 listenPort = 9090;

    /// PEM certificate and key; both set means HTTPS, neither means HTTP.
    QString tlsCertificateFile;
    QString tlsKeyFile;

    /// Number of HTTP worker threads; 0 means one per core.
    int httpThreads = 0;

    /// Largest request header block accepted; beyond it the answer is 431.
    qint64 maxHeaderBytes = 16 * 1024;
    /// Largest request body accepted; beyond it the answer is 413. OAuth
    /// requests are small forms; 64 KiB leaves room for long `claims` values.
    qint64 maxBodyBytes = 64 * 1024;
    /// A connection that sends nothing for this long is closed (slowloris).
    int idleTimeoutMs = 30'000;

    /// How long relying parties may cache discovery and the JWKS
    /// (Cache-Control max-age). Unless keyRotationDelaySecs says otherwise,
    /// key rotation waits this long before a newly published key signs.
    int jwksMaxAgeSecs = 600;

    /// Key rotation: how long a new key (state `next`) is published in the
    /// JWKS before it signs anything. Unset (the default) means
    /// jwksMaxAgeSecs, so every relying party that cached the JWKS before the
    /// key appeared has fetched it again by then. Shorter values are allowed
    /// (an emergency rotation) at the risk of relying parties meeting a kid
    /// they have not cached yet. See effectiveKeyRotationDelaySecs().
    std::optional<int> keyRotationDelaySecs;
    /// Automatic key rotation: once the signing key of an algorithm has
    /// signed for this many days, a successor is generated (and starts
    /// signing after the rotation delay). 0, the default, turns it off:
    /// rotate with `lanyard keys rotate` or from the keys page.
    int keyRotationIntervalDays = 0;

    /// Lifetimes, defaults as node-oidc-provider: code 60 s, access and ID
    /// token 1 h, refresh token 14 days. Clients may override.
    int authorizationCodeLifetimeSecs = 60;
    int accessTokenLifetimeSecs = 3600;
    int idTokenLifetimeSecs = 3600;
    int refreshTokenLifetimeSecs = 14 * 24 * 3600;
    /// Idle OP browser session lifetime.
    int sessionLifetimeSecs = 14 * 24 * 3600;

    /// Events older than this are purged (by the maintenance job, in small
    /// batches while the server runs).
    int eventRetentionDays = 90;

    /// Proxies whose X-Forwarded-For / Forwarded headers are believed.
    QList<QHostAddress> trustedProxies;

    /// The issuer to use: the configured one, or http(s)://listen:port.
    QUrl effectiveIssuer() const;
    /// keyRotationDelaySecs when set, otherwise jwksMaxAgeSecs.
    int effectiveKeyRotationDelaySecs() const
    {
        return keyRotationDelaySecs.value_or(jwksMaxAgeSecs);
    }
    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty() && !tlsKeyFile.isEmpty(); }
};

} // namespace lanyard
