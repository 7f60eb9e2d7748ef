// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runtime/ProviderServices.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

namespace lanyard::test {

/// Tokens as the grants issue them, minted straight through TokenIssuer on
/// a fixture's services, for tests of the endpoints that take tokens
/// (introspection, revocation, userinfo, CORS). Fails the process (qFatal)
/// when minting fails: a broken fixture, not the behaviour under test.
/// Use on the test thread.
class TokenMinter
{
public:
    struct Minted
    {
        /// The token to present (never log it outside tests).
        QString value;
        QString familyId;
        /// JWT access tokens: the jti claim.
        QString jti;
        /// Stored tokens (refresh, opaque access): the stored hash.
        QString hash;
        QDateTime expiresAt;
    };

    explicit TokenMinter(std::shared_ptr<const ProviderServices> services);

    /// An access token of `clientId` for `subject` (a JWT, or opaque when the
    /// client asks for opaque tokens), issued at `issuedAt` (default: the
    /// clock's now), in `familyId`; a new family (with its token_families
    /// row) when `familyId` is empty.
    Minted accessToken(const QString &clientId, const QString &subject, const QStringList &scopes,
                       const QString &familyId = {}, const QDateTime &issuedAt = {}) const;
    /// A refresh token as the code grant stores it (offline_access added to
    /// `scopes`), in `familyId` or a new family.
    Minted refreshToken(const QString &clientId, const QString &subject, const QStringList &scopes,
                        const QString &familyId = {}, const QDateTime &issuedAt = {}) const;
    /// A client_credentials access token of `clientId` (sub = client_id, no
    /// family row), as ClientCredentialsGrant issues it.
    Minted clientToken(const QString &clientId, const QStringList &scopes,
                       const QDateTime &issuedAt = {}) const;

    /// A new family row for `clientId` and `subject`, expiring in a day.
    QString newFamily(const QString &clientId, const QString &subject,
                      const QDateTime &issuedAt = {}) const;

private:
    std::shared_ptr<const ProviderServices> m_services;
};

} // namespace lanyard::test
