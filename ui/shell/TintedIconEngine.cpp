// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/TintedIconEngine.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QPaintDevice>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>

#include <utility>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

TintedIconEngine::TintedIconEngine(QString path) : m_path(std::move(path)) {}

QColor TintedIconEngine::colorFor(QIcon::Mode mode, const QPalette &palette)
{
    switch (mode) {
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

void TintedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                             QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap image = pixmap(rect.size() * ratio, mode, state);
    image.setDevicePixelRatio(ratio);
    painter->drawPixmap(rect, image);
}

QPixmap TintedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State)
{
    if (size.isEmpty())
        return {};
    const QColor color = colorFor(mode, QGuiApplication::palette());
    const QString cacheKey = u"lanyard-tinted:%1:%2x%3:%4"_s.arg(m_path)
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(color.rgba(), 8, 16, QLatin1Char('0'));
    QPixmap cached;
    if (QPixmapCache::find(cacheKey, &cached))
        return cached;

    QImageReader reader(m_path);
    reader.setScaledSize(size);
    QImage image = reader.read();
    if (image.isNull()) {
        // No SVG image plugin (libqt6svg6 missing): a transparent square
        // keeps layouts intact; the text next to the icon still says it all.
        QPixmap empty(size);
        empty.fill(Qt::transparent);
        return empty;
    }
    image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&image);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), color);
    }
    QPixmap result = QPixmap::fromImage(std::move(image));
    QPixmapCache::insert(cacheKey, result);
    return result;
}

QIconEngine *TintedIconEngine::clone() const
{
    return new TintedIconEngine(m_path);
}

QString TintedIconEngine::key() const
{
    return u"lanyard-tinted"_s;
}

bool TintedIconEngine::isNull()
{
    return !QFile::exists(m_path);
}

} // namespace lanyard::ui
