// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/ParameterList.h"

#include <QSet>

namespace lanyard {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// application/x-www-form-urlencoded decoding of one name or value.
QString decodeComponent(QByteArrayView encoded, bool *malformed)
{
    QByteArray bytes;
    bytes.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            const bool complete = i + 2 < encoded.size();
            const int high = complete ? hexValue(encoded[i + 1]) : -1;
            const int low = complete ? hexValue(encoded[i + 2]) : -1;
            if (high < 0 || low < 0) {
                *malformed = true;
                bytes.append(c);
            } else {
                bytes.append(static_cast<char>(high * 16 + low));
                i += 2;
            }
        } else {
            bytes.append(c);
        }
    }
    if (!bytes.isValidUtf8())
        *malformed = true;
    return QString::fromUtf8(bytes);
}

} // namespace

ParameterList ParameterList::parse(QByteArrayView encoded)
{
    ParameterList list;
    qsizetype start = 0;
    while (start <= encoded.size()) {
        qsizetype end = start;
        while (end < encoded.size() && encoded[end] != '&')
            ++end;
        const QByteArrayView pair = encoded.sliced(start, end - start);
        if (!pair.isEmpty()) {
            qsizetype equals = 0;
            while (equals < pair.size() && pair[equals] != '=')
                ++equals;
            const QByteArrayView name = pair.first(equals);
            const QByteArrayView value =
                equals < pair.size() ? pair.sliced(equals + 1) : QByteArrayView();
            list.m_items.append({decodeComponent(name, &list.m_malformed),
                                 decodeComponent(value, &list.m_malformed)});
        }
        start = end + 1;
    }
    return list;
}

bool ParameterList::contains(const QString &name) const
{
    return !value(name).isNull();
}

QString ParameterList::value(const QString &name) const
{
    for (const auto &[key, value] : m_items) {
        if (key == name && !value.isEmpty())
            return value;
    }
    return {};
}

QStringList ParameterList::values(const QString &name) const
{
    QStringList found;
    for (const auto &[key, value] : m_items) {
        if (key == name && !value.isEmpty())
            found.append(value);
    }
    return found;
}

QStringList ParameterList::duplicateNames() const
{
    QSet<QString> seen;
    QStringList duplicates;
    for (const auto &[key, value] : m_items) {
        if (value.isEmpty())
            continue;
        if (seen.contains(key)) {
            if (!duplicates.contains(key))
                duplicates.append(key);
        } else {
            seen.insert(key);
        }
    }
    return duplicates;
}

} // namespace lanyard
