// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of every page of the window over realistic demo data
// (DemoData), grabbed with QWidget::grab: <page>.png at 100 %, plus
// overview-dark.png (a dark palette) and overview-200.png (QT_SCALE_FACTOR=2,
// in a child process since the factor is read at start-up).
//
// They go to LANYARD_SCREENSHOT_DIR when it is set (`./dev screenshots`
// sets docs/screenshots), otherwise to screenshots/ next to this test in
// the build folder, so a CI run never writes into the source tree.
// LANYARD_SCREENSHOT_LANGUAGE (a language code such as zh_CN) shows the
// window in that language; Chinese needs a CJK font (fonts-noto-cjk).
#include "BackendFixture.h"
#include "DemoData.h"

#include "i18n/TranslationLoader.h"
#include "runtime/Provider.h"
#include "shell/MainWindow.h"
#include "store/SettingsKeys.h"
#include "store/SettingsStore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPalette>
#include <QProcess>
#include <QStyleFactory>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::MainWindow;

namespace {

/// Set in the child process that takes the 200 % screenshot.
constexpr char ChildVariable[] = "LANYARD_SCREENSHOT_CHILD";

QString outputDirectory()
{
    const QString configured = qEnvironmentVariable("LANYARD_SCREENSHOT_DIR");
    return configured.isEmpty()
               ? QDir(QCoreApplication::applicationDirPath()).filePath(u"screenshots"_s)
               : configured;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor muted(0x9a, 0x9d, 0xa1);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x36, 0x38, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3b, 0x3d, 0x40));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x28));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x7d, 0xd1));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x94, 0xf0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x71, 0x75));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

/// True when `image` has more than a handful of colours (a page drawn with
/// content, not a blank or one-colour rectangle).
bool looksDrawn(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size() > 8;
}

} // namespace

class tst_Screenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPage();
    void darkPalette();
    void scaled();
    void scaledChild();
    void cleanupTestCase();

private:
    /// Grabs the window showing `page` into `fileName` (in m_dir).
    void grab(MainWindow::Page page, const QString &fileName);
    /// Lets the pages load what they read off the GUI thread.
    static void settle(int ms) { QTest::qWait(ms); }

    lanyard::ui::TranslationLoader m_translations;
    std::unique_ptr<test::BackendFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    QDir m_dir;
    bool m_child = false;
};

void tst_Screenshots::initTestCase()
{
    m_child = qEnvironmentVariableIsSet(ChildVariable);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setApplicationDisplayName(u"Lanyard"_s);
    m_dir = QDir(outputDirectory());
    QVERIFY2(m_dir.mkpath(u"."_s), qPrintable(m_dir.path()));
    const QString language = qEnvironmentVariable("LANYARD_SCREENSHOT_LANGUAGE");
    if (!language.isEmpty())
        QCOMPARE(m_translations.install(QLocale(language), true), language);

    m_fixture = std::make_unique<test::BackendFixture>();
    QVERIFY(m_fixture->start());
    const QString failed = test::DemoData::seed(m_fixture->backend());
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    // The fixture lets the server take any free port (0); a real first start
    // remembers the port it got. Store it so Settings shows what a user sees.
    const QString port = QString::number(m_fixture->backend()->status().url.port());
    auto stored = test::BackendFixture::wait(
        m_fixture->backend()->run([settings = m_fixture->backend()->provider()->settings(), port] {
            return settings->set(QString(SettingsKeys::ListenPort), port);
        }));
    QVERIFY(stored.ok());

    m_window = std::make_unique<MainWindow>(m_fixture->backend());
    m_window->resize(m_child ? QSize(1100, 720) : QSize(1280, 800));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    settle(2500);
}

void tst_Screenshots::grab(MainWindow::Page page, const QString &fileName)
{
    m_window->showPage(page);
    settle(600);
    // A page with a table shows its first row selected (and its details).
    if (page != MainWindow::Page::Overview) {
        const auto views = m_window->page(page)->findChildren<QAbstractItemView *>();
        for (QAbstractItemView *view : views) {
            if (view->isVisible() && view->model() && view->model()->rowCount() > 0 &&
                view->selectionModel() && !view->selectionModel()->hasSelection()) {
                view->setCurrentIndex(view->model()->index(0, 0));
                settle(300);
                break;
            }
        }
    }
    const QPixmap shot = m_window->grab();
    const QString path = m_dir.filePath(fileName);
    QVERIFY2(shot.save(path, "PNG"), qPrintable(path));
    QVERIFY2(looksDrawn(shot.toImage()), qPrintable(path));
    qInfo("wrote %s (%dx%d)", qPrintable(path), shot.width(), shot.height());
}

void tst_Screenshots::everyPage()
{
    if (m_child)
        QSKIP("the child process takes only the 200 % screenshot");
    const QStringList names{u"overview"_s, u"clients"_s, u"accounts"_s, u"keys"_s,
                            u"sessions"_s, u"events"_s,  u"settings"_s};
    for (int row = 0; row < names.size(); ++row)
        grab(static_cast<MainWindow::Page>(row), names.at(row) + u".png"_s);
}

void tst_Screenshots::darkPalette()
{
    if (m_child)
        QSKIP("the child process takes only the 200 % screenshot");
    const QPalette light = QApplication::palette();
    QApplication::setPalette(::darkPalette());
    settle(200);
    grab(MainWindow::Page::Overview, u"overview-dark.png"_s);
    grab(MainWindow::Page::Clients, u"clients-dark.png"_s);
    QApplication::setPalette(light);
}

void tst_Screenshots::scaled()
{
    if (m_child)
        QSKIP("this is the child");
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(ChildVariable), u"1"_s);
    environment.insert(u"QT_SCALE_FACTOR"_s, u"2"_s);
    environment.insert(u"LANYARD_SCREENSHOT_DIR"_s, m_dir.absolutePath());
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {u"scaledChild"_s});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForFinished(240'000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    QImage image(m_dir.filePath(u"overview-200.png"_s));
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(2200, 1440));
}

void tst_Screenshots::scaledChild()
{
    if (!m_child)
        QSKIP("runs in the child process of scaled()");
    QCOMPARE(m_window->devicePixelRatio(), 2.0);
    grab(MainWindow::Page::Overview, u"overview-200.png"_s);
    grab(MainWindow::Page::Clients, u"clients-200.png"_s);
}

void tst_Screenshots::cleanupTestCase()
{
    m_window.reset();
    m_fixture.reset();
}

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"
