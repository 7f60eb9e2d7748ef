// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/ValidationProblem.h"

#include <QStringList>

namespace lanyard {

/// What an import changed, entity by entity, for the command's output.
struct ImportChange
{
    enum class Action { Created, Updated, Unchanged };
    enum class Entity { Client, Account };

    Entity entity = Entity::Client;
    Action action = Action::Created;
    /// client_id or username.
    QString id;
    /// Wire names of the members that changed (updates only); never values.
    QStringList fields;

    /// "created client app1", "updated account alice (email, name)"
    QString toString() const;
};

struct ImportReport
{
    QList<ImportChange> changes;
    ValidationProblems warnings;
};

} // namespace lanyard
