// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "jose/JoseError.h"

#include <QByteArray>
#include <QByteArrayView>

namespace lanyard {

/// Base64url as JOSE uses it (RFC 7515 §2, RFC 4648 §5): URL-safe alphabet,
/// no padding, no whitespace. All functions are pure and thread-safe.
class Base64Url
{
public:
    /// Encodes `data` without '=' padding.
    static QByteArray encode(QByteArrayView data);
    /// Appends encode(`data`) to `out` (no temporary copies). `data` must
    /// not point into `out`.
    static void append(QByteArray &out, QByteArrayView data);

    /// Strict decode: rejects padding, characters outside [A-Za-z0-9_-]
    /// (including whitespace and the '+' '/' of plain base64), lengths with
    /// len % 4 == 1, and non-zero unused bits in the last character (so each
    /// byte string has exactly one accepted encoding). Error code BadBase64.
    static Result<QByteArray, JoseError> decode(QByteArrayView text);

    /// True when decode() would succeed.
    static bool isValid(QByteArrayView text);
};

} // namespace lanyard
