// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lanyard::ui {
class Backend;
}

namespace lanyard::test {

/// Realistic content for screenshots and demos, put into a running
/// ui::Backend the way it would arrive in real life: clients and accounts
/// through the import service, sign-ins through the real HTTP flow
/// (discovery, authorize, the login form, the token endpoint) from
/// browsers with their own cookies and user agents, a wrong password, a
/// key rotation through the key service, and an hour of earlier sign-ins
/// published through the event bus with their past times (so the Overview's
/// chart has a history). GUI thread; blocks while the event loop runs.
class DemoData
{
public:
    /// The password of every demo account.
    static QString password();

    /// Seeds `backend` (open and running). Returns an empty string, or what
    /// went wrong.
    static QString seed(ui::Backend *backend);
};

} // namespace lanyard::test
