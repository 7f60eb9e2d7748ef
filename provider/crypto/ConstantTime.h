// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace lanyard {

/// Comparisons whose running time does not depend on where secret inputs
/// differ: for MACs, hashed secrets, PKCE verifiers, CSRF tokens.
class ConstantTime
{
public:
    /// True when `a` and `b` are the same length and hold the same bytes.
    /// The time taken depends on the lengths only, never on the content
    /// (CRYPTO_memcmp); unequal lengths still run a full-length comparison of
    /// `a` before returning false. Any thread.
    static bool equals(QByteArrayView a, QByteArrayView b);

    /// How many times equals() ran in this process. Lets tests prove that a
    /// code path compares through here rather than with operator==. Any thread.
    static quint64 comparisons();
};

} // namespace lanyard
