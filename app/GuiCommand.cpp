// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "Console.h"

#include "backend/Backend.h"
#include "i18n/TranslationLoader.h"
#include "shell/IconProvider.h"
#include "shell/MainWindow.h"
#include "store/Database.h"
#include "store/DatabaseLocation.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace lanyard::app::commands {

namespace {

/// The same file, followed through symbolic links when it exists.
bool sameFile(const QString &a, const QString &b)
{
    const QFileInfo first(a);
    const QFileInfo second(b);
    if (first.exists() && second.exists())
        return first.canonicalFilePath() == second.canonicalFilePath();
    return QDir::cleanPath(first.absoluteFilePath()) == QDir::cleanPath(second.absoluteFilePath());
}

} // namespace

int gui(int &argc, char **argv, const Invocation &invocation)
{
    // The desktop's own database serves; another one (`--db`, the system
    // service's) is managed only: the service serves it, and the window
    // must neither bind its port nor store a listen_port in it.
    const QString own = Database::defaultLocation();
    const bool isOwn = invocation.database.isEmpty() || sameFile(invocation.database, own);
    const QString location = isOwn ? own : invocation.database;
    if (!isOwn) {
        auto parsed = DatabaseLocation::parse(location);
        if (!parsed)
            return console::fail(parsed.error().message);
        // A mistyped path must not become a new, empty database that the
        // admin then edits by mistake; `lanyard serve --db` creates one.
        if (parsed->driver() == DatabaseLocation::Driver::Sqlite &&
            !QFileInfo::exists(parsed->databaseName()))
            return console::fail(
                u"no database at %1 (or its folder is not readable: the service's needs the "
                "group lanyard)"_s.arg(parsed->databaseName()));
    }

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
    backend.open(location, isOwn ? ui::Backend::OpenOptions{} : ui::Backend::manageOnly());
    return QApplication::exec();
}

} // namespace lanyard::app::commands
