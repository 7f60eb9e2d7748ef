// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lanyard::ui {

/// What the Sessions page needs to know of a client that took part in a
/// session: its name, and whether it gets back-channel logout tokens (it
/// registered a backchannel_logout_uri). Plain value; never the secret.
struct SessionClient
{
    QString clientId;
    /// client_name, or empty.
    QString name;
    bool backchannelLogout = false;

    /// The name, or the client_id when it has none.
    QString displayName() const { return name.isEmpty() ? clientId : name; }
};

} // namespace lanyard::ui
