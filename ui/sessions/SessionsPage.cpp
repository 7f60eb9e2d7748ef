// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionsPage.h"

#include "backend/Backend.h"

namespace lanyard::ui {

SessionsPage::SessionsPage(Backend *backend, QWidget *parent) : QWidget(parent), m_backend(backend)
{}

} // namespace lanyard::ui
