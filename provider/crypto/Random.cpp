// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Random.h"

#include "crypto/OpenSslError.h"

#include <QtGlobal>

#include <openssl/rand.h>

#include <climits>

namespace lanyard {

QByteArray Random::bytes(qsizetype n)
{
    Q_ASSERT(n >= 0);
    if (n <= 0)
        return {};
    QByteArray out(n, Qt::Uninitialized);
    auto *data = reinterpret_cast<unsigned char *>(out.data());
    qsizetype done = 0;
    while (done < n) {
        const int chunk = static_cast<int>(qMin<qsizetype>(n - done, INT_MAX));
        if (RAND_bytes(data + done, chunk) != 1)
            qFatal("RAND_bytes failed: %s", qPrintable(OpenSslError::drain()));
        done += chunk;
    }
    return out;
}

std::shared_ptr<RandomSource> Random::system()
{
    static const std::shared_ptr<RandomSource> instance = std::make_shared<Random>();
    return instance;
}

} // namespace lanyard
