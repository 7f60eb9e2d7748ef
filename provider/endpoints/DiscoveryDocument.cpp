// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/DiscoveryDocument.h"

#include "core/Protocol.h"
#include "endpoints/DiscoveryNames.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

QJsonArray toArray(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

// Arrays from several endpoints merge (first occurrence order); any other
// member keeps the first endpoint's value.
void merge(QJsonObject &into, const QJsonObject &from)
{
    for (auto it = from.begin(); it != from.end(); ++it) {
        const QJsonValue existing = into.value(it.key());
        if (existing.isUndefined()) {
            into.insert(it.key(), it.value());
        } else if (existing.isArray() && it.value().isArray()) {
            QJsonArray merged = existing.toArray();
            for (const QJsonValue &value : it.value().toArray()) {
                if (!merged.contains(value))
                    merged.append(value);
            }
            into.insert(it.key(), merged);
        }
    }
}

/// `defaults`, then the strings of `contributed` (an array merged from the
/// endpoints) that are not among them.
QStringList withContributions(QStringList defaults, const QJsonValue &contributed)
{
    for (const QJsonValue &value : contributed.toArray()) {
        if (value.isString() && !defaults.contains(value.toString()))
            defaults.append(value.toString());
    }
    return defaults;
}

} // namespace

DiscoveryDocument::DiscoveryDocument(QUrl issuer, QList<EndpointDescription> endpoints,
                                     QStringList signingAlgorithms, QStringList scopes,
                                     QStringList claims)
    : m_issuer(std::move(issuer)), m_endpoints(std::move(endpoints)),
      m_signingAlgorithms(std::move(signingAlgorithms)), m_scopes(std::move(scopes)),
      m_claims(std::move(claims))
{}

QString DiscoveryDocument::wellKnownPath()
{
    return u"/.well-known/openid-configuration"_s;
}

QString DiscoveryDocument::endpointUrl(const QUrl &issuer, const QString &path)
{
    // Discovery §4.1: "If the Issuer value contains a path component, any
    // terminating / MUST be removed before appending".
    QString base = issuer.toString(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + path;
}

QStringList DiscoveryDocument::defaultScopes()
{
    return {proto::scope::OpenId, proto::scope::Profile, proto::scope::Email, proto::scope::Groups};
}

QStringList DiscoveryDocument::defaultClaims()
{
    return {u"sub"_s,
            u"iss"_s,
            u"aud"_s,
            u"exp"_s,
            u"iat"_s,
            u"auth_time"_s,
            u"nonce"_s,
            u"amr"_s,
            u"sid"_s,
            u"name"_s,
            u"given_name"_s,
            u"family_name"_s,
            u"preferred_username"_s,
            u"email"_s,
            u"email_verified"_s,
            u"groups"_s};
}

QJsonObject DiscoveryDocument::toJson() const
{
    QJsonObject document;
    for (const EndpointDescription &endpoint : m_endpoints) {
        merge(document, endpoint.discoveryMetadata);
        if (!endpoint.discoveryName.isEmpty())
            document.insert(endpoint.discoveryName, endpointUrl(m_issuer, endpoint.path));
    }

    // Discovery §3: issuer REQUIRED, identical to the configured Issuer
    // Identifier (§4.3 compares it exactly).
    document.insert(discovery::Issuer, m_issuer.toString(QUrl::FullyEncoded));
    // Discovery §3 REQUIRED: response_types_supported; Lanyard runs the
    // authorization code flow only (DESIGN.md, Protocol defaults).
    document.insert(discovery::ResponseTypesSupported,
                    toArray({QString(proto::response_type::Code)}));
    // Discovery §3 REQUIRED: subject_types_supported.
    document.insert(discovery::SubjectTypesSupported, toArray({u"public"_s}));
    // Discovery §3 REQUIRED: id_token_signing_alg_values_supported; "The value
    // RS256 MUST be included", listed first, the rest in key ring order.
    QStringList algorithms;
    if (m_signingAlgorithms.contains(proto::alg::RS256))
        algorithms.append(proto::alg::RS256);
    for (const QString &alg : m_signingAlgorithms) {
        if (!algorithms.contains(alg))
            algorithms.append(alg);
    }
    document.insert(discovery::IdTokenSigningAlgValuesSupported, toArray(algorithms));

    // Discovery §3 RECOMMENDED: scopes_supported, claims_supported: the
    // defaults plus what the mounted endpoints serve (the authorization
    // endpoint's scopes, userinfo's claims), so everything that works is
    // listed.
    QStringList scopes = withContributions(m_scopes, document.value(discovery::ScopesSupported));
    const QJsonArray grants = document.value(discovery::GrantTypesSupported).toArray();
    if (grants.contains(QString(proto::grant::RefreshToken)) &&
        !scopes.contains(proto::scope::OfflineAccess)) {
        scopes.append(proto::scope::OfflineAccess);
    }
    document.insert(discovery::ScopesSupported, toArray(scopes));
    document.insert(
        discovery::ClaimsSupported,
        toArray(withContributions(m_claims, document.value(discovery::ClaimsSupported))));
    return document;
}

QByteArray DiscoveryDocument::json() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

} // namespace lanyard
