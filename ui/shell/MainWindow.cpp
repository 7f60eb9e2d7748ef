// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/MainWindow.h"

#include "accounts/AccountsPage.h"
#include "backend/Backend.h"
#include "clients/ClientsPage.h"
#include "events/EventsPage.h"
#include "keys/KeysPage.h"
#include "overview/OverviewPage.h"
#include "sessions/SessionsPage.h"
#include "settings/DiscoveryExport.h"
#include "settings/SettingsPage.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

namespace lanyard::ui {

MainWindow::MainWindow(Backend *backend, QWidget *parent)
    : QMainWindow(parent), m_backend(backend), m_sidebar(new QListWidget),
      m_stack(new QStackedWidget), m_statusLabel(new QLabel)
{
    setWindowTitle(tr("Lanyard"));

    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setEditTriggers(QAbstractItemView::NoEditTriggers);

    addPage(Page::Overview, new OverviewPage(backend), QStringLiteral("overview"), tr("Overview"));
    addPage(Page::Clients, new ClientsPage(backend), QStringLiteral("clients"), tr("Clients"));
    addPage(Page::Accounts, new AccountsPage(backend), QStringLiteral("accounts"), tr("Accounts"));
    addPage(Page::Keys, new KeysPage(backend), QStringLiteral("keys"), tr("Keys"));
    addPage(Page::Sessions, new SessionsPage(backend), QStringLiteral("sessions"), tr("Sessions"));
    addPage(Page::Events, new EventsPage(backend), QStringLiteral("events"), tr("Events"));
    addPage(Page::Settings, new SettingsPage(backend), QStringLiteral("settings"), tr("Settings"));

    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_statusLabel->setObjectName(QStringLiteral("serverStatus"));
    statusBar()->addWidget(m_statusLabel, 1);
    connect(backend, &Backend::statusChanged, this, &MainWindow::showStatus);
    showStatus(backend->status());

    createMenus();
    showPage(Page::Overview);
    resize(1100, 720);
}

void MainWindow::addPage(Page page, QWidget *widget, const QString &iconName, const QString &title)
{
    Q_ASSERT(m_stack->count() == static_cast<int>(page));
    widget->setObjectName(iconName + QStringLiteral("Page"));
    m_stack->addWidget(widget);
    auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/lanyard/icons/%1.svg").arg(iconName)),
                                     title, m_sidebar);
    item->setToolTip(title);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportAction = file->addAction(tr("&Export discovery configuration…"));
    exportAction->setObjectName(QStringLiteral("exportDiscoveryAction"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportDiscovery);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Lanyard"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showPage(Page page)
{
    m_sidebar->setCurrentRow(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_stack->currentIndex());
}

QWidget *MainWindow::page(Page page) const
{
    return m_stack->widget(static_cast<int>(page));
}

void MainWindow::showStatus(const ServerStatus &status)
{
    using State = ServerStatus::State;
    switch (status.state) {
    case State::Opening:
        m_statusLabel->setText(tr("Opening the database…"));
        break;
    case State::Stopped:
        m_statusLabel->setText(tr("Stopped"));
        break;
    case State::Starting:
        m_statusLabel->setText(tr("Starting…"));
        break;
    case State::Running:
        m_statusLabel->setText(tr("Running at %1").arg(status.url.toString()));
        break;
    case State::Stopping:
        m_statusLabel->setText(tr("Stopping…"));
        break;
    case State::Failed:
        m_statusLabel->setText(tr("Error: %1").arg(status.error));
        break;
    }
}

void MainWindow::exportDiscovery()
{
    DiscoveryExport::run(m_backend, this);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Lanyard"),
                       tr("<h3>Lanyard %1</h3><p>Identity administration with an embedded "
                          "OpenID Provider.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace lanyard::ui
