// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/ValidationProblem.h"
#include "core/Error.h"

#include <QStringList>

namespace lanyard {

/// Why an admin change (ClientService, AccountService) was refused: an
/// Error (its kind and a message for the administrator) and, when the input
/// broke a rule, every problem found, each located by the field's wire name
/// (`redirect_uris[1]`, `email`) with the message `lanyard import` gives for
/// the same input. Never carries a secret. Plain value.
struct AdminError
{
    Error error;
    /// Empty unless error.kind is Invalid because of the input's rules.
    ValidationProblems problems;

    AdminError() = default;
    AdminError(Error e) : error(std::move(e)) {}
    /// Kind Invalid; the message lists every problem, one per line.
    AdminError(ValidationProblems list) : problems(std::move(list))
    {
        QStringList lines;
        for (const ValidationProblem &problem : std::as_const(problems))
            lines.append(problem.toString());
        error = Error::invalid(lines.join(u'\n'));
    }

    Error::Kind kind() const { return error.kind; }
    /// What to show: one problem per line, or the error's message.
    const QString &message() const { return error.message; }
};

} // namespace lanyard
