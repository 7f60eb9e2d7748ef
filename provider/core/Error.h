// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lanyard {

/// A failure that is not a protocol error: storage, I/O, configuration.
/// `message` is safe to show to the administrator; it never carries secrets.
struct Error
{
    enum class Kind {
        Invalid,     ///< the input was rejected (bad file, bad value)
        NotFound,    ///< the thing asked for does not exist
        Conflict,    ///< it exists already, or changed under us
        Storage,     ///< the database failed
        Io,          ///< a file or socket failed
        Crypto,      ///< OpenSSL failed
        Unsupported, ///< refused on purpose (for example a newer schema)
    };

    Kind kind = Kind::Invalid;
    QString message;

    static Error invalid(QString m) { return {Kind::Invalid, std::move(m)}; }
    static Error notFound(QString m) { return {Kind::NotFound, std::move(m)}; }
    static Error conflict(QString m) { return {Kind::Conflict, std::move(m)}; }
    static Error storage(QString m) { return {Kind::Storage, std::move(m)}; }
    static Error io(QString m) { return {Kind::Io, std::move(m)}; }
    static Error crypto(QString m) { return {Kind::Crypto, std::move(m)}; }
    static Error unsupported(QString m) { return {Kind::Unsupported, std::move(m)}; }
};

} // namespace lanyard
