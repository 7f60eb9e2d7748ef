// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace lanyard::app {

/// What the user asked for on the command line (CONTRACT.md, "Command line").
struct Invocation
{
    enum class Command { Gui, Serve, Import, Export, Discovery, Keys, Sessions, Help, Version };

    Command command = Command::Gui;
    /// `--db`: empty means the GUI's database in the user's data folder.
    /// For the window (`lanyard --db FILE`), another database is managed
    /// without being served (see commands::gui).
    QString database;
    /// `--issuer`, `--listen HOST:PORT`, `--tls-cert`, `--tls-key` (serve, discovery).
    QString issuer;
    QString listenHost;
    int listenPort = -1;
    QString tlsCertificate;
    QString tlsKey;
    /// `import FILE`
    QString file;
    /// `export --with-secrets`
    bool withSecrets = false;
    /// `keys`, `sessions`: the subcommand and its operand, checked by the
    /// parser: {"list"}, {"rotate"}, {"rotate", ALG}, {"retire", KID},
    /// {"end", ID}, {"end-all", USERNAME}.
    QStringList words;
    /// The text for --help.
    QString helpText;
};

/// Parses the command line. Returns the invocation, or a one-line usage
/// error (the caller prints it and exits with status 2). GUI thread only.
class CommandLine
{
public:
    struct Parsed
    {
        std::optional<Invocation> invocation;
        QString error;
    };

    static Parsed parse(const QStringList &arguments);
    /// The overview printed by `lanyard --help`.
    static QString overview();

private:
    /// `lanyard --db FILE` (or `--db=FILE`): the window on that database.
    /// `args` without the program name.
    static Parsed parseGui(const QStringList &args);
};

} // namespace lanyard::app
