// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/AccountsPage.h"

#include "backend/Backend.h"

namespace lanyard::ui {

AccountsPage::AccountsPage(Backend *backend, QWidget *parent) : QWidget(parent), m_backend(backend)
{}

} // namespace lanyard::ui
