// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace lanyard::ui {

/// A message shown inside a page or dialog instead of a pop-up: a standard
/// information or warning icon and word-wrapped, selectable plain text
/// (several lines allowed, one problem per line). Hidden while empty.
/// GUI thread.
class InlineMessage : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning };

    explicit InlineMessage(QWidget *parent = nullptr);

    /// Shows `text` (plain text) with the icon of `kind`; empty text hides.
    void showMessage(const QString &text, Kind kind = Kind::Warning);
    /// Hides the message.
    void clear();

    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    Kind m_kind = Kind::Warning;
};

} // namespace lanyard::ui
