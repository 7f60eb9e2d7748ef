// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace lanyard::app {

/// Rows of text in aligned columns, as `lanyard keys list` and `lanyard
/// sessions list` print them: a header row, then one line per row; columns
/// are left-aligned and separated by two spaces; the last column is not
/// padded (it may hold spaces, like a user agent). Empty cells print as "-",
/// so every other column is one whitespace-separated word. Plain value.
class TextTable
{
public:
    explicit TextTable(QStringList header);

    void addRow(QStringList cells);
    qsizetype rowCount() const { return m_rows.size(); }
    /// The header and every row, each line ending in '\n'.
    QString render() const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace lanyard::app
