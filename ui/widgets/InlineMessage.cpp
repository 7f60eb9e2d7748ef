// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace lanyard::ui {

InlineMessage::InlineMessage(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel), m_text(new QLabel)
{
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("messageText"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    hide();
}

void InlineMessage::showMessage(const QString &text, Kind kind)
{
    if (text.isEmpty()) {
        clear();
        return;
    }
    m_kind = kind;
    const QStyle::StandardPixmap icon =
        kind == Kind::Information ? QStyle::SP_MessageBoxInformation : QStyle::SP_MessageBoxWarning;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_icon->setAccessibleName(kind == Kind::Information ? tr("Information") : tr("Problem"));
    m_text->setText(text);
    show();
}

void InlineMessage::clear()
{
    m_text->clear();
    hide();
}

QString InlineMessage::text() const
{
    return m_text->text();
}

} // namespace lanyard::ui
