// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/DiscoveryExport.h"

#include "backend/Backend.h"

namespace lanyard::ui {

void DiscoveryExport::run(Backend *backend, QWidget *parent)
{
    Q_UNUSED(backend);
    Q_UNUSED(parent);
}

} // namespace lanyard::ui
