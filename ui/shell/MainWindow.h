// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/ServerStatus.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace lanyard::ui {

class Backend;
class StatusDot;

/// The administration suite's window: a sidebar of pages, the page stack,
/// a status bar with the server state and the menus. GUI thread.
///
/// Keyboard: the sidebar takes focus (arrow keys move between pages),
/// Ctrl+1 … Ctrl+7 jump to a page from anywhere (View menu), and the
/// Server menu starts, stops and restarts the embedded provider.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// The pages, in sidebar order.
    enum class Page { Overview, Clients, Accounts, Keys, Sessions, Events, Settings, PageCount };

    /// The QSettings key of the saved window geometry.
    static QString geometrySettingsKey();

    /// `backend` must outlive the window.
    explicit MainWindow(Backend *backend, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    /// The widget of `page` (tests, screenshots).
    QWidget *page(Page page) const;
    /// The View menu's action that shows `page` (Ctrl+1 …).
    QAction *pageAction(Page page) const;

    /// Restores the geometry saved in QSettings (or picks a size that fits
    /// the screen) and saves it again when the window closes. Off by
    /// default, so tests leave the user's settings alone.
    void rememberGeometry();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addPage(Page page, QWidget *widget, const QString &iconName, const QString &title);
    void createMenus();
    void showStatus(const ServerStatus &status);
    void exportDiscovery();
    void showAbout();
    /// A size for a first start: enough for the pages, within the screen.
    QSize defaultSize() const;

    Backend *m_backend;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    StatusDot *m_statusDot;
    QLabel *m_statusLabel;
    QList<QAction *> m_pageActions;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_restartAction = nullptr;
    bool m_rememberGeometry = false;
};

} // namespace lanyard::ui
