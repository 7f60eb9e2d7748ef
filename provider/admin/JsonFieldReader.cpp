// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/JsonFieldReader.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lanyard {

JsonFieldReader::JsonFieldReader(const QJsonObject &object, QString path,
                                 ValidationProblems *problems)
    : m_object(object), m_path(std::move(path)), m_problems(problems)
{}

QString JsonFieldReader::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

void JsonFieldReader::problem(const QString &key, const QString &message)
{
    m_problems->append({pathOf(key), message});
}

std::optional<QJsonValue> JsonFieldReader::value(const QString &key)
{
    m_read.insert(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd() || it->isNull())
        return std::nullopt;
    return *it;
}

std::optional<QString> JsonFieldReader::string(const QString &key)
{
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        problem(key, u"must be a string"_s);
        return std::nullopt;
    }
    return v->toString();
}

std::optional<QStringList> JsonFieldReader::stringList(const QString &key)
{
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        problem(key, u"must be an array of strings"_s);
        return std::nullopt;
    }
    QStringList list;
    const QJsonArray array = v->toArray();
    bool ok = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            m_problems->append({u"%1[%2]"_s.arg(pathOf(key)).arg(i), u"must be a string"_s});
            ok = false;
            continue;
        }
        list.append(array.at(i).toString());
    }
    if (!ok)
        return std::nullopt;
    return list;
}

std::optional<bool> JsonFieldReader::boolean(const QString &key)
{
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        problem(key, u"must be true or false"_s);
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<int> JsonFieldReader::integer(const QString &key, int min, int max)
{
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    const double d = v->toDouble(std::nan(""));
    if (!v->isDouble() || std::trunc(d) != d || d < min || d > max) {
        problem(key, u"must be a whole number from %1 to %2"_s.arg(min).arg(max));
        return std::nullopt;
    }
    return static_cast<int>(d);
}

void JsonFieldReader::reportUnknown()
{
    QStringList unknown;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_read.contains(it.key()))
            unknown.append(it.key());
    }
    unknown.sort();
    for (const QString &key : unknown)
        problem(key, u"unknown field"_s);
}

} // namespace lanyard
