// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>

namespace lanyard::ui {

/// The window's language override, kept in QSettings (per user, not in the
/// database: it is a preference of this desktop, not of the provider).
/// Read once at start by whoever installs the translators; the Settings
/// page writes it, so a change applies at the next start.
class LanguageChoice
{
public:
    /// The QSettings key. Absent (or empty) means "follow the system
    /// locale"; otherwise a locale name of a shipped translation: "en"
    /// (the English source texts) or "zh_CN".
    static constexpr QLatin1StringView SettingsKey{"ui/language"};
    static constexpr QLatin1StringView English{"en"};
    static constexpr QLatin1StringView SimplifiedChinese{"zh_CN"};

    /// The stored choice; empty for "follow the system". GUI thread (or
    /// before the window exists).
    static QString stored();
    /// Stores `locale` (empty: follow the system, the key is removed).
    static void store(const QString &locale);
};

} // namespace lanyard::ui
