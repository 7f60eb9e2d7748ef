// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "backend/Backend.h"
#include "shell/MainWindow.h"
#include "store/Database.h"

#include <QApplication>

namespace lanyard::app::commands {

int gui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QApplication::translate("lanyard", "Lanyard"));

    ui::Backend backend;
    ui::MainWindow window(&backend);
    window.show();
    // Opening (and, on a first start, creating the database and keys)
    // happens on the provider thread; the window shows the progress.
    backend.open(Database::defaultLocation());
    return QApplication::exec();
}

} // namespace lanyard::app::commands
