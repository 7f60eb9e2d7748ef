// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/RandomSource.h"

#include <memory>

namespace lanyard {

/// The operating system's CSPRNG through OpenSSL's RAND_bytes.
class Random final : public RandomSource
{
public:
    /// `n` cryptographically secure random bytes. Any thread. If OpenSSL
    /// cannot produce them the process aborts (qFatal): predictable bytes
    /// would silently weaken every secret, and there is nothing to retry.
    QByteArray bytes(qsizetype n) override;

    /// The shared instance. Thread-safe; lives for the whole process.
    static std::shared_ptr<RandomSource> system();
};

} // namespace lanyard
