// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "overview/OverviewPage.h"
#include "shell/AboutDialog.h"
#include "shell/IconProvider.h"
#include "shell/MainWindow.h"
#include "shell/StatusDot.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::MainWindow;
using lanyard::ui::ServerStatus;

namespace {

constexpr int PageCount = static_cast<int>(MainWindow::Page::PageCount);

/// The colour of the first clearly visible pixel of `image`, or invalid.
QColor inkOf(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() == 255)
                return c;
        }
    return {};
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPageIsReachableFromTheSidebar();
    void everyPageIsReachableWithCtrlAndANumber();
    void arrowKeysMoveThroughTheSidebar();
    void statusBarFollowsTheServer();
    void statusBarShowsWhyOpeningFailed();
    void menuActionsExist();
    void aboutNamesVersionsAndLicence();
    void showAllOnTheOverviewOpensTheEventsPage();
    void sidebarIconsAreTintedFromThePalette();
    void geometryIsRemembered();
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"LanyardTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void tst_MainWindow::everyPageIsReachableFromTheSidebar()
{
    ui::Backend backend;
    MainWindow window(&backend);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
    QVERIFY(sidebar);
    QCOMPARE(sidebar->count(), PageCount);
    QCOMPARE(window.currentPage(), MainWindow::Page::Overview);
    const QStringList names{u"overviewPage"_s, u"clientsPage"_s, u"accountsPage"_s, u"keysPage"_s,
                            u"sessionsPage"_s, u"eventsPage"_s,  u"settingsPage"_s};
    auto *stack = window.findChild<QStackedWidget *>();
    QVERIFY(stack);
    // Backwards, so every click changes the page.
    for (int row = PageCount - 1; row >= 0; --row) {
        const QRect rect = sidebar->visualItemRect(sidebar->item(row));
        QVERIFY(!rect.isEmpty());
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(static_cast<int>(window.currentPage()), row);
        QCOMPARE(stack->currentWidget(), window.page(static_cast<MainWindow::Page>(row)));
        QCOMPARE(stack->currentWidget()->objectName(), names.at(row));
        QCOMPARE(window.windowTitle(), sidebar->item(row)->text());
        QVERIFY(window.pageAction(static_cast<MainWindow::Page>(row))->isChecked());
    }
}

void tst_MainWindow::everyPageIsReachableWithCtrlAndANumber()
{
    ui::Backend backend;
    MainWindow window(&backend);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    for (int row = PageCount - 1; row >= 0; --row) {
        const auto page = static_cast<MainWindow::Page>(row);
        const QKeySequence expected(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row));
        QCOMPARE(window.pageAction(page)->shortcut(), expected);
        QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + row), Qt::ControlModifier);
        QCOMPARE(window.currentPage(), page);
    }
    // Ctrl+8 is no page: nothing changes.
    QTest::keyClick(&window, Qt::Key_8, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Overview);
}

void tst_MainWindow::arrowKeysMoveThroughTheSidebar()
{
    ui::Backend backend;
    MainWindow window(&backend);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
    QCOMPARE(sidebar->focusPolicy(), Qt::StrongFocus);
    sidebar->setFocus();
    QTest::keyClick(sidebar, Qt::Key_Down);
    QCOMPARE(window.currentPage(), MainWindow::Page::Clients);
    QTest::keyClick(sidebar, Qt::Key_Down);
    QCOMPARE(window.currentPage(), MainWindow::Page::Accounts);
    QTest::keyClick(sidebar, Qt::Key_End);
    QCOMPARE(window.currentPage(), MainWindow::Page::Settings);
    QTest::keyClick(sidebar, Qt::Key_Up);
    QCOMPARE(window.currentPage(), MainWindow::Page::Events);
    QTest::keyClick(sidebar, Qt::Key_Home);
    QCOMPARE(window.currentPage(), MainWindow::Page::Overview);
}

void tst_MainWindow::statusBarFollowsTheServer()
{
    test::BackendFixture fixture;
    ui::Backend *backend = fixture.backend();
    MainWindow window(backend);
    auto *label = window.findChild<QLabel *>(u"serverStatus"_s);
    auto *dot = window.findChild<ui::StatusDot *>(u"serverStatusDot"_s);
    auto *start = window.findChild<QAction *>(u"startServerAction"_s);
    auto *stop = window.findChild<QAction *>(u"stopServerAction"_s);
    QVERIFY(label && dot && start && stop);
    QVERIFY(label->text().contains(u"Opening"_s));
    QCOMPARE(dot->state(), ServerStatus::State::Opening);
    QVERIFY(!start->isEnabled());
    QVERIFY(!stop->isEnabled());

    QVERIFY(fixture.start());
    const QString url = backend->status().url.toString();
    QVERIFY(label->text().contains(u"Running at"_s));
    // The URL is a link that opens in the browser.
    QVERIFY(label->text().contains(u"<a href=\"%1\">"_s.arg(url)));
    QVERIFY(label->openExternalLinks());
    QCOMPARE(dot->state(), ServerStatus::State::Running);
    QCOMPARE(dot->accessibleName(), u"Running"_s);
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled());

    stop->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(backend->status().state, ServerStatus::State::Stopped, 10'000);
    QVERIFY(label->text().startsWith(u"Stopped"_s));
    QVERIFY(!label->text().contains(url));
    QCOMPARE(dot->state(), ServerStatus::State::Stopped);
    QVERIFY(start->isEnabled());
    QVERIFY(!stop->isEnabled());

    start->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(backend->status().state, ServerStatus::State::Running, 10'000);
    QVERIFY(label->text().contains(backend->status().url.toString()));
}

void tst_MainWindow::statusBarShowsWhyOpeningFailed()
{
    ui::Backend backend;
    MainWindow window(&backend);
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    backend.open(dir.filePath(u"file/lanyard.db"_s));
    QTRY_COMPARE_WITH_TIMEOUT(backend.status().state, ServerStatus::State::Failed, 10'000);
    auto *label = window.findChild<QLabel *>(u"serverStatus"_s);
    const QString reason = backend.status().error;
    QVERIFY(!reason.isEmpty());
    QVERIFY(label->text().startsWith(u"Error: "_s));
    QVERIFY(label->text().contains(reason.toHtmlEscaped()));
    QCOMPARE(label->toolTip(), reason);
    QCOMPARE(window.findChild<ui::StatusDot *>(u"serverStatusDot"_s)->state(),
             ServerStatus::State::Failed);
    // Nothing to start: the database is not open.
    QVERIFY(!window.findChild<QAction *>(u"startServerAction"_s)->isEnabled());
}

void tst_MainWindow::menuActionsExist()
{
    ui::Backend backend;
    MainWindow window(&backend);
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus, (QStringList{u"&File"_s, u"&View"_s, u"S&erver"_s, u"&Help"_s}));
    for (const QString &name :
         {u"exportDiscoveryAction"_s, u"quitAction"_s, u"aboutAction"_s, u"aboutQtAction"_s,
          u"startServerAction"_s, u"stopServerAction"_s, u"restartServerAction"_s}) {
        auto *action = window.findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        QVERIFY2(!action->text().isEmpty(), qPrintable(name));
    }
    QVERIFY(window.findChild<QAction *>(u"exportDiscoveryAction"_s)
                ->text()
                .startsWith(u"&Export discovery configuration"_s));
    QCOMPARE(window.findChild<QAction *>(u"quitAction"_s)->shortcut(),
             QKeySequence(QKeySequence::Quit));
    for (int row = 0; row < PageCount; ++row)
        QVERIFY(window.pageAction(static_cast<MainWindow::Page>(row)));
    QVERIFY(!window.pageAction(MainWindow::Page::PageCount));
}

void tst_MainWindow::aboutNamesVersionsAndLicence()
{
    ui::Backend backend;
    MainWindow window(&backend);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction *>(u"aboutAction"_s)->trigger();
    ui::AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ui::AboutDialog *>(u"aboutDialog"_s)) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    const QString text = dialog->findChild<QLabel *>(u"aboutText"_s)->text();
    QVERIFY(text.contains(QStringLiteral(LANYARD_VERSION)));
    QVERIFY(text.contains(u"GPL-3.0-or-later"_s));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(u"OpenSSL 3"_s));
    dialog->reject();
    QTRY_VERIFY(!window.findChild<ui::AboutDialog *>(u"aboutDialog"_s));
}

void tst_MainWindow::showAllOnTheOverviewOpensTheEventsPage()
{
    ui::Backend backend;
    MainWindow window(&backend);
    QCOMPARE(window.currentPage(), MainWindow::Page::Overview);
    auto *button =
        window.page(MainWindow::Page::Overview)->findChild<QPushButton *>(u"showAllEventsButton"_s);
    QVERIFY(button);
    button->click();
    QCOMPARE(window.currentPage(), MainWindow::Page::Events);
}

void tst_MainWindow::sidebarIconsAreTintedFromThePalette()
{
    const QPalette original = QApplication::palette();
    ui::Backend backend;
    MainWindow window(&backend);
    auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
    for (int row = 0; row < sidebar->count(); ++row) {
        const QIcon icon = sidebar->item(row)->icon();
        QVERIFY(!icon.isNull());
        const QColor normal = inkOf(icon.pixmap(QSize(32, 32), 1.0, QIcon::Normal).toImage());
        QVERIFY2(normal.isValid(), qPrintable(sidebar->item(row)->text()));
        QCOMPARE(normal.rgb(), original.color(QPalette::WindowText).rgb());
        const QColor selected = inkOf(icon.pixmap(QSize(32, 32), 1.0, QIcon::Selected).toImage());
        QCOMPARE(selected.rgb(), original.color(QPalette::HighlightedText).rgb());
    }
    // A dark palette: the same icons come out light.
    QPalette dark = original;
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    QApplication::setPalette(dark);
    const QColor light =
        inkOf(sidebar->item(0)->icon().pixmap(QSize(32, 32), 1.0, QIcon::Normal).toImage());
    QApplication::setPalette(original);
    QCOMPARE(light.rgb(), QColor(0xee, 0xee, 0xee).rgb());
    // Sharp at 200 %: rendered at twice the pixels.
    const QPixmap doubled = sidebar->item(0)->icon().pixmap(QSize(16, 16), 2.0);
    QCOMPARE(doubled.size(), QSize(32, 32));
    QVERIFY(!ui::IconProvider::applicationIcon().isNull());
    QVERIFY(!window.windowIcon().isNull());
}

void tst_MainWindow::geometryIsRemembered()
{
    QSettings().remove(MainWindow::geometrySettingsKey());
    ui::Backend backend;
    {
        MainWindow window(&backend);
        window.rememberGeometry();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        QTRY_COMPARE(window.size(), QSize(900, 640));
        window.close();
    }
    QVERIFY(QSettings().contains(MainWindow::geometrySettingsKey()));
    {
        MainWindow window(&backend);
        window.rememberGeometry();
        QCOMPARE(window.size(), QSize(900, 640));
    }
    // A window that does not remember writes nothing.
    QSettings().remove(MainWindow::geometrySettingsKey());
    {
        MainWindow window(&backend);
        window.show();
        window.close();
    }
    QVERIFY(!QSettings().contains(MainWindow::geometrySettingsKey()));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
