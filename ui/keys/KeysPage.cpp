// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeysPage.h"

#include "backend/Backend.h"

namespace lanyard::ui {

KeysPage::KeysPage(Backend *backend, QWidget *parent) : QWidget(parent), m_backend(backend) {}

} // namespace lanyard::ui
