// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/EventFilterBar.h"

#include "events/EventTypes.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

namespace {

enum ResultChoice { AnyResult, SuccessOnly, FailureOnly };

} // namespace

EventFilterBar::EventFilterBar(QWidget *parent)
    : QWidget(parent), m_typeButton(new QToolButton), m_typeMenu(new QMenu(this)),
      m_result(new QComboBox), m_time(new QComboBox), m_from(new QDateTimeEdit),
      m_to(new QDateTimeEdit), m_account(new QLineEdit), m_client(new QLineEdit),
      m_text(new QLineEdit), m_clear(new QPushButton(tr("Cl&ear filters"))),
      m_debounce(new QTimer(this))
{
    setObjectName(u"eventFilterBar"_s);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &EventFilterBar::emitQuery);

    m_text->setObjectName(u"searchEdit"_s);
    m_text->setPlaceholderText(tr("Type, client, account, address or details"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Search events"));

    m_typeButton->setObjectName(u"typeFilter"_s);
    m_typeButton->setPopupMode(QToolButton::InstantPopup);
    m_typeButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_typeButton->setMenu(m_typeMenu);
    m_typeButton->setAccessibleName(tr("Event types"));
    m_typeButton->setFocusPolicy(Qt::StrongFocus);
    m_allTypes = m_typeMenu->addAction(tr("All types"));
    m_allTypes->setObjectName(u"allTypesAction"_s);
    m_allTypes->setCheckable(true);
    m_allTypes->setChecked(true);
    connect(m_allTypes, &QAction::triggered, this, [this] {
        for (QAction *action : std::as_const(m_typeActions))
            action->setChecked(false);
        m_allTypes->setChecked(true);
        updateTypeButton();
        edited();
    });
    m_typeMenu->addSeparator();
    for (const QString &type : event_type::all())
        addTypeAction(type);
    // Several types can be checked in one visit: clicks toggle without
    // closing the menu.
    m_typeMenu->installEventFilter(this);
    updateTypeButton();

    m_result->setObjectName(u"resultFilter"_s);
    m_result->addItem(tr("Any result"));
    m_result->addItem(tr("Success"));
    m_result->addItem(tr("Failure"));
    m_result->setAccessibleName(tr("Result"));

    m_time->setObjectName(u"timeFilter"_s);
    m_time->addItem(tr("Any time"));
    m_time->addItem(tr("Last hour"));
    m_time->addItem(tr("Last 24 hours"));
    m_time->addItem(tr("Last 7 days"));
    m_time->addItem(tr("Last 30 days"));
    m_time->addItem(tr("Custom range"));
    m_time->setAccessibleName(tr("Time range"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setTimeSpec(Qt::LocalTime);
    }
    m_from->setObjectName(u"fromEdit"_s);
    m_from->setAccessibleName(tr("From"));
    m_to->setObjectName(u"toEdit"_s);
    m_to->setAccessibleName(tr("Until"));

    m_account->setObjectName(u"accountFilter"_s);
    m_account->setPlaceholderText(tr("Username or subject"));
    m_account->setToolTip(tr("Events of exactly this account (username or subject)"));
    m_account->setClearButtonEnabled(true);
    m_client->setObjectName(u"clientFilter"_s);
    m_client->setPlaceholderText(tr("Client ID"));
    m_client->setToolTip(tr("Events of exactly this client application"));
    m_client->setClearButtonEnabled(true);
    m_clear->setObjectName(u"clearFiltersButton"_s);

    auto *searchLabel = new QLabel(tr("&Search:"));
    searchLabel->setBuddy(m_text);
    auto *typeLabel = new QLabel(tr("T&ypes:"));
    typeLabel->setBuddy(m_typeButton);
    auto *resultLabel = new QLabel(tr("&Result:"));
    resultLabel->setBuddy(m_result);
    auto *timeLabel = new QLabel(tr("T&ime:"));
    timeLabel->setBuddy(m_time);
    auto *accountLabel = new QLabel(tr("&Account:"));
    accountLabel->setBuddy(m_account);
    auto *clientLabel = new QLabel(tr("C&lient:"));
    clientLabel->setBuddy(m_client);
    auto *untilLabel = new QLabel(tr("to"));
    untilLabel->setObjectName(u"untilLabel"_s);

    auto *first = new QHBoxLayout;
    first->addWidget(searchLabel);
    first->addWidget(m_text, 1);
    first->addWidget(typeLabel);
    first->addWidget(m_typeButton);
    first->addWidget(resultLabel);
    first->addWidget(m_result);

    auto *second = new QHBoxLayout;
    second->addWidget(accountLabel);
    second->addWidget(m_account, 1);
    second->addWidget(clientLabel);
    second->addWidget(m_client, 1);
    second->addWidget(timeLabel);
    second->addWidget(m_time);
    second->addWidget(m_from);
    second->addWidget(untilLabel);
    second->addWidget(m_to);
    second->addWidget(m_clear);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(first);
    layout->addLayout(second);

    setTabOrder(m_text, m_typeButton);
    setTabOrder(m_typeButton, m_result);
    setTabOrder(m_result, m_account);
    setTabOrder(m_account, m_client);
    setTabOrder(m_client, m_time);
    setTabOrder(m_time, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_clear);

    for (QLineEdit *edit : {m_text, m_account, m_client}) {
        connect(edit, &QLineEdit::textChanged, this, &EventFilterBar::edited);
        connect(edit, &QLineEdit::returnPressed, this, &EventFilterBar::applyNow);
    }
    connect(m_result, &QComboBox::currentIndexChanged, this, &EventFilterBar::edited);
    connect(m_time, &QComboBox::currentIndexChanged, this, [this] {
        if (static_cast<TimeRange>(m_time->currentIndex()) == TimeRange::Custom &&
            !m_from->property("initialised").toBool()) {
            const QDateTime now = QDateTime::currentDateTime();
            const QSignalBlocker fromBlocker(m_from);
            const QSignalBlocker toBlocker(m_to);
            m_from->setDateTime(now.addDays(-1));
            m_to->setDateTime(now.addSecs(3600));
            m_from->setProperty("initialised", true);
        }
        updateTimeEdits();
        edited();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &EventFilterBar::edited);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &EventFilterBar::edited);
    connect(m_clear, &QPushButton::clicked, this, &EventFilterBar::clear);
    updateTimeEdits();
}

QAction *EventFilterBar::addTypeAction(const QString &type)
{
    QAction *action = m_typeMenu->addAction(type);
    action->setCheckable(true);
    action->setData(type);
    m_typeActions.append(action);
    connect(action, &QAction::toggled, this, [this] {
        m_allTypes->setChecked(checkedTypes().isEmpty());
        updateTypeButton();
        edited();
    });
    return action;
}

void EventFilterBar::addTypes(const QStringList &types)
{
    for (const QString &type : types) {
        const bool known =
            std::any_of(m_typeActions.cbegin(), m_typeActions.cend(),
                        [&type](const QAction *action) { return action->data() == type; });
        if (!known && !type.isEmpty())
            addTypeAction(type);
    }
}

void EventFilterBar::setTypes(const QStringList &types)
{
    addTypes(types);
    for (QAction *action : std::as_const(m_typeActions)) {
        const QSignalBlocker blocker(action);
        action->setChecked(types.contains(action->data().toString()));
    }
    m_allTypes->setChecked(types.isEmpty());
    updateTypeButton();
    edited();
}

QStringList EventFilterBar::checkedTypes() const
{
    QStringList types;
    for (const QAction *action : m_typeActions) {
        if (action->isChecked())
            types.append(action->data().toString());
    }
    return types;
}

void EventFilterBar::updateTypeButton()
{
    const QStringList types = checkedTypes();
    if (types.isEmpty())
        m_typeButton->setText(tr("All types"));
    else if (types.size() == 1)
        m_typeButton->setText(types.constFirst());
    else
        m_typeButton->setText(tr("%n type(s)", nullptr, static_cast<int>(types.size())));
    m_typeButton->setToolTip(types.isEmpty() ? tr("Every event type") : types.join(u", "_s));
}

void EventFilterBar::updateTimeEdits()
{
    const bool custom = static_cast<TimeRange>(m_time->currentIndex()) == TimeRange::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    findChild<QLabel *>(u"untilLabel"_s)->setVisible(custom);
}

EventQuery EventFilterBar::query() const
{
    EventQuery query;
    query.types = checkedTypes();
    query.account = m_account->text().trimmed();
    query.clientId = m_client->text().trimmed();
    query.text = m_text->text().trimmed();
    switch (static_cast<ResultChoice>(m_result->currentIndex())) {
    case AnyResult:
        break;
    case SuccessOnly:
        query.success = true;
        break;
    case FailureOnly:
        query.success = false;
        break;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (static_cast<TimeRange>(m_time->currentIndex())) {
    case TimeRange::Any:
        break;
    case TimeRange::LastHour:
        query.from = now.addSecs(-3600);
        break;
    case TimeRange::LastDay:
        query.from = now.addDays(-1);
        break;
    case TimeRange::LastWeek:
        query.from = now.addDays(-7);
        break;
    case TimeRange::LastMonth:
        query.from = now.addDays(-30);
        break;
    case TimeRange::Custom:
        query.from = m_from->dateTime().toUTC();
        query.to = m_to->dateTime().toUTC();
        break;
    }
    return query;
}

bool EventFilterBar::isFiltering() const
{
    const EventQuery q = query();
    return !q.types.isEmpty() || !q.account.isEmpty() || !q.clientId.isEmpty() ||
           !q.text.isEmpty() || q.success.has_value() || q.from.isValid() || q.to.isValid();
}

void EventFilterBar::clear()
{
    {
        const QSignalBlocker blockers[] = {
            QSignalBlocker(m_text),   QSignalBlocker(m_account), QSignalBlocker(m_client),
            QSignalBlocker(m_result), QSignalBlocker(m_time),
        };
        m_text->clear();
        m_account->clear();
        m_client->clear();
        m_result->setCurrentIndex(AnyResult);
        m_time->setCurrentIndex(static_cast<int>(TimeRange::Any));
        for (QAction *action : std::as_const(m_typeActions)) {
            const QSignalBlocker blocker(action);
            action->setChecked(false);
        }
        m_allTypes->setChecked(true);
    }
    updateTypeButton();
    updateTimeEdits();
    m_debounce->stop();
    emitQuery();
}

void EventFilterBar::applyNow()
{
    if (m_debounce->isActive()) {
        m_debounce->stop();
        emitQuery();
    }
}

void EventFilterBar::focusSearch()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void EventFilterBar::edited()
{
    m_debounce->start();
}

void EventFilterBar::emitQuery()
{
    Q_EMIT queryChanged(query());
}

bool EventFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_typeMenu && event->type() == QEvent::MouseButtonRelease) {
        QAction *action = m_typeMenu->activeAction();
        if (action && action != m_allTypes && action->isCheckable()) {
            action->toggle();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace lanyard::ui
