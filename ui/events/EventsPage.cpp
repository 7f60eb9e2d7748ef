// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/EventsPage.h"

#include "backend/Backend.h"

namespace lanyard::ui {

EventsPage::EventsPage(Backend *backend, QWidget *parent) : QWidget(parent), m_backend(backend) {}

} // namespace lanyard::ui
