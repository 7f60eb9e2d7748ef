// SPDX-License-Identifier: GPL-3.0-or-later
#include "clients/ClientsPage.h"

#include "backend/Backend.h"

namespace lanyard::ui {

ClientsPage::ClientsPage(Backend *backend, QWidget *parent) : QWidget(parent), m_backend(backend) {}

} // namespace lanyard::ui
