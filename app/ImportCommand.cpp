// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "Console.h"
#include "ProviderOpener.h"

#include "admin/ImportService.h"
#include "events/EventBus.h"
#include "runtime/Provider.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace lanyard::app::commands {

namespace {
/// Import files are small; anything bigger is a mistake, not a directory.
constexpr qint64 MaxImportBytes = 64 * 1024 * 1024;
} // namespace

int importFile(const Invocation &invocation)
{
    QFile file(invocation.file);
    if (!file.open(QIODevice::ReadOnly))
        return console::fail(u"cannot read %1: %2"_s.arg(invocation.file, file.errorString()));
    if (file.size() > MaxImportBytes)
        return console::fail(u"%1 is larger than 64 MiB"_s.arg(invocation.file));
    const QByteArray json = file.readAll();

    auto provider = ProviderOpener::open(invocation);
    if (!provider)
        return console::fail(provider.error().message);

    auto report = (*provider)->importService().importJson(json, u"lanyard import"_s);
    if (!report) {
        console::err(
            u"lanyard: %1 is invalid; nothing was changed (%2 problem%3):"_s.arg(invocation.file)
                .arg(report.error().size())
                .arg(report.error().size() == 1 ? QString() : u"s"_s));
        for (const ValidationProblem &problem : report.error())
            console::err(u"  "_s + problem.toString());
        return ExitFailure;
    }
    for (const ValidationProblem &warning : std::as_const(report->warnings))
        console::err(u"warning: "_s + warning.toString());
    for (const ImportChange &change : std::as_const(report->changes))
        console::out(change.toString());
    if (auto flushed = (*provider)->events()->flush(); !flushed)
        return console::fail(
            u"changes were saved but their events were not: %1"_s.arg(flushed.error().message));
    return ExitSuccess;
}

} // namespace lanyard::app::commands
