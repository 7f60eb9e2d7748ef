// SPDX-License-Identifier: GPL-3.0-or-later
#include "jose/Jwt.h"

#include "jose/Jws.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using Code = JoseError::Code;

struct TimeClaim
{
    bool present = false;
    double value = 0;
};

/// A NumericDate claim: absent, or a finite JSON number (RFC 7519 §2).
Result<TimeClaim, JoseError> timeClaim(const QJsonObject &claims, const QString &name)
{
    const auto it = claims.constFind(name);
    if (it == claims.constEnd())
        return TimeClaim{};
    if (!it->isDouble() || !std::isfinite(it->toDouble()))
        return JoseError{Code::InvalidClaim, name + u" is not a NumericDate"_s};
    return TimeClaim{true, it->toDouble()};
}

} // namespace

qint64 Jwt::numericDate(const QDateTime &time)
{
    return time.toSecsSinceEpoch();
}

QByteArray Jwt::encodeClaims(const QJsonObject &claims)
{
    return QJsonDocument(claims).toJson(QJsonDocument::Compact);
}

Result<QByteArray, JoseError> Jwt::sign(const QString &alg, const EVP_PKEY *key,
                                        const QJsonObject &claims, const QString &kid,
                                        const QString &typ)
{
    return Jws::sign(alg, key, encodeClaims(claims), kid, typ);
}

Result<QJsonObject, JoseError> Jwt::parseClaims(QByteArrayView payload)
{
    // RFC 7519 §7.2 step 10: the JWT Claims Set must be a valid JSON object.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return JoseError{Code::NotJsonObject, u"JWT claims are not a JSON object"_s};
    return document.object();
}

Result<void, JoseError> Jwt::validate(const QJsonObject &claims, const Expectations &expected,
                                      const Clock &clock)
{
    const auto now = static_cast<double>(clock.nowSecs());
    const auto leeway = static_cast<double>(expected.leewaySecs);

    auto exp = timeClaim(claims, u"exp"_s);
    if (!exp)
        return std::move(exp).error();
    if (!exp->present && expected.requireExp)
        return JoseError{Code::MissingClaim, u"exp is missing"_s};
    // RFC 7519 §4.1.4: "the current date/time MUST be before the expiration
    // date/time listed in the exp claim", allowing "some small leeway".
    if (exp->present && now - leeway >= exp->value)
        return JoseError{Code::Expired, u"the token has expired"_s};

    auto nbf = timeClaim(claims, u"nbf"_s);
    if (!nbf)
        return std::move(nbf).error();
    // RFC 7519 §4.1.5: "the current date/time MUST be after or equal to the
    // not-before date/time".
    if (nbf->present && now + leeway < nbf->value)
        return JoseError{Code::NotYetValid, u"the token is not valid yet (nbf)"_s};

    auto iat = timeClaim(claims, u"iat"_s);
    if (!iat)
        return std::move(iat).error();
    if (!iat->present && expected.requireIat)
        return JoseError{Code::MissingClaim, u"iat is missing"_s};
    // RFC 7519 §4.1.6: iat is when the JWT was issued; one from the future
    // was not issued by a clock we trust.
    if (iat->present && now + leeway < iat->value)
        return JoseError{Code::NotYetValid, u"the token was issued in the future (iat)"_s};

    if (!expected.issuer.isEmpty()) {
        const auto iss = claims.value(u"iss"_s);
        if (iss.isUndefined())
            return JoseError{Code::MissingClaim, u"iss is missing"_s};
        if (!iss.isString())
            return JoseError{Code::InvalidClaim, u"iss is not a string"_s};
        // OpenID Connect Core §3.1.3.7 step 2: iss "MUST exactly match".
        if (iss.toString() != expected.issuer)
            return JoseError{Code::WrongIssuer, u"unexpected issuer"_s};
    }

    if (!expected.audience.isEmpty()) {
        const auto aud = claims.value(u"aud"_s);
        if (aud.isUndefined())
            return JoseError{Code::MissingClaim, u"aud is missing"_s};
        // RFC 7519 §4.1.3: aud is an array of strings, or a single string.
        bool found = false;
        if (aud.isString()) {
            found = aud.toString() == expected.audience;
        } else if (aud.isArray()) {
            for (const auto &entry : aud.toArray()) {
                if (!entry.isString())
                    return JoseError{Code::InvalidClaim, u"aud holds a non-string"_s};
                found = found || entry.toString() == expected.audience;
            }
        } else {
            return JoseError{Code::InvalidClaim, u"aud is neither string nor array"_s};
        }
        // RFC 7519 §4.1.3: "If the principal processing the claim does not
        // identify itself with a value in the aud claim ... the JWT MUST be
        // rejected."
        if (!found)
            return JoseError{Code::WrongAudience, u"the token is not meant for this audience"_s};
    }
    return {};
}

} // namespace lanyard
