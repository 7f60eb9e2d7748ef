// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace lanyard::ui {

/// The window's icons, from the Qt resource built from ui/icons
/// (":/lanyard/icons/<name>.svg"). GUI thread.
class IconProvider
{
public:
    /// The resource path of icon `name` ("keys" -> ":/lanyard/icons/keys.svg").
    static QString path(const QString &name);
    /// The line icon `name`, tinted from the palette when painted
    /// (TintedIconEngine): follows light and dark palettes.
    static QIcon icon(const QString &name);
    /// The application icon (coloured; not tinted).
    static QIcon applicationIcon();
};

} // namespace lanyard::ui
