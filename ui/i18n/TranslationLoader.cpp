// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/TranslationLoader.h"

#include "settings/LanguageChoice.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

namespace {

constexpr QLatin1StringView CatalogFolder{":/i18n"};
constexpr QLatin1StringView CatalogPrefix{"lanyard_"};
constexpr QLatin1StringView SourceLanguage{"en"};

/// The codes of the built-in catalogs (lanyard_zh_CN.qm is "zh_CN").
QStringList catalogCodes()
{
    QStringList codes;
    const QStringList files = QDir(QString(CatalogFolder))
                                  .entryList({CatalogPrefix + u"*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        // lanyard_en.qm holds only English plural forms, not a language.
        const QString code = file.sliced(CatalogPrefix.size()).chopped(3);
        if (code != SourceLanguage)
            codes.append(code);
    }
    return codes;
}

/// The available language that serves `tag` ("en" for English), or an
/// empty string. Same language and script: the script is what a reader of
/// Chinese cares about (zh-SG is Simplified, zh-HK Traditional). The same
/// rule as the browser pages' (provider/i18n/PageLanguage).
QString languageFor(const QString &tag)
{
    const QLocale wanted(tag);
    if (wanted.language() == QLocale::C || wanted.language() == QLocale::AnyLanguage)
        return {};
    if (wanted.language() == QLocale::English)
        return QString(SourceLanguage);
    for (const QString &code : catalogCodes()) {
        const QLocale catalog(code);
        if (catalog.language() == wanted.language() && catalog.script() == wanted.script())
            return code;
    }
    return {};
}

} // namespace

TranslationLoader::TranslationLoader() = default;

TranslationLoader::~TranslationLoader()
{
    removeTranslators();
}

QList<TranslationLoader::Language> TranslationLoader::availableLanguages()
{
    QList<Language> languages{
        {QString(SourceLanguage), QLocale::languageToString(QLocale::English)}};
    for (const QString &code : catalogCodes())
        languages.append({code, QLocale(code).nativeLanguageName()});
    return languages;
}

QString TranslationLoader::chosenLanguage()
{
    const QString stored = LanguageChoice::stored();
    for (const Language &language : availableLanguages()) {
        if (language.code == stored)
            return stored;
    }
    return {};
}

QLocale TranslationLoader::chosenLocale()
{
    const QString code = chosenLanguage();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QString TranslationLoader::installChosen()
{
    // A chosen language brings its number and date formats along; the
    // system's own formats are the default anyway.
    return install(chosenLocale(), !chosenLanguage().isEmpty());
}

QString TranslationLoader::install(const QLocale &locale, bool setDefaultLocale)
{
    removeTranslators();
    m_language = QString(SourceLanguage);
    if (setDefaultLocale)
        QLocale::setDefault(locale);

    // uiLanguages() lists the locale's tags from the most specific, and with
    // LANGUAGE=de:zh_CN the user's further choices: the first one served wins.
    QString code;
    for (const QString &tag : locale.uiLanguages()) {
        code = languageFor(tag);
        if (!code.isEmpty())
            break;
    }
    if (code.isEmpty() || code == SourceLanguage) {
        // English is the source language; its catalog only turns "%n
        // session(s)" into "1 session" / "2 sessions" (absent in builds
        // without the app, such as the ui tests).
        auto plurals = std::make_unique<QTranslator>();
        if (plurals->load(CatalogFolder + u'/' + CatalogPrefix + SourceLanguage + u".qm"_s)) {
            QCoreApplication::installTranslator(plurals.get());
            m_lanyard = std::move(plurals);
        }
        return m_language;
    }

    auto lanyard = std::make_unique<QTranslator>();
    if (!lanyard->load(CatalogFolder + u'/' + CatalogPrefix + code + u".qm"_s)) {
        qWarning().noquote() << "the translation catalog cannot be loaded:" << code;
        return m_language;
    }
    QCoreApplication::installTranslator(lanyard.get());
    m_lanyard = std::move(lanyard);
    m_language = code;

    // Qt's own strings (standard buttons, file dialogs) in the same language,
    // when the system has them (Debian: qt6-translations-l10n). Never for a
    // language Lanyard itself is not shown in: one window, one language.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    return m_language;
}

void TranslationLoader::removeTranslators()
{
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    if (m_lanyard)
        QCoreApplication::removeTranslator(m_lanyard.get());
    m_qt.reset();
    m_lanyard.reset();
}

} // namespace lanyard::ui
