// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/TlsFileCheck.h"

#include "http/TlsCredentials.h"

#include <QFile>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

TlsFileCheck TlsFileCheck::inspect(const QString &certificateFile, const QString &keyFile,
                                   const QDateTime &now)
{
    TlsFileCheck check;
    if (!certificateFile.isEmpty()) {
        QFile file(certificateFile);
        if (!file.open(QIODevice::ReadOnly)) {
            check.certificateError = file.errorString();
        } else {
            const QList<QSslCertificate> chain =
                QSslCertificate::fromData(file.readAll(), QSsl::Pem);
            if (chain.isEmpty() || chain.constFirst().isNull()) {
                check.certificateError = u"no PEM certificate in the file"_s;
            } else {
                const QSslCertificate &certificate = chain.constFirst();
                check.certificateRead = true;
                check.subject = certificate.subjectDisplayName();
                check.issuer = certificate.issuerDisplayName();
                check.effective = certificate.effectiveDate();
                check.expires = certificate.expiryDate();
                check.outsideValidity = check.expires < now || check.effective > now;
            }
        }
    }
    if (!keyFile.isEmpty() && check.certificateRead) {
        auto loaded = TlsCredentials::load(certificateFile, keyFile);
        check.keyMatches = loaded.ok();
        if (!loaded)
            check.keyError = loaded.error().message;
    }
    return check;
}

} // namespace lanyard::ui
