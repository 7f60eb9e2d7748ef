// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextTable.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard::app {

TextTable::TextTable(QStringList header) : m_header(std::move(header)) {}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_header.size())
        cells.append(QString());
    for (QString &cell : cells) {
        // One line per row, whatever a stored value holds.
        cell.replace(u'\n', u' ').replace(u'\r', u' ').replace(u'\t', u' ');
        if (cell.isEmpty())
            cell = u"-"_s;
    }
    m_rows.append(std::move(cells));
}

QString TextTable::render() const
{
    QList<qsizetype> widths;
    for (const QString &cell : m_header)
        widths.append(cell.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    QString text;
    const auto line = [&](const QStringList &cells) {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                out += u"  "_s;
            const bool last = i + 1 == cells.size();
            out += last ? cells.at(i) : cells.at(i).leftJustified(widths.value(i));
        }
        text += out + u'\n';
    };
    line(m_header);
    for (const QStringList &row : m_rows)
        line(row);
    return text;
}

} // namespace lanyard::app
