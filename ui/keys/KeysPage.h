// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Event.h"

#include "widgets/ReloadGate.h"
#include <QList>

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QMenu;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace lanyard::ui {

class Backend;
class EmptyState;
class KeyTableModel;

/// The Keys page: every signing key with its state and dates and where it
/// is in the publish → promote → retire cycle; "Rotate now" (every
/// algorithm, or one from the menu), "Retire key…" and "Export public
/// JWKS…". Buttons the provider would refuse right now are disabled with
/// the reason in their tooltip (KeyActions). All provider work runs on the
/// Backend's pool; the table follows key.* events and a one-minute clock.
/// GUI thread.
class KeysPage : public QWidget
{
    Q_OBJECT

public:
    /// Asks where to write the JWKS; an empty string cancels.
    using PathChooser = std::function<QString(QWidget *parent)>;

    explicit KeysPage(Backend *backend, QWidget *parent = nullptr);
    ~KeysPage() override;

    /// Replaces the file dialog of "Export public JWKS…" (tests).
    void setExportPathChooser(PathChooser chooser);

    KeyTableModel *model() const { return m_model; }

    /// Lists the keys again (off the GUI thread); a reload asked for while
    /// one runs happens after it.
    void reload();
    /// KeyService::rotateAll, off the GUI thread; reports in the message
    /// line and with finished().
    void rotateAll();
    /// KeyService::rotate(alg), off the GUI thread.
    void rotate(const QString &alg);
    /// Opens (window-modal, not blocking) the confirmation for retiring
    /// `kid` and returns it; accepting it retires the key. nullptr when
    /// retiring is not safe now.
    QMessageBox *confirmRetire(const QString &kid);
    /// KeyService::retire(kid) without asking, off the GUI thread.
    void retire(const QString &kid);
    /// Asks for a file and writes the public JWKS there, byte for byte as
    /// the server serves it (Provider::jwksJson, off the GUI thread).
    void exportJwks();

    /// The kid of the selected key, or empty.
    QString selectedKid() const;

Q_SIGNALS:
    /// A listing reached the table.
    void loaded();
    /// A rotation, retirement or export ended; `message` is what the
    /// message line shows.
    void finished(bool ok, const QString &message);

private:
    void onEvents(const QList<lanyard::Event> &events);
    void updateActions();
    void showMessage(const QString &message, bool ok);
    void setBusy(bool busy);
    void copySelectedKid();

    Backend *m_backend;
    KeyTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    QTableView *m_table;
    EmptyState *m_empty;
    QPushButton *m_rotateButton;
    QToolButton *m_rotateMenuButton;
    QMenu *m_rotateMenu;
    QPushButton *m_retireButton;
    QPushButton *m_exportButton;
    QAction *m_copyAction;
    QAction *m_retireAction;
    QLabel *m_messageIcon;
    QLabel *m_message;
    QLabel *m_cycle;
    QTimer *m_clock;
    PathChooser m_chooseExportPath;

    ReloadGate m_reload;
    bool m_loadedOnce = false;
    /// A rotation or retirement runs.
    bool m_busy = false;
    bool m_exporting = false;
    qint64 m_rotationDelaySecs = 0;
    int m_retiredLifetimeSecs = 0;
};

} // namespace lanyard::ui
