// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/DiscoveryExport.h"

#include "backend/Backend.h"
#include "runtime/Provider.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

namespace {

Result<void, Error> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error::io(
            u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace

QString DiscoveryExport::discoveryFileName()
{
    return u"openid-configuration.json"_s;
}

QString DiscoveryExport::jwksFileName()
{
    return u"jwks.json"_s;
}

void DiscoveryExport::run(Backend *backend, QWidget *parent)
{
    auto *exporter = new DiscoveryExport(backend, parent);
    connect(exporter, &DiscoveryExport::finished, exporter, &QObject::deleteLater);
    exporter->start();
}

DiscoveryExport::DiscoveryExport(Backend *backend, QWidget *parent)
    : QObject(parent), m_backend(backend), m_parent(parent)
{
    m_chooseFolder = [](QWidget *dialogParent) {
        return QFileDialog::getExistingDirectory(
            dialogParent, tr("Export discovery configuration to folder"), QDir::homePath());
    };
    m_confirm = [](QWidget *dialogParent, const QStringList &existing) {
        QStringList names;
        for (const QString &path : existing)
            names.append(QDir::toNativeSeparators(path));
        return QMessageBox::question(
                   dialogParent, tr("Replace files?"),
                   tr("These files exist already:\n%1\n\nReplace them?").arg(names.join(u'\n')),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
    m_report = [](QWidget *dialogParent, bool ok, const QString &message) {
        if (ok)
            QMessageBox::information(dialogParent, tr("Discovery configuration exported"), message);
        else
            QMessageBox::warning(dialogParent, tr("Export failed"), message);
    };
}

void DiscoveryExport::start()
{
    const QString folder = m_chooseFolder(m_parent);
    if (folder.isEmpty()) {
        Q_EMIT finished(false, {}, {});
        return;
    }
    exportTo(folder);
}

void DiscoveryExport::exportTo(const QString &folder)
{
    if (!m_backend->isReady()) {
        finish(false, {}, tr("The provider's database is not open yet."));
        return;
    }
    const QDir dir(folder);
    const QStringList paths{dir.filePath(discoveryFileName()), dir.filePath(jwksFileName())};
    QStringList existing;
    for (const QString &path : paths) {
        if (QFileInfo::exists(path))
            existing.append(path);
    }
    if (!existing.isEmpty() && !m_confirm(m_parent, existing)) {
        Q_EMIT finished(false, {}, {});
        return;
    }

    m_backend
        ->run([provider = m_backend->provider(), paths]() -> Result<QStringList, Error> {
            // The bodies the server's endpoints send, not re-serialised.
            auto discovery = provider->discoveryJson();
            if (!discovery)
                return discovery.error();
            auto jwks = provider->jwksJson();
            if (!jwks)
                return jwks.error();
            if (auto written = writeFile(paths.at(0), *discovery); !written)
                return written.error();
            if (auto written = writeFile(paths.at(1), *jwks); !written)
                return written.error();
            return paths;
        })
        .then(this, [this](const Result<QStringList, Error> &written) {
            if (!written) {
                finish(false, {},
                       tr("The discovery configuration could not be exported: %1")
                           .arg(written.error().message));
                return;
            }
            QStringList shown;
            for (const QString &path : *written)
                shown.append(QDir::toNativeSeparators(path));
            finish(true, *written,
                   tr("Wrote the discovery document and the public keys (JWKS) as the server "
                      "serves them:\n%1")
                       .arg(shown.join(u'\n')));
        });
}

void DiscoveryExport::finish(bool ok, const QStringList &paths, const QString &message)
{
    if (m_report)
        m_report(m_parent, ok, message);
    Q_EMIT finished(ok, paths, message);
}

} // namespace lanyard::ui
