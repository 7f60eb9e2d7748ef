// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/RandomSource.h"

#include "jose/Base64Url.h"

namespace lanyard {

QString RandomSource::token(int nbytes)
{
    return QString::fromLatin1(Base64Url::encode(bytes(nbytes)));
}

} // namespace lanyard
