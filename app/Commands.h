// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CommandLine.h"

namespace lanyard::app {

/// The headless commands of CONTRACT.md. Each returns the process exit code
/// and writes its own output. Main thread only, inside a QCoreApplication.
namespace commands {
/// `lanyard` without arguments: the desktop window with the embedded
/// provider on the default database. Creates the QApplication itself.
int gui(int &argc, char **argv);
int serve(const Invocation &invocation);
int importFile(const Invocation &invocation);
int exportAll(const Invocation &invocation);
int discovery(const Invocation &invocation);
/// `keys list|rotate [ALG]|retire KID`
int keys(const Invocation &invocation);
/// `sessions list|end ID|end-all USERNAME`
int sessions(const Invocation &invocation);
} // namespace commands

} // namespace lanyard::app
