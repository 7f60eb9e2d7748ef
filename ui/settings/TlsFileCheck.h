// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace lanyard::ui {

/// What the Settings page shows about the TLS certificate and key files:
/// read off the GUI thread with QSslCertificate and checked with the same
/// rules as a server start (TlsCredentials::load: readable, PEM, an
/// unencrypted RSA or EC key that belongs to the certificate). Plain value.
struct TlsFileCheck
{
    /// The certificate file was read and holds a PEM certificate.
    bool certificateRead = false;
    /// Why it could not be read (certificateRead false, a path given).
    QString certificateError;
    QString subject;
    QString issuer;
    QDateTime effective;
    QDateTime expires;
    /// Expired, or not valid yet, at the time of the check.
    bool outsideValidity = false;

    /// Both files given, and the server would load them.
    bool keyMatches = false;
    /// Why the server would refuse the pair (a key path given); the
    /// server's own message.
    QString keyError;

    /// Reads `certificateFile` and checks it with `keyFile` as of `now`.
    /// Empty paths are skipped. Any thread (reads files: not the GUI thread).
    static TlsFileCheck inspect(const QString &certificateFile, const QString &keyFile,
                                const QDateTime &now);
};

} // namespace lanyard::ui
