// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyStateBadge.h"

#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace lanyard::ui {

namespace {

QPixmap paint(KeyState state, const QColor &colour, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal pen = std::max<qreal>(1.0, size / 8.0);
    const QRectF outer = QRectF(0, 0, size, size).adjusted(pen, pen, -pen, -pen);
    switch (state) {
    case KeyState::Active:
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(outer);
        break;
    case KeyState::Next: {
        painter.setPen(QPen(colour, pen));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(outer);
        const qreal dot = size / 4.0;
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(outer.center() - QPointF(dot / 2, dot / 2), QSizeF(dot, dot)));
        break;
    }
    case KeyState::Retired:
        painter.setPen(QPen(colour, pen));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(outer);
        painter.drawLine(outer.bottomLeft() + QPointF(pen, -pen),
                         outer.topRight() + QPointF(-pen, pen));
        break;
    }
    return pixmap;
}

} // namespace

QColor KeyStateBadge::colour(KeyState state, const QPalette &palette)
{
    switch (state) {
    case KeyState::Active:
    case KeyState::Next:
        return palette.color(QPalette::Active, QPalette::Highlight);
    case KeyState::Retired:
        return palette.color(QPalette::Active, QPalette::PlaceholderText);
    }
    return palette.color(QPalette::WindowText);
}

QIcon KeyStateBadge::icon(KeyState state, const QPalette &palette)
{
    const QColor c = colour(state, palette);
    // On a selected row the background is the highlight colour itself.
    const QColor selected = palette.color(QPalette::Active, QPalette::HighlightedText);
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        icon.addPixmap(paint(state, c, size), QIcon::Normal);
        icon.addPixmap(paint(state, selected, size), QIcon::Selected);
    }
    return icon;
}

} // namespace lanyard::ui
