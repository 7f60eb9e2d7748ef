// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/OpenSslError.h"

#include <openssl/err.h>

#include <array>

using namespace Qt::StringLiterals;

namespace lanyard {

QString OpenSslError::drain()
{
    QString text;
    for (;;) {
        const unsigned long code = ERR_get_error();
        if (code == 0)
            break;
        std::array<char, 256> buffer{};
        ERR_error_string_n(code, buffer.data(), buffer.size());
        if (!text.isEmpty())
            text += u"; "_s;
        text += QString::fromLatin1(buffer.data());
    }
    return text;
}

Error OpenSslError::error(const QString &what)
{
    const QString queue = drain();
    return Error::crypto(queue.isEmpty() ? what : what + u": "_s + queue);
}

void OpenSslError::clear()
{
    ERR_clear_error();
}

} // namespace lanyard
