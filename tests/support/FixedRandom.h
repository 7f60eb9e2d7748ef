// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/RandomSource.h"

#include <QMutex>
#include <QMutexLocker>

namespace lanyard::test {

/// A RandomSource that returns a known byte sequence: next, next+1, ...
/// (mod 256), continuing across calls. Lets tests predict salts, secrets and
/// tokens. Thread-safe. Never use outside tests.
class FixedRandom final : public RandomSource
{
public:
    explicit FixedRandom(quint8 first = 0) : m_next(first) {}

    QByteArray bytes(qsizetype n) override
    {
        QMutexLocker lock(&m_mutex);
        QByteArray out(n, Qt::Uninitialized);
        for (qsizetype i = 0; i < n; ++i)
            out[i] = static_cast<char>(m_next++);
        m_consumed += n;
        return out;
    }

    /// Bytes handed out so far.
    qsizetype consumed() const
    {
        QMutexLocker lock(&m_mutex);
        return m_consumed;
    }

private:
    mutable QMutex m_mutex;
    quint8 m_next = 0;
    qsizetype m_consumed = 0;
};

} // namespace lanyard::test
