// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/SignInChart.h"

#include "shell/StatusColors.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace lanyard::ui {

namespace {

/// Minutes between time labels on the x axis.
constexpr int LabelEveryMinutes = 15;

QString timeLabel(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace

SignInChart::SignInChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("signInChart"));
    setAccessibleName(tr("Sign-ins per minute in the last hour"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateAccessibleDescription();
}

void SignInChart::setBuckets(const QList<SignInHistogram::Bucket> &buckets)
{
    m_buckets = buckets;
    if (m_hovered >= m_buckets.size())
        m_hovered = -1;
    updateAccessibleDescription();
    update();
}

int SignInChart::stackedMaximum() const
{
    int maximum = 0;
    for (const auto &bucket : m_buckets)
        maximum = std::max(maximum, bucket.succeeded + bucket.failed);
    return maximum;
}

SignInChart::Axis SignInChart::axis() const
{
    const int maximum = std::max(1, stackedMaximum());
    const int step = niceStep(maximum, 4);
    return {step, std::max(step, ((maximum + step - 1) / step) * step)};
}

int SignInChart::totalSucceeded() const
{
    int total = 0;
    for (const auto &bucket : m_buckets)
        total += bucket.succeeded;
    return total;
}

int SignInChart::totalFailed() const
{
    int total = 0;
    for (const auto &bucket : m_buckets)
        total += bucket.failed;
    return total;
}

int SignInChart::niceStep(int maximum, int ticks)
{
    if (maximum <= 0 || ticks <= 0)
        return 1;
    const double raw = static_cast<double>(maximum) / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normalized = raw / magnitude;
    const double factor = normalized <= 1.0   ? 1.0
                          : normalized <= 2.0 ? 2.0
                          : normalized <= 5.0 ? 5.0
                                              : 10.0;
    return std::max(1, static_cast<int>(std::lround(factor * magnitude)));
}

QSize SignInChart::sizeHint() const
{
    const int em = fontMetrics().height();
    return {em * 40, em * 9};
}

QSize SignInChart::minimumSizeHint() const
{
    const int em = fontMetrics().height();
    return {em * 16, em * 7};
}

QRectF SignInChart::plotArea() const
{
    const QFontMetricsF fm(font());
    const qreal axisWidth =
        fm.horizontalAdvance(QLocale().toString(axis().top)) + fm.height() * 0.6;
    const qreal legendHeight = fm.height() * 1.6;
    const qreal labelsHeight = fm.height() * 1.4;
    return QRectF(axisWidth, legendHeight, width() - axisWidth - fm.height() * 0.5,
                  height() - legendHeight - labelsHeight);
}

int SignInChart::bucketAt(const QPointF &position) const
{
    const QRectF plot = plotArea();
    if (m_buckets.isEmpty() || !plot.adjusted(0, 0, 0, 1).contains(position))
        return -1;
    const qreal slot = plot.width() / static_cast<qreal>(m_buckets.size());
    const int index = static_cast<int>((position.x() - plot.left()) / slot);
    return std::clamp(index, 0, static_cast<int>(m_buckets.size()) - 1);
}

void SignInChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetricsF fm(font());
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QColor succeeded = StatusColors::success(pal);
    const QColor failed = StatusColors::failure(pal);
    QColor grid = text;
    grid.setAlphaF(0.12f);

    // Legend, top left: a swatch and the total of each series.
    const qreal swatch = fm.height() * 0.7;
    qreal x = 0;
    const qreal legendY = fm.height() * 0.2;
    const auto legendEntry = [&](const QColor &color, const QString &label) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(x, legendY + (fm.height() - swatch) / 2, swatch, swatch), 2,
                                2);
        x += swatch + fm.height() * 0.35;
        painter.setPen(text);
        painter.drawText(QPointF(x, legendY + fm.ascent()), label);
        x += fm.horizontalAdvance(label) + fm.height();
    };
    legendEntry(succeeded, tr("Succeeded: %1").arg(QLocale().toString(totalSucceeded())));
    legendEntry(failed, tr("Failed: %1").arg(QLocale().toString(totalFailed())));

    const QRectF plot = plotArea();
    if (plot.width() <= 0 || plot.height() <= 0)
        return;

    const int maximum = stackedMaximum();
    const auto [step, top] = axis();
    const auto yFor = [&](qreal value) {
        return plot.bottom() - value / top * plot.height();
    };

    // Horizontal grid lines and the count axis.
    painter.setBrush(Qt::NoBrush);
    for (int value = 0; value <= top; value += step) {
        const qreal y = yFor(value);
        painter.setPen(QPen(value == 0 ? muted : grid, 1.0));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(muted);
        const QString label = QLocale().toString(value);
        painter.drawText(
            QRectF(0, y - fm.height() / 2, plot.left() - fm.height() * 0.3, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, label);
    }

    if (m_buckets.isEmpty())
        return;
    const qreal slot = plot.width() / static_cast<qreal>(m_buckets.size());
    const qreal barWidth = std::max(1.0, slot * 0.7);

    if (m_hovered >= 0) {
        QColor band = pal.color(QPalette::Highlight);
        band.setAlphaF(0.15f);
        painter.fillRect(QRectF(plot.left() + m_hovered * slot, plot.top(), slot, plot.height()),
                         band);
    }

    painter.setPen(Qt::NoPen);
    for (int i = 0; i < m_buckets.size(); ++i) {
        const auto &bucket = m_buckets.at(i);
        const qreal left = plot.left() + i * slot + (slot - barWidth) / 2;
        const qreal ok = yFor(bucket.succeeded);
        if (bucket.succeeded > 0) {
            painter.setBrush(succeeded);
            painter.drawRect(QRectF(left, ok, barWidth, plot.bottom() - ok));
        }
        if (bucket.failed > 0) {
            const qreal topY = yFor(bucket.succeeded + bucket.failed);
            painter.setBrush(failed);
            painter.drawRect(QRectF(left, topY, barWidth, ok - topY));
        }
    }

    // Time labels at every quarter hour (local time), and "now" at the end.
    painter.setPen(muted);
    const qreal labelY = plot.bottom() + fm.height() * 0.2;
    qreal lastRight = -1;
    for (int i = 0; i < m_buckets.size(); ++i) {
        const QDateTime start = m_buckets.at(i).start;
        if (start.toSecsSinceEpoch() / 60 % LabelEveryMinutes != 0)
            continue;
        const qreal center = plot.left() + i * slot + slot / 2;
        painter.drawLine(QPointF(center, plot.bottom()),
                         QPointF(center, plot.bottom() + fm.height() * 0.2));
        const QString label = timeLabel(start);
        const qreal w = fm.horizontalAdvance(label);
        QRectF box(center - w / 2, labelY, w, fm.height());
        if (box.left() < plot.left() - fm.height())
            box.moveLeft(plot.left() - fm.height());
        if (box.right() > width())
            box.moveRight(width());
        if (box.left() <= lastRight)
            continue;
        painter.drawText(box, Qt::AlignCenter, label);
        lastRight = box.right() + fm.height() * 0.5;
    }

    if (maximum == 0) {
        painter.setPen(muted);
        painter.drawText(plot, Qt::AlignCenter, tr("No sign-ins in the last hour"));
    }
}

void SignInChart::mouseMoveEvent(QMouseEvent *event)
{
    const int index = bucketAt(event->position());
    if (index != m_hovered) {
        m_hovered = index;
        update();
    }
    if (index < 0) {
        QToolTip::hideText();
        return;
    }
    const auto &bucket = m_buckets.at(index);
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1: %2 succeeded, %3 failed")
                           .arg(timeLabel(bucket.start))
                           .arg(bucket.succeeded)
                           .arg(bucket.failed),
                       this);
}

void SignInChart::leaveEvent(QEvent *event)
{
    m_hovered = -1;
    update();
    QWidget::leaveEvent(event);
}

void SignInChart::updateAccessibleDescription()
{
    setAccessibleDescription(tr("%1 succeeded and %2 failed sign-ins in the last hour")
                                 .arg(totalSucceeded())
                                 .arg(totalFailed()));
}

} // namespace lanyard::ui
