// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace lanyard::ui {

class Backend;

/// File → Export discovery configuration…: asks where, then writes the
/// discovery document and the JWKS exactly as the server serves them.
/// GUI thread.
class DiscoveryExport
{
public:
    static void run(Backend *backend, QWidget *parent);
};

} // namespace lanyard::ui
