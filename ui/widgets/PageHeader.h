// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace lanyard::ui {

/// The top of every page: a title, a one-line description and the page's
/// main actions on the right, so every page reads the same way. GUI thread.
class PageHeader : public QWidget
{
    Q_OBJECT

public:
    PageHeader(const QString &title, const QString &description, QWidget *parent = nullptr);

    /// Adds a widget (usually a QPushButton or QToolButton) to the actions
    /// on the right, in order.
    void addAction(QWidget *widget);

private:
    QLabel *m_title;
    QLabel *m_description;
    QHBoxLayout *m_actions;
};

} // namespace lanyard::ui
