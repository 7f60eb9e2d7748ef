// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "backend/Backend.h"
#include "i18n/TranslationLoader.h"
#include "shell/IconProvider.h"
#include "shell/MainWindow.h"
#include "store/Database.h"

#include <QApplication>

using namespace Qt::StringLiterals;

namespace lanyard::app::commands {

int gui(int &argc, char **argv)
{
    // Organisation and application names (QSettings, data folder) are set
    // in main(). The style is the platform's: Fusion on a bare X server,
    // the desktop's own through its platform theme; `-style NAME` chooses.
    QApplication app(argc, argv);
    // The system's language, or the one chosen in Settings; before any text.
    ui::TranslationLoader translations;
    translations.installChosen();
    QApplication::setApplicationDisplayName(QApplication::translate("lanyard", "Lanyard"));
    QApplication::setWindowIcon(ui::IconProvider::applicationIcon());
    // Lets the desktop match the window with the installed desktop entry
    // (packaging/org.lanyard.Lanyard.desktop: its icon, its name).
    QGuiApplication::setDesktopFileName(u"org.lanyard.Lanyard"_s);

    // Destroyed in reverse order: the window first, then the backend, whose
    // destructor stops the server and closes the database cleanly.
    ui::Backend backend;
    ui::MainWindow window(&backend);
    window.rememberGeometry();
    window.show();
    // Opening (and, on a first start, creating the database and keys)
    // happens on the provider thread; the window shows the progress.
    backend.open(Database::defaultLocation());
    return QApplication::exec();
}

} // namespace lanyard::app::commands
