// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Owning handles for OpenSSL objects: every EVP_PKEY, context, BIO and BIGNUM
// we create lives in one of these, so no early return can leak it.

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>

#include <memory>

namespace lanyard::ossl {

/// Calls the OpenSSL free function `Free` on destruction.
template<auto Free> struct Deleter
{
    template<typename T> void operator()(T *p) const noexcept { Free(p); }
};

using PKey = std::unique_ptr<EVP_PKEY, Deleter<&EVP_PKEY_free>>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<&EVP_PKEY_CTX_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<&EVP_MD_CTX_free>>;
using Md = std::unique_ptr<EVP_MD, Deleter<&EVP_MD_free>>;
using Mac = std::unique_ptr<EVP_MAC, Deleter<&EVP_MAC_free>>;
using MacCtx = std::unique_ptr<EVP_MAC_CTX, Deleter<&EVP_MAC_CTX_free>>;
using Bio = std::unique_ptr<BIO, Deleter<&BIO_free_all>>;
/// Cleared on free: BIGNUMs here often hold private key material.
using Bn = std::unique_ptr<BIGNUM, Deleter<&BN_clear_free>>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, Deleter<&OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<&OSSL_PARAM_free>>;
using EcdsaSig = std::unique_ptr<ECDSA_SIG, Deleter<&ECDSA_SIG_free>>;
using EncoderCtx = std::unique_ptr<OSSL_ENCODER_CTX, Deleter<&OSSL_ENCODER_CTX_free>>;
using DecoderCtx = std::unique_ptr<OSSL_DECODER_CTX, Deleter<&OSSL_DECODER_CTX_free>>;

} // namespace lanyard::ossl
