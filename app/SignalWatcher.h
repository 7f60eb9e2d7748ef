// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace lanyard::app {

/// Turns SIGINT and SIGTERM into a Qt signal on the thread that created the
/// watcher (the self-pipe trick: the handler only writes one byte). One
/// instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    /// A termination signal arrived; `signalNumber` is SIGINT or SIGTERM.
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace lanyard::app
