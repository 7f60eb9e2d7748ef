// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "Console.h"
#include "EventPrinter.h"
#include "ProviderOpener.h"
#include "SignalWatcher.h"

#include "events/EventBus.h"
#include "runtime/Provider.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace lanyard::app::commands {

int serve(const Invocation &invocation)
{
    SignalWatcher signals;
    if (!signals.isValid())
        return console::fail(u"cannot watch for SIGINT/SIGTERM"_s);

    // Declared before the provider, so it outlives it and prints the last events.
    EventPrinter printer;
    auto provider = ProviderOpener::open(invocation);
    if (!provider)
        return console::fail(provider.error().message);

    // Every event as one JSON line, without request threads waiting on stdout.
    QObject::connect((*provider)->events(), &EventBus::published, &printer, &EventPrinter::enqueue,
                     Qt::DirectConnection);

    auto url = (*provider)->start();
    if (!url)
        return console::fail(url.error().message);
    console::out(u"listening on %1"_s.arg(url->toString()));
    printer.start();

    QObject::connect(&signals, &SignalWatcher::terminationRequested, qApp,
                     [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    (*provider)->stop();
    return ExitSuccess;
}

} // namespace lanyard::app::commands
