// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CommandLine.h"

namespace lanyard::app {

/// The headless commands of CONTRACT.md. Each returns the process exit code
/// and writes its own output. Main thread only, inside a QCoreApplication.
namespace commands {
/// `lanyard [--db FILE]`: the desktop window with the embedded provider.
/// On the default database (no --db, or --db naming it) it serves at once
/// and remembers its port; any other database (the system service's) is
/// managed only: nothing is served or stored until the user starts the
/// server. Creates the QApplication itself.
int gui(int &argc, char **argv, const Invocation &invocation);
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
