// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace lanyard::ui {

class Backend;

/// The Keys page of the main window. GUI thread.
class KeysPage : public QWidget
{
    Q_OBJECT

public:
    explicit KeysPage(Backend *backend, QWidget *parent = nullptr);

private:
    Backend *m_backend;
};

} // namespace lanyard::ui
