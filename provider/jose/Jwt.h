// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "jose/JoseError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <openssl/types.h>

namespace lanyard {

/// JSON Web Token helpers (RFC 7519) over Jws. Pure functions; any thread.
class Jwt
{
public:
    /// What a JWT's claims must satisfy (RFC 7519 §4.1). Empty strings skip
    /// the corresponding check.
    struct Expectations
    {
        /// "iss" must equal this exactly (no normalisation, OIDC Core §3.1.3.7).
        QString issuer;
        /// "aud" (string or array) must contain this.
        QString audience;
        /// Allowed clock skew for exp, nbf and iat, in seconds.
        qint64 leewaySecs = 30;
        /// Reject tokens without "exp" (every token Lanyard issues has one).
        bool requireExp = true;
        /// Reject tokens without "iat".
        bool requireIat = false;
    };

    /// NumericDate (RFC 7519 §2): whole seconds since the epoch.
    static qint64 numericDate(const QDateTime &time);

    /// The claims as compact JSON: the JWS payload of a JWT.
    static QByteArray encodeClaims(const QJsonObject &claims);

    /// Signs `claims` as a compact JWS (see Jws::sign for the header).
    static Result<QByteArray, JoseError> sign(const QString &alg, const EVP_PKEY *key,
                                              const QJsonObject &claims, const QString &kid = {},
                                              const QString &typ = {});

    /// Parses a (verified) JWS payload; NotJsonObject unless it is a JSON
    /// object (RFC 7519 §7.2 step 10).
    static Result<QJsonObject, JoseError> parseClaims(QByteArrayView payload);

    /// Checks exp, nbf, iat, iss and aud of already verified claims against
    /// `clock`: Expired, NotYetValid, WrongIssuer, WrongAudience,
    /// MissingClaim, or InvalidClaim for a claim of the wrong JSON type.
    static Result<void, JoseError> validate(const QJsonObject &claims, const Expectations &expected,
                                            const Clock &clock);
};

} // namespace lanyard
