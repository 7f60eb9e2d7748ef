// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/SigningKey.h"

#include <QIcon>
#include <QPalette>

namespace lanyard::ui {

/// The small badge next to a key's state, distinct in shape as well as
/// colour (so it reads without colour too), in colours taken from the
/// palette (light and dark themes):
/// - active: a filled disc in the highlight colour (it signs);
/// - next: a ring in the highlight colour with a small centre dot
///   (published, about to sign);
/// - retired: a dimmed ring with a stroke through it (published only to
///   verify).
/// On selected rows (QIcon::Selected) the badge takes the highlighted text
/// colour. GUI thread.
class KeyStateBadge
{
public:
    static QIcon icon(KeyState state, const QPalette &palette);
    /// The colour the badge (and the state text) uses.
    static QColor colour(KeyState state, const QPalette &palette);
};

} // namespace lanyard::ui
