// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

#include <memory>

class QTranslator;

namespace lanyard::ui {

/// The language of the desktop window. English is the source language; the
/// catalogs translations/lanyard_<locale>.ts are built into lanyard_ui as
/// :/i18n/lanyard_<locale>.qm. The window follows the system locale
/// (QLocale::system(), which honours LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
/// unless the user chose a language in Settings (settings/LanguageChoice,
/// kept in QSettings); a choice applies from the next start.
///
/// install() puts Lanyard's catalog and Qt's own (qtbase_<locale>.qm from
/// the Qt translations folder, for standard buttons and dialogs) into the
/// application; the loader owns them and takes them out again when
/// destroyed or when install() is called again (widgets then receive
/// QEvent::LanguageChange).
///
///     QApplication app(argc, argv);
///     TranslationLoader translations;
///     translations.installChosen();
///
/// GUI thread only.
class TranslationLoader
{
public:
    /// A language the window can be shown in.
    struct Language
    {
        /// The LanguageChoice value and catalog suffix: "en", "zh_CN".
        QString code;
        /// The language's name in that language ("English", "简体中文"), so
        /// a reader finds their own language in a list whatever is shown.
        QString nativeName;
    };

    TranslationLoader();
    ~TranslationLoader();
    TranslationLoader(const TranslationLoader &) = delete;
    TranslationLoader &operator=(const TranslationLoader &) = delete;

    /// English first, then every language with a built-in catalog.
    static QList<Language> availableLanguages();
    /// The language chosen in Settings (LanguageChoice::stored()) when it is
    /// one of availableLanguages(); otherwise (nothing chosen, or a value
    /// this version does not know) an empty string: follow the system.
    static QString chosenLanguage();
    /// The locale to install: the chosen language, else QLocale::system().
    static QLocale chosenLocale();

    /// install(chosenLocale()), with the default QLocale set to the chosen
    /// language when there is one. Returns the code of the language shown.
    QString installChosen();
    /// Installs the catalogs that serve `locale` (its uiLanguages() in order;
    /// zh, zh-CN, zh-SG and zh-Hans get zh_CN, zh-TW gets none) in place of
    /// those installed before. Without one the window stays English. Returns
    /// the code of the language now shown ("en" when none matched). With
    /// `setDefaultLocale`, QLocale::setDefault(`locale`) too, so numbers and
    /// dates follow a chosen language.
    QString install(const QLocale &locale, bool setDefaultLocale = false);
    /// The code of the language installed, "en" before install().
    QString installedLanguage() const { return m_language; }

private:
    void removeTranslators();

    std::unique_ptr<QTranslator> m_lanyard;
    std::unique_ptr<QTranslator> m_qt;
    QString m_language = QStringLiteral("en");
};

} // namespace lanyard::ui
