// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIconEngine>
#include <QString>

namespace lanyard::ui {

/// An icon engine for single-colour line icons (ui/icons/*.svg): renders
/// the SVG at the size asked for and paints it in a colour of the
/// application palette at the time of painting, so icons follow light and
/// dark palettes and palette changes:
///
///   Normal, Active  QPalette::WindowText
///   Selected        QPalette::HighlightedText (on the selection colour)
///   Disabled        WindowText of the Disabled group
///
/// Qt's SVG renderer has no reliable `currentColor`; tinting the rendered
/// image (composition SourceIn) works for any SVG drawn in one colour.
/// Rendered pixmaps are cached in QPixmapCache. GUI thread.
class TintedIconEngine : public QIconEngine
{
public:
    /// `path`: an SVG file or resource (":/lanyard/icons/keys.svg").
    explicit TintedIconEngine(QString path);

    /// The colour an icon in `mode` is painted with, from `palette`.
    static QColor colorFor(QIcon::Mode mode, const QPalette &palette);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    /// A pixmap of exactly `size` device pixels.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;

private:
    QString m_path;
};

} // namespace lanyard::ui
