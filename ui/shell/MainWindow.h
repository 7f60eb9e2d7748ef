// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/ServerStatus.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace lanyard::ui {

class Backend;

/// The administration suite's window: a sidebar of pages, the page stack,
/// a status bar with the server state and the menus. GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// The pages, in sidebar order.
    enum class Page { Overview, Clients, Accounts, Keys, Sessions, Events, Settings, PageCount };

    /// `backend` must outlive the window.
    explicit MainWindow(Backend *backend, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    /// The widget of `page` (tests, screenshots).
    QWidget *page(Page page) const;

private:
    void addPage(Page page, QWidget *widget, const QString &iconName, const QString &title);
    void createMenus();
    void showStatus(const ServerStatus &status);
    void exportDiscovery();
    void showAbout();

    Backend *m_backend;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    QLabel *m_statusLabel;
};

} // namespace lanyard::ui
