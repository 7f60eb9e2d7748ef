// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/EndpointDescription.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace lanyard {

/// The OpenID Provider Configuration document (OpenID Connect Discovery 1.0
/// §3), as a pure function of its inputs: the issuer, the endpoints actually
/// mounted, and the signing algorithms of the key ring. The server's
/// DiscoveryEndpoint and the `lanyard discovery` command build it from the
/// same inputs, so both give byte-identical json().
///
/// It lists only what is mounted: an endpoint's URL appears when the
/// endpoint is mounted with a discoveryName, and capability members
/// (grant_types_supported, code_challenge_methods_supported, ...) come from
/// the mounted endpoints' discoveryMetadata. The members §3 makes REQUIRED
/// for every provider are always present. scopes_supported and
/// claims_supported are the given defaults followed by what mounted
/// endpoints contribute (the authorization endpoint's scopes, userinfo's
/// claims).
///
/// Plain value; any thread.
class DiscoveryDocument
{
public:
    DiscoveryDocument(QUrl issuer, QList<EndpointDescription> endpoints,
                      QStringList signingAlgorithms, QStringList scopes = defaultScopes(),
                      QStringList claims = defaultClaims());

    /// The document as a JSON object.
    QJsonObject toJson() const;
    /// The document's bytes (indented JSON, members sorted by name): what the
    /// server serves and the CLI prints.
    QByteArray json() const;

    /// The URL of an endpoint at `path` (starting with '/') under `issuer`:
    /// any terminating '/' of the issuer is removed before `path` is
    /// appended (Discovery §4.1), so no "//" appears and the issuer itself is
    /// never altered.
    static QString endpointUrl(const QUrl &issuer, const QString &path);
    /// `/.well-known/openid-configuration` (Discovery §4).
    static QString wellKnownPath();

    /// openid profile email groups; offline_access is added when a mounted
    /// endpoint supports the refresh_token grant.
    static QStringList defaultScopes();
    /// The claims ID tokens carry and the commonest userinfo claims; the
    /// userinfo endpoint contributes the rest (ScopeClaims).
    static QStringList defaultClaims();

private:
    QUrl m_issuer;
    QList<EndpointDescription> m_endpoints;
    QStringList m_signingAlgorithms;
    QStringList m_scopes;
    QStringList m_claims;
};

} // namespace lanyard
