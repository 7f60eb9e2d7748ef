// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/SecretHasher.h"

#include "crypto/ConstantTime.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "jose/Base64Url.h"

#include <QByteArrayList>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

constexpr QLatin1StringView FastPrefix{"$lanyard-hs256$"};
constexpr QLatin1StringView ArgonPrefix{"$argon2id$"};
constexpr qsizetype MacBytes = 32;
/// Bounds the HMAC input; real secrets are far shorter.
constexpr qsizetype MaxSecretBytes = 4096;

} // namespace

SecretHasher::SecretHasher() : SecretHasher(Random::system(), PasswordHasher()) {}

SecretHasher::SecretHasher(std::shared_ptr<RandomSource> random, PasswordHasher slowHasher)
    : m_random(random ? std::move(random) : Random::system()), m_slow(std::move(slowHasher))
{}

bool SecretHasher::isFastFormat(const QString &stored)
{
    return stored.startsWith(FastPrefix);
}

Result<QString, Error> SecretHasher::hash(const QString &secret) const
{
    const QByteArray bytes = secret.toUtf8();
    if (bytes.isEmpty())
        return Error::invalid(u"empty client secret"_s);
    if (bytes.size() > MaxSecretBytes)
        return Error::invalid(u"client secret too long"_s);
    if (bytes.size() < FastHashMinBytes)
        return m_slow.hash(secret);
    const QByteArray salt = m_random->bytes(SaltBytes);
    if (salt.size() != SaltBytes)
        return Error::crypto(u"random source returned too few bytes"_s);
    const QByteArray mac = Digest::hmacSha256(salt, bytes);
    if (mac.size() != MacBytes)
        return Error::crypto(u"HMAC-SHA-256 failed"_s);
    return QString(FastPrefix) + QString::fromLatin1(Base64Url::encode(salt)) + u'$' +
           QString::fromLatin1(Base64Url::encode(mac));
}

bool SecretHasher::verify(const QString &secret, const QString &stored) const
{
    if (stored.startsWith(ArgonPrefix))
        return m_slow.verify(secret, stored);
    if (!isFastFormat(stored))
        return false;
    const QByteArray bytes = secret.toUtf8();
    if (bytes.isEmpty() || bytes.size() > MaxSecretBytes)
        return false;
    const QByteArrayList parts = stored.sliced(FastPrefix.size()).toLatin1().split('$');
    if (parts.size() != 2)
        return false;
    const auto salt = Base64Url::decode(parts.at(0));
    const auto mac = Base64Url::decode(parts.at(1));
    if (!salt || !mac || salt->size() < SaltBytes || mac->size() != MacBytes)
        return false;
    return ConstantTime::equals(Digest::hmacSha256(*salt, bytes), *mac);
}

QString SecretHasher::generateSecret() const
{
    return m_random->token(GeneratedSecretBytes);
}

} // namespace lanyard
