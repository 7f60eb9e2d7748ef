// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "Console.h"
#include "ProviderOpener.h"

#include "admin/ExportService.h"
#include "runtime/Provider.h"

#include <QJsonDocument>

namespace lanyard::app::commands {

int exportAll(const Invocation &invocation)
{
    auto provider = ProviderOpener::open(invocation);
    if (!provider)
        return console::fail(provider.error().message);
    auto json = (*provider)->exportService().exportAll(invocation.withSecrets);
    if (!json)
        return console::fail(json.error().message);
    console::outBytes(QJsonDocument(*json).toJson(QJsonDocument::Indented));
    return ExitSuccess;
}

} // namespace lanyard::app::commands
