// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/PasswordHasher.h"

#include "crypto/Random.h"

#include <QByteArrayList>

#include <argon2.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// Upper bounds for parameters read from a stored string: far above any
/// sensible setting, low enough that a tampered row cannot exhaust memory.
constexpr quint32 MaxMemoryKiB = 1024 * 1024; // 1 GiB
constexpr quint32 MaxIterations = 100;
constexpr quint32 MaxParallelism = 64;
constexpr qsizetype MaxSaltOrHashBytes = 1024;

struct Phc
{
    quint32 memoryKiB = 0;
    quint32 iterations = 0;
    quint32 parallelism = 0;
    qsizetype saltBytes = 0;
    qsizetype hashBytes = 0;
};

std::optional<quint32> decimal(QByteArrayView text)
{
    // Digits only: no sign, no whitespace, no leading zero, at most 10 digits.
    if (text.isEmpty() || text.size() > 10 || (text.size() > 1 && text.at(0) == '0'))
        return std::nullopt;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<quint64>(c - '0');
    }
    if (value > 0xffffffffULL)
        return std::nullopt;
    return static_cast<quint32>(value);
}

/// Length of unpadded standard base64 (the PHC alphabet), or nullopt.
std::optional<qsizetype> phcBase64Length(QByteArrayView text)
{
    if (text.isEmpty() || text.size() % 4 == 1)
        return std::nullopt;
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (!ok)
            return std::nullopt;
    }
    return text.size() * 3 / 4;
}

/// Parses `$argon2id$v=19$m=<m>,t=<t>,p=<p>$<salt>$<hash>` strictly.
std::optional<Phc> parse(const QString &phc)
{
    if (phc.size() > 4 * MaxSaltOrHashBytes)
        return std::nullopt;
    const QByteArray ascii = phc.toLatin1();
    const QByteArrayList parts = ascii.split('$');
    if (parts.size() != 6 || !parts.at(0).isEmpty() || parts.at(1) != "argon2id" ||
        parts.at(2) != "v=19")
        return std::nullopt;
    const QByteArrayList costs = parts.at(3).split(',');
    if (costs.size() != 3 || !costs.at(0).startsWith("m=") || !costs.at(1).startsWith("t=") ||
        !costs.at(2).startsWith("p="))
        return std::nullopt;
    const auto m = decimal(QByteArrayView(costs.at(0)).sliced(2));
    const auto t = decimal(QByteArrayView(costs.at(1)).sliced(2));
    const auto p = decimal(QByteArrayView(costs.at(2)).sliced(2));
    const auto salt = phcBase64Length(parts.at(4));
    const auto hash = phcBase64Length(parts.at(5));
    if (!m || !t || !p || !salt || !hash)
        return std::nullopt;
    // RFC 9106 §3.1: p >= 1, m >= 8p, t >= 1; salt >= 8 bytes and tag >= 4
    // bytes as libargon2 enforces.
    if (*p < 1 || *p > MaxParallelism || *t < 1 || *t > MaxIterations || *m < 8 * *p ||
        *m > MaxMemoryKiB || *salt < static_cast<qsizetype>(ARGON2_MIN_SALT_LENGTH) ||
        *salt > MaxSaltOrHashBytes || *hash < static_cast<qsizetype>(ARGON2_MIN_OUTLEN) ||
        *hash > MaxSaltOrHashBytes)
        return std::nullopt;
    return Phc{*m, *t, *p, *salt, *hash};
}

QByteArray passwordBytes(const QString &password)
{
    return password.normalized(QString::NormalizationForm_C).toUtf8();
}

} // namespace

PasswordHasher::PasswordHasher() : PasswordHasher(Parameters{}, nullptr) {}

PasswordHasher::PasswordHasher(Parameters parameters, std::shared_ptr<RandomSource> random)
    : m_parameters(parameters), m_random(random ? std::move(random) : Random::system())
{}

PasswordHasher::Parameters PasswordHasher::owaspDefaults()
{
    return Parameters{};
}

Result<QString, Error> PasswordHasher::hash(const QString &password) const
{
    const QByteArray bytes = passwordBytes(password);
    if (bytes.isEmpty())
        return Error::invalid(u"empty password"_s);
    if (bytes.size() > MaxPasswordBytes)
        return Error::invalid(u"password too long"_s);
    const auto &p = m_parameters;
    const QByteArray salt = m_random->bytes(static_cast<qsizetype>(p.saltBytes));
    if (salt.size() != static_cast<qsizetype>(p.saltBytes))
        return Error::crypto(u"random source returned too few bytes"_s);
    const size_t length = argon2_encodedlen(p.iterations, p.memoryKiB, p.parallelism, p.saltBytes,
                                            p.hashBytes, Argon2_id);
    QByteArray encoded(static_cast<qsizetype>(length), '\0');
    const int rc = argon2id_hash_encoded(
        p.iterations, p.memoryKiB, p.parallelism, bytes.constData(),
        static_cast<size_t>(bytes.size()), salt.constData(), static_cast<size_t>(salt.size()),
        p.hashBytes, encoded.data(), static_cast<size_t>(encoded.size()));
    if (rc != ARGON2_OK)
        return Error::crypto(u"argon2id: "_s + QString::fromLatin1(argon2_error_message(rc)));
    return QString::fromLatin1(encoded.constData()); // stops at the terminating NUL
}

bool PasswordHasher::verify(const QString &password, const QString &phc) const
{
    if (!parse(phc))
        return false;
    const QByteArray bytes = passwordBytes(password);
    if (bytes.isEmpty() || bytes.size() > MaxPasswordBytes)
        return false;
    const QByteArray encoded = phc.toLatin1();
    // argon2id_verify recomputes the tag and compares it in constant time.
    return argon2id_verify(encoded.constData(), bytes.constData(),
                           static_cast<size_t>(bytes.size())) == ARGON2_OK;
}

bool PasswordHasher::needsRehash(const QString &phc) const
{
    const auto parsed = parse(phc);
    if (!parsed)
        return true;
    const auto &p = m_parameters;
    return parsed->memoryKiB < p.memoryKiB || parsed->iterations < p.iterations ||
           parsed->parallelism < p.parallelism ||
           parsed->saltBytes < static_cast<qsizetype>(p.saltBytes) ||
           parsed->hashBytes < static_cast<qsizetype>(p.hashBytes);
}

} // namespace lanyard
