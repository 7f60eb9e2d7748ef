// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsPage.h"

#include "backend/Backend.h"

namespace lanyard::ui {

SettingsPage::SettingsPage(Backend *backend, QWidget *parent) : QWidget(parent), m_backend(backend)
{}

} // namespace lanyard::ui
