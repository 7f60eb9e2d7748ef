// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/JsonWriter.h"
#include "tokens/TokenResponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace lanyard;

Q_DECLARE_METATYPE(lanyard::TokenResponse)

namespace {

QByteArray qtCompact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        *error = parseError.errorString();
    return document.object();
}

/// Every UTF-16 unit from 0 to 0x7f, so each ASCII escape rule is met.
QString allAscii()
{
    QString text;
    for (char16_t u = 0; u < 0x80; ++u)
        text.append(QChar(u));
    return text;
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringsMatchQt_data();
    void stringsMatchQt();
    void loneSurrogatesAreEscapedLikeQt_data();
    void loneSurrogatesAreEscapedLikeQt();
    void latin1MatchesUtf16_data();
    void latin1MatchesUtf16();
    void controlCharactersUseShortEscapes();
    void valuesMatchQt_data();
    void valuesMatchQt();
    void integersAtTheLimits();
    void nestingPutsCommasBetweenValuesOnly();
    void takeLeavesTheWriterEmpty();
    void tokenResponseMatchesItsJsonObject_data();
    void tokenResponseMatchesItsJsonObject();
};

void TestJsonWriter::stringsMatchQt_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << u"https://op.example/"_s;
    QTest::newRow("quotes and backslashes") << u"say \"hi\" \\ \\\" \"\\"_s;
    QTest::newRow("solidus is not escaped") << u"</script>"_s;
    QTest::newRow("every ASCII unit") << allAscii();
    QTest::newRow("NUL inside") << QString(QChar(u'\0')) + u"after"_s;
    QTest::newRow("DEL") << QString(QChar(0x7f));
    QTest::newRow("two-byte UTF-8") << u"Grüße, café, ß, ©"_s;
    QTest::newRow("three-byte UTF-8") << u"登录 €100 \u2028\u2029 \ufeff \uffff"_s;
    QTest::newRow("four-byte UTF-8") << u"emoji 😀 and 𝄞"_s;
    QTest::newRow("boundaries") << QString(QChar(0x80)) + QChar(0x7ff) + QChar(0x800) +
                                       QChar(0xd7ff) + QChar(0xe000);
    QTest::newRow("long") << QString(5000, u'"');
}

void TestJsonWriter::stringsMatchQt()
{
    QFETCH(QString, text);
    JsonWriter writer;
    writer.beginObject().name(text).string(text).endObject();
    const QJsonObject expected{{text, text}};
    QCOMPARE(writer.data(), qtCompact(expected));
    QString error;
    QCOMPARE(parse(writer.data(), &error), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestJsonWriter::loneSurrogatesAreEscapedLikeQt_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("lone high") << u"a"_s + QChar(0xd83d) + u"b"_s;
    QTest::newRow("lone low") << u"a"_s + QChar(0xde00) + u"b"_s;
    QTest::newRow("high at the end") << u"a"_s + QChar(0xd800);
    QTest::newRow("low before high") << QString(QChar(0xdc00)) + QChar(0xd800);
    QTest::newRow("high, high, low") << QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde00);
}

void TestJsonWriter::loneSurrogatesAreEscapedLikeQt()
{
    QFETCH(QString, text);
    JsonWriter writer;
    writer.beginObject().name("s"_L1).string(text).endObject();
    QCOMPARE(writer.data(), qtCompact(QJsonObject{{u"s"_s, text}}));
    QVERIFY(writer.data().contains("\\ud"));
}

void TestJsonWriter::latin1MatchesUtf16_data()
{
    QTest::addColumn<QByteArray>("latin1");
    QTest::newRow("ascii") << QByteArray("client_id");
    QTest::newRow("escapes") << QByteArray("a\"b\\c\nd\x01");
    QTest::newRow("high half") << QByteArray("caf\xe9 \xff \x80");
}

void TestJsonWriter::latin1MatchesUtf16()
{
    QFETCH(QByteArray, latin1);
    const QLatin1StringView view(latin1);
    JsonWriter viaLatin1;
    viaLatin1.beginObject().name(view).string(view).endObject();
    JsonWriter viaUtf16;
    const QString text = QString::fromLatin1(latin1);
    viaUtf16.beginObject().name(text).string(text).endObject();
    QCOMPARE(viaLatin1.data(), viaUtf16.data());
    QCOMPARE(viaLatin1.data(), qtCompact(QJsonObject{{text, text}}));
}

void TestJsonWriter::controlCharactersUseShortEscapes()
{
    QByteArray out;
    JsonWriter::appendString(out, u"\b\f\n\r\t\x01\x1f\""_s);
    QCOMPARE(out, QByteArray("\"\\b\\f\\n\\r\\t\\u0001\\u001f\\\"\""));
}

void TestJsonWriter::valuesMatchQt_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::newRow("empty") << QJsonObject();
    QTest::newRow("scalars") << QJsonObject{{u"t"_s, true},
                                            {u"f"_s, false},
                                            {u"n"_s, QJsonValue::Null},
                                            {u"i"_s, qint64(1'700'000'000)},
                                            {u"neg"_s, -42},
                                            {u"zero"_s, 0}};
    QTest::newRow("doubles") << QJsonObject{{u"half"_s, 0.5},      {u"third"_s, 1.0 / 3.0},
                                            {u"big"_s, 1e300},     {u"whole"_s, 3.0},
                                            {u"tiny"_s, -2.5e-12}, {u"beyond int64"_s, 1e20}};
    QTest::newRow("non-finite doubles are null")
        << QJsonObject{{u"inf"_s, std::numeric_limits<double>::infinity()},
                       {u"nan"_s, std::numeric_limits<double>::quiet_NaN()}};
    QTest::newRow("nested") << QJsonObject{
        {u"a"_s, QJsonArray{1, u"two"_s, QJsonArray{}, QJsonObject{}, QJsonValue::Null}},
        {u"o"_s, QJsonObject{{u"k\"ey"_s, QJsonObject{{u"deep"_s, QJsonArray{true, false}}}}}},
        {u"s"_s, u"\u00e9\n😀"_s}};
    QTest::newRow("event details") << QJsonObject{{u"grant_type"_s, u"client_credentials"_s},
                                                  {u"scopes"_s, QJsonArray{u"reports.read"_s}},
                                                  {u"id_token"_s, false},
                                                  {u"refresh_token"_s, false}};
}

void TestJsonWriter::valuesMatchQt()
{
    QFETCH(QJsonObject, object);
    const QByteArray written = JsonWriter::compact(object);
    QCOMPARE(written, qtCompact(object));
    QString error;
    const QJsonObject reparsed = parse(written, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Reading back gives the same object (NaN and infinity were written as null).
    QCOMPARE(JsonWriter::compact(reparsed), written);
}

void TestJsonWriter::integersAtTheLimits()
{
    const qint64 min = std::numeric_limits<qint64>::min();
    const qint64 max = std::numeric_limits<qint64>::max();
    JsonWriter writer;
    writer.beginArray().integer(min).integer(max).integer(0).integer(-1).endArray();
    QCOMPARE(writer.data(), QByteArray("[-9223372036854775808,9223372036854775807,0,-1]"));
    QCOMPARE(JsonWriter::compact(QJsonObject{{u"max"_s, max}, {u"min"_s, min}}),
             qtCompact(QJsonObject{{u"max"_s, max}, {u"min"_s, min}}));
}

void TestJsonWriter::nestingPutsCommasBetweenValuesOnly()
{
    JsonWriter writer;
    writer.beginObject();
    writer.name("a"_L1).beginArray().endArray();
    writer.name("b"_L1).beginObject().endObject();
    writer.name("c"_L1).strings({u"x"_s, u"y"_s});
    writer.name("d"_L1).strings({});
    writer.name("e"_L1)
        .beginArray()
        .beginObject()
        .name("f"_L1)
        .null()
        .endObject()
        .integer(1)
        .endArray();
    writer.endObject();
    QCOMPARE(writer.data(),
             QByteArray("{\"a\":[],\"b\":{},\"c\":[\"x\",\"y\"],\"d\":[],\"e\":[{\"f\":null},1]}"));
}

void TestJsonWriter::takeLeavesTheWriterEmpty()
{
    JsonWriter writer;
    writer.beginArray().integer(1);
    QCOMPARE(writer.take(), QByteArray("[1"));
    QVERIFY(writer.data().isEmpty());
    // No comma carried over from the taken array.
    writer.beginArray().integer(2).endArray();
    QCOMPARE(writer.take(), QByteArray("[2]"));
}

void TestJsonWriter::tokenResponseMatchesItsJsonObject_data()
{
    QTest::addColumn<TokenResponse>("response");
    TokenResponse minimal;
    minimal.accessToken = u"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"_s;
    minimal.expiresIn = 3600;
    QTest::newRow("access token only") << minimal;
    TokenResponse full = minimal;
    full.scopes = {u"openid"_s, u"profile"_s, u"offline_access"_s};
    full.idToken = u"id.token.value"_s;
    full.refreshToken = u"refresh-Zx_9"_s;
    QTest::newRow("every member") << full;
    TokenResponse scoped = minimal;
    scoped.scopes = {u"reports.read"_s};
    QTest::newRow("client_credentials") << scoped;
    TokenResponse odd = minimal;
    odd.accessToken = u"opaque\"\\\u00e9"_s;
    odd.expiresIn = 0;
    QTest::newRow("characters to escape") << odd;
}

void TestJsonWriter::tokenResponseMatchesItsJsonObject()
{
    QFETCH(TokenResponse, response);
    QCOMPARE(response.toJsonBytes(), qtCompact(response.toJson()));
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
