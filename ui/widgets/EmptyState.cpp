// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/EmptyState.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard::ui {

EmptyState::EmptyState(const QString &message, const QString &actionText, QWidget *parent)
    : QWidget(parent), m_message(new QLabel(message)), m_action(new QPushButton(actionText))
{
    setObjectName(QStringLiteral("emptyState"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    QFont font = m_message->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_message->setFont(font);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_action->setVisible(!actionText.isEmpty());
    connect(m_action, &QPushButton::clicked, this, &EmptyState::actionTriggered);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_message);
    layout->addWidget(m_action, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

void EmptyState::setMessage(const QString &message)
{
    m_message->setText(message);
}

} // namespace lanyard::ui
