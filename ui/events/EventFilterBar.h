// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/EventStore.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;

namespace lanyard::ui {

/// The Events page's filters: event types (several may be checked), result,
/// time range (presets or from/to), account, client and free text. Emits
/// queryChanged() a moment after the last edit (a debounce, so typing runs
/// one database query, not one per key), or at once on Enter. GUI thread.
class EventFilterBar : public QWidget
{
    Q_OBJECT

public:
    /// The time range choices, in the combo box's order.
    enum class TimeRange { Any, LastHour, LastDay, LastWeek, LastMonth, Custom };

    /// Wait after the last edit before queryChanged().
    static constexpr int DebounceMs = 300;

    explicit EventFilterBar(QWidget *parent = nullptr);

    /// The filter the widgets describe now (presets relative to the current
    /// time); beforeId 0.
    EventQuery query() const;
    /// True when any filter is set.
    bool isFiltering() const;

    /// Checks exactly `types` (others unchecked; unknown ones are added).
    void setTypes(const QStringList &types);
    /// Offers `types` in the type menu too (types seen in the log that the
    /// list of known types lacks).
    void addTypes(const QStringList &types);
    QStringList checkedTypes() const;

    /// Resets every filter and emits queryChanged() at once.
    void clear();
    /// Emits queryChanged() now if an edit is waiting for the debounce.
    void applyNow();

    /// Moves the keyboard focus to the free-text field.
    void focusSearch();

Q_SIGNALS:
    void queryChanged(const lanyard::EventQuery &query);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void edited();
    void emitQuery();
    void updateTypeButton();
    void updateTimeEdits();
    QAction *addTypeAction(const QString &type);

    QToolButton *m_typeButton;
    QMenu *m_typeMenu;
    QAction *m_allTypes;
    QList<QAction *> m_typeActions;
    QComboBox *m_result;
    QComboBox *m_time;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_account;
    QLineEdit *m_client;
    QLineEdit *m_text;
    QPushButton *m_clear;
    QTimer *m_debounce;
};

} // namespace lanyard::ui
