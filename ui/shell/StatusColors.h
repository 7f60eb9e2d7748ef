// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

namespace lanyard::ui {

/// The few colours the window uses beyond the palette's roles: success,
/// failure and "in progress", each in a shade readable on the palette's
/// background (a light and a dark variant, chosen by the lightness of
/// QPalette::Base). Pure functions; any thread.
class StatusColors
{
public:
    /// True when the palette has a dark background.
    static bool isDark(const QPalette &palette);
    static QColor success(const QPalette &palette);
    static QColor failure(const QPalette &palette);
    static QColor pending(const QPalette &palette);
    /// Neutral (stopped, no data): the palette's placeholder text colour.
    static QColor neutral(const QPalette &palette);
};

} // namespace lanyard::ui
