// SPDX-License-Identifier: GPL-3.0-or-later
// Every catalog in translations/ is complete for the code as it is now:
// lupdate runs over the same sources as `update_translations`, into a copy
// of each .ts file, and every current message must have a finished,
// non-empty translation that keeps the source's placeholders (%1, %L1, %n,
// %Ln), in every plural form. The checker itself is tested on small
// catalogs first, so a checker that passes everything cannot go unnoticed.
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

/// The placeholders of `text` that QString::arg() and translate() fill:
/// %1 … %99, %L1 …, %n, %Ln.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(?:[1-9][0-9]?|n)"_s);
    QSet<QString> found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured());
    return found;
}

/// The plural forms a language has in Qt's numerus rules, or -1 when this
/// test does not know it (then only "at least one" is checked).
int numerusFormCount(const QString &language)
{
    switch (QLocale(language).language()) {
    case QLocale::Chinese:
    case QLocale::Japanese:
    case QLocale::Korean:
        return 1;
    case QLocale::English:
    case QLocale::German:
        return 2;
    default:
        return -1;
    }
}

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString location;
    bool numerus = false;
    bool hasTranslation = false;
    QString type;
    QString text;
    QStringList forms;
};

QString describe(const Message &m)
{
    QString where = m.context + u" \""_s + m.source + u'"';
    if (!m.comment.isEmpty())
        where += u" ["_s + m.comment + u']';
    if (!m.location.isEmpty())
        where += u" ("_s + m.location + u')';
    return where;
}

/// What is wrong with one message; empty when it is translated.
QStringList checkMessage(const Message &m, int formCount)
{
    QStringList problems;
    const QString where = describe(m);
    if (!m.hasTranslation)
        return {where + u": no translation"_s};
    const QStringList texts = m.numerus ? m.forms : QStringList{m.text};
    const bool blank = std::all_of(texts.cbegin(), texts.cend(),
                                   [](const QString &t) { return t.trimmed().isEmpty(); });
    if (m.type == u"unfinished"_s) {
        if (blank)
            return {where + u": untranslated"_s};
        problems.append(where + u": unfinished (translated, not marked done)"_s);
    }
    const QSet<QString> wanted = placeholders(m.source);
    if (m.numerus) {
        if (m.forms.isEmpty())
            problems.append(where + u": no plural forms"_s);
        else if (formCount > 0 && m.forms.size() != formCount)
            problems.append(
                where +
                u": %1 plural forms, the language has %2"_s.arg(m.forms.size()).arg(formCount));
    }
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QString &text = texts.at(i);
        const QString which = m.numerus ? u" (plural form %1)"_s.arg(i + 1) : QString();
        if (text.trimmed().isEmpty()) {
            problems.append(where + which + u": empty translation"_s);
            continue;
        }
        const QSet<QString> got = placeholders(text);
        for (const QString &p : wanted - got)
            problems.append(where + which + u": drops "_s + p);
        for (const QString &p : got - wanted)
            problems.append(where + which + u": adds "_s + p);
    }
    return problems;
}

/// Checks a .ts document. `messageCount` receives the number of current
/// (not vanished or obsolete) messages.
QStringList checkCatalog(const QByteArray &xml, int *messageCount = nullptr)
{
    QStringList problems;
    int count = 0;
    QXmlStreamReader reader(xml);
    QString language;
    QString context;
    Message message;
    bool inMessage = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const auto name = reader.name();
            if (name == u"TS"_s) {
                language = reader.attributes().value(u"language"_s).toString();
            } else if (name == u"context"_s) {
                context.clear();
            } else if (name == u"name"_s && !inMessage) {
                context = reader.readElementText();
            } else if (name == u"message"_s) {
                inMessage = true;
                message = Message();
                message.context = context;
                message.numerus = reader.attributes().value(u"numerus"_s) == u"yes"_s;
            } else if (inMessage && name == u"source"_s) {
                message.source = reader.readElementText();
            } else if (inMessage && name == u"comment"_s) {
                message.comment = reader.readElementText();
            } else if (inMessage && name == u"location"_s && message.location.isEmpty()) {
                const auto attributes = reader.attributes();
                message.location = attributes.value(u"filename"_s).toString() + u':' +
                                   attributes.value(u"line"_s).toString();
            } else if (inMessage && name == u"translation"_s) {
                message.hasTranslation = true;
                message.type = reader.attributes().value(u"type"_s).toString();
                if (!message.numerus)
                    message.text = reader.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (inMessage && name == u"numerusform"_s) {
                message.forms.append(reader.readElementText());
            }
        } else if (reader.isEndElement() && reader.name() == u"message"_s) {
            inMessage = false;
            // Strings gone from the code are not the catalog's concern.
            if (message.type == u"vanished"_s || message.type == u"obsolete"_s)
                continue;
            ++count;
            problems += checkMessage(message, numerusFormCount(language));
        }
    }
    if (reader.hasError())
        problems.append(u"malformed .ts: "_s + reader.errorString());
    if (language.isEmpty())
        problems.append(u"the TS element names no language"_s);
    if (messageCount)
        *messageCount = count;
    return problems;
}

/// A .ts document of `language` with one context holding `messages`.
QByteArray catalog(const QByteArray &messages, const QByteArray &language = "zh_CN")
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n<TS version=\"2.1\" "
           "language=\"" +
           language + "\" sourcelanguage=\"en\">\n<context>\n<name>Page</name>\n" + messages +
           "</context>\n</TS>\n";
}

QByteArray message(const QByteArray &source, const QByteArray &translation)
{
    return "<message><source>" + source + "</source>" + translation + "</message>\n";
}

QByteArray numerus(const QByteArray &source, const QByteArray &translation)
{
    return "<message numerus=\"yes\"><source>" + source + "</source>" + translation +
           "</message>\n";
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checker_data();
    void checker();
    void catalogs_data();
    void catalogs();
};

void TestTranslations::checker_data()
{
    QTest::addColumn<QByteArray>("ts");
    // Substrings of the expected problems, one per problem; empty for none.
    QTest::addColumn<QStringList>("expected");

    const QByteArray done = message("Sign in", "<translation>登录</translation>");

    QTest::newRow("translated") << catalog(done) << QStringList();
    QTest::newRow("placeholders kept, reordered")
        << catalog(message("%1 of %2", "<translation>%2 中的 %1</translation>")) << QStringList();
    QTest::newRow("%L1 kept") << catalog(
                                     message("%L1 keys", "<translation>%L1 个密钥</translation>"))
                              << QStringList();
    QTest::newRow("plural translated")
        << catalog(numerus("%n session(s)",
                           "<translation><numerusform>%n 个会话</numerusform></translation>"))
        << QStringList();
    QTest::newRow("vanished and obsolete are not checked")
        << catalog(done + message("Old", "<translation type=\"vanished\"></translation>") +
                   message("Older", "<translation type=\"obsolete\">x</translation>"))
        << QStringList();

    QTest::newRow("untranslated")
        << catalog(message("Sign in", "<translation type=\"unfinished\"></translation>"))
        << QStringList{u"\"Sign in\": untranslated"_s};
    QTest::newRow("unfinished with text")
        << catalog(message("Sign in", "<translation type=\"unfinished\">登录</translation>"))
        << QStringList{u"unfinished (translated, not marked done)"_s};
    QTest::newRow("empty but finished")
        << catalog(message("Sign in", "<translation></translation>"))
        << QStringList{u"empty translation"_s};
    QTest::newRow("blank") << catalog(message("Sign in", "<translation>  </translation>"))
                           << QStringList{u"empty translation"_s};
    QTest::newRow("no translation element")
        << catalog(message("Sign in", "")) << QStringList{u"no translation"_s};
    QTest::newRow("drops %1") << catalog(
                                     message("Sign in to %1", "<translation>登录</translation>"))
                              << QStringList{u"drops %1"_s};
    QTest::newRow("drops %2 of two")
        << catalog(message("%1 of %2", "<translation>%1 个</translation>"))
        << QStringList{u"drops %2"_s};
    QTest::newRow("adds %2") << catalog(message("Sign in to %1",
                                                "<translation>登录 %1 %2</translation>"))
                             << QStringList{u"adds %2"_s};
    QTest::newRow("%L1 became %1")
        << catalog(message("%L1 keys", "<translation>%1 个密钥</translation>"))
        << QStringList{u"drops %L1"_s, u"adds %1"_s};
    QTest::newRow("%10 is not %1")
        << catalog(message("%10 and %1", "<translation>%1 和 %1</translation>"))
        << QStringList{u"drops %10"_s};
    QTest::newRow("plural unfinished")
        << catalog(numerus("%n session(s)", "<translation type=\"unfinished\">"
                                            "<numerusform></numerusform></translation>"))
        << QStringList{u"\"%n session(s)\": untranslated"_s};
    QTest::newRow("plural drops %n")
        << catalog(numerus("%n session(s)",
                           "<translation><numerusform>会话</numerusform></translation>"))
        << QStringList{u"(plural form 1): drops %n"_s};
    QTest::newRow("plural without forms")
        << catalog(numerus("%n session(s)", "<translation></translation>"))
        << QStringList{u"no plural forms"_s};
    QTest::newRow("plural: two forms for Chinese")
        << catalog(numerus("%n session(s)", "<translation><numerusform>%n 个会话</numerusform>"
                                            "<numerusform>%n 个会话</numerusform></translation>"))
        << QStringList{u"2 plural forms, the language has 1"_s};
    QTest::newRow("plural: English second form empty")
        << catalog(numerus("%n session(s)", "<translation><numerusform>%n session</numerusform>"
                                            "<numerusform></numerusform></translation>"),
                   "en_GB")
        << QStringList{u"(plural form 2): empty translation"_s};
    QTest::newRow("plural: %Ln dropped in one form")
        << catalog(numerus("%Ln key(s)", "<translation><numerusform>%Ln key</numerusform>"
                                         "<numerusform>%n keys</numerusform></translation>"),
                   "de_DE")
        << QStringList{u"(plural form 2): drops %Ln"_s, u"(plural form 2): adds %n"_s};
    QTest::newRow("one bad among good")
        << catalog(done + message("Password", "<translation type=\"unfinished\"/>") + done)
        << QStringList{u"\"Password\": untranslated"_s};
    QTest::newRow("no language") << QByteArray("<TS version=\"2.1\"><context><name>P</name>" +
                                               done + "</context></TS>")
                                 << QStringList{u"names no language"_s};
    QTest::newRow("malformed XML")
        << QByteArray("<TS language=\"zh_CN\"><context>") << QStringList{u"malformed .ts"_s};
}

void TestTranslations::checker()
{
    QFETCH(QByteArray, ts);
    QFETCH(QStringList, expected);
    const QStringList problems = checkCatalog(ts);
    QVERIFY2(problems.size() == expected.size(),
             qPrintable(u"problems:\n  "_s + problems.join(u"\n  "_s)));
    for (const QString &part : expected) {
        const bool found = std::any_of(problems.cbegin(), problems.cend(),
                                       [&](const QString &p) { return p.contains(part); });
        QVERIFY2(found, qPrintable(part + u" not among:\n  "_s + problems.join(u"\n  "_s)));
    }
}

void TestTranslations::catalogs_data()
{
    QTest::addColumn<QString>("lupdate");
    QTest::addColumn<QString>("ts");
    QTest::addColumn<QString>("sources");
    QTest::addColumn<QStringList>("includes");
    QTest::addColumn<QStringList>("options");

    QFile file(QStringLiteral(LANYARD_I18N_CATALOGS));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    const QString lupdate = config.value(u"lupdate"_s).toString();
    const QJsonArray catalogs = config.value(u"catalogs"_s).toArray();
    QVERIFY(!catalogs.isEmpty());
    for (const QJsonValue &value : catalogs) {
        const QJsonObject entry = value.toObject();
        QStringList includes;
        for (const QJsonValue &include : entry.value(u"includes"_s).toArray())
            includes.append(include.toString());
        QStringList options;
        for (const QJsonValue &option : entry.value(u"options"_s).toArray())
            options.append(option.toString());
        const QString ts = entry.value(u"ts"_s).toString();
        QTest::newRow(qPrintable(QFileInfo(ts).fileName()))
            << lupdate << ts << entry.value(u"sources"_s).toString() << includes << options;
    }
}

void TestTranslations::catalogs()
{
    QFETCH(QString, lupdate);
    QFETCH(QString, ts);
    QFETCH(QString, sources);
    QFETCH(QStringList, includes);
    // -pluralonly for the English catalog, which holds plural forms only.
    QFETCH(QStringList, options);

    // lupdate into a copy: the catalog as update_translations would leave
    // it, with the strings of the code as it is now.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(ts).fileName());
    QVERIFY2(QFile::copy(ts, copy), qPrintable(ts));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QStringList arguments{u"-silent"_s, u"-no-obsolete"_s, u"-source-language"_s,
                          u"en"_s,      u"-locations"_s,   u"absolute"_s};
    arguments += options;
    for (const QString &include : includes)
        arguments << u"-I"_s << include;
    arguments << u"@"_s + sources << u"-ts"_s << copy;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, arguments);
    QVERIFY2(process.waitForFinished(100000), qPrintable(lupdate));
    const QString output = QString::fromLocal8Bit(process.readAll());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(output));

    QFile updated(copy);
    QVERIFY(updated.open(QIODevice::ReadOnly));
    int messages = 0;
    QStringList problems = checkCatalog(updated.readAll(), &messages);
    // An empty catalog would pass every check: the sources must have strings.
    QVERIFY2(messages > 0, qPrintable(u"no strings found for "_s + ts));
    if (!problems.isEmpty()) {
        // Locations are relative to the copy; show them from the source tree.
        const QString tempPrefix = u" ("_s + QDir(dir.path()).relativeFilePath(u"/"_s);
        const QDir root(QFileInfo(ts).absoluteDir().filePath(u".."_s));
        for (QString &problem : problems) {
            problem.replace(tempPrefix, u" (/"_s);
            problem.replace(u" ("_s + QDir::cleanPath(root.absolutePath()) + u'/', u" ("_s);
            qWarning().noquote() << problem;
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 problems among the %2 strings of %3 (listed above; translate them "
                        "in Qt Linguist after `cmake --build BUILD --target "
                        "update_translations`)"_s.arg(problems.size())
                            .arg(messages)
                            .arg(QFileInfo(ts).fileName())));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
