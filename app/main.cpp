// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"
#include "Commands.h"
#include "Console.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace lanyard::app;

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(u"Lanyard"_s);
    QCoreApplication::setApplicationName(u"lanyard"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LANYARD_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const CommandLine::Parsed parsed = CommandLine::parse(arguments);
    if (!parsed.invocation)
        return console::fail(parsed.error + u" (see lanyard --help)"_s, ExitUsage);
    const Invocation &invocation = *parsed.invocation;

    using Command = Invocation::Command;
    switch (invocation.command) {
    case Command::Help:
        console::outBytes(invocation.helpText.toUtf8());
        return ExitSuccess;
    case Command::Version:
        console::out(u"lanyard "_s + QStringLiteral(LANYARD_VERSION));
        return ExitSuccess;
    case Command::Gui:
        return commands::gui(argc, argv, invocation);
    default:
        break;
    }

    QCoreApplication app(argc, argv);
    switch (invocation.command) {
    case Command::Serve:
        return commands::serve(invocation);
    case Command::Import:
        return commands::importFile(invocation);
    case Command::Export:
        return commands::exportAll(invocation);
    case Command::Discovery:
        return commands::discovery(invocation);
    case Command::Keys:
        return commands::keys(invocation);
    case Command::Sessions:
        return commands::sessions(invocation);
    default:
        return ExitUsage;
    }
}
