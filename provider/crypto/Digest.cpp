// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Digest.h"

#include "crypto/OpenSslError.h"
#include "crypto/OpenSslHandles.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

namespace lanyard {

namespace {

QByteArray digest(const EVP_MD *md, QByteArrayView data)
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()),
                   reinterpret_cast<unsigned char *>(out.data()), &length, md, nullptr) != 1) {
        OpenSslError::clear();
        return {};
    }
    out.truncate(static_cast<qsizetype>(length));
    return out;
}

} // namespace

QByteArray Digest::sha256(QByteArrayView data)
{
    return digest(EVP_sha256(), data);
}

QByteArray Digest::sha384(QByteArrayView data)
{
    return digest(EVP_sha384(), data);
}

QByteArray Digest::sha512(QByteArrayView data)
{
    return digest(EVP_sha512(), data);
}

QByteArray Digest::hmacSha256(QByteArrayView key, QByteArrayView data)
{
    const ossl::Mac mac(EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr));
    if (!mac) {
        OpenSslError::clear();
        return {};
    }
    const ossl::MacCtx ctx(EVP_MAC_CTX_new(mac.get()));
    char digestName[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_end(),
    };
    // An empty key is legal HMAC but OpenSSL wants a non-null pointer.
    static const unsigned char emptyKey = 0;
    const auto *keyData =
        key.isEmpty() ? &emptyKey : reinterpret_cast<const unsigned char *>(key.data());
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t length = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), keyData, static_cast<size_t>(key.size()), params) != 1 ||
        EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(data.data()),
                       static_cast<size_t>(data.size())) != 1 ||
        EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length,
                      static_cast<size_t>(out.size())) != 1) {
        OpenSslError::clear();
        return {};
    }
    out.truncate(static_cast<qsizetype>(length));
    return out;
}

} // namespace lanyard
