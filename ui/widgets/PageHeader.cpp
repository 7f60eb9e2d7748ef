// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/PageHeader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace lanyard::ui {

PageHeader::PageHeader(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent), m_title(new QLabel(title)), m_description(new QLabel(description)),
      m_actions(new QHBoxLayout)
{
    setObjectName(QStringLiteral("pageHeader"));
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setAccessibleName(title);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_description->setVisible(!description.isEmpty());

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_description);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->addLayout(text, 1);
    layout->addLayout(m_actions);
}

void PageHeader::addAction(QWidget *widget)
{
    m_actions->addWidget(widget, 0, Qt::AlignBottom);
}

} // namespace lanyard::ui
