// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace lanyard::ui {

class Backend;

/// The Clients page of the main window. GUI thread.
class ClientsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ClientsPage(Backend *backend, QWidget *parent = nullptr);

private:
    Backend *m_backend;
};

} // namespace lanyard::ui
