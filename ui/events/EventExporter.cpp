// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/EventExporter.h"

#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

QByteArray EventExporter::csvHeader()
{
    return "id,time,type,result,username,subject,client_id,source,instance,details\r\n"_ba;
}

QByteArray EventExporter::csvField(const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    // RFC 4180 §2.6: fields containing line breaks, double quotes and
    // commas should be enclosed in double-quotes.
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\r') && !utf8.contains('\n'))
        return utf8;
    // RFC 4180 §2.7: a double-quote inside a quoted field is escaped by
    // preceding it with another double quote.
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray EventExporter::csvRecord(const Event &event)
{
    const QStringList fields{
        QString::number(event.id),
        event.time.toUTC().toString(Qt::ISODateWithMs),
        event.type,
        event.success ? u"success"_s : u"failure"_s,
        event.username,
        event.subject,
        event.clientId,
        event.sourceAddress,
        event.instance,
        QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact)),
    };
    QByteArray record;
    for (const QString &field : fields) {
        if (!record.isEmpty())
            record += ',';
        record += csvField(field);
    }
    // RFC 4180 §2.1: each record ends in a line break (CRLF).
    return record + "\r\n";
}

QByteArray EventExporter::jsonLine(const Event &event)
{
    return QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) + '\n';
}

Result<qint64, Error> EventExporter::write(const EventStore &store, const EventQuery &query,
                                           const QString &path, Format format, Progress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    if (format == Format::Csv)
        file.write(csvHeader());

    EventQuery page = query;
    page.beforeId = 0;
    page.limit = PageSize;
    qint64 written = 0;
    for (;;) {
        if (progress.cancelled.load()) {
            file.cancelWriting();
            return Error::io(u"the export was cancelled"_s);
        }
        auto events = store.query(page);
        if (!events) {
            file.cancelWriting();
            return events.error();
        }
        QByteArray chunk;
        for (const Event &event : std::as_const(*events))
            chunk += format == Format::Csv ? csvRecord(event) : jsonLine(event);
        if (file.write(chunk) != chunk.size()) {
            file.cancelWriting();
            return Error::io(u"cannot write %1: %2"_s.arg(path, file.errorString()));
        }
        written += events->size();
        progress.written.store(written);
        if (events->size() < page.limit)
            break;
        page.beforeId = events->constLast().id;
    }
    if (!file.commit())
        return Error::io(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return written;
}

} // namespace lanyard::ui
