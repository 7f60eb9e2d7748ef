// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include "admin/KeyService.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace lanyard::app {

namespace {

/// The words `keys` and `sessions` read as options rather than as an id.
bool isOptionWord(const QString &word)
{
    static const QStringList options{u"--"_s, u"-h"_s, u"--help"_s, u"-?"_s, u"--db"_s};
    return options.contains(word) || word.startsWith(u"--db="_s);
}

using Command = Invocation::Command;

struct CommandSpec
{
    QString name;
    Command command;
    QString synopsis;
    QString summary;
};

const QList<CommandSpec> &commands()
{
    static const QList<CommandSpec> list{
        {u"serve"_s, Command::Serve,
         u"serve [--db FILE] [--issuer URL] [--listen HOST:PORT] [--tls-cert PEM --tls-key PEM]"_s,
         u"run the provider headless until SIGINT/SIGTERM; events as JSON lines on stdout"_s},
        {u"import"_s, Command::Import, u"import FILE [--db FILE]"_s,
         u"create or update clients and accounts from a JSON file"_s},
        {u"export"_s, Command::Export, u"export [--db FILE] [--with-secrets]"_s,
         u"write clients and accounts as JSON to stdout"_s},
        {u"discovery"_s, Command::Discovery, u"discovery [--db FILE] [--issuer URL]"_s,
         u"print the discovery document and the public JWKS as served"_s},
        {u"keys"_s, Command::Keys, u"keys list|rotate [ALG]|retire KID [--db FILE]"_s,
         u"list signing keys, rotate them (the new key signs after a delay), retire one"_s},
        {u"sessions"_s, Command::Sessions, u"sessions list|end ID|end-all USERNAME [--db FILE]"_s,
         u"list browser sessions, end one or all of an account (revoking their tokens)"_s},
    };
    return list;
}

QCommandLineOption dbOption()
{
    return {u"db"_s, u"Database file (default: the GUI's database)."_s, u"FILE"_s};
}
QCommandLineOption issuerOption()
{
    return {u"issuer"_s, u"Issuer URL, exactly as relying parties will see it."_s, u"URL"_s};
}
QCommandLineOption listenOption()
{
    return {u"listen"_s, u"Address and port to listen on, e.g. 127.0.0.1:9090 or [::]:443."_s,
            u"HOST:PORT"_s};
}
QCommandLineOption tlsCertOption()
{
    return {u"tls-cert"_s, u"PEM certificate chain; with --tls-key serves HTTPS."_s, u"PEM"_s};
}
QCommandLineOption tlsKeyOption()
{
    return {u"tls-key"_s, u"PEM private key for --tls-cert."_s, u"PEM"_s};
}
QCommandLineOption withSecretsOption()
{
    return {u"with-secrets"_s, u"Include client secret hashes and password hashes."_s};
}

/// Splits HOST:PORT, [V6]:PORT; false when malformed.
bool splitListen(const QString &value, QString *host, int *port)
{
    const qsizetype colon = value.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString h = value.left(colon);
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    else if (h.contains(u':'))
        return false; // an IPv6 address needs brackets
    bool ok = false;
    const int p = value.mid(colon + 1).toInt(&ok);
    if (!ok || p < 0 || p > 65535)
        return false;
    if (h != u"localhost"_s && QHostAddress(h).isNull())
        return false;
    *host = h;
    *port = p;
    return true;
}

/// The usage error of a `keys` or `sessions` subcommand, or an empty string.
QString checkWords(const QString &command, const QStringList &words)
{
    struct Subcommand
    {
        QString name;
        /// The operand's name; empty when none is taken.
        QString operand;
        bool operandOptional;
    };
    const QList<Subcommand> subcommands =
        command == u"keys"_s ? QList<Subcommand>{{u"list"_s, {}, false},
                                                 {u"rotate"_s, u"ALG"_s, true},
                                                 {u"retire"_s, u"KID"_s, false}}
                             : QList<Subcommand>{{u"list"_s, {}, false},
                                                 {u"end"_s, u"ID"_s, false},
                                                 {u"end-all"_s, u"USERNAME"_s, false}};
    const QString expected = command == u"keys"_s ? u"list, rotate [ALG] or retire KID"_s
                                                  : u"list, end ID or end-all USERNAME"_s;
    if (words.isEmpty())
        return u"%1: expected %2"_s.arg(command, expected);
    const auto sub = std::find_if(subcommands.cbegin(), subcommands.cend(),
                                  [&](const Subcommand &s) { return s.name == words.first(); });
    if (sub == subcommands.cend())
        return u"%1: unknown subcommand \"%2\" (expected %3)"_s.arg(command, words.first(),
                                                                    expected);
    const QString where = command + u' ' + sub->name;
    if (sub->operand.isEmpty()) {
        if (words.size() > 1)
            return u"%1: unexpected argument \"%2\""_s.arg(where, words.at(1));
        return {};
    }
    if (sub->operandOptional) {
        if (words.size() > 2)
            return u"%1: unexpected argument \"%2\""_s.arg(where, words.at(2));
    } else if (words.size() != 2) {
        return u"%1: expected exactly one %2"_s.arg(where, sub->operand);
    }
    if (words.size() == 2 && words.at(1).isEmpty())
        return u"%1: %2 must not be empty"_s.arg(where, sub->operand);
    if (sub->operand == u"ALG"_s && words.size() == 2 &&
        !KeyService::supportedAlgorithms().contains(words.at(1)))
        return u"%1: unknown algorithm \"%2\" (expected %3)"_s.arg(
            where, words.at(1), KeyService::supportedAlgorithms().join(u", "_s));
    return {};
}

} // namespace

QString CommandLine::overview()
{
    QString text = u"Usage: lanyard [COMMAND] [OPTIONS]\n\n"
                   "Without a command, starts the desktop administration suite:\n"
                   "  lanyard [--db FILE]\n"
                   "      with --db, manages that database (the system service's, for example)\n"
                   "      without serving it; the window's Start button serves it on request\n\n"
                   "Commands:\n"_s;
    for (const CommandSpec &spec : commands())
        text += u"  lanyard %1\n      %2\n"_s.arg(spec.synopsis, spec.summary);
    text += u"\n  lanyard --help | --version\n"
            "\nExit status: 0 on success, 2 on bad usage, 1 on any other failure.\n"_s;
    return text;
}

CommandLine::Parsed CommandLine::parseGui(const QStringList &args)
{
    Parsed result;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    parser.addOption(dbOption());
    if (!parser.parse(QStringList{u"lanyard"_s} + args)) {
        result.error = parser.errorText();
        return result;
    }
    Invocation inv;
    if (parser.isSet(help)) {
        inv.command = Command::Help;
        inv.helpText = overview();
        result.invocation = inv;
        return result;
    }
    if (const QStringList positional = parser.positionalArguments(); !positional.isEmpty()) {
        const QString word = positional.first();
        const bool isCommand =
            std::any_of(commands().cbegin(), commands().cend(),
                        [&](const CommandSpec &spec) { return spec.name == word; });
        result.error = isCommand ? u"the command goes first: lanyard %1 --db FILE"_s.arg(word)
                                 : u"unexpected argument \"%1\""_s.arg(word);
        return result;
    }
    inv.command = Command::Gui;
    inv.database = parser.value(u"db"_s);
    if (inv.database.isEmpty()) {
        result.error = u"--db needs a file name"_s;
        return result;
    }
    result.invocation = inv;
    return result;
}

CommandLine::Parsed CommandLine::parse(const QStringList &arguments)
{
    Parsed result;
    Invocation inv;
    const QStringList args = arguments.mid(1);

    if (args.isEmpty()) {
        inv.command = Command::Gui;
        result.invocation = inv;
        return result;
    }
    const QString first = args.first();
    if (first == u"--help"_s || first == u"-h"_s || first == u"help"_s) {
        inv.command = Command::Help;
        inv.helpText = overview();
        result.invocation = inv;
        return result;
    }
    if (first == u"--version"_s || first == u"-v"_s) {
        inv.command = Command::Version;
        result.invocation = inv;
        return result;
    }

    if (first == u"--db"_s || first.startsWith(u"--db="_s))
        return parseGui(args);

    const auto spec = std::find_if(commands().begin(), commands().end(),
                                   [&](const CommandSpec &s) { return s.name == first; });
    if (spec == commands().end()) {
        result.error = first.startsWith(u'-') ? u"unknown option %1"_s.arg(first)
                                              : u"unknown command \"%1\""_s.arg(first);
        return result;
    }
    inv.command = spec->command;

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    parser.addOption(dbOption());
    switch (inv.command) {
    case Command::Serve:
        parser.addOption(issuerOption());
        parser.addOption(listenOption());
        parser.addOption(tlsCertOption());
        parser.addOption(tlsKeyOption());
        break;
    case Command::Import:
        parser.addPositionalArgument(u"FILE"_s, u"JSON file in the import format."_s);
        break;
    case Command::Export:
        parser.addOption(withSecretsOption());
        break;
    case Command::Discovery:
        parser.addOption(issuerOption());
        break;
    case Command::Keys:
        parser.addPositionalArgument(u"SUBCOMMAND"_s, u"list | rotate [ALG] | retire KID"_s);
        break;
    case Command::Sessions:
        parser.addPositionalArgument(u"SUBCOMMAND"_s, u"list | end ID | end-all USERNAME"_s);
        break;
    default:
        break;
    }

    QStringList forParser{u"lanyard "_s + spec->name};
    forParser += args.mid(1);
    if (inv.command == Command::Keys || inv.command == Command::Sessions) {
        // Key and session ids are base64url and may start with '-': the word
        // after retire / end / end-all is an id, not an option, so move it
        // behind "--" where the parser takes it as positional.
        static const QStringList takesId{u"retire"_s, u"end"_s, u"end-all"_s};
        qsizetype verb = 1;
        while (verb < forParser.size() && !takesId.contains(forParser.at(verb)))
            ++verb;
        if (verb + 1 < forParser.size() && forParser.at(verb + 1).startsWith(u'-') &&
            !isOptionWord(forParser.at(verb + 1)) && !forParser.contains(u"--"_s)) {
            const QString id = forParser.takeAt(verb + 1);
            forParser << u"--"_s << id;
        }
    }
    if (!parser.parse(forParser)) {
        result.error = u"%1: %2"_s.arg(spec->name, parser.errorText());
        return result;
    }
    if (parser.isSet(help)) {
        inv.command = Command::Help;
        inv.helpText = u"Usage: lanyard %1\n%2\n\n"_s.arg(spec->synopsis, spec->summary) +
                       parser.helpText().section(u'\n', 2);
        result.invocation = inv;
        return result;
    }

    inv.database = parser.value(u"db"_s);
    if (parser.isSet(u"db"_s) && inv.database.isEmpty()) {
        result.error = u"%1: --db needs a file name"_s.arg(spec->name);
        return result;
    }
    const QStringList positional = parser.positionalArguments();

    if (inv.command == Command::Serve || inv.command == Command::Discovery) {
        inv.issuer = parser.value(u"issuer"_s);
        if (!inv.issuer.isEmpty()) {
            const QUrl url(inv.issuer, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s) ||
                url.host().isEmpty() || url.hasQuery() || url.hasFragment()) {
                // OpenID Connect Discovery §3: issuer is an https URL with no query or fragment.
                result.error =
                    u"%1: --issuer must be an http(s) URL without query or fragment"_s.arg(
                        spec->name);
                return result;
            }
        }
    }
    if (inv.command == Command::Serve) {
        if (parser.isSet(u"listen"_s) &&
            !splitListen(parser.value(u"listen"_s), &inv.listenHost, &inv.listenPort)) {
            result.error =
                u"serve: --listen must be HOST:PORT, e.g. 127.0.0.1:9090 or [::1]:9090"_s;
            return result;
        }
        inv.tlsCertificate = parser.value(u"tls-cert"_s);
        inv.tlsKey = parser.value(u"tls-key"_s);
        if (inv.tlsCertificate.isEmpty() != inv.tlsKey.isEmpty()) {
            result.error = u"serve: --tls-cert and --tls-key go together"_s;
            return result;
        }
    }
    if (inv.command == Command::Import) {
        if (positional.size() != 1) {
            result.error = u"import: expected exactly one FILE"_s;
            return result;
        }
        inv.file = positional.first();
    } else if (inv.command == Command::Keys || inv.command == Command::Sessions) {
        if (const QString problem = checkWords(spec->name, positional); !problem.isEmpty()) {
            result.error = problem;
            return result;
        }
        inv.words = positional;
    } else if (!positional.isEmpty()) {
        result.error = u"%1: unexpected argument \"%2\""_s.arg(spec->name, positional.first());
        return result;
    }
    if (inv.command == Command::Export)
        inv.withSecrets = parser.isSet(u"with-secrets"_s);

    result.invocation = inv;
    return result;
}

} // namespace lanyard::app
