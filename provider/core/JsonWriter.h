// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

namespace lanyard {

/// Writes compact JSON (RFC 8259) straight into one byte array, for the hot
/// paths that used to build a QJsonObject only to print it (a JWT's claims,
/// a JWS header, the token response, event lines): several times faster.
///
/// The output is byte for byte what QJsonDocument::toJson(Compact) writes
/// for the same members, provided they are written in the order a
/// QJsonObject keeps them (sorted by name): the same escapes (`\"`, `\\`,
/// `\b \f \n \r \t`, `\u00XX` for other control characters, lower-case hex),
/// UTF-8 for everything else, `\uXXXX` for a lone surrogate, integers in
/// decimal. Names and values are escaped as needed; nothing is validated
/// beyond that (a name written twice is written twice), and a caller that
/// opens an object or array closes it.
///
/// Threads: a value type; one writer per thread.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256);

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();

    /// The name of the next object member.
    JsonWriter &name(QLatin1StringView name);
    JsonWriter &name(QStringView name);

    /// A string value.
    JsonWriter &string(QStringView text);
    JsonWriter &string(QLatin1StringView text);
    /// An integer value.
    JsonWriter &integer(qint64 number);
    /// true or false.
    JsonWriter &boolean(bool value);
    /// null.
    JsonWriter &null();
    /// An array of strings.
    JsonWriter &strings(const QStringList &list);
    /// Any JSON value, objects and arrays included, as QJsonDocument would
    /// write it (a non-finite double becomes null, as there).
    JsonWriter &value(const QJsonValue &value);

    /// What has been written so far.
    const QByteArray &data() const { return m_out; }
    /// What has been written; the writer is left empty.
    QByteArray take();

    /// `object` in compact JSON: the same bytes as
    /// QJsonDocument(object).toJson(QJsonDocument::Compact).
    static QByteArray compact(const QJsonObject &object);
    /// Appends `text` as a quoted, escaped JSON string to `out`.
    static void appendString(QByteArray &out, QStringView text);
    static void appendString(QByteArray &out, QLatin1StringView text);

private:
    /// Writes the comma that separates this value from the one before it.
    void separate();

    QByteArray m_out;
    /// One entry per open object or array: whether it holds a value yet.
    QVarLengthArray<bool, 8> m_hasValue;
    /// A name was just written: its value needs no comma.
    bool m_afterName = false;
};

} // namespace lanyard
