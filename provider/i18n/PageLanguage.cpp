// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/PageLanguage.h"

#include "auth/SignInLog.h"
#include "http/RequestContext.h"

#include <QDir>
#include <QLocale>
#include <QTranslator>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// One translation catalog of the pages.
struct Catalog
{
    /// BCP 47, from the file name: lanyard_pages_zh_CN.qm is "zh-CN".
    QString tag;
    QLocale locale;
    QTranslator translator;
};

using Catalogs = std::vector<std::unique_ptr<Catalog>>;

const Catalogs &catalogs()
{
    // Loaded once (C++ guarantees a thread-safe initialisation) and never
    // destroyed: the translators are QObjects made on whichever worker
    // thread rendered the first page, and must not be destroyed after that
    // thread and QCoreApplication are gone. QTranslator::translate() is
    // const and, as for QCoreApplication::translate(), safe to call from
    // several threads at once.
    static const Catalogs *const loaded = [] {
        auto *list = new Catalogs;
        const QString folder = u":/lanyard/i18n"_s;
        const QString prefix = u"lanyard_pages_"_s;
        const QStringList files =
            QDir(folder).entryList({prefix + u"*.qm"_s}, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            const QString name = file.sliced(prefix.size()).chopped(3);
            auto catalog = std::make_unique<Catalog>();
            catalog->tag = QString(name).replace(u'_', u'-');
            catalog->locale = QLocale(name);
            if (!catalog->translator.load(folder + u'/' + file)) {
                qCWarning(lcSignIn) << "page translation catalog cannot be loaded:" << file;
                continue;
            }
            list->push_back(std::move(catalog));
        }
        return list;
    }();
    return *loaded;
}

/// RFC 5646 §2.1 in the loose form tags take in practice: 1-8 letters,
/// then subtags of 1-8 letters or digits, separated by '-' (or '_').
bool isWellFormedTag(QStringView tag)
{
    if (tag.isEmpty() || tag.size() > 64)
        return false;
    qsizetype subtagLength = 0;
    bool first = true;
    for (const QChar c : tag) {
        if (c == u'-' || c == u'_') {
            if (subtagLength == 0)
                return false;
            subtagLength = 0;
            first = false;
            continue;
        }
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        const bool digit = c >= u'0' && c <= u'9';
        if (!(letter || (digit && !first)))
            return false;
        if (++subtagLength > 8)
            return false;
    }
    return subtagLength > 0;
}

/// RFC 9110 §12.4.2 qvalue: "0" [ "." 0*3DIGIT ] / "1" [ "." 0*3("0") ],
/// in thousandths; -1 when malformed.
int parseQValue(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 5 || (text.front() != '0' && text.front() != '1'))
        return -1;
    if (text.size() > 1 && text.at(1) != '.')
        return -1;
    int thousandths = 0;
    int scale = 100;
    for (qsizetype i = 2; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c < '0' || c > '9')
            return -1;
        thousandths += (c - '0') * scale;
        scale /= 10;
    }
    if (text.front() == '1')
        return thousandths == 0 ? 1000 : -1;
    return thousandths;
}

/// QCoreApplication::translate()'s %n and %Ln replacement.
QString replacePercentN(QString text, int n, const QLocale &locale)
{
    if (n < 0)
        return text;
    qsizetype pos = 0;
    while ((pos = text.indexOf(u'%', pos)) >= 0) {
        qsizetype length = 1;
        bool localized = false;
        if (pos + length < text.size() && text.at(pos + length) == u'L') {
            localized = true;
            ++length;
        }
        if (pos + length < text.size() && text.at(pos + length) == u'n') {
            ++length;
            const QString number = localized ? locale.toString(n) : QString::number(n);
            text.replace(pos, length, number);
            pos += number.size();
        } else {
            pos += length;
        }
    }
    return text;
}

} // namespace

QString PageLanguage::translate(const char *context, const char *sourceText,
                                const char *disambiguation, int n) const
{
    QString text;
    if (m_translator)
        text = m_translator->translate(context, sourceText, disambiguation, n);
    if (text.isEmpty())
        text = QString::fromUtf8(sourceText);
    return replacePercentN(std::move(text), n, QLocale(m_tag));
}

QStringList PageLanguage::supportedTags()
{
    QStringList tags{u"en"_s};
    for (const auto &catalog : catalogs())
        tags.append(catalog->tag);
    return tags;
}

std::optional<PageLanguage> PageLanguage::match(QStringView tag)
{
    if (!isWellFormedTag(tag))
        return std::nullopt;
    // QLocale fills in the likely script and territory (zh -> zh-Hans-CN,
    // zh-TW -> zh-Hant-TW), so comparing language and script is RFC 4647
    // §3.4 lookup with the script made explicit.
    const QLocale wanted(tag.toString().replace(u'_', u'-'));
    if (wanted.language() == QLocale::C || wanted.language() == QLocale::AnyLanguage)
        return std::nullopt;
    if (wanted.language() == QLocale::English)
        return PageLanguage();
    for (const auto &catalog : catalogs()) {
        if (catalog->locale.language() == wanted.language() &&
            catalog->locale.script() == wanted.script()) {
            return PageLanguage(catalog->tag, &catalog->translator);
        }
    }
    return std::nullopt;
}

QStringList PageLanguage::acceptLanguageRanges(QByteArrayView acceptLanguage)
{
    struct Range
    {
        QString tag;
        int weight;
    };
    // Headers are limited to 16 KiB beneath; this bounds the work per request further.
    constexpr int MaxRanges = 32;
    QList<Range> ranges;
    const QList<QByteArray> elements = acceptLanguage.toByteArray().split(',');
    for (const QByteArray &element : elements) {
        if (ranges.size() == MaxRanges)
            break;
        // RFC 9110 §12.5.4: Accept-Language = #( language-range [ weight ] ),
        // weight = OWS ";" OWS "q=" qvalue. Empty list elements are ignored
        // (§5.6.1).
        const QList<QByteArray> parts = element.split(';');
        const QByteArray range = parts.first().trimmed();
        if (range.isEmpty())
            continue;
        int weight = 1000;
        if (parts.size() > 2)
            continue;
        if (parts.size() == 2) {
            const QByteArray parameter = parts.at(1).trimmed();
            if (parameter.size() < 2 || (parameter.at(0) != 'q' && parameter.at(0) != 'Q') ||
                parameter.at(1) != '=')
                continue;
            weight = parseQValue(QByteArrayView(parameter).sliced(2));
            if (weight < 0)
                continue;
        }
        // q=0 means "not acceptable".
        if (weight == 0)
            continue;
        const QString tag = QString::fromLatin1(range);
        if (tag != u"*"_s && !isWellFormedTag(tag))
            continue;
        ranges.append({tag, weight});
    }
    std::stable_sort(ranges.begin(), ranges.end(),
                     [](const Range &a, const Range &b) { return a.weight > b.weight; });
    QStringList tags;
    for (const Range &range : std::as_const(ranges))
        tags.append(range.tag);
    return tags;
}

PageLanguage PageLanguage::negotiate(QStringView uiLocales, QByteArrayView acceptLanguage)
{
    // OpenID Connect Core §3.1.2.1 ui_locales: "End-User's preferred
    // languages and scripts for the user interface, represented as a
    // space-separated list of BCP47 [RFC5646] language tag values, ordered
    // by preference. [...] An error SHOULD NOT result if some or all of the
    // requested locales are not supported by the OpenID Provider."
    for (const QStringView tag : uiLocales.split(u' ', Qt::SkipEmptyParts)) {
        if (auto language = match(tag))
            return *language;
    }
    for (const QString &range : acceptLanguageRanges(acceptLanguage)) {
        // "*" matches any language: the default one.
        if (range == u"*"_s)
            return PageLanguage();
        if (auto language = match(range))
            return *language;
    }
    return PageLanguage();
}

PageLanguage PageLanguage::forRequest(const RequestContext &request, QStringView uiLocales)
{
    // RFC 9110 §5.3: several field lines of one name are one comma-separated list.
    return negotiate(uiLocales, request.headerValues("Accept-Language").join(','));
}

} // namespace lanyard
