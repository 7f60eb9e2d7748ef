// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/SidebarDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace lanyard::ui {

SidebarDelegate::SidebarDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QSize SidebarDelegate::padding(const QStyleOptionViewItem &option)
{
    const int unit = option.fontMetrics.height();
    return {unit * 2 / 3, unit / 3};
}

void SidebarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    // The selection across the full row; the content inset from it.
    if (opt.state & QStyle::State_Selected)
        painter->fillRect(opt.rect, opt.palette.brush(group, QPalette::Highlight));
    const bool focused = opt.state & QStyle::State_HasFocus;
    const QRect full = opt.rect;
    const QSize pad = padding(opt);
    opt.rect = full.adjusted(pad.width(), 0, -pad.width(), 0);
    opt.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (focused) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(option);
        focus.rect = full.adjusted(1, 1, -1, -1);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = opt.palette.color(
            group, (opt.state & QStyle::State_Selected) ? QPalette::Highlight : QPalette::Base);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

QSize SidebarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const QSize pad = padding(option);
    return {base.width() + 2 * pad.width(), base.height() + 2 * pad.height()};
}

} // namespace lanyard::ui
