// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QString>

namespace lanyard {

/// Turns OpenSSL's per-thread error queue into text for Error::crypto
/// messages. OpenSSL's queue is thread-local, so every function here may be
/// called from any thread and only sees that thread's errors.
class OpenSslError
{
public:
    /// Empties this thread's error queue and returns its entries joined by
    /// "; " (empty when the queue was empty). Never contains key material.
    static QString drain();

    /// Error::crypto("<what>: <queue>"), draining the queue.
    static Error error(const QString &what);

    /// Empties this thread's queue without reading it, so a stale entry does
    /// not end up in the next message.
    static void clear();
};

} // namespace lanyard
