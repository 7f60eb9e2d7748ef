// SPDX-License-Identifier: GPL-3.0-or-later
#include "jose/Base64Url.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// The 6-bit value of a base64url character, or -1.
int sextet(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

JoseError bad(const QString &why)
{
    return {JoseError::Code::BadBase64, why};
}

} // namespace

QByteArray Base64Url::encode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

Result<QByteArray, JoseError> Base64Url::decode(QByteArrayView text)
{
    // RFC 7515 §2: base64url "with all trailing '=' characters omitted ...
    // and without the inclusion of any line breaks, whitespace, or other
    // additional characters".
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (sextet(text.at(i)) < 0) {
            return bad(text.at(i) == '=' ? u"padding is not allowed"_s
                                         : u"character outside the base64url alphabet"_s);
        }
    }
    // RFC 4648 §4: a final quantum carries 8 or 16 bits, so one leftover
    // character can never occur.
    const qsizetype tail = text.size() % 4;
    if (tail == 1)
        return bad(u"impossible length"_s);
    // RFC 4648 §3.5: the unused bits of the last character must be zero;
    // rejecting others keeps one encoding per value (no malleable tokens).
    if (tail != 0) {
        const int last = sextet(text.at(text.size() - 1));
        const int unusedMask = tail == 2 ? 0x0f : 0x03;
        if ((last & unusedMask) != 0)
            return bad(u"non-zero trailing bits"_s);
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad(u"undecodable"_s);
    return decoded.decoded;
}

bool Base64Url::isValid(QByteArrayView text)
{
    return decode(text).ok();
}

} // namespace lanyard
