// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace lanyard {

/// Parameters of a query string or of an application/x-www-form-urlencoded
/// body, decoded as that format says ('+' is a space, then percent-decoding,
/// then UTF-8; RFC 6749 Appendix B), in order and with repeats kept, so an
/// endpoint can refuse a parameter sent more than once. Plain value,
/// safe to copy across threads.
class ParameterList
{
public:
    ParameterList() = default;

    /// Parses `name=value&name=value`. Never fails: malformed input (a bad
    /// percent escape, bytes that are not UTF-8) is decoded as well as
    /// possible and flagged by isMalformed().
    static ParameterList parse(QByteArrayView encoded);

    /// Every pair as sent, empty values included.
    const QList<QPair<QString, QString>> &items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }

    /// RFC 6749 §3.1: "Parameters sent without a value MUST be treated as if
    /// they were omitted from the request." So a name counts as present only
    /// with a non-empty value, and these look-ups skip empty values.
    bool contains(const QString &name) const;
    /// The first non-empty value of `name`, or a null QString.
    QString value(const QString &name) const;
    /// Every non-empty value of `name`, in order.
    QStringList values(const QString &name) const;

    /// Names sent with a non-empty value more than once. RFC 6749 §3.1:
    /// "Request and response parameters MUST NOT be included more than once."
    QStringList duplicateNames() const;
    bool hasDuplicates() const { return !duplicateNames().isEmpty(); }

    /// A percent escape was invalid or the decoded bytes were not UTF-8.
    bool isMalformed() const { return m_malformed; }

private:
    QList<QPair<QString, QString>> m_items;
    bool m_malformed = false;
};

} // namespace lanyard
