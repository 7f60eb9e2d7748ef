// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace lanyard::ui {

class Backend;

/// The Settings page of the main window. GUI thread.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(Backend *backend, QWidget *parent = nullptr);

private:
    Backend *m_backend;
};

} // namespace lanyard::ui
