// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "HttpTestClient.h"
#include "settings/DiscoveryExport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::DiscoveryExport;

namespace {

/// The body the running server answers for GET `path`.
QByteArray served(quint16 port, const QByteArray &path)
{
    const auto response = test::HttpTestClient::exchange(
        port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if (!response || response->status != 200) {
        qWarning("GET %s failed", path.constData());
        return {};
    }
    return response->body;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDiscoveryExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void writesWhatTheServerServes();
    void asksBeforeReplacingFiles();
    void cancelledFolderWritesNothing();
    void unwritableFolderIsReported();

private:
    /// An exporter whose dialogs are replaced: the folder is `folder`,
    /// replacing answers `replace`; reports are collected in m_reports.
    DiscoveryExport *exporter(const QString &folder, bool replace);

    std::unique_ptr<test::BackendFixture> m_fixture;
    std::unique_ptr<QWidget> m_window;
    QStringList m_reports;
    QList<QStringList> m_confirmations;
};

void TestDiscoveryExport::init()
{
    m_fixture = std::make_unique<test::BackendFixture>();
    QVERIFY(m_fixture->start());
    m_window = std::make_unique<QWidget>();
    m_reports.clear();
    m_confirmations.clear();
}

void TestDiscoveryExport::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

DiscoveryExport *TestDiscoveryExport::exporter(const QString &folder, bool replace)
{
    auto *exporter = new DiscoveryExport(m_fixture->backend(), m_window.get());
    exporter->setFolderChooser([folder](QWidget *) { return folder; });
    exporter->setOverwriteConfirmer([this, replace](QWidget *, const QStringList &existing) {
        m_confirmations.append(existing);
        return replace;
    });
    exporter->setReporter([this](QWidget *, bool ok, const QString &message) {
        m_reports.append((ok ? u"ok: "_s : u"failed: "_s) + message);
    });
    return exporter;
}

void TestDiscoveryExport::writesWhatTheServerServes()
{
    QTemporaryDir dir;
    DiscoveryExport *exporter = this->exporter(dir.path(), false);
    QSignalSpy finished(exporter, &DiscoveryExport::finished);
    exporter->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    const QString discoveryPath = dir.filePath(u"openid-configuration.json"_s);
    const QString jwksPath = dir.filePath(u"jwks.json"_s);
    QCOMPARE(finished.first().at(1).toStringList(), (QStringList{discoveryPath, jwksPath}));
    QVERIFY(m_confirmations.isEmpty());
    QCOMPARE(m_reports.size(), 1);
    QVERIFY2(m_reports.first().startsWith(u"ok: "_s), qPrintable(m_reports.first()));
    QVERIFY(m_reports.first().contains(QDir::toNativeSeparators(discoveryPath)));
    QVERIFY(m_reports.first().contains(QDir::toNativeSeparators(jwksPath)));

    const auto port = static_cast<quint16>(m_fixture->backend()->status().url.port());
    const QByteArray discovery = served(port, "/.well-known/openid-configuration");
    QVERIFY(!discovery.isEmpty());
    QCOMPARE(readAll(discoveryPath), discovery);
    // The JWKS where discovery says it is.
    const QUrl jwksUri(QJsonDocument::fromJson(discovery).object().value(u"jwks_uri"_s).toString());
    QCOMPARE(jwksUri.port(), int(port));
    const QByteArray jwks = served(port, jwksUri.path().toUtf8());
    QVERIFY(jwks.contains("\"keys\""));
    QCOMPARE(readAll(jwksPath), jwks);
    // The issuer is the one the server runs with (port 0 resolved).
    QCOMPARE(QJsonDocument::fromJson(readAll(discoveryPath)).object().value(u"issuer"_s).toString(),
             m_fixture->backend()->status().issuer.toString());
}

void TestDiscoveryExport::asksBeforeReplacingFiles()
{
    QTemporaryDir dir;
    const QString jwksPath = dir.filePath(u"jwks.json"_s);
    {
        QFile existing(jwksPath);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
    }

    // Refused: nothing is written, not even the file that did not exist.
    DiscoveryExport *refused = exporter(dir.path(), false);
    QSignalSpy refusedDone(refused, &DiscoveryExport::finished);
    refused->start();
    QTRY_COMPARE(refusedDone.count(), 1);
    QVERIFY(!refusedDone.first().at(0).toBool());
    QVERIFY(refusedDone.first().at(2).toString().isEmpty());
    QCOMPARE(m_confirmations, QList<QStringList>{QStringList{jwksPath}});
    QCOMPARE(readAll(jwksPath), "keep me"_ba);
    QVERIFY(!QFile::exists(dir.filePath(u"openid-configuration.json"_s)));
    QVERIFY(m_reports.isEmpty());

    // Agreed: both replaced.
    DiscoveryExport *agreed = exporter(dir.path(), true);
    QSignalSpy agreedDone(agreed, &DiscoveryExport::finished);
    agreed->start();
    QTRY_COMPARE_WITH_TIMEOUT(agreedDone.count(), 1, 10'000);
    QVERIFY(agreedDone.first().at(0).toBool());
    QCOMPARE(m_confirmations.size(), 2);
    QVERIFY(readAll(jwksPath).contains("\"keys\""));
    QVERIFY(QFile::exists(dir.filePath(u"openid-configuration.json"_s)));
}

void TestDiscoveryExport::cancelledFolderWritesNothing()
{
    DiscoveryExport *cancelled = exporter(QString(), true);
    QSignalSpy done(cancelled, &DiscoveryExport::finished);
    cancelled->start();
    QCOMPARE(done.count(), 1);
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY(m_reports.isEmpty());
    QVERIFY(m_confirmations.isEmpty());
}

void TestDiscoveryExport::unwritableFolderIsReported()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(u"no/such/folder"_s);
    DiscoveryExport *failing = exporter(missing, true);
    QSignalSpy done(failing, &DiscoveryExport::finished);
    failing->start();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10'000);
    QVERIFY(!done.first().at(0).toBool());
    QCOMPARE(m_reports.size(), 1);
    QVERIFY2(m_reports.first().startsWith(u"failed: "_s), qPrintable(m_reports.first()));
    QVERIFY2(m_reports.first().contains(u"openid-configuration.json"_s),
             qPrintable(m_reports.first()));
}

QTEST_MAIN(TestDiscoveryExport)
#include "tst_discoveryexport.moc"
