// SPDX-License-Identifier: GPL-3.0-or-later
#include "jose/Jws.h"

#include "core/JsonWriter.h"
#include "core/Protocol.h"
#include "crypto/OpenSslError.h"
#include "crypto/OpenSslHandles.h"
#include "jose/Base64Url.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using Code = JoseError::Code;

/// RFC 7518 §3.4: R and S are each 32 octets for P-256.
constexpr int Es256CoordinateBytes = 32;
constexpr int MinRsaBits = 2048;

JoseError cryptoFailure(const QString &what)
{
    return {Code::CryptoFailure, OpenSslError::error(what).message};
}

/// OpenSSL's signing calls take a non-const key although they only read it
/// (their own refcount is atomic); Lanyard's API is const-correct.
EVP_PKEY *mutableKey(const EVP_PKEY *key)
{
    return const_cast<EVP_PKEY *>(key);
}

bool isEcP256(const EVP_PKEY *key)
{
    if (EVP_PKEY_is_a(key, "EC") != 1)
        return false;
    std::array<char, 64> group{};
    size_t length = 0;
    if (EVP_PKEY_get_group_name(key, group.data(), group.size(), &length) != 1) {
        OpenSslError::clear();
        return false;
    }
    const QByteArrayView name(group.data(), static_cast<qsizetype>(length));
    return name == "prime256v1" || name == "P-256" || name == "secp256r1";
}

/// Sets up an EVP_MD_CTX for signing or verifying `alg` with `key`.
Result<ossl::MdCtx, JoseError> digestContext(const QString &alg, const EVP_PKEY *key, bool signing)
{
    ossl::MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx)
        return cryptoFailure(u"EVP_MD_CTX_new"_s);
    // RFC 8037 §3.1: Ed25519 signs the message itself, without a prehash.
    const char *digest = alg == proto::alg::EdDSA ? nullptr : "SHA256";
    EVP_PKEY_CTX *pctx = nullptr; // owned by ctx
    const int rc = signing ? EVP_DigestSignInit_ex(ctx.get(), &pctx, digest, nullptr, nullptr,
                                                   mutableKey(key), nullptr)
                           : EVP_DigestVerifyInit_ex(ctx.get(), &pctx, digest, nullptr, nullptr,
                                                     mutableKey(key), nullptr);
    if (rc != 1)
        return cryptoFailure(u"digest sign/verify init"_s);
    if (alg == proto::alg::PS256) {
        // RFC 7518 §3.5: MGF1 with SHA-256, and "the size of the salt value
        // is the same size as the hash function output".
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
            EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1 ||
            EVP_PKEY_CTX_set_rsa_mgf1_md_name(pctx, "SHA256", nullptr) != 1)
            return cryptoFailure(u"PSS parameters"_s);
    } else if (alg == proto::alg::RS256) {
        // RFC 7518 §3.3: RSASSA-PKCS1-v1_5.
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
            return cryptoFailure(u"PKCS#1 padding"_s);
    }
    return ctx;
}

/// DER ECDSA-Sig-Value -> R||S, each left-padded to 32 octets.
Result<QByteArray, JoseError> derToRaw(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    const ossl::EcdsaSig sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!sig)
        return cryptoFailure(u"d2i_ECDSA_SIG"_s);
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray raw(2 * Es256CoordinateBytes, '\0');
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, out, Es256CoordinateBytes) != Es256CoordinateBytes ||
        BN_bn2binpad(s, out + Es256CoordinateBytes, Es256CoordinateBytes) != Es256CoordinateBytes)
        return cryptoFailure(u"ECDSA signature encoding"_s);
    return raw;
}

/// R||S -> DER ECDSA-Sig-Value; BadSignature unless exactly 64 octets.
Result<QByteArray, JoseError> rawToDer(QByteArrayView raw)
{
    // RFC 7518 §3.4: the JWS Signature is the 64-octet sequence R || S.
    if (raw.size() != 2 * Es256CoordinateBytes)
        return JoseError{Code::BadSignature, u"ES256 signature must be 64 octets"_s};
    const auto *in = reinterpret_cast<const unsigned char *>(raw.data());
    ossl::Bn r(BN_bin2bn(in, Es256CoordinateBytes, nullptr));
    ossl::Bn s(BN_bin2bn(in + Es256CoordinateBytes, Es256CoordinateBytes, nullptr));
    ossl::EcdsaSig sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return cryptoFailure(u"ECDSA_SIG_set0"_s);
    // ECDSA_SIG_set0 took ownership of r and s.
    static_cast<void>(r.release());
    static_cast<void>(s.release());
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0)
        return cryptoFailure(u"i2d_ECDSA_SIG"_s);
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != length)
        return cryptoFailure(u"i2d_ECDSA_SIG"_s);
    return der;
}

Result<void, JoseError> checkUsable(const QString &alg, const EVP_PKEY *key)
{
    if (!Jws::isSupported(alg))
        return JoseError{Code::UnsupportedAlgorithm, u"unsupported algorithm "_s + alg};
    if (!key || !Jws::keyMatchesAlgorithm(alg, key))
        return JoseError{Code::AlgorithmKeyMismatch, u"the key does not fit "_s + alg};
    return {};
}

std::optional<QString> optionalString(const QJsonObject &header, const QString &name, bool *ok)
{
    const auto it = header.constFind(name);
    if (it == header.constEnd())
        return std::nullopt;
    if (!it->isString()) {
        *ok = false;
        return std::nullopt;
    }
    return it->toString();
}

} // namespace

QStringList Jws::supportedAlgorithms()
{
    return {proto::alg::RS256, proto::alg::PS256, proto::alg::ES256, proto::alg::EdDSA};
}

bool Jws::isSupported(const QString &alg)
{
    return alg == proto::alg::RS256 || alg == proto::alg::PS256 || alg == proto::alg::ES256 ||
           alg == proto::alg::EdDSA;
}

bool Jws::keyMatchesAlgorithm(const QString &alg, const EVP_PKEY *key)
{
    if (!key)
        return false;
    if (alg == proto::alg::RS256 || alg == proto::alg::PS256) {
        // RFC 7518 §3.3/§3.5: "A key of size 2048 bits or larger MUST be used".
        return EVP_PKEY_is_a(key, "RSA") == 1 && EVP_PKEY_get_bits(key) >= MinRsaBits;
    }
    if (alg == proto::alg::ES256)
        return isEcP256(key); // RFC 7518 §3.4: ECDSA using P-256 and SHA-256.
    if (alg == proto::alg::EdDSA)
        return EVP_PKEY_is_a(key, "ED25519") == 1; // RFC 8037 §3.1; Lanyard signs Ed25519 only.
    return false;
}

Result<QByteArray, JoseError> Jws::signRaw(const QString &alg, const EVP_PKEY *key,
                                           QByteArrayView signingInput)
{
    if (auto usable = checkUsable(alg, key); !usable)
        return std::move(usable).error();
    auto ctx = digestContext(alg, key, true);
    if (!ctx)
        return std::move(ctx).error();
    const auto *in = reinterpret_cast<const unsigned char *>(signingInput.data());
    const auto inLength = static_cast<size_t>(signingInput.size());
    size_t length = 0;
    if (EVP_DigestSign(ctx->get(), nullptr, &length, in, inLength) != 1)
        return cryptoFailure(u"EVP_DigestSign (size)"_s);
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx->get(), reinterpret_cast<unsigned char *>(signature.data()), &length, in,
                       inLength) != 1)
        return cryptoFailure(u"EVP_DigestSign"_s);
    signature.truncate(static_cast<qsizetype>(length));
    if (alg == proto::alg::ES256)
        return derToRaw(signature);
    return signature;
}

Result<void, JoseError> Jws::verifyRaw(const QString &alg, const EVP_PKEY *key,
                                       QByteArrayView signingInput, QByteArrayView signature)
{
    if (auto usable = checkUsable(alg, key); !usable)
        return std::move(usable).error();
    QByteArray der;
    if (alg == proto::alg::ES256) {
        auto converted = rawToDer(signature);
        if (!converted)
            return std::move(converted).error();
        der = std::move(converted).value();
        signature = der;
    }
    auto ctx = digestContext(alg, key, false);
    if (!ctx)
        return std::move(ctx).error();
    const int rc =
        EVP_DigestVerify(ctx->get(), reinterpret_cast<const unsigned char *>(signature.data()),
                         static_cast<size_t>(signature.size()),
                         reinterpret_cast<const unsigned char *>(signingInput.data()),
                         static_cast<size_t>(signingInput.size()));
    if (rc != 1) {
        // A wrong length or an out-of-range value leaves entries on the queue.
        OpenSslError::clear();
        return JoseError{Code::BadSignature, u"signature does not verify"_s};
    }
    return {};
}

Result<QByteArray, JoseError> Jws::sign(const QString &alg, const EVP_PKEY *key,
                                        QByteArrayView payload, const QString &kid,
                                        const QString &typ)
{
    // RFC 7515 §4.1: the members in name order, as a QJsonObject would hold them.
    JsonWriter header(96);
    header.beginObject().name("alg"_L1).string(alg);
    if (!kid.isEmpty())
        header.name("kid"_L1).string(kid);
    if (!typ.isEmpty())
        header.name("typ"_L1).string(typ);
    header.endObject();
    // Room for the signature too: 4/3 of the input, the signature of an
    // RSA key up to 4096 bits and the dots.
    QByteArray compact;
    compact.reserve((header.data().size() + payload.size()) * 4 / 3 + 700);
    Base64Url::append(compact, header.data());
    compact += '.';
    Base64Url::append(compact, payload);
    auto signature = signRaw(alg, key, compact);
    if (!signature)
        return std::move(signature).error();
    compact += '.';
    Base64Url::append(compact, signature.value());
    return compact;
}

Result<Jws::Decoded, JoseError> Jws::decode(QByteArrayView compact)
{
    if (compact.size() > MaxCompactBytes) {
        return JoseError{Code::TooLarge,
                         u"compact JWS larger than %1 bytes"_s.arg(MaxCompactBytes)};
    }
    // RFC 7515 §7.1: BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature).
    const qsizetype firstDot = compact.indexOf('.');
    const qsizetype secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
    if (firstDot < 0 || secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0)
        return JoseError{Code::Malformed, u"a compact JWS has exactly three segments"_s};
    const QByteArrayView headerPart = compact.first(firstDot);
    const QByteArrayView payloadPart = compact.sliced(firstDot + 1, secondDot - firstDot - 1);
    const QByteArrayView signaturePart = compact.sliced(secondDot + 1);
    // Empty payloads (detached content, RFC 7515 appendix F) and empty
    // signatures (unsecured JWS) are not used by Lanyard.
    if (headerPart.isEmpty() || payloadPart.isEmpty() || signaturePart.isEmpty())
        return JoseError{Code::Malformed, u"empty JWS segment"_s};

    Decoded decoded;
    auto header = Base64Url::decode(headerPart);
    if (!header)
        return JoseError{Code::BadBase64, u"header: "_s + header.error().message()};
    auto payload = Base64Url::decode(payloadPart);
    if (!payload)
        return JoseError{Code::BadBase64, u"payload: "_s + payload.error().message()};
    auto signature = Base64Url::decode(signaturePart);
    if (!signature)
        return JoseError{Code::BadBase64, u"signature: "_s + signature.error().message()};

    // RFC 7515 §5.2 step 3: the header must be "a completely valid JSON object".
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(header.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return JoseError{Code::NotJsonObject, u"JWS header is not a JSON object"_s};
    decoded.header = document.object();

    bool typesOk = true;
    const auto alg = optionalString(decoded.header, u"alg"_s, &typesOk);
    const auto kid = optionalString(decoded.header, u"kid"_s, &typesOk);
    const auto typ = optionalString(decoded.header, u"typ"_s, &typesOk);
    if (!typesOk)
        return JoseError{Code::Malformed, u"alg, kid and typ must be strings"_s};
    // RFC 7515 §4.1.1: "alg" ... "MUST be present".
    if (!alg || alg->isEmpty())
        return JoseError{Code::Malformed, u"JWS header has no alg"_s};
    // RFC 7515 §4.1.11: a recipient that does not understand a "crit"
    // extension MUST reject the JWS; Lanyard understands none.
    if (decoded.header.contains(u"crit"_s))
        return JoseError{Code::UnsupportedCritical, u"crit header parameter is not supported"_s};

    decoded.alg = *alg;
    decoded.kid = kid.value_or(QString());
    decoded.typ = typ.value_or(QString());
    decoded.payload = std::move(payload).value();
    decoded.signature = std::move(signature).value();
    decoded.signingInput = compact.first(secondDot).toByteArray();
    return decoded;
}

Result<void, JoseError> Jws::checkAlgorithm(const QString &alg, const QStringList &allowedAlgs,
                                            const EVP_PKEY *key)
{
    // RFC 8725 §3.1: the algorithm comes from the verifier's policy, never
    // from the token alone.
    if (!allowedAlgs.contains(alg))
        return JoseError{Code::AlgorithmNotAllowed, u"algorithm not allowed: "_s + alg};
    return checkUsable(alg, key);
}

Result<Jws::Decoded, JoseError> Jws::verify(QByteArrayView compact, const EVP_PKEY *key,
                                            const QStringList &allowedAlgs)
{
    auto decoded = decode(compact);
    if (!decoded)
        return std::move(decoded).error();
    if (auto policy = checkAlgorithm(decoded->alg, allowedAlgs, key); !policy)
        return std::move(policy).error();
    if (auto valid = verifyRaw(decoded->alg, key, decoded->signingInput, decoded->signature);
        !valid)
        return std::move(valid).error();
    return decoded;
}

} // namespace lanyard
