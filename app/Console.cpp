// SPDX-License-Identifier: GPL-3.0-or-later
#include "Console.h"

#include <cstdio>

namespace lanyard::app::console {

void outBytes(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void out(const QString &line)
{
    outBytes(line.toUtf8() + '\n');
}

void err(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

int fail(const QString &message, int code)
{
    err(QStringLiteral("lanyard: ") + message);
    return code;
}

} // namespace lanyard::app::console
