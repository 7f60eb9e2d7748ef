// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace lanyard {

/// One problem found in admin input, located by its JSON path
/// (`clients[2].redirect_uris[0]`) or by a form field's wire name.
struct ValidationProblem
{
    QString path;
    QString message;

    /// "clients[2].redirect_uris[0]: fragment not allowed"
    QString toString() const
    {
        return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    }
    bool operator==(const ValidationProblem &) const = default;
};

using ValidationProblems = QList<ValidationProblem>;

} // namespace lanyard
