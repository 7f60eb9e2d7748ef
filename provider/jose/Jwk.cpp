// SPDX-License-Identifier: GPL-3.0-or-later
#include "jose/Jwk.h"

#include "core/Protocol.h"
#include "crypto/Digest.h"
#include "crypto/OpenSslError.h"
#include "jose/Base64Url.h"
#include "jose/Jws.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using Code = JoseError::Code;

constexpr qsizetype P256CoordinateBytes = 32;
constexpr qsizetype Ed25519KeyBytes = 32;
constexpr int MinRsaBits = 2048;
/// Large enough for any real RSA key, small enough to bound the work an
/// imported key can cause (16384-bit moduli).
constexpr qsizetype MaxRsaModulusBytes = 2048;

JoseError invalid(const QString &why)
{
    return {Code::InvalidKey, why};
}

JoseError cryptoFailure(const QString &what)
{
    return {Code::CryptoFailure, OpenSslError::error(what).message};
}

/// A BIGNUM parameter of `key` as big-endian octets: minimal length, or
/// left-padded to `width` when width > 0.
QByteArray bnParam(const EVP_PKEY *key, const char *name, qsizetype width = 0)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
        OpenSslError::clear();
        return {};
    }
    const ossl::Bn bn(raw);
    const qsizetype natural = BN_num_bytes(bn.get());
    const qsizetype length = width > 0 ? width : natural;
    if (natural > length || length <= 0)
        return {};
    QByteArray out(length, '\0');
    if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char *>(out.data()),
                     static_cast<int>(length)) != length)
        return {};
    return out;
}

/// The base64url-decoded octets of string member `name`.
Result<QByteArray, JoseError> octets(const QJsonObject &jwk, const QString &name)
{
    const auto it = jwk.constFind(name);
    if (it == jwk.constEnd())
        return invalid(u"missing member "_s + name);
    if (!it->isString())
        return invalid(u"member "_s + name + u" is not a string"_s);
    auto decoded = Base64Url::decode(it->toString().toLatin1());
    if (!decoded)
        return JoseError{Code::BadBase64,
                         u"member "_s + name + u": "_s + decoded.error().message()};
    if (decoded->isEmpty())
        return invalid(u"member "_s + name + u" is empty"_s);
    return decoded;
}

/// A Base64urlUInt member (RFC 7518 §2): "The octet sequence MUST utilize
/// the minimum number of octets needed to represent the value."
Result<QByteArray, JoseError> unsignedInteger(const QJsonObject &jwk, const QString &name)
{
    auto value = octets(jwk, name);
    if (value && value->size() > 1 && value->at(0) == '\0')
        return invalid(u"member "_s + name + u" has a leading zero octet"_s);
    return value;
}

/// Exactly `size` octets (EC coordinates and private scalars, Ed25519 keys).
Result<QByteArray, JoseError> fixedOctets(const QJsonObject &jwk, const QString &name,
                                          qsizetype size)
{
    auto value = octets(jwk, name);
    if (value && value->size() != size)
        return invalid(u"member %1 must be %2 octets"_s.arg(name).arg(size));
    return value;
}

int bitLength(const QByteArray &bigEndian)
{
    if (bigEndian.isEmpty())
        return 0;
    int bits = static_cast<int>(bigEndian.size()) * 8;
    for (auto top = static_cast<unsigned char>(bigEndian.at(0)); (top & 0x80) == 0 && bits > 0;
         top = static_cast<unsigned char>(top << 1))
        --bits;
    return bits;
}

QString memberString(const QJsonObject &jwk, const QString &name)
{
    return jwk.value(name).toString();
}

/// Builds a key of `type` from parameters pushed by `push`.
template<typename Push>
Result<ossl::PKey, JoseError> fromData(const char *type, int selection, Push push)
{
    const ossl::ParamBld builder(OSSL_PARAM_BLD_new());
    std::vector<ossl::Bn> numbers; // must outlive OSSL_PARAM_BLD_to_param
    if (!builder || !push(builder.get(), numbers))
        return cryptoFailure(u"building key parameters"_s);
    const ossl::Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    const ossl::PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, selection, params.get()) != 1) {
        OpenSslError::clear();
        return invalid(u"the key parameters do not form a valid key"_s);
    }
    return ossl::PKey(raw);
}

bool pushBn(OSSL_PARAM_BLD *builder, std::vector<ossl::Bn> &numbers, const char *name,
            const QByteArray &bigEndian)
{
    ossl::Bn bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(bigEndian.constData()),
                          static_cast<int>(bigEndian.size()), nullptr));
    if (!bn || OSSL_PARAM_BLD_push_BN(builder, name, bn.get()) != 1)
        return false;
    numbers.push_back(std::move(bn));
    return true;
}

/// EVP_PKEY_public_check (publicOnly) or EVP_PKEY_check: points on the
/// curve; for RSA p*q = n and the CRT values consistent.
Result<void, JoseError> checkKey(const ossl::PKey &key, bool publicOnly)
{
    const ossl::PKeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    const int rc = !ctx         ? 0
                   : publicOnly ? EVP_PKEY_public_check(ctx.get())
                                : EVP_PKEY_check(ctx.get());
    if (rc != 1) {
        OpenSslError::clear();
        return invalid(publicOnly ? u"the public key fails validation"_s
                                  : u"the private and public parts do not belong together"_s);
    }
    return {};
}

Result<ossl::PKey, JoseError> rsaKey(const QJsonObject &jwk, bool withPrivate)
{
    auto n = unsignedInteger(jwk, u"n"_s);
    if (!n)
        return std::move(n).error();
    auto e = unsignedInteger(jwk, u"e"_s);
    if (!e)
        return std::move(e).error();
    // RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used".
    if (bitLength(*n) < MinRsaBits || n->size() > MaxRsaModulusBytes)
        return invalid(u"RSA modulus must have 2048 to 16384 bits"_s);
    QList<std::pair<const char *, QByteArray>> values{{OSSL_PKEY_PARAM_RSA_N, *n},
                                                      {OSSL_PKEY_PARAM_RSA_E, *e}};
    if (withPrivate) {
        // RFC 7518 §6.3.2: with "p", the CRT members "MUST" all be present;
        // multi-prime keys ("oth") are not supported.
        if (jwk.contains(u"oth"_s))
            return invalid(u"multi-prime RSA keys are not supported"_s);
        const std::pair<QString, const char *> members[] = {
            {u"d"_s, OSSL_PKEY_PARAM_RSA_D},          {u"p"_s, OSSL_PKEY_PARAM_RSA_FACTOR1},
            {u"q"_s, OSSL_PKEY_PARAM_RSA_FACTOR2},    {u"dp"_s, OSSL_PKEY_PARAM_RSA_EXPONENT1},
            {u"dq"_s, OSSL_PKEY_PARAM_RSA_EXPONENT2}, {u"qi"_s, OSSL_PKEY_PARAM_RSA_COEFFICIENT1},
        };
        for (const auto &[member, param] : members) {
            auto value = unsignedInteger(jwk, member);
            if (!value)
                return std::move(value).error();
            values.append({param, std::move(value).value()});
        }
    }
    auto key = fromData("RSA", withPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                        [&](OSSL_PARAM_BLD *builder, std::vector<ossl::Bn> &numbers) {
                            for (const auto &[param, value] : values) {
                                if (!pushBn(builder, numbers, param, value))
                                    return false;
                            }
                            return true;
                        });
    if (!key)
        return key;
    if (auto valid = checkKey(key.value(), !withPrivate); !valid)
        return std::move(valid).error();
    return key;
}

Result<ossl::PKey, JoseError> ecKey(const QJsonObject &jwk, bool withPrivate)
{
    if (memberString(jwk, u"crv"_s) != u"P-256"_s)
        return invalid(u"unsupported EC curve (only P-256)"_s);
    // RFC 7518 §6.2.1.2/§6.2.1.3: x and y "MUST be the full size of a
    // coordinate for the curve"; §6.2.2.1: so must d.
    auto x = fixedOctets(jwk, u"x"_s, P256CoordinateBytes);
    if (!x)
        return std::move(x).error();
    auto y = fixedOctets(jwk, u"y"_s, P256CoordinateBytes);
    if (!y)
        return std::move(y).error();
    QByteArray d;
    if (withPrivate) {
        auto scalar = fixedOctets(jwk, u"d"_s, P256CoordinateBytes);
        if (!scalar)
            return std::move(scalar).error();
        d = std::move(scalar).value();
    }
    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // SEC 1 uncompressed point
    static char groupName[] = "prime256v1";
    auto key =
        fromData("EC", withPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                 [&](OSSL_PARAM_BLD *builder, std::vector<ossl::Bn> &numbers) {
                     if (OSSL_PARAM_BLD_push_utf8_string(builder, OSSL_PKEY_PARAM_GROUP_NAME,
                                                         groupName, 0) != 1 ||
                         OSSL_PARAM_BLD_push_octet_string(builder, OSSL_PKEY_PARAM_PUB_KEY,
                                                          point.constData(),
                                                          static_cast<size_t>(point.size())) != 1)
                         return false;
                     return !withPrivate || pushBn(builder, numbers, OSSL_PKEY_PARAM_PRIV_KEY, d);
                 });
    if (!key)
        return key;
    if (auto valid = checkKey(key.value(), !withPrivate); !valid)
        return std::move(valid).error();
    return key;
}

Result<ossl::PKey, JoseError> okpKey(const QJsonObject &jwk, bool withPrivate)
{
    // RFC 8037 §2: "crv" names the subtype; Lanyard signs with Ed25519 only.
    if (memberString(jwk, u"crv"_s) != u"Ed25519"_s)
        return invalid(u"unsupported OKP curve (only Ed25519)"_s);
    auto x = fixedOctets(jwk, u"x"_s, Ed25519KeyBytes);
    if (!x)
        return std::move(x).error();
    if (!withPrivate) {
        ossl::PKey key(EVP_PKEY_new_raw_public_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(x->constData()),
            static_cast<size_t>(x->size())));
        if (!key) {
            OpenSslError::clear();
            return invalid(u"not an Ed25519 public key"_s);
        }
        return key;
    }
    auto d = fixedOctets(jwk, u"d"_s, Ed25519KeyBytes);
    if (!d)
        return std::move(d).error();
    ossl::PKey key(EVP_PKEY_new_raw_private_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(d->constData()),
        static_cast<size_t>(d->size())));
    if (!key)
        return cryptoFailure(u"EVP_PKEY_new_raw_private_key"_s);
    // RFC 8037 §2: "x" is the public key derived from "d".
    QByteArray derived(Ed25519KeyBytes, '\0');
    size_t length = static_cast<size_t>(derived.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(derived.data()),
                                    &length) != 1)
        return cryptoFailure(u"EVP_PKEY_get_raw_public_key"_s);
    if (derived != *x)
        return invalid(u"x is not the public key of d"_s);
    return key;
}

Result<ossl::PKey, JoseError> importKey(const QJsonObject &jwk, bool withPrivate)
{
    const auto kty = jwk.value(u"kty"_s);
    if (!kty.isString())
        return invalid(u"missing kty"_s);
    // RFC 7517 §4.2: "use" of a signing key is "sig".
    if (jwk.contains(u"use"_s) && jwk.value(u"use"_s) != u"sig"_s)
        return invalid(u"use must be sig"_s);
    Result<ossl::PKey, JoseError> key = invalid(u"unsupported kty "_s + kty.toString());
    if (kty == u"RSA"_s)
        key = rsaKey(jwk, withPrivate);
    else if (kty == u"EC"_s)
        key = ecKey(jwk, withPrivate);
    else if (kty == u"OKP"_s)
        key = okpKey(jwk, withPrivate);
    if (!key)
        return key;
    // RFC 7517 §4.4: "alg" names the algorithm the key is meant for.
    if (jwk.contains(u"alg"_s)) {
        const auto alg = jwk.value(u"alg"_s);
        if (!alg.isString())
            return invalid(u"alg is not a string"_s);
        if (!Jws::isSupported(alg.toString()))
            return JoseError{Code::UnsupportedAlgorithm, u"unsupported alg "_s + alg.toString()};
        if (!Jws::keyMatchesAlgorithm(alg.toString(), key->get()))
            return JoseError{Code::AlgorithmKeyMismatch,
                             alg.toString() + u" does not fit a "_s + kty.toString() + u" key"_s};
    }
    return key;
}

bool isPlainJsonText(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            return false;
    }
    return !value.isEmpty();
}

} // namespace

QStringList Jwk::privateMemberNames()
{
    // RFC 7518 §6.2.2 (EC d), §6.3.2 (RSA), §6.4 (oct k); RFC 8037 §2 (OKP d).
    return {u"d"_s, u"p"_s, u"q"_s, u"dp"_s, u"dq"_s, u"qi"_s, u"oth"_s, u"k"_s};
}

bool Jwk::hasPrivateMembers(const QJsonObject &jwk)
{
    for (const QString &name : privateMemberNames()) {
        if (jwk.contains(name))
            return true;
    }
    return false;
}

Result<QJsonObject, JoseError> Jwk::publicMembers(const EVP_PKEY *key)
{
    if (!key)
        return invalid(u"no key"_s);
    if (EVP_PKEY_is_a(key, "RSA") == 1) {
        const QByteArray n = bnParam(key, OSSL_PKEY_PARAM_RSA_N);
        const QByteArray e = bnParam(key, OSSL_PKEY_PARAM_RSA_E);
        if (n.isEmpty() || e.isEmpty())
            return cryptoFailure(u"reading RSA parameters"_s);
        return QJsonObject{{u"kty"_s, u"RSA"_s},
                           {u"n"_s, QString::fromLatin1(Base64Url::encode(n))},
                           {u"e"_s, QString::fromLatin1(Base64Url::encode(e))}};
    }
    if (EVP_PKEY_is_a(key, "EC") == 1) {
        if (!Jws::keyMatchesAlgorithm(proto::alg::ES256, key))
            return invalid(u"unsupported EC curve (only P-256)"_s);
        const QByteArray x = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, P256CoordinateBytes);
        const QByteArray y = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, P256CoordinateBytes);
        if (x.isEmpty() || y.isEmpty())
            return cryptoFailure(u"reading EC coordinates"_s);
        return QJsonObject{{u"kty"_s, u"EC"_s},
                           {u"crv"_s, u"P-256"_s},
                           {u"x"_s, QString::fromLatin1(Base64Url::encode(x))},
                           {u"y"_s, QString::fromLatin1(Base64Url::encode(y))}};
    }
    if (EVP_PKEY_is_a(key, "ED25519") == 1) {
        QByteArray x(Ed25519KeyBytes, '\0');
        size_t length = static_cast<size_t>(x.size());
        if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(x.data()),
                                        &length) != 1 ||
            length != static_cast<size_t>(Ed25519KeyBytes))
            return cryptoFailure(u"reading the Ed25519 public key"_s);
        return QJsonObject{{u"kty"_s, u"OKP"_s},
                           {u"crv"_s, u"Ed25519"_s},
                           {u"x"_s, QString::fromLatin1(Base64Url::encode(x))}};
    }
    return invalid(u"unsupported key type"_s);
}

Result<QJsonObject, JoseError> Jwk::publicJwk(const EVP_PKEY *key, const QString &alg,
                                              const QString &kid)
{
    if (!Jws::isSupported(alg))
        return JoseError{Code::UnsupportedAlgorithm, u"unsupported alg "_s + alg};
    if (!Jws::keyMatchesAlgorithm(alg, key))
        return JoseError{Code::AlgorithmKeyMismatch, alg + u" does not fit the key"_s};
    auto jwk = publicMembers(key);
    if (!jwk)
        return jwk;
    QString id = kid;
    if (id.isEmpty()) {
        auto print = thumbprint(jwk.value());
        if (!print)
            return std::move(print).error();
        id = std::move(print).value();
    }
    jwk->insert(u"use"_s, u"sig"_s);
    jwk->insert(u"alg"_s, alg);
    jwk->insert(u"kid"_s, id);
    return jwk;
}

Result<QString, JoseError> Jwk::thumbprint(const QJsonObject &jwk)
{
    const QString kty = memberString(jwk, u"kty"_s);
    // RFC 7638 §3.2: the required members of each key type; §3.3: in
    // lexicographic order of their names.
    QStringList required;
    if (kty == u"RSA"_s)
        required = {u"e"_s, u"kty"_s, u"n"_s};
    else if (kty == u"EC"_s)
        required = {u"crv"_s, u"kty"_s, u"x"_s, u"y"_s};
    else if (kty == u"OKP"_s) // RFC 8037 §2
        required = {u"crv"_s, u"kty"_s, u"x"_s};
    else
        return invalid(u"unsupported or missing kty"_s);

    QByteArray canonical = "{";
    for (const QString &name : required) {
        const auto value = jwk.value(name);
        if (!value.isString())
            return invalid(u"missing member "_s + name);
        const QString text = value.toString();
        if (name == u"crv"_s || name == u"kty"_s) {
            if (!isPlainJsonText(text))
                return invalid(u"member "_s + name + u" has unexpected characters"_s);
        } else if (text.isEmpty() || !Base64Url::isValid(text.toLatin1()) ||
                   !isPlainJsonText(text)) {
            return JoseError{Code::BadBase64, u"member "_s + name + u" is not base64url"_s};
        }
        if (canonical.size() > 1)
            canonical += ',';
        // RFC 7638 §3.3: no whitespace or line breaks; the values here need
        // no escaping (checked above).
        canonical += '"' + name.toLatin1() + "\":\"" + text.toLatin1() + '"';
    }
    canonical += '}';
    const QByteArray digest = Digest::sha256(canonical);
    if (digest.isEmpty())
        return JoseError{Code::CryptoFailure, u"SHA-256 failed"_s};
    return QString::fromLatin1(Base64Url::encode(digest));
}

Result<QString, JoseError> Jwk::thumbprint(const EVP_PKEY *key)
{
    auto jwk = publicMembers(key);
    if (!jwk)
        return std::move(jwk).error();
    return thumbprint(jwk.value());
}

Result<ossl::PKey, JoseError> Jwk::toPublicKey(const QJsonObject &jwk)
{
    if (hasPrivateMembers(jwk))
        return invalid(u"a public JWK must not carry private members"_s);
    return importKey(jwk, false);
}

Result<ossl::PKey, JoseError> Jwk::toPrivateKey(const QJsonObject &jwk)
{
    return importKey(jwk, true);
}

} // namespace lanyard
