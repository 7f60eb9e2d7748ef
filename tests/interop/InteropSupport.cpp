// SPDX-License-Identifier: GPL-3.0-or-later
#include "InteropSupport.h"

#include "ServeProcess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace lanyard::test::interop {

QJsonObject NodeRun::step(const QString &name) const
{
    for (const QJsonObject &line : lines) {
        if (line.value(u"step"_s).toString() == name)
            return line;
    }
    return {};
}

QByteArray NodeRun::describe() const
{
    return "node exit " + QByteArray::number(exitCode) + (finished ? "" : " (timed out)") +
           "\n--- stdout\n" + standardOutput + "--- stderr\n" + standardError;
}

QString interopDir()
{
    return qEnvironmentVariable("LANYARD_INTEROP_DIR");
}

QString missingPackages(const QStringList &packages)
{
    for (const QString &package : packages) {
        if (!QDir(interopDir() + u"/node_modules/"_s + package).exists()) {
            return u"npm package %1 missing in %2: `./dev test` installs it (npm ci)"_s.arg(
                package, interopDir());
        }
    }
    return {};
}

NodeRun runNode(const QString &script, const QStringList &arguments,
                const QProcessEnvironment &environment, int timeoutMs)
{
    NodeRun run;
    QProcess node;
    node.setWorkingDirectory(interopDir());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(environment);
    node.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&node, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&node, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    node.start(u"node"_s, QStringList{script} + arguments);
    if (node.state() != QProcess::NotRunning)
        loop.exec();
    if (node.state() != QProcess::NotRunning) {
        node.kill();
        node.waitForFinished();
    } else {
        run.finished = node.error() != QProcess::FailedToStart;
    }
    run.exitCode = node.exitStatus() == QProcess::NormalExit ? node.exitCode() : -1;
    run.standardOutput = node.readAllStandardOutput();
    run.standardError = node.readAllStandardError();
    if (node.error() == QProcess::FailedToStart)
        run.standardError += "cannot start node: " + node.errorString().toUtf8();
    for (const QByteArray &line : run.standardOutput.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            run.lines.append(doc.object());
    }
    return run;
}

QList<quint16> freePorts(int count)
{
    // All held open at once, so the kernel hands out different ones.
    std::vector<std::unique_ptr<QTcpServer>> probes;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        probes.push_back(std::make_unique<QTcpServer>());
        if (!probes.back()->listen(QHostAddress::LocalHost, 0))
            return {};
        ports.append(probes.back()->serverPort());
    }
    return ports;
}

QString importData(const QJsonObject &data, const QString &directory, const QString &database)
{
    const QString path = QDir(directory).filePath(u"import.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return u"cannot write "_s + path;
    file.write(QJsonDocument(data).toJson());
    file.close();
    QByteArray out, err;
    const int exitCode = ServeProcess::run({u"import"_s, path, u"--db"_s, database}, &out, &err);
    if (exitCode != 0) {
        return u"lanyard import exit %1: %2 %3"_s.arg(exitCode).arg(QString::fromUtf8(out),
                                                                    QString::fromUtf8(err));
    }
    return {};
}

QString accountSubject(const QString &database, const QString &username)
{
    QByteArray out;
    if (ServeProcess::run({u"export"_s, u"--db"_s, database}, &out) != 0)
        return {};
    const QJsonArray accounts =
        QJsonDocument::fromJson(out).object().value(u"accounts"_s).toArray();
    for (const QJsonValue &account : accounts) {
        if (account[u"username"_s].toString() == username)
            return account[u"sub"_s].toString();
    }
    return {};
}

QJsonObject getJson(const QUrl &url, int *status)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setTransferTimeout(10'000);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return object;
}

QString signInEndpointsMissing(const QUrl &issuer)
{
    int status = 0;
    const QJsonObject discovery =
        getJson(QUrl(issuer.toString() + u"/.well-known/openid-configuration"_s), &status);
    if (status != 200)
        return u"discovery answered %1"_s.arg(status);
    QStringList missing;
    for (const QString &name :
         {u"authorization_endpoint"_s, u"token_endpoint"_s, u"userinfo_endpoint"_s}) {
        if (!discovery.contains(name))
            missing.append(name);
    }
    if (missing.isEmpty())
        return {};
    return u"discovery does not list %1 (sign-in endpoints not mounted in Provider.cpp?)"_s.arg(
        missing.join(u", "_s));
}

} // namespace lanyard::test::interop
