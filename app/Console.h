// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lanyard::app {

/// Exit codes of CONTRACT.md: 0 success, 1 failure, 2 bad usage.
enum ExitCode : int { ExitSuccess = 0, ExitFailure = 1, ExitUsage = 2 };

/// Writing to stdout and stderr, UTF-8, flushed per line so JSON event lines
/// reach a pipe at once. Main thread only.
namespace console {
void out(const QString &line);
void outBytes(const QByteArray &bytes);
void err(const QString &line);
/// Prints "lanyard: <message>" on stderr and returns `code`.
int fail(const QString &message, int code = ExitFailure);
} // namespace console

} // namespace lanyard::app
