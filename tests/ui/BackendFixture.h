// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/Backend.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTemporaryDir>

#include <memory>

namespace lanyard::test {

/// A ui::Backend over a fresh SQLite database in a temporary folder, with
/// the server on a free port of 127.0.0.1 (so tests run side by side).
/// GUI thread.
class BackendFixture
{
public:
    BackendFixture();
    ~BackendFixture();

    /// Opens the backend and waits until the server runs (keys generated).
    /// False (with a QTest failure message) when it does not within 30 s.
    [[nodiscard]] bool start();

    ui::Backend *backend() const { return m_backend.get(); }
    QString databasePath() const;

    /// Waits for a future from Backend::run() while the event loop runs
    /// (queued continuations get delivered); returns its result.
    template<typename T> static T wait(QFuture<T> future)
    {
        while (!future.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return future.result();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::Backend> m_backend;
};

} // namespace lanyard::test
