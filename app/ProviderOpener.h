// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CommandLine.h"
#include "core/Error.h"
#include "core/Result.h"

#include <memory>

namespace lanyard {
class Provider;
}

namespace lanyard::app {

/// Opens the provider a command works on: the database of `--db` (or the
/// GUI's), with `--issuer`, `--listen` and `--tls-*` laid over the stored
/// settings (flags override the database, CONTRACT.md).
class ProviderOpener
{
public:
    static Result<std::unique_ptr<Provider>, Error> open(const Invocation &invocation);
    /// The database location `--db` names, or the default one.
    static QString databaseLocation(const Invocation &invocation);
};

} // namespace lanyard::app
