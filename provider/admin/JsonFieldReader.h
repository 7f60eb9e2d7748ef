// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/ValidationProblem.h"

#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace lanyard {

/// Reads typed members of one JSON object, recording a problem with the
/// member's path for every wrong type, and remembering which members were
/// read so the rest can be reported as unknown.
class JsonFieldReader
{
public:
    JsonFieldReader(const QJsonObject &object, QString path, ValidationProblems *problems);

    bool has(const QString &key) const { return m_object.contains(key); }
    std::optional<QString> string(const QString &key);
    std::optional<QStringList> stringList(const QString &key);
    std::optional<bool> boolean(const QString &key);
    /// An integer in [min, max].
    std::optional<int> integer(const QString &key, int min, int max);
    /// Any JSON value, taken as it is.
    std::optional<QJsonValue> value(const QString &key);

    /// `path.key`
    QString pathOf(const QString &key) const;
    /// Adds a problem at `path.key`.
    void problem(const QString &key, const QString &message);
    /// Reports every member that was never read as unknown.
    void reportUnknown();

private:
    const QJsonObject &m_object;
    QString m_path;
    ValidationProblems *m_problems;
    QSet<QString> m_read;
};

} // namespace lanyard
