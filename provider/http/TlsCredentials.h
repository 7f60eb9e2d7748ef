// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QSslConfiguration>
#include <QString>

namespace lanyard {

/// Loads the server's TLS certificate chain and private key (PEM files) into
/// a server QSslConfiguration: TLS 1.2 or later, no client certificates.
class TlsCredentials
{
public:
    /// Fails with a message naming the file when a file cannot be read, holds
    /// no PEM certificate or key, the key is encrypted (a passphrase cannot be
    /// asked for), or the key does not belong to the first certificate.
    /// Any thread.
    static Result<QSslConfiguration, Error> load(const QString &certificateFile,
                                                 const QString &keyFile);
};

} // namespace lanyard
