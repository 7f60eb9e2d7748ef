// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace lanyard::ui {

/// Draws the sidebar's pages as roomy rows: the selection spans the whole
/// row, icon and text are inset and vertically centred. Padding follows the
/// font, so rows grow with the scale factor. GUI thread.
class SidebarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SidebarDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    /// Horizontal and vertical padding for `option`'s font.
    static QSize padding(const QStyleOptionViewItem &option);
};

} // namespace lanyard::ui
