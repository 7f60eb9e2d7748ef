// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionDetailsPane.h"

#include "sessions/BackchannelDeliveryLog.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard::ui {

namespace {

QLabel *valueLabel()
{
    auto *label = new QLabel;
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QString longTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

} // namespace

SessionDetailsPane::SessionDetailsPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_banner(new QLabel), m_started(valueLabel()),
      m_authenticated(valueLabel()), m_lastActivity(valueLabel()), m_expires(valueLabel()),
      m_source(valueLabel()), m_userAgent(valueLabel()), m_sid(valueLabel()),
      m_noClients(new QLabel(tr("No application has received tokens in this session yet."))),
      m_clientsBox(new QWidget), m_clientsLayout(new QVBoxLayout(m_clientsBox))
{
    setObjectName(QStringLiteral("sessionDetails"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("sessionTitle"));

    m_banner->setObjectName(QStringLiteral("endedBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(6);
    m_banner->hide();

    m_userAgent->setObjectName(QStringLiteral("userAgentLabel"));
    m_sid->setObjectName(QStringLiteral("sidLabel"));
    m_sid->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Started:"), m_started);
    form->addRow(tr("Signed in:"), m_authenticated);
    form->addRow(tr("Last activity:"), m_lastActivity);
    form->addRow(tr("Expires:"), m_expires);
    form->addRow(tr("Source address:"), m_source);
    form->addRow(tr("Browser:"), m_userAgent);
    form->addRow(tr("Session ID:"), m_sid);

    auto *clientsTitle = new QLabel(tr("Applications in this session"));
    QFont sectionFont = clientsTitle->font();
    sectionFont.setBold(true);
    clientsTitle->setFont(sectionFont);
    m_noClients->setWordWrap(true);
    m_noClients->setForegroundRole(QPalette::PlaceholderText);
    m_clientsLayout->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(clientsTitle);
    layout->addWidget(m_noClients);
    layout->addWidget(m_clientsBox);
    layout->addStretch(1);
    clear();
}

void SessionDetailsPane::clear()
{
    m_session = {};
    m_ended = false;
    rebuildClients({});
}

void SessionDetailsPane::showSession(const SessionInfo &session,
                                     const QHash<QString, SessionClient> &clients)
{
    const bool same = session.id == m_session.id;
    m_session = session;
    if (!same)
        m_ended = false;
    m_title->setText(session.username.isEmpty() ? tr("Deleted account (%1)").arg(session.subject)
                                                : session.username);
    m_banner->setVisible(m_ended);
    m_started->setText(longTime(session.createdAt));
    m_authenticated->setText(longTime(session.authTime));
    m_lastActivity->setText(longTime(session.lastActiveAt));
    m_expires->setText(tr("%1, unless used again").arg(longTime(session.expiresAt)));
    m_source->setText(session.sourceAddress);
    m_userAgent->setText(session.userAgent.isEmpty() ? tr("Not sent") : session.userAgent);
    // Ids are long and unbreakable: the start of it, the whole in the tooltip.
    constexpr int ShownSid = 16;
    m_sid->setText(session.id.size() > ShownSid + 1 ? session.id.left(ShownSid) + QChar(0x2026)
                                                    : session.id);
    m_sid->setToolTip(session.id);
    rebuildClients(clients);
}

void SessionDetailsPane::setEnded(const QString &text)
{
    if (!hasSession())
        return;
    m_ended = true;
    m_banner->setText(text);
    m_banner->show();
    m_expires->setText(tr("Ended"));
}

void SessionDetailsPane::rebuildClients(const QHash<QString, SessionClient> &clients)
{
    for (const ClientRow &row : std::as_const(m_clients)) {
        // The row's container is the parent of its widgets; a click on its
        // button may still be on the stack.
        QWidget *container = row.revoke->parentWidget();
        container->hide();
        container->setParent(nullptr);
        container->deleteLater();
    }
    m_clients.clear();
    for (const QString &clientId : std::as_const(m_session.clientIds)) {
        SessionClient client = clients.value(clientId);
        client.clientId = clientId;

        auto *container = new QFrame;
        container->setFrameShape(QFrame::StyledPanel);
        auto *name =
            new QLabel(client.name.isEmpty() ? clientId : tr("%1 (%2)").arg(client.name, clientId));
        name->setTextFormat(Qt::PlainText);
        name->setWordWrap(true);
        auto *delivery = new QLabel;
        delivery->setObjectName(QStringLiteral("delivery_%1").arg(clientId));
        delivery->setTextFormat(Qt::PlainText);
        delivery->setWordWrap(true);
        delivery->setForegroundRole(QPalette::PlaceholderText);
        auto *revoke = new QPushButton(tr("Revoke grant"));
        revoke->setObjectName(QStringLiteral("revoke_%1").arg(clientId));
        revoke->setAccessibleName(tr("Revoke the grant of %1").arg(client.displayName()));
        revoke->setToolTip(tr("Forget what %1 granted %2 and revoke its tokens, offline ones "
                              "included. The user stays signed in to Lanyard; %2 has to ask "
                              "again.")
                               .arg(m_session.username, client.displayName()));
        revoke->setEnabled(m_actionsEnabled);
        connect(revoke, &QPushButton::clicked, this,
                [this, clientId] { Q_EMIT revokeRequested(m_session.subject, clientId); });

        auto *text = new QVBoxLayout;
        text->setSpacing(2);
        text->addWidget(name);
        text->addWidget(delivery);
        auto *row = new QHBoxLayout(container);
        row->addLayout(text, 1);
        row->addWidget(revoke, 0, Qt::AlignVCenter);
        m_clientsLayout->addWidget(container);
        m_clients.append(ClientRow{client, delivery, revoke});
    }
    m_noClients->setVisible(m_session.clientIds.isEmpty() && hasSession());
    BackchannelDeliveryLog none;
    updateDeliveries(none);
}

void SessionDetailsPane::updateDeliveries(const BackchannelDeliveryLog &log)
{
    for (const ClientRow &row : std::as_const(m_clients)) {
        const auto delivery = log.delivery(m_session.id, row.client.clientId);
        QString text;
        if (delivery)
            text = BackchannelDeliveryLog::describe(*delivery);
        else if (!row.client.backchannelLogout)
            text = tr("No back-channel logout: it is not told when the session ends");
        else if (m_ended)
            text = tr("Logout pending");
        else
            text = tr("Back-channel logout when the session ends");
        row.delivery->setText(text);
        row.delivery->setAccessibleDescription(text);
        // A failed logout needs the admin's attention: full contrast, bold.
        const bool failed = delivery && delivery->state == BackchannelDeliveryLog::State::Failed;
        row.delivery->setForegroundRole(failed ? QPalette::WindowText : QPalette::PlaceholderText);
        QFont font = row.delivery->font();
        font.setBold(failed);
        row.delivery->setFont(font);
    }
}

void SessionDetailsPane::setActionsEnabled(bool enabled)
{
    m_actionsEnabled = enabled;
    for (const ClientRow &row : std::as_const(m_clients))
        row.revoke->setEnabled(enabled);
}

} // namespace lanyard::ui
