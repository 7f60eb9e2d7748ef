// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/IconProvider.h"

#include "shell/TintedIconEngine.h"

using namespace Qt::StringLiterals;

namespace lanyard::ui {

QString IconProvider::path(const QString &name)
{
    return u":/lanyard/icons/%1.svg"_s.arg(name);
}

QIcon IconProvider::icon(const QString &name)
{
    return QIcon(new TintedIconEngine(path(name)));
}

QIcon IconProvider::applicationIcon()
{
    return QIcon(path(u"lanyard"_s));
}

} // namespace lanyard::ui
