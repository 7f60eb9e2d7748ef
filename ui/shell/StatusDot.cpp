// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/StatusDot.h"

#include "shell/StatusColors.h"

#include <QPainter>

namespace lanyard::ui {

StatusDot::StatusDot(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setState(ServerStatus::State::Opening);
}

void StatusDot::setState(ServerStatus::State state)
{
    m_state = state;
    setAccessibleName(describe(state));
    setToolTip(describe(state));
    update();
}

QColor StatusDot::colorFor(ServerStatus::State state, const QPalette &palette)
{
    using State = ServerStatus::State;
    switch (state) {
    case State::Running:
        return StatusColors::success(palette);
    case State::Failed:
        return StatusColors::failure(palette);
    case State::Stopped:
        return StatusColors::neutral(palette);
    case State::Opening:
    case State::Starting:
    case State::Stopping:
        break;
    }
    return StatusColors::pending(palette);
}

QString StatusDot::describe(ServerStatus::State state)
{
    using State = ServerStatus::State;
    switch (state) {
    case State::Opening:
        return tr("Opening");
    case State::Stopped:
        return tr("Stopped");
    case State::Starting:
        return tr("Starting");
    case State::Running:
        return tr("Running");
    case State::Stopping:
        return tr("Stopping");
    case State::Failed:
        return tr("Error");
    }
    return {};
}

QSize StatusDot::sizeHint() const
{
    // Follows the font, so it grows with the text at any scale.
    const int side = fontMetrics().height() * 2 / 3;
    return {side, side};
}

void StatusDot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(width(), height()) - 1.0;
    const QRectF circle((width() - side) / 2.0, (height() - side) / 2.0, side, side);
    const QColor color = colorFor(m_state, palette());
    painter.setPen(QPen(color.darker(125), 1.0));
    painter.setBrush(color);
    painter.drawEllipse(circle);
}

} // namespace lanyard::ui
