// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace lanyard::test {

/// A real `lanyard serve` child process for integration and interop tests:
/// started on 127.0.0.1 with a port the kernel picks, its `listening on URL`
/// line awaited, its JSON event lines collected, stopped with SIGTERM.
class ServeProcess
{
public:
    /// `binary` is the lanyard executable (tests get it from LANYARD_BINARY).
    explicit ServeProcess(QString binary = QString::fromUtf8(qgetenv("LANYARD_BINARY")));
    ~ServeProcess();

    /// Starts `lanyard serve --db DB --listen 127.0.0.1:0 EXTRA...` and waits
    /// up to `timeoutMs` for its `listening on` line. False (with
    /// errorString()) when it exits or stays silent.
    bool start(const QString &database, const QStringList &extraArguments = {},
               int timeoutMs = 20'000);
    /// SIGTERM, then waits for exit; returns the exit code (-1 on a crash).
    int stop(int timeoutMs = 10'000);

    QUrl url() const { return m_url; }
    QString errorString() const { return m_error; }
    /// Every event line printed so far (reads what is pending first).
    QList<QJsonObject> events();
    /// Waits until an event of `type` has been printed.
    bool waitForEvent(const QString &type, int timeoutMs = 10'000);
    QByteArray standardError() { return m_stderr + m_process.readAllStandardError(); }

    /// Runs the lanyard binary with `arguments` to completion; returns exit
    /// code and fills stdout/stderr.
    static int run(const QStringList &arguments, QByteArray *out = nullptr,
                   QByteArray *err = nullptr, const QByteArray &input = {},
                   const QString &binary = QString::fromUtf8(qgetenv("LANYARD_BINARY")));

private:
    void readLines();

    QString m_binary;
    QProcess m_process;
    QUrl m_url;
    QString m_error;
    QByteArray m_buffer;
    QByteArray m_stderr;
    QList<QJsonObject> m_events;
};

} // namespace lanyard::test
