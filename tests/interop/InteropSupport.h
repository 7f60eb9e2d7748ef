// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace lanyard::test::interop {

/// What one node script printed: its JSON lines (`{"step":...,"ok":...}`),
/// its exit code and its raw output for failure messages.
struct NodeRun
{
    int exitCode = -1;
    bool finished = false;
    QList<QJsonObject> lines;
    QByteArray standardOutput;
    QByteArray standardError;

    /// The first line whose "step" is `name`; empty when there is none.
    QJsonObject step(const QString &name) const;
    /// Exit code, stdout and stderr, for QVERIFY2 messages.
    QByteArray describe() const;
};

/// tests/interop (LANYARD_INTEROP_DIR), where the scripts and node_modules are.
QString interopDir();
/// Empty when the npm packages `packages` are installed in interopDir(),
/// else a message saying how to install them.
QString missingPackages(const QStringList &packages);

/// Runs `node SCRIPT ARGS...` in interopDir() with `environment` added to
/// the test's own, and waits up to `timeoutMs` while the event loop runs
/// (so a ServeProcess keeps draining the server's output meanwhile).
NodeRun runNode(const QString &script, const QStringList &arguments,
                const QProcessEnvironment &environment = {}, int timeoutMs = 90'000);

/// `count` different TCP ports on 127.0.0.1 that were free a moment ago;
/// empty when the kernel gave none.
QList<quint16> freePorts(int count);

/// Writes `data` (CONTRACT.md import format) to `directory` and runs
/// `lanyard import FILE --db DATABASE`; empty on success, else the output.
QString importData(const QJsonObject &data, const QString &directory, const QString &database);
/// The `sub` of account `username`, read through `lanyard export`.
QString accountSubject(const QString &database, const QString &username);

/// GETs `url` and parses the body as a JSON object; `status` receives the
/// HTTP status (0 when the request failed).
QJsonObject getJson(const QUrl &url, int *status = nullptr);
/// Null when the discovery document of `issuer` lists the sign-in endpoints
/// (authorization, token, userinfo), else what is missing.
QString signInEndpointsMissing(const QUrl &issuer);

} // namespace lanyard::test::interop
