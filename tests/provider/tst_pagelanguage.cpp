// SPDX-License-Identifier: GPL-3.0-or-later
// The language of the browser pages: ui_locales first, then Accept-Language
// by weight, then English; tag matching by language and script; the
// built-in catalogs and translate().
#include "i18n/PageLanguage.h"

#include "http/RequestContext.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestPageLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void supportedTags();
    void match_data();
    void match();
    void acceptLanguageRanges_data();
    void acceptLanguageRanges();
    void negotiate_data();
    void negotiate();
    void forRequestJoinsHeaderLines();
    void translate();
    void translateIsSafeAcrossThreads();
};

void TestPageLanguage::supportedTags()
{
    QStringList tags = PageLanguage::supportedTags();
    QCOMPARE(tags.value(0), u"en"_s);
    QVERIFY2(tags.contains(u"zh-CN"_s), qPrintable(tags.join(u' ')));
    QCOMPARE(tags.removeDuplicates(), 0);
}

void TestPageLanguage::match_data()
{
    QTest::addColumn<QString>("tag");
    // Empty when no supported language serves the tag.
    QTest::addColumn<QString>("expected");

    QTest::newRow("zh-CN") << u"zh-CN"_s << u"zh-CN"_s;
    QTest::newRow("zh_CN (POSIX spelling)") << u"zh_CN"_s << u"zh-CN"_s;
    QTest::newRow("lower case zh-cn") << u"zh-cn"_s << u"zh-CN"_s;
    QTest::newRow("zh (Simplified is its likely script)") << u"zh"_s << u"zh-CN"_s;
    QTest::newRow("zh-Hans") << u"zh-Hans"_s << u"zh-CN"_s;
    QTest::newRow("zh-Hans-CN") << u"zh-Hans-CN"_s << u"zh-CN"_s;
    QTest::newRow("zh-SG (Simplified)") << u"zh-SG"_s << u"zh-CN"_s;
    QTest::newRow("en") << u"en"_s << u"en"_s;
    QTest::newRow("en-GB") << u"en-GB"_s << u"en"_s;
    QTest::newRow("en-US") << u"en-US"_s << u"en"_s;

    QTest::newRow("zh-TW (Traditional)") << u"zh-TW"_s << QString();
    QTest::newRow("zh-HK (Traditional)") << u"zh-HK"_s << QString();
    QTest::newRow("zh-Hant") << u"zh-Hant"_s << QString();
    QTest::newRow("zh-Hant-CN") << u"zh-Hant-CN"_s << QString();
    QTest::newRow("de") << u"de"_s << QString();
    QTest::newRow("fr-CA") << u"fr-CA"_s << QString();
    QTest::newRow("unknown language") << u"xq"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("wildcard") << u"*"_s << QString();
    QTest::newRow("leading dash") << u"-zh"_s << QString();
    QTest::newRow("trailing dash") << u"zh-"_s << QString();
    QTest::newRow("double dash") << u"zh--CN"_s << QString();
    QTest::newRow("subtag over 8") << u"zh-abcdefghi"_s << QString();
    QTest::newRow("digit first") << u"1zh"_s << QString();
    QTest::newRow("space inside") << u"zh CN"_s << QString();
    QTest::newRow("markup") << u"zh<b>"_s << QString();
    QTest::newRow("non-ASCII letters") << u"zh-\u4e2d\u56fd"_s << QString();
    QTest::newRow("overlong") << QString(u"a-"_s.repeated(40) + u"a"_s) << QString();
}

void TestPageLanguage::match()
{
    QFETCH(QString, tag);
    QFETCH(QString, expected);
    const auto language = PageLanguage::match(tag);
    if (expected.isEmpty()) {
        QVERIFY2(!language, qPrintable(language ? language->tag() : QString()));
        return;
    }
    QVERIFY(language);
    QCOMPARE(language->tag(), expected);
    QCOMPARE(language->isSource(), expected == u"en"_s);
}

void TestPageLanguage::acceptLanguageRanges_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one") << "zh-CN"_ba << QStringList{u"zh-CN"_s};
    QTest::newRow("order kept at equal weight")
        << "fr, zh-CN, en"_ba << QStringList{u"fr"_s, u"zh-CN"_s, u"en"_s};
    QTest::newRow("sorted by q") << "en;q=0.5, zh-CN;q=0.9, de"_ba
                                 << QStringList{u"de"_s, u"zh-CN"_s, u"en"_s};
    QTest::newRow("browser style") << "zh-CN,zh;q=0.9,en-US;q=0.8,en;q=0.7"_ba
                                   << QStringList{u"zh-CN"_s, u"zh"_s, u"en-US"_s, u"en"_s};
    QTest::newRow("q=1 and q=1.000")
        << "a;q=0.1, b;q=1, c;q=1.000"_ba << QStringList{u"b"_s, u"c"_s, u"a"_s};
    QTest::newRow("OWS around the weight")
        << "en ; q=0.2 ,zh-CN\t;\tQ=0.3"_ba << QStringList{u"zh-CN"_s, u"en"_s};
    QTest::newRow("wildcard kept") << "*;q=0.5, zh"_ba << QStringList{u"zh"_s, u"*"_s};
    QTest::newRow("empty elements ignored") << ",, zh-CN ,,"_ba << QStringList{u"zh-CN"_s};

    QTest::newRow("empty header") << QByteArray() << QStringList();
    QTest::newRow("q=0 is not acceptable") << "zh-CN;q=0, en"_ba << QStringList{u"en"_s};
    QTest::newRow("q=0.000") << "zh-CN;q=0.000"_ba << QStringList();
    QTest::newRow("q above 1") << "zh-CN;q=1.5, en"_ba << QStringList{u"en"_s};
    QTest::newRow("q=1.001") << "zh-CN;q=1.001, en"_ba << QStringList{u"en"_s};
    QTest::newRow("four decimals") << "zh-CN;q=0.1234, en"_ba << QStringList{u"en"_s};
    QTest::newRow("negative q") << "zh-CN;q=-1, en"_ba << QStringList{u"en"_s};
    QTest::newRow("q not a number") << "zh-CN;q=high, en"_ba << QStringList{u"en"_s};
    QTest::newRow("empty q") << "zh-CN;q=, en"_ba << QStringList{u"en"_s};
    QTest::newRow("other parameter") << "zh-CN;level=1, en"_ba << QStringList{u"en"_s};
    QTest::newRow("two parameters") << "zh-CN;q=0.5;q=0.9, en"_ba << QStringList{u"en"_s};
    QTest::newRow("malformed range") << "zh_CN!, en"_ba << QStringList{u"en"_s};
    QTest::newRow("range with space") << "zh CN, en"_ba << QStringList{u"en"_s};
}

void TestPageLanguage::acceptLanguageRanges()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, expected);
    QCOMPARE(PageLanguage::acceptLanguageRanges(header), expected);
}

void TestPageLanguage::negotiate_data()
{
    QTest::addColumn<QString>("uiLocales");
    QTest::addColumn<QByteArray>("acceptLanguage");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing asked: English") << QString() << QByteArray() << u"en"_s;
    QTest::newRow("ui_locales") << u"zh-CN"_s << QByteArray() << u"zh-CN"_s;
    QTest::newRow("Accept-Language") << QString() << "zh-CN"_ba << u"zh-CN"_s;
    QTest::newRow("ui_locales before Accept-Language") << u"en"_s << "zh-CN"_ba << u"en"_s;
    QTest::newRow("ui_locales before Accept-Language (zh)") << u"zh-CN"_s << "en"_ba << u"zh-CN"_s;
    QTest::newRow("first supported of ui_locales")
        << u"de fr zh-CN en"_s << QByteArray() << u"zh-CN"_s;
    QTest::newRow("ui_locales order wins") << u"en zh-CN"_s << QByteArray() << u"en"_s;
    QTest::newRow("extra spaces in ui_locales") << u"  de   zh  "_s << QByteArray() << u"zh-CN"_s;
    QTest::newRow("unsupported ui_locales fall through") << u"de fr"_s << "zh-CN"_ba << u"zh-CN"_s;
    QTest::newRow("malformed ui_locales fall through")
        << u"<script> zh--CN"_s << "zh;q=0.8"_ba << u"zh-CN"_s;
    QTest::newRow("by weight") << QString() << "en;q=0.4, zh-CN;q=0.8"_ba << u"zh-CN"_s;
    QTest::newRow("English preferred by weight")
        << QString() << "zh-CN;q=0.4, en;q=0.8"_ba << u"en"_s;
    QTest::newRow("unsupported skipped") << QString() << "de, fr;q=0.9, zh;q=0.1"_ba << u"zh-CN"_s;
    QTest::newRow("wildcard means the default")
        << QString() << "de, *;q=0.5, zh-CN;q=0.1"_ba << u"en"_s;

    QTest::newRow("Traditional Chinese: English") << u"zh-TW"_s << "zh-HK"_ba << u"en"_s;
    QTest::newRow("unknown everywhere: English") << u"xq"_s << "de-DE, fr"_ba << u"en"_s;
    QTest::newRow("refused Chinese") << QString() << "zh-CN;q=0"_ba << u"en"_s;
    QTest::newRow("garbage header") << QString() << "\xff\xfe;;;q==,"_ba << u"en"_s;
}

void TestPageLanguage::negotiate()
{
    QFETCH(QString, uiLocales);
    QFETCH(QByteArray, acceptLanguage);
    QFETCH(QString, expected);
    QCOMPARE(PageLanguage::negotiate(uiLocales, acceptLanguage).tag(), expected);
}

void TestPageLanguage::forRequestJoinsHeaderLines()
{
    // RFC 9110 §5.3: two field lines are one list; the second line's
    // heavier range wins.
    const RequestContext request = RequestContext::create(
        "GET"_ba, "/authorize"_ba,
        {{"Accept-Language"_ba, "de;q=0.9"_ba}, {"accept-language"_ba, "zh-CN"_ba}});
    QCOMPARE(PageLanguage::forRequest(request, {}).tag(), u"zh-CN"_s);
    QCOMPARE(PageLanguage::forRequest(request, u"en"_s).tag(), u"en"_s);
    const RequestContext none = RequestContext::create("GET"_ba, "/authorize"_ba);
    QCOMPARE(PageLanguage::forRequest(none, {}).tag(), u"en"_s);
}

void TestPageLanguage::translate()
{
    const PageLanguage english;
    QCOMPARE(english.translate("LoginPage", "Username"), u"Username"_s);
    const PageLanguage chinese = PageLanguage::match(u"zh-CN"_s).value();
    QCOMPARE(chinese.translate("LoginPage", "Username"), u"用户名"_s);
    QCOMPARE(chinese.translate("LoginPage", "Password"), u"密码"_s);
    // A string the catalog does not have, or has in another context, stays English.
    QCOMPARE(chinese.translate("LoginPage", "No such text"), u"No such text"_s);
    QCOMPARE(chinese.translate("NoSuchPage", "Username"), u"Username"_s);
    // %n is replaced as QCoreApplication::translate() does, %Ln with grouping.
    QCOMPARE(english.translate("X", "%n item(s), %Ln in all", nullptr, 12345),
             u"12345 item(s), 12,345 in all"_s);
    QCOMPARE(english.translate("X", "100% of %n", nullptr, 3), u"100% of 3"_s);
    QCOMPARE(english.translate("X", "%n%", nullptr, 3), u"3%"_s);
    QCOMPARE(english.translate("X", "trailing %", nullptr, 3), u"trailing %"_s);
    QCOMPARE(english.translate("X", "%L", nullptr, 3), u"%L"_s);
    // Without n, %n stays.
    QCOMPARE(english.translate("X", "%n"), u"%n"_s);
}

void TestPageLanguage::translateIsSafeAcrossThreads()
{
    // Worker threads render pages in different languages at once, all
    // reading the same catalogs.
    std::atomic<int> wrong{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back(QThread::create([i, &wrong] {
            for (int round = 0; round < 200; ++round) {
                const bool zh = (i + round) % 2 == 0;
                const PageLanguage language =
                    PageLanguage::negotiate(zh ? u"zh-CN"_s : u"en"_s, {});
                const QString text = language.translate("LoginPage", "Password");
                if (text != (zh ? u"密码"_s : u"Password"_s))
                    ++wrong;
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(TestPageLanguage)
#include "tst_pagelanguage.moc"
