// SPDX-License-Identifier: GPL-3.0-or-later
// The window's language: the built-in catalogs, matching a locale to one
// (by language and script), installing and replacing translators (Lanyard's
// and Qt's own), and the choice stored by the Settings page.
#include "i18n/TranslationLoader.h"
#include "settings/LanguageChoice.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using lanyard::ui::LanguageChoice;
using lanyard::ui::TranslationLoader;

namespace {

bool hasQtTranslations(const QString &code)
{
    return QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_"_s + code +
                         u".qm"_s);
}

struct Finished
{
    QByteArray context;
    QByteArray source;
    QByteArray comment;
    QString translation;
};

/// Finished, non-plural translations of the committed GUI catalog.
QList<Finished> finishedTranslations(const QString &code)
{
    QList<Finished> found;
    QFile file(QStringLiteral(LANYARD_TRANSLATIONS_DIR) + u"/lanyard_"_s + code + u".ts"_s);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    QXmlStreamReader reader(&file);
    QByteArray context;
    Finished current;
    bool usable = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            if (reader.name() == u"name"_s) {
                context = reader.readElementText().toUtf8();
            } else if (reader.name() == u"message"_s) {
                current = Finished{context, {}, {}, {}};
                usable = reader.attributes().value(u"numerus"_s) != u"yes"_s;
            } else if (reader.name() == u"source"_s) {
                current.source = reader.readElementText().toUtf8();
            } else if (reader.name() == u"comment"_s) {
                current.comment = reader.readElementText().toUtf8();
            } else if (reader.name() == u"translation"_s) {
                usable = usable && reader.attributes().value(u"type"_s).isEmpty();
                current.translation = reader.readElementText();
            }
        } else if (reader.isEndElement() && reader.name() == u"message"_s && usable &&
                   !current.translation.isEmpty() &&
                   current.translation != QString::fromUtf8(current.source)) {
            found.append(current);
        }
    }
    return found;
}

QString translated(const Finished &message)
{
    return QCoreApplication::translate(message.context.constData(), message.source.constData(),
                                       message.comment.isEmpty() ? nullptr
                                                                 : message.comment.constData());
}

} // namespace

class TestTranslationLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void availableLanguages();
    void catalogIsBuiltIn();
    void install_data();
    void install();
    void installTranslatesTheWindow();
    void englishPlurals();
    void qtStringsFollow();
    void defaultLocaleOnRequest();
    void chosenLanguage_data();
    void chosenLanguage();

private:
    QTemporaryDir m_settingsDir;
};

void TestTranslationLoader::initTestCase()
{
    // Keep the user's settings alone.
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(u"LanyardTest"_s);
    QCoreApplication::setApplicationName(u"tst_translationloader"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestTranslationLoader::init()
{
    QSettings().clear();
    QLocale::setDefault(QLocale::c());
}

void TestTranslationLoader::availableLanguages()
{
    const auto languages = TranslationLoader::availableLanguages();
    QVERIFY(languages.size() >= 2);
    QCOMPARE(languages.first().code, u"en"_s);
    QCOMPARE(languages.first().nativeName, u"English"_s);
    const auto chinese = std::find_if(languages.cbegin(), languages.cend(),
                                      [](const auto &l) { return l.code == u"zh_CN"_s; });
    QVERIFY(chinese != languages.cend());
    QCOMPARE(chinese->nativeName, u"简体中文"_s);
    // The Settings page offers exactly these.
    QCOMPARE(QString(LanguageChoice::English), languages.first().code);
    QCOMPARE(QString(LanguageChoice::SimplifiedChinese), chinese->code);
}

void TestTranslationLoader::catalogIsBuiltIn()
{
    QTranslator catalog;
    QVERIFY(catalog.load(u":/i18n/lanyard_zh_CN.qm"_s));
    QCOMPARE(catalog.language(), u"zh_CN"_s);
}

void TestTranslationLoader::install_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zh_CN") << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("zh") << u"zh"_s << u"zh_CN"_s;
    QTest::newRow("zh-Hans") << u"zh-Hans"_s << u"zh_CN"_s;
    QTest::newRow("zh_SG (Simplified)") << u"zh_SG"_s << u"zh_CN"_s;

    QTest::newRow("en_US") << u"en_US"_s << u"en"_s;
    QTest::newRow("en_GB") << u"en_GB"_s << u"en"_s;
    QTest::newRow("C") << u"C"_s << u"en"_s;
    QTest::newRow("de_DE (no catalog)") << u"de_DE"_s << u"en"_s;
    QTest::newRow("zh_TW (Traditional)") << u"zh_TW"_s << u"en"_s;
    QTest::newRow("zh_HK (Traditional)") << u"zh_HK"_s << u"en"_s;
    QTest::newRow("zh-Hant") << u"zh-Hant"_s << u"en"_s;
}

void TestTranslationLoader::install()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    TranslationLoader loader;
    QCOMPARE(loader.installedLanguage(), u"en"_s);
    QCOMPARE(loader.install(QLocale(locale)), expected);
    QCOMPARE(loader.installedLanguage(), expected);
}

void TestTranslationLoader::installTranslatesTheWindow()
{
    const QList<Finished> messages = finishedTranslations(u"zh_CN"_s);
    if (messages.isEmpty())
        QSKIP("the GUI catalog has no finished translation yet");
    const Finished &first = messages.first();
    {
        TranslationLoader loader;
        loader.install(QLocale(u"zh_CN"_s));
        for (const Finished &message : messages)
            QCOMPARE(translated(message), message.translation);
        // Switching to English takes the catalog out again.
        QCOMPARE(loader.install(QLocale(u"en_US"_s)), u"en"_s);
        QCOMPARE(translated(first), QString::fromUtf8(first.source));
        loader.install(QLocale(u"zh_CN"_s));
        QCOMPARE(translated(first), first.translation);
    }
    // Destroyed: nothing of it stays installed.
    QCOMPARE(translated(first), QString::fromUtf8(first.source));
}

void TestTranslationLoader::englishPlurals()
{
    TranslationLoader loader;
    QCOMPARE(loader.install(QLocale(u"en_US"_s)), u"en"_s);
    const char *context = "lanyard::ui::EventsPage";
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 1), u"1 event"_s);
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 2), u"2 events"_s);
    QCOMPARE(QCoreApplication::translate(context, "%n event(s)", nullptr, 0), u"0 events"_s);
    // A string without plural forms is the source itself.
    QCOMPARE(QCoreApplication::translate(context, "Events"), u"Events"_s);
}

void TestTranslationLoader::qtStringsFollow()
{
    if (!hasQtTranslations(u"zh_CN"_s))
        QSKIP("Qt's translations are not installed (Debian: qt6-translations-l10n)");
    TranslationLoader loader;
    loader.install(QLocale(u"zh_CN"_s));
    // A standard button of QDialogButtonBox, from qtbase_zh_CN.qm.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"取消"_s);
    loader.install(QLocale(u"de_DE"_s));
    // No Lanyard catalog for German: Qt's strings stay English too, so the
    // window never mixes two languages.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

void TestTranslationLoader::defaultLocaleOnRequest()
{
    TranslationLoader loader;
    loader.install(QLocale(u"zh_CN"_s));
    QCOMPARE(QLocale().name(), u"C"_s);
    loader.install(QLocale(u"zh_CN"_s), true);
    QCOMPARE(QLocale().name(), u"zh_CN"_s);
}

void TestTranslationLoader::chosenLanguage_data()
{
    QTest::addColumn<QString>("stored");
    // Empty: follow the system.
    QTest::addColumn<QString>("expected");

    QTest::newRow("zh_CN") << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("en") << u"en"_s << u"en"_s;
    QTest::newRow("nothing stored") << QString() << QString();

    QTest::newRow("no catalog") << u"de_DE"_s << QString();
    QTest::newRow("Traditional") << u"zh_TW"_s << QString();
    QTest::newRow("BCP 47 spelling") << u"zh-CN"_s << QString();
    QTest::newRow("lower case") << u"zh_cn"_s << QString();
    QTest::newRow("a path") << u"../../etc/passwd"_s << QString();
    QTest::newRow("space") << u" "_s << QString();
}

void TestTranslationLoader::chosenLanguage()
{
    QFETCH(QString, stored);
    QFETCH(QString, expected);
    LanguageChoice::store(stored);
    QCOMPARE(TranslationLoader::chosenLanguage(), expected);
    const QLocale chosen = TranslationLoader::chosenLocale();
    QCOMPARE(chosen, expected.isEmpty() ? QLocale::system() : QLocale(expected));

    TranslationLoader loader;
    const QString shown = loader.installChosen();
    if (expected == u"zh_CN"_s) {
        QCOMPARE(shown, u"zh_CN"_s);
        QCOMPARE(QLocale().name(), u"zh_CN"_s);
    } else if (expected == u"en"_s) {
        QCOMPARE(shown, u"en"_s);
        QCOMPARE(QLocale().name(), u"en_US"_s);
    } else {
        // The system locale (C.UTF-8 under CTest), and the default locale
        // left alone.
        QCOMPARE(QLocale().name(), u"C"_s);
    }
}

QTEST_GUILESS_MAIN(TestTranslationLoader)
#include "tst_translationloader.moc"
