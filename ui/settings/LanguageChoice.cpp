// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/LanguageChoice.h"

#include <QSettings>

namespace lanyard::ui {

QString LanguageChoice::stored()
{
    return QSettings().value(QString(SettingsKey)).toString();
}

void LanguageChoice::store(const QString &locale)
{
    QSettings settings;
    if (locale.isEmpty())
        settings.remove(QString(SettingsKey));
    else
        settings.setValue(QString(SettingsKey), locale);
}

} // namespace lanyard::ui
