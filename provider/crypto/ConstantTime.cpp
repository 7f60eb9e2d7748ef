// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/ConstantTime.h"

#include <openssl/crypto.h>

#include <atomic>

namespace lanyard {

namespace {
std::atomic<quint64> g_comparisons{0};
}

bool ConstantTime::equals(QByteArrayView a, QByteArrayView b)
{
    g_comparisons.fetch_add(1, std::memory_order_relaxed);
    if (a.size() != b.size()) {
        // Same work as an equal-length comparison of `a`, so the time reveals
        // nothing about how much of `b` matched.
        const volatile int ignored =
            CRYPTO_memcmp(a.data(), a.data(), static_cast<size_t>(a.size()));
        Q_UNUSED(ignored);
        return false;
    }
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

quint64 ConstantTime::comparisons()
{
    return g_comparisons.load(std::memory_order_relaxed);
}

} // namespace lanyard
