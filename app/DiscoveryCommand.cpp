// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "Console.h"
#include "ProviderOpener.h"

#include "runtime/Provider.h"

namespace lanyard::app::commands {

int discovery(const Invocation &invocation)
{
    auto provider = ProviderOpener::open(invocation);
    if (!provider)
        return console::fail(provider.error().message);
    auto document = (*provider)->discoveryJson();
    if (!document)
        return console::fail(document.error().message);
    auto jwks = (*provider)->jwksJson();
    if (!jwks)
        return console::fail(jwks.error().message);
    // The two bodies exactly as served, the discovery document first, each
    // ending in one newline: a stream of two JSON values (`jq -s` reads it).
    auto line = [](const QByteArray &body) {
        return body.endsWith('\n') ? body : body + '\n';
    };
    console::outBytes(line(*document) + line(*jwks));
    return ExitSuccess;
}

} // namespace lanyard::app::commands
