// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqlSupport.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace lanyard {

Result<QSqlQuery, Error> SqlSupport::exec(const QSqlDatabase &db, const QString &what,
                                          const QString &sql, const QVariantList &values)
{
    if (!db.isOpen()) {
        return Error::storage(u"%1: the database connection is not open: %2"_s.arg(
            what, firstLine(db.lastError().text())));
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (values.isEmpty()) {
        // Nothing to bind. Executed directly: PostgreSQL cannot PREPARE DDL.
        if (!query.exec(sql))
            return error(what, query.lastError());
        return query;
    }
    if (!query.prepare(sql))
        return error(what, query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return error(what, query.lastError());
    return query;
}

Result<QSqlQuery, Error> SqlSupport::exec(const Database &db, const QString &what,
                                          const QString &sql, const QVariantList &values)
{
    auto connection = db.checkedConnection();
    if (!connection)
        return Error::storage(what + u": "_s + connection.error().message);
    return exec(*connection, what, sql, values);
}

Result<int, Error> SqlSupport::write(const Database &db, const QString &what, const QString &sql,
                                     const QVariantList &values)
{
    Database::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    int affected = 0;
    {
        auto query = exec(db, what, sql, values);
        if (!query)
            return query.error();
        affected = query->numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return affected;
}

Error SqlSupport::error(const QString &what, const QSqlError &error)
{
    QString message = firstLine(error.databaseText());
    const QString driverText = firstLine(error.driverText());
    if (message.isEmpty())
        message = driverText;
    else if (!driverText.isEmpty() && driverText != message)
        message += u" ("_s + driverText + u')';
    if (message.isEmpty())
        message = u"unknown database error"_s;
    const QString text = what + u": "_s + message;
    return isUniqueViolation(error) ? Error::conflict(text) : Error::storage(text);
}

bool SqlSupport::isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    if (code == u"2067"_s || code == u"1555"_s || code == u"23505"_s)
        return true;
    // Plain SQLITE_CONSTRAINT when extended result codes are off.
    return code == u"19"_s && (error.databaseText().startsWith(u"UNIQUE"_s) ||
                               error.databaseText().startsWith(u"PRIMARY KEY"_s));
}

QString SqlSupport::firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(u'\n');
    return (end < 0 ? text : text.left(end)).trimmed();
}

QVariant SqlSupport::text(const QString &value)
{
    return QVariant(value.isNull() ? u""_s : value);
}

QVariant SqlSupport::msecs(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<qlonglong>());
    return QVariant(static_cast<qlonglong>(time.toMSecsSinceEpoch()));
}

QDateTime SqlSupport::dateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    bool ok = false;
    const qlonglong ms = value.toLongLong(&ok);
    return ok ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

QString SqlSupport::jsonText(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QString SqlSupport::jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<QStringList> SqlSupport::stringList(const QVariant &value)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    QStringList list;
    const QJsonArray array = document.array();
    for (const QJsonValue &element : array) {
        if (!element.isString())
            return std::nullopt;
        list.append(element.toString());
    }
    return list;
}

std::optional<QJsonObject> SqlSupport::object(const QVariant &value)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QString SqlSupport::likeContains(const QString &text)
{
    QString pattern;
    pattern.reserve(text.size() + 2);
    pattern.append(u'%');
    const QString lower = text.toLower();
    for (const QChar c : lower) {
        if (c == u'%' || c == u'_' || c == QChar(LikeEscape))
            pattern.append(QChar(LikeEscape));
        pattern.append(c);
    }
    pattern.append(u'%');
    return pattern;
}

} // namespace lanyard
