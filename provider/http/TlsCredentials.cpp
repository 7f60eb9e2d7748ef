// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/TlsCredentials.h"

#include "crypto/OpenSslHandles.h"
#include "http/HttpLog.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using X509Handle = std::unique_ptr<X509, ossl::Deleter<&X509_free>>;

Result<QByteArray, Error> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(u"Cannot read the TLS %1 %2: %3."_s.arg(what, path, file.errorString()));
    return file.readAll();
}

ossl::Bio memoryBio(const QByteArray &bytes)
{
    return ossl::Bio(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

} // namespace

Result<QSslConfiguration, Error> TlsCredentials::load(const QString &certificateFile,
                                                      const QString &keyFile)
{
    if (!QSslSocket::supportsSsl())
        return Error::unsupported(u"TLS is not available: Qt has no TLS backend."_s);
    auto certificatePem = readFile(certificateFile, u"certificate"_s);
    if (!certificatePem)
        return certificatePem.error();
    auto keyPem = readFile(keyFile, u"key"_s);
    if (!keyPem)
        return keyPem.error();

    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error::invalid(u"No PEM certificate in %1."_s.arg(certificateFile));
    if (keyPem->contains("ENCRYPTED")) {
        return Error::unsupported(
            u"The TLS key %1 is encrypted; give an unencrypted key readable only by the "
            "service account."_s.arg(keyFile));
    }

    const ossl::Bio keyBio = memoryBio(*keyPem);
    const ossl::PKey pkey(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr)
                                 : nullptr);
    if (!pkey)
        return Error::invalid(u"No PEM private key in %1."_s.arg(keyFile));
    QSsl::KeyAlgorithm algorithm = QSsl::Opaque;
    switch (EVP_PKEY_get_base_id(pkey.get())) {
    case EVP_PKEY_RSA:
        algorithm = QSsl::Rsa;
        break;
    case EVP_PKEY_EC:
        algorithm = QSsl::Ec;
        break;
    default:
        return Error::unsupported(
            u"The TLS key %1 is neither RSA nor EC; Qt cannot serve it."_s.arg(keyFile));
    }

    const ossl::Bio certificateBio = memoryBio(*certificatePem);
    const X509Handle x509(certificateBio
                              ? PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr)
                              : nullptr);
    if (!x509 || X509_check_private_key(x509.get(), pkey.get()) != 1) {
        return Error::invalid(u"The TLS key %1 does not belong to the certificate %2."_s.arg(
            keyFile, certificateFile));
    }

    const QSslKey key(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        return Error::invalid(u"Qt cannot load the TLS key %1."_s.arg(keyFile));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (chain.first().expiryDate() < now || chain.first().effectiveDate() > now) {
        qCWarning(lcHttp).noquote() << "the TLS certificate" << certificateFile
                                    << "is not valid now; clients will refuse it";
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace lanyard
