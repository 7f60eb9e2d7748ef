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
#include "shell/AboutDialog.h"
#include "shell/IconProvider.h"
#include "shell/SidebarDelegate.h"
#include "shell/StatusDot.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

QString MainWindow::geometrySettingsKey()
{
    return u"MainWindow/geometry"_s;
}

MainWindow::MainWindow(Backend *backend, QWidget *parent)
    : QMainWindow(parent), m_backend(backend), m_sidebar(new QListWidget),
      m_stack(new QStackedWidget), m_statusDot(new StatusDot), m_statusLabel(new QLabel)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(IconProvider::applicationIcon());

    const int em = fontMetrics().height();
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setFocusPolicy(Qt::StrongFocus);
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    m_sidebar->setIconSize(QSize(em + em / 4, em + em / 4));
    m_sidebar->setUniformItemSizes(true);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_sidebar->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_sidebar->setMinimumWidth(em * 9);
    m_sidebar->setTextElideMode(Qt::ElideNone);

    auto *overview = new OverviewPage(backend);
    addPage(Page::Overview, overview, u"overview"_s, tr("Overview"));
    addPage(Page::Clients, new ClientsPage(backend), u"clients"_s, tr("Clients"));
    addPage(Page::Accounts, new AccountsPage(backend), u"accounts"_s, tr("Accounts"));
    addPage(Page::Keys, new KeysPage(backend), u"keys"_s, tr("Keys"));
    addPage(Page::Sessions, new SessionsPage(backend), u"sessions"_s, tr("Sessions"));
    addPage(Page::Events, new EventsPage(backend), u"events"_s, tr("Events"));
    addPage(Page::Settings, new SettingsPage(backend), u"settings"_s, tr("Settings"));
    connect(overview, &OverviewPage::showAllEventsRequested, this,
            [this] { showPage(Page::Events); });

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        if (QListWidgetItem *item = m_sidebar->item(row))
            setWindowTitle(item->text());
        if (QAction *action = m_pageActions.value(row))
            action->setChecked(true);
    });

    auto *separator = new QFrame;
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(separator);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_statusDot->setObjectName(u"serverStatusDot"_s);
    m_statusLabel->setObjectName(u"serverStatus"_s);
    m_statusLabel->setTextFormat(Qt::RichText);
    m_statusLabel->setOpenExternalLinks(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *status = new QWidget;
    auto *statusLayout = new QHBoxLayout(status);
    statusLayout->setContentsMargins(em / 3, 0, 0, 0);
    statusLayout->setSpacing(em / 3);
    statusLayout->addWidget(m_statusDot);
    statusLayout->addWidget(m_statusLabel, 1);
    statusBar()->addWidget(status, 1);

    createMenus();
    connect(backend, &Backend::statusChanged, this, &MainWindow::showStatus);
    showStatus(backend->status());

    showPage(Page::Overview);
    resize(defaultSize());
}

void MainWindow::addPage(Page page, QWidget *widget, const QString &iconName, const QString &title)
{
    Q_ASSERT(m_stack->count() == static_cast<int>(page));
    widget->setObjectName(iconName + u"Page"_s);
    m_stack->addWidget(widget);
    auto *item = new QListWidgetItem(IconProvider::icon(iconName), title, m_sidebar);
    const int number = static_cast<int>(page) + 1;
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(number));
    item->setData(Qt::AccessibleTextRole, title);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportAction = file->addAction(tr("&Export discovery configuration…"));
    exportAction->setObjectName(u"exportDiscoveryAction"_s);
    exportAction->setStatusTip(tr("Write the discovery document and the JWKS as the server "
                                  "serves them"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportDiscovery);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *pages = new QActionGroup(this);
    pages->setExclusive(true);
    for (int row = 0; row < m_sidebar->count(); ++row) {
        QListWidgetItem *item = m_sidebar->item(row);
        QAction *action = view->addAction(item->icon(), item->text());
        action->setObjectName(u"show%1Action"_s.arg(m_stack->widget(row)->objectName()));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
        action->setShortcutContext(Qt::WindowShortcut);
        pages->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, row] { showPage(static_cast<Page>(row)); });
        m_pageActions.append(action);
    }

    QMenu *server = menuBar()->addMenu(tr("S&erver"));
    m_startAction = server->addAction(tr("&Start"));
    m_startAction->setObjectName(u"startServerAction"_s);
    connect(m_startAction, &QAction::triggered, m_backend, &Backend::startServer);
    m_stopAction = server->addAction(tr("S&top"));
    m_stopAction->setObjectName(u"stopServerAction"_s);
    connect(m_stopAction, &QAction::triggered, m_backend, &Backend::stopServer);
    m_restartAction = server->addAction(tr("&Restart"));
    m_restartAction->setObjectName(u"restartServerAction"_s);
    connect(m_restartAction, &QAction::triggered, m_backend, &Backend::restartServer);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Lanyard"));
    about->setObjectName(u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setObjectName(u"aboutQtAction"_s);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
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

QAction *MainWindow::pageAction(Page page) const
{
    return m_pageActions.value(static_cast<int>(page));
}

void MainWindow::rememberGeometry()
{
    m_rememberGeometry = true;
    const QByteArray saved = QSettings().value(geometrySettingsKey()).toByteArray();
    if (saved.isEmpty() || !restoreGeometry(saved))
        resize(defaultSize());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_rememberGeometry)
        QSettings().setValue(geometrySettingsKey(), saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // The link in the status text takes its colour when the text is
        // set: set it again in the new palette's colours.
        m_statusLabel->clear();
        showStatus(m_backend->status());
    }
}

QSize MainWindow::defaultSize() const
{
    // In text lines, so the window grows with the font and the scale factor.
    const int em = fontMetrics().height();
    QSize size(em * 76, em * 54);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 9 / 10);
    return size;
}

void MainWindow::showStatus(const ServerStatus &status)
{
    using State = ServerStatus::State;
    m_statusDot->setState(status.state);
    const bool ready = m_backend->isReady();
    m_startAction->setEnabled(ready &&
                              (status.state == State::Stopped || status.state == State::Failed));
    m_stopAction->setEnabled(status.state == State::Running);
    m_restartAction->setEnabled(status.state == State::Running);

    switch (status.state) {
    case State::Opening:
        m_statusLabel->setText(tr("Opening the database…"));
        break;
    case State::Stopped:
        if (m_backend->isManageOnly())
            m_statusLabel->setText(tr("Managing %1 — not serving (the service serves it)")
                                       .arg(m_backend->databaseDisplayName().toHtmlEscaped()));
        else
            m_statusLabel->setText(tr("Stopped: the provider is not serving. Start it from the "
                                      "Server menu or the Overview."));
        break;
    case State::Starting:
        m_statusLabel->setText(tr("Starting…"));
        break;
    case State::Running: {
        const QString url = status.url.toString();
        const QString link =
            u"<a href=\"%1\">%2</a>"_s.arg(url.toHtmlEscaped(), url.toHtmlEscaped());
        const QString issuer = status.issuer.toString();
        if (!issuer.isEmpty() && issuer != url)
            m_statusLabel->setText(
                tr("Running at %1, issuer %2").arg(link, issuer.toHtmlEscaped()));
        else
            m_statusLabel->setText(tr("Running at %1").arg(link));
        break;
    }
    case State::Stopping:
        m_statusLabel->setText(tr("Stopping…"));
        break;
    case State::Failed:
        m_statusLabel->setText(tr("Error: %1").arg(status.error.toHtmlEscaped()));
        break;
    }
    m_statusLabel->setToolTip(status.state == State::Failed ? status.error : QString());
}

void MainWindow::exportDiscovery()
{
    DiscoveryExport::run(m_backend, this);
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace lanyard::ui
