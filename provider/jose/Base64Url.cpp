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
    QByteArray out;
    append(out, data);
    return out;
}

void Base64Url::append(QByteArray &out, QByteArrayView data)
{
    // RFC 4648 §5: the URL and filename safe alphabet.
    static constexpr char Alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.data());
    const auto in = [bytes](qsizetype at) {
        return static_cast<unsigned int>(bytes[at]);
    };
    const qsizetype size = data.size();
    const qsizetype start = out.size();
    // RFC 7515 §2: no '=' padding, so a final 1 or 2 bytes make 2 or 3 characters.
    out.resize(start + (size / 3) * 4 + (size % 3 == 0 ? 0 : size % 3 + 1));
    char *cursor = out.data() + start;
    qsizetype i = 0;
    for (; i + 3 <= size; i += 3) {
        const unsigned int group = (in(i) << 16) | (in(i + 1) << 8) | in(i + 2);
        *cursor++ = Alphabet[(group >> 18) & 0x3f];
        *cursor++ = Alphabet[(group >> 12) & 0x3f];
        *cursor++ = Alphabet[(group >> 6) & 0x3f];
        *cursor++ = Alphabet[group & 0x3f];
    }
    if (size - i == 1) {
        const unsigned int group = in(i) << 16;
        *cursor++ = Alphabet[(group >> 18) & 0x3f];
        *cursor++ = Alphabet[(group >> 12) & 0x3f];
    } else if (size - i == 2) {
        const unsigned int group = (in(i) << 16) | (in(i + 1) << 8);
        *cursor++ = Alphabet[(group >> 18) & 0x3f];
        *cursor++ = Alphabet[(group >> 12) & 0x3f];
        *cursor++ = Alphabet[(group >> 6) & 0x3f];
    }
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
