// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "overview/SignInHistogram.h"

#include <QWidget>

namespace lanyard::ui {

/// A bar chart of sign-ins per minute: one stacked bar per bucket,
/// succeeded below, failed on top, with a count axis, time labels every
/// quarter hour, a legend with the totals and the bucket under the mouse
/// in a tooltip. Painted with QPainter in palette colours (StatusColors for
/// the two series). Shows what it is given; SignInHistogram does the
/// counting. GUI thread.
class SignInChart : public QWidget
{
    Q_OBJECT

public:
    explicit SignInChart(QWidget *parent = nullptr);

    /// Replaces the bars (oldest first) and repaints.
    void setBuckets(const QList<SignInHistogram::Bucket> &buckets);
    const QList<SignInHistogram::Bucket> &buckets() const { return m_buckets; }
    int totalSucceeded() const;
    int totalFailed() const;

    /// A tick step for an axis up to `maximum` with about `ticks` ticks: 1,
    /// 2 or 5 times a power of ten, at least 1.
    static int niceStep(int maximum, int ticks);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Axis
    {
        int step;
        int top;
    };
    /// The tallest stacked bar.
    int stackedMaximum() const;
    /// Tick step and top of the count axis.
    Axis axis() const;
    /// Where the bars go (inside the axes and the legend).
    QRectF plotArea() const;
    /// The bucket under `position`, or -1.
    int bucketAt(const QPointF &position) const;
    void updateAccessibleDescription();

    QList<SignInHistogram::Bucket> m_buckets;
    int m_hovered = -1;
};

} // namespace lanyard::ui
