// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/DatabaseLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString UrlShape = u"postgresql://user:password@host:port/database"_s;

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

Result<DatabaseLocation, Error> invalidUrl(const QString &why)
{
    // Never quote the URL itself: it may carry the password.
    return Error::invalid(u"invalid PostgreSQL URL (%1); expected %2"_s.arg(why, UrlShape));
}

} // namespace

Result<DatabaseLocation, Error> DatabaseLocation::parse(const QString &location)
{
    const QString text = location.trimmed();
    if (text.isEmpty())
        return Error::invalid(u"no database location given"_s);

    DatabaseLocation result;
    if (!isPostgresUrl(text)) {
        if (text.contains(u"://"_s))
            return Error::invalid(
                u"unsupported database URL; give a SQLite file path or %1"_s.arg(UrlShape));
        if (text == u":memory:"_s || text.startsWith(u"file:"_s))
            return Error::invalid(
                u"in-memory and URI SQLite databases are not supported; give a file path"_s);
        result.m_driver = Driver::Sqlite;
        result.m_databaseName = QDir::cleanPath(QFileInfo(text).absoluteFilePath());
        return result;
    }

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalidUrl(u"it does not parse"_s);
    if (url.hasFragment())
        return invalidUrl(u"it has a fragment"_s);

    result.m_driver = Driver::Postgres;
    result.m_hostName = url.host(QUrl::FullyDecoded);
    result.m_port = url.port(5432);
    if (result.m_port < 1 || result.m_port > 65535)
        return invalidUrl(u"bad port"_s);
    result.m_userName = url.userName(QUrl::FullyDecoded);
    result.m_password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    result.m_databaseName = path;

    // Query items are libpq connection parameters. Qt passes them on as
    // "name=value" words of the connection string, so values must not be able
    // to start a new word.
    static const QRegularExpression namePattern(u"^[a-z_]+$"_s);
    static const QRegularExpression unsafeValue(uR"([\s;'"\\])"_s);
    QStringList options;
    bool hasTimeout = false;
    bool hasApplicationName = false;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (!namePattern.match(name).hasMatch())
            return invalidUrl(u"bad parameter name"_s);
        if (name == u"host"_s) {
            result.m_hostName = value;
        } else if (name == u"port"_s) {
            bool ok = false;
            result.m_port = value.toInt(&ok);
            if (!ok || result.m_port < 1 || result.m_port > 65535)
                return invalidUrl(u"bad port"_s);
        } else if (name == u"user"_s) {
            result.m_userName = value;
        } else if (name == u"password"_s) {
            result.m_password = value;
        } else if (name == u"dbname"_s) {
            result.m_databaseName = value;
        } else {
            if (value.isEmpty() || unsafeValue.match(value).hasMatch())
                return invalidUrl(u"bad value for parameter %1"_s.arg(name));
            hasTimeout = hasTimeout || name == u"connect_timeout"_s;
            hasApplicationName = hasApplicationName || name == u"application_name"_s;
            options.append(name + u'=' + value);
        }
    }
    if (result.m_databaseName.isEmpty() || result.m_databaseName.contains(u'/'))
        return invalidUrl(u"no database name"_s);
    if (!hasTimeout)
        options.append(u"connect_timeout=10"_s);
    if (!hasApplicationName)
        options.append(u"application_name=lanyard"_s);
    result.m_connectOptions = options.join(u';');
    return result;
}

QString DatabaseLocation::qtDriverName() const
{
    return m_driver == Driver::Postgres ? u"QPSQL"_s : u"QSQLITE"_s;
}

QString DatabaseLocation::displayName() const
{
    if (m_driver == Driver::Sqlite)
        return m_databaseName;
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(m_userName);
    url.setHost(m_hostName.startsWith(u'/') ? QString() : m_hostName);
    url.setPort(m_port);
    url.setPath(u'/' + m_databaseName);
    return url.toString();
}

} // namespace lanyard
