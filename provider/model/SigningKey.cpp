// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/SigningKey.h"

namespace lanyard {

QString keyStateName(KeyState state)
{
    switch (state) {
    case KeyState::Next:
        return QStringLiteral("next");
    case KeyState::Active:
        return QStringLiteral("active");
    case KeyState::Retired:
        return QStringLiteral("retired");
    }
    return {};
}

bool keyStateFromName(const QString &name, KeyState *state)
{
    for (KeyState s : {KeyState::Next, KeyState::Active, KeyState::Retired}) {
        if (keyStateName(s) == name) {
            *state = s;
            return true;
        }
    }
    return false;
}

} // namespace lanyard
