// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/KeyGenerator.h"

#include "core/Protocol.h"
#include "crypto/OpenSslError.h"
#include "jose/Jwk.h"
#include "jose/Jws.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// OpenSSL takes non-const keys in APIs that only read them.
EVP_PKEY *mutableKey(const EVP_PKEY *key)
{
    return const_cast<EVP_PKEY *>(key);
}

Result<QByteArray, Error> encode(const EVP_PKEY *key, int selection, const char *format,
                                 const char *structure)
{
    if (!key)
        return Error::invalid(u"no key"_s);
    const ossl::EncoderCtx ctx(
        OSSL_ENCODER_CTX_new_for_pkey(key, selection, format, structure, nullptr));
    unsigned char *data = nullptr;
    size_t length = 0;
    if (!ctx || OSSL_ENCODER_CTX_get_num_encoders(ctx.get()) == 0 ||
        OSSL_ENCODER_to_data(ctx.get(), &data, &length) != 1)
        return OpenSslError::error(u"encoding the key"_s);
    QByteArray out(reinterpret_cast<const char *>(data), static_cast<qsizetype>(length));
    OPENSSL_clear_free(data, length);
    return out;
}

Result<ossl::PKey, Error> decode(QByteArrayView input, const char *format, const char *structure,
                                 int selection)
{
    EVP_PKEY *raw = nullptr;
    const ossl::DecoderCtx ctx(OSSL_DECODER_CTX_new_for_pkey(&raw, format, structure, nullptr,
                                                             selection, nullptr, nullptr));
    const auto *data = reinterpret_cast<const unsigned char *>(input.data());
    auto length = static_cast<size_t>(input.size());
    if (!ctx || OSSL_DECODER_CTX_get_num_decoders(ctx.get()) == 0 || input.isEmpty()) {
        OpenSslError::clear();
        return Error::invalid(u"cannot decode the key"_s);
    }
    const bool decoded = OSSL_DECODER_from_data(ctx.get(), &data, &length) == 1;
    ossl::PKey key(raw);
    OpenSslError::clear();
    if (!decoded || !key)
        return Error::invalid(u"not a readable key"_s);
    // DER must be exactly one structure; PEM may be followed by text.
    if (qstrcmp(format, "DER") == 0 && length != 0)
        return Error::invalid(u"trailing bytes after the key"_s);
    return key;
}

} // namespace

Result<ossl::PKey, Error> KeyGenerator::generate(const QString &alg)
{
    EVP_PKEY *raw = nullptr;
    if (alg == proto::alg::RS256 || alg == proto::alg::PS256)
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(RsaBits));
    else if (alg == proto::alg::ES256)
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    else if (alg == proto::alg::EdDSA)
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    else
        return Error::unsupported(u"cannot generate keys for algorithm "_s + alg);
    if (!raw)
        return OpenSslError::error(u"generating a key for "_s + alg);
    return ossl::PKey(raw);
}

Result<SigningKey, Error> KeyGenerator::signingKeyFromPrivateKey(const EVP_PKEY *key,
                                                                 const QString &alg,
                                                                 const QDateTime &createdAt)
{
    if (!Jws::keyMatchesAlgorithm(alg, key))
        return Error::invalid(u"the key does not fit algorithm "_s + alg);
    auto kid = Jwk::thumbprint(key);
    if (!kid)
        return Error::crypto(kid.error().message());
    auto der = privateKeyToPkcs8Der(key);
    if (!der)
        return std::move(der).error();
    SigningKey signingKey;
    signingKey.kid = std::move(kid).value();
    signingKey.alg = alg;
    signingKey.state = KeyState::Next;
    signingKey.privateKeyPkcs8Der = std::move(der).value();
    signingKey.createdAt = createdAt;
    return signingKey;
}

Result<SigningKey, Error> KeyGenerator::generateSigningKey(const QString &alg,
                                                           const QDateTime &createdAt)
{
    auto key = generate(alg);
    if (!key)
        return std::move(key).error();
    return signingKeyFromPrivateKey(key->get(), alg, createdAt);
}

Result<QByteArray, Error> KeyGenerator::privateKeyToPkcs8Der(const EVP_PKEY *key)
{
    return encode(key, EVP_PKEY_KEYPAIR, "DER", "PrivateKeyInfo");
}

Result<ossl::PKey, Error> KeyGenerator::loadPrivateKeyPkcs8Der(QByteArrayView der)
{
    return decode(der, "DER", "PrivateKeyInfo", EVP_PKEY_KEYPAIR);
}

Result<ossl::PKey, Error> KeyGenerator::loadPrivateKeyPem(QByteArrayView pem)
{
    return decode(pem, "PEM", nullptr, EVP_PKEY_KEYPAIR);
}

Result<ossl::PKey, Error> KeyGenerator::loadPublicKeyPem(QByteArrayView pem)
{
    return decode(pem, "PEM", "SubjectPublicKeyInfo", EVP_PKEY_PUBLIC_KEY);
}

Result<QByteArray, Error> KeyGenerator::publicKeyToPem(const EVP_PKEY *key)
{
    return encode(key, EVP_PKEY_PUBLIC_KEY, "PEM", "SubjectPublicKeyInfo");
}

Result<ossl::PKey, Error> KeyGenerator::publicOnly(const EVP_PKEY *key)
{
    if (!key)
        return Error::invalid(u"no key"_s);
    // SubjectPublicKeyInfo round trip: the copy has no private half at all.
    const int length = i2d_PUBKEY(mutableKey(key), nullptr);
    if (length <= 0)
        return OpenSslError::error(u"i2d_PUBKEY"_s);
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_PUBKEY(mutableKey(key), &out) != length)
        return OpenSslError::error(u"i2d_PUBKEY"_s);
    const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
    ossl::PKey pub(d2i_PUBKEY(nullptr, &in, length));
    if (!pub)
        return OpenSslError::error(u"d2i_PUBKEY"_s);
    return pub;
}

} // namespace lanyard
