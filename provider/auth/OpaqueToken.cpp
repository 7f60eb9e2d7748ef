// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/OpaqueToken.h"

#include "crypto/Digest.h"
#include "crypto/RandomSource.h"
#include "jose/Base64Url.h"

#include <algorithm>

namespace lanyard {

OpaqueToken OpaqueToken::generate(RandomSource &random, int bytes)
{
    OpaqueToken token;
    token.value = random.token(std::max(bytes, 16));
    token.hash = hashOf(token.value);
    return token;
}

QString OpaqueToken::hashOf(QStringView token)
{
    return QString::fromLatin1(Base64Url::encode(Digest::sha256(token.toUtf8())));
}

} // namespace lanyard
