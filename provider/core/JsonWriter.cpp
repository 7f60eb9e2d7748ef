// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/JsonWriter.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <charconv>
#include <cmath>
#include <utility>

namespace lanyard {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

/// The longest an escaped UTF-16 code unit gets: `\uXXXX`.
constexpr qsizetype MaxBytesPerUnit = 6;

char *writeEscape(char *cursor, char16_t u)
{
    *cursor++ = '\\';
    switch (u) {
    case u'"':
        *cursor++ = '"';
        break;
    case u'\\':
        *cursor++ = '\\';
        break;
    case u'\b':
        *cursor++ = 'b';
        break;
    case u'\f':
        *cursor++ = 'f';
        break;
    case u'\n':
        *cursor++ = 'n';
        break;
    case u'\r':
        *cursor++ = 'r';
        break;
    case u'\t':
        *cursor++ = 't';
        break;
    default:
        // RFC 8259 §7: other control characters, and (for UTF-16 that is
        // not well formed) a lone surrogate, as \uXXXX.
        *cursor++ = 'u';
        *cursor++ = HexDigits[(u >> 12) & 0xf];
        *cursor++ = HexDigits[(u >> 8) & 0xf];
        *cursor++ = HexDigits[(u >> 4) & 0xf];
        *cursor++ = HexDigits[u & 0xf];
    }
    return cursor;
}

/// An ASCII unit: as it is, or escaped (RFC 8259 §7: quotation mark,
/// reverse solidus and the control characters must be).
char *writeAscii(char *cursor, char16_t u)
{
    if (u < 0x20 || u == u'"' || u == u'\\')
        return writeEscape(cursor, u);
    *cursor++ = static_cast<char>(u);
    return cursor;
}

char *writeUtf8(char *cursor, char32_t c)
{
    if (c < 0x800) {
        *cursor++ = static_cast<char>(0xc0 | (c >> 6));
    } else if (c < 0x10000) {
        *cursor++ = static_cast<char>(0xe0 | (c >> 12));
        *cursor++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    } else {
        *cursor++ = static_cast<char>(0xf0 | (c >> 18));
        *cursor++ = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        *cursor++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    }
    *cursor++ = static_cast<char>(0x80 | (c & 0x3f));
    return cursor;
}

/// Makes room for `units` escaped units and the quotes; returns where to
/// write. The caller shrinks `out` to what it wrote.
char *reserveString(QByteArray &out, qsizetype units)
{
    const qsizetype start = out.size();
    out.resize(start + units * MaxBytesPerUnit + 2);
    return out.data() + start;
}

} // namespace

JsonWriter::JsonWriter(qsizetype reserve)
{
    m_out.reserve(reserve);
}

void JsonWriter::separate()
{
    if (m_afterName) {
        m_afterName = false;
        return;
    }
    if (m_hasValue.isEmpty())
        return;
    if (m_hasValue.back())
        m_out += ',';
    else
        m_hasValue.back() = true;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_hasValue.append(false);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    if (!m_hasValue.isEmpty())
        m_hasValue.removeLast();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_hasValue.append(false);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    if (!m_hasValue.isEmpty())
        m_hasValue.removeLast();
    return *this;
}

JsonWriter &JsonWriter::name(QLatin1StringView name)
{
    separate();
    appendString(m_out, name);
    m_out += ':';
    m_afterName = true;
    return *this;
}

JsonWriter &JsonWriter::name(QStringView name)
{
    separate();
    appendString(m_out, name);
    m_out += ':';
    m_afterName = true;
    return *this;
}

JsonWriter &JsonWriter::string(QStringView text)
{
    separate();
    appendString(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::string(QLatin1StringView text)
{
    separate();
    appendString(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::integer(qint64 number)
{
    separate();
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, number);
    m_out.append(digits, written.ptr - digits);
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    separate();
    m_out += value ? QByteArrayView("true") : QByteArrayView("false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out += QByteArrayView("null");
    return *this;
}

JsonWriter &JsonWriter::strings(const QStringList &list)
{
    beginArray();
    for (const QString &text : list)
        string(text);
    return endArray();
}

JsonWriter &JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return boolean(value.toBool());
    case QJsonValue::Double: {
        // QJsonValue keeps integers apart from doubles; QJsonDocument
        // writes the first in decimal, the second in the shortest form that
        // reads back the same, and a non-finite double as null.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger())
            return integer(number.toInteger());
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return null();
        separate();
        m_out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        return *this;
    }
    case QJsonValue::String:
        return string(value.toString());
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            this->value(element);
        return endArray();
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            name(it.key());
            this->value(it.value());
        }
        return endObject();
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return null();
}

QByteArray JsonWriter::take()
{
    m_hasValue.clear();
    m_afterName = false;
    return std::exchange(m_out, QByteArray());
}

QByteArray JsonWriter::compact(const QJsonObject &object)
{
    JsonWriter writer;
    writer.value(object);
    return writer.take();
}

void JsonWriter::appendString(QByteArray &out, QStringView text)
{
    char *cursor = reserveString(out, text.size());
    *cursor++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            cursor = writeAscii(cursor, u);
        } else if (!QChar::isSurrogate(u)) {
            cursor = writeUtf8(cursor, u);
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            cursor = writeUtf8(cursor, QChar::surrogateToUcs4(u, *src++));
        } else {
            // Not well-formed UTF-16: QJsonDocument escapes the lone unit.
            cursor = writeEscape(cursor, u);
        }
    }
    *cursor++ = '"';
    out.resize(cursor - out.data());
}

void JsonWriter::appendString(QByteArray &out, QLatin1StringView text)
{
    char *cursor = reserveString(out, text.size());
    *cursor++ = '"';
    for (const char c : text) {
        const auto u = static_cast<char16_t>(static_cast<unsigned char>(c));
        cursor = u < 0x80 ? writeAscii(cursor, u) : writeUtf8(cursor, u);
    }
    *cursor++ = '"';
    out.resize(cursor - out.data());
}

} // namespace lanyard
