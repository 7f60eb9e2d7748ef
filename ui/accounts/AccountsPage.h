// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace lanyard::ui {

class Backend;

/// The Accounts page of the main window. GUI thread.
class AccountsPage : public QWidget
{
    Q_OBJECT

public:
    explicit AccountsPage(Backend *backend, QWidget *parent = nullptr);

private:
    Backend *m_backend;
};

} // namespace lanyard::ui
