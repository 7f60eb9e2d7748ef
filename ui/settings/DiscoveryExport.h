// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QWidget;

namespace lanyard::ui {

class Backend;

/// File → Export discovery configuration…: asks for a folder, then writes
/// `openid-configuration.json` (the body of /.well-known/openid-configuration)
/// and `jwks.json` (the body of the JWKS endpoint) into it, byte for byte as
/// the server serves them (Provider::discoveryJson()/jwksJson(), read off
/// the GUI thread). Existing files are replaced only after the user agrees.
/// Reports the outcome (the two paths, or why it failed) in a message box
/// and through finished(). GUI thread.
class DiscoveryExport : public QObject
{
    Q_OBJECT

public:
    /// Asks for a folder: returns its path, or empty to cancel.
    using FolderChooser = std::function<QString(QWidget *parent)>;
    /// Asks whether to replace `existing` (full paths): true to go on.
    using OverwriteConfirmer = std::function<bool(QWidget *parent, const QStringList &existing)>;
    /// Shows the outcome to the user.
    using Reporter = std::function<void(QWidget *parent, bool ok, const QString &message)>;

    /// The names of the files written.
    static QString discoveryFileName();
    static QString jwksFileName();

    /// Runs one export with the standard dialogs; the object deletes itself
    /// when done. GUI thread.
    static void run(Backend *backend, QWidget *parent);

    /// `parent` is the dialogs' parent (and this object's owner).
    DiscoveryExport(Backend *backend, QWidget *parent);

    void setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }
    void setOverwriteConfirmer(OverwriteConfirmer confirmer) { m_confirm = std::move(confirmer); }
    void setReporter(Reporter reporter) { m_report = std::move(reporter); }

    /// Asks for the folder, then exportTo() it; finished(false, {}) when
    /// the user cancels.
    void start();
    /// Writes the two files into `folder` (asking before replacing any),
    /// then reports and emits finished().
    void exportTo(const QString &folder);

Q_SIGNALS:
    /// `ok`: both files were written (`paths`); otherwise `message` says
    /// why not (empty when the user cancelled).
    void finished(bool ok, const QStringList &paths, const QString &message);

private:
    void finish(bool ok, const QStringList &paths, const QString &message);

    Backend *m_backend;
    QWidget *m_parent;
    FolderChooser m_chooseFolder;
    OverwriteConfirmer m_confirm;
    Reporter m_report;
};

} // namespace lanyard::ui
