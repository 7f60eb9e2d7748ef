// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/OverviewPage.h"

#include "backend/Backend.h"

namespace lanyard::ui {

OverviewPage::OverviewPage(Backend *backend, QWidget *parent) : QWidget(parent), m_backend(backend)
{}

} // namespace lanyard::ui
