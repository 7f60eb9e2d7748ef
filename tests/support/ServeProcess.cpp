// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServeProcess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

#include <csignal>

using namespace Qt::StringLiterals;

namespace lanyard::test {

ServeProcess::ServeProcess(QString binary) : m_binary(std::move(binary)) {}

ServeProcess::~ServeProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop();
}

bool ServeProcess::start(const QString &database, const QStringList &extraArguments, int timeoutMs)
{
    if (m_binary.isEmpty()) {
        m_error = u"LANYARD_BINARY is not set"_s;
        return false;
    }
    QStringList args{u"serve"_s, u"--db"_s, database, u"--listen"_s, u"127.0.0.1:0"_s};
    args += extraArguments;
    m_process.start(m_binary, args);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(
                static_cast<int>(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            continue;
        }
        readLines();
        if (m_url.isValid())
            return true;
    }
    readLines();
    if (m_url.isValid())
        return true;
    m_stderr += m_process.readAllStandardError();
    m_error = u"lanyard serve did not report listening (exit %1): %2"_s.arg(m_process.exitCode())
                  .arg(QString::fromUtf8(m_stderr));
    return false;
}

int ServeProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished();
        return -1;
    }
    readLines();
    m_stderr += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServeProcess::readLines()
{
    m_buffer += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (line.startsWith("listening on ")) {
            m_url = QUrl(QString::fromUtf8(line.mid(13)));
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            m_events.append(doc.object());
    }
}

QList<QJsonObject> ServeProcess::events()
{
    m_process.waitForReadyRead(0);
    readLines();
    return m_events;
}

bool ServeProcess::waitForEvent(const QString &type, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    do {
        for (const QJsonObject &event : events()) {
            if (event.value(u"type"_s).toString() == type)
                return true;
        }
        m_process.waitForReadyRead(50);
    } while (!deadline.hasExpired());
    return false;
}

int ServeProcess::run(const QStringList &arguments, QByteArray *out, QByteArray *err,
                      const QByteArray &input, const QString &binary)
{
    QProcess process;
    process.start(binary, arguments);
    if (!process.waitForStarted())
        return -1;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace lanyard::test
