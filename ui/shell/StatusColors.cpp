// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/StatusColors.h"

namespace lanyard::ui {

bool StatusColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor StatusColors::success(const QPalette &palette)
{
    // Both shades keep at least 3:1 contrast against white and near-black
    // backgrounds respectively (WCAG's minimum for graphical objects).
    return isDark(palette) ? QColor(0x4c, 0xc2, 0x7a) : QColor(0x1e, 0x8a, 0x4c);
}

QColor StatusColors::failure(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0x71, 0x6b) : QColor(0xc8, 0x37, 0x30);
}

QColor StatusColors::pending(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xe8, 0xb3, 0x3a) : QColor(0xb0, 0x72, 0x00);
}

QColor StatusColors::neutral(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}

} // namespace lanyard::ui
