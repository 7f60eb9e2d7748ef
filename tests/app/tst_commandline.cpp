// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard::app;
using Command = Invocation::Command;

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noArgumentsIsGui();
    void guiWithDatabase_data();
    void guiWithDatabase();
    void serve();
    void importExportDiscovery();
    void keysAndSessions_data();
    void keysAndSessions();
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
};

namespace {
CommandLine::Parsed parse(const QStringList &args)
{
    return CommandLine::parse(QStringList{u"lanyard"_s} + args);
}
} // namespace

void TestCommandLine::noArgumentsIsGui()
{
    const auto p = parse({});
    QVERIFY(p.invocation);
    QCOMPARE(p.invocation->command, Command::Gui);
}

void TestCommandLine::guiWithDatabase_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("database");
    QTest::newRow("--db FILE") << QStringList{u"--db"_s, u"/var/lib/lanyard/lanyard.db"_s}
                               << u"/var/lib/lanyard/lanyard.db"_s;
    QTest::newRow("--db=FILE") << QStringList{u"--db=/var/lib/lanyard/lanyard.db"_s}
                               << u"/var/lib/lanyard/lanyard.db"_s;
    QTest::newRow("relative") << QStringList{u"--db"_s, u"office.db"_s} << u"office.db"_s;
    QTest::newRow("postgresql URL")
        << QStringList{u"--db"_s, u"postgresql://lanyard@db.office/lanyard"_s}
        << u"postgresql://lanyard@db.office/lanyard"_s;
    QTest::newRow("twice: the last")
        << QStringList{u"--db=a.db"_s, u"--db"_s, u"b.db"_s} << u"b.db"_s;
}

void TestCommandLine::guiWithDatabase()
{
    QFETCH(QStringList, args);
    QFETCH(QString, database);
    const auto p = parse(args);
    QVERIFY2(p.invocation, qPrintable(p.error));
    QCOMPARE(p.invocation->command, Command::Gui);
    QCOMPARE(p.invocation->database, database);
}

void TestCommandLine::serve()
{
    const auto p = parse({u"serve"_s, u"--db"_s, u"/tmp/x.db"_s, u"--issuer"_s,
                          u"https://id.example/office"_s, u"--listen"_s, u"[::1]:8443"_s,
                          u"--tls-cert"_s, u"c.pem"_s, u"--tls-key"_s, u"k.pem"_s});
    QVERIFY2(p.invocation, qPrintable(p.error));
    QCOMPARE(p.invocation->command, Command::Serve);
    QCOMPARE(p.invocation->database, u"/tmp/x.db"_s);
    QCOMPARE(p.invocation->issuer, u"https://id.example/office"_s);
    QCOMPARE(p.invocation->listenHost, u"::1"_s);
    QCOMPARE(p.invocation->listenPort, 8443);
    QCOMPARE(p.invocation->tlsCertificate, u"c.pem"_s);
    QCOMPARE(p.invocation->tlsKey, u"k.pem"_s);

    const auto plain = parse({u"serve"_s, u"--listen=127.0.0.1:0"_s});
    QVERIFY2(plain.invocation, qPrintable(plain.error));
    QCOMPARE(plain.invocation->listenHost, u"127.0.0.1"_s);
    QCOMPARE(plain.invocation->listenPort, 0);
    QVERIFY(plain.invocation->database.isEmpty());
}

void TestCommandLine::importExportDiscovery()
{
    auto p = parse({u"import"_s, u"office.json"_s, u"--db"_s, u"a.db"_s});
    QVERIFY2(p.invocation, qPrintable(p.error));
    QCOMPARE(p.invocation->command, Command::Import);
    QCOMPARE(p.invocation->file, u"office.json"_s);
    QCOMPARE(p.invocation->database, u"a.db"_s);

    p = parse({u"export"_s, u"--with-secrets"_s});
    QVERIFY2(p.invocation, qPrintable(p.error));
    QCOMPARE(p.invocation->command, Command::Export);
    QVERIFY(p.invocation->withSecrets);
    QVERIFY(!parse({u"export"_s}).invocation->withSecrets);

    p = parse({u"discovery"_s, u"--issuer"_s, u"http://127.0.0.1:9090"_s});
    QVERIFY2(p.invocation, qPrintable(p.error));
    QCOMPARE(p.invocation->command, Command::Discovery);
    QCOMPARE(p.invocation->issuer, u"http://127.0.0.1:9090"_s);
}

void TestCommandLine::keysAndSessions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Command>("command");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("database");
    QTest::newRow("keys list") << QStringList{u"keys"_s, u"list"_s} << Command::Keys
                               << QStringList{u"list"_s} << QString();
    QTest::newRow("keys list --db") << QStringList{u"keys"_s, u"list"_s, u"--db"_s, u"a.db"_s}
                                    << Command::Keys << QStringList{u"list"_s} << u"a.db"_s;
    QTest::newRow("keys rotate") << QStringList{u"keys"_s, u"--db=b.db"_s, u"rotate"_s}
                                 << Command::Keys << QStringList{u"rotate"_s} << u"b.db"_s;
    QTest::newRow("keys rotate ES256")
        << QStringList{u"keys"_s, u"rotate"_s, u"ES256"_s} << Command::Keys
        << QStringList{u"rotate"_s, u"ES256"_s} << QString();
    QTest::newRow("keys rotate EdDSA")
        << QStringList{u"keys"_s, u"rotate"_s, u"EdDSA"_s} << Command::Keys
        << QStringList{u"rotate"_s, u"EdDSA"_s} << QString();
    QTest::newRow("keys retire") << QStringList{u"keys"_s, u"retire"_s, u"NzbLsXh8uDCcd"_s}
                                 << Command::Keys << QStringList{u"retire"_s, u"NzbLsXh8uDCcd"_s}
                                 << QString();
    QTest::newRow("keys retire kid starting with -")
        << QStringList{u"keys"_s, u"retire"_s, u"--db"_s, u"c.db"_s, u"--"_s, u"-x_Yz"_s}
        << Command::Keys << QStringList{u"retire"_s, u"-x_Yz"_s} << u"c.db"_s;
    QTest::newRow("keys retire kid starting with - without --")
        << QStringList{u"keys"_s, u"retire"_s, u"-x_Yz"_s, u"--db"_s, u"c.db"_s} << Command::Keys
        << QStringList{u"retire"_s, u"-x_Yz"_s} << u"c.db"_s;
    QTest::newRow("keys retire kid starting with --")
        << QStringList{u"keys"_s, u"retire"_s, u"--x_Yz"_s} << Command::Keys
        << QStringList{u"retire"_s, u"--x_Yz"_s} << QString();
    QTest::newRow("keys --db first, then retire -kid")
        << QStringList{u"keys"_s, u"--db"_s, u"d.db"_s, u"retire"_s, u"-k"_s} << Command::Keys
        << QStringList{u"retire"_s, u"-k"_s} << u"d.db"_s;
    QTest::newRow("sessions end id starting with -")
        << QStringList{u"sessions"_s, u"end"_s, u"-Sid_1"_s} << Command::Sessions
        << QStringList{u"end"_s, u"-Sid_1"_s} << QString();
    QTest::newRow("sessions list") << QStringList{u"sessions"_s, u"list"_s} << Command::Sessions
                                   << QStringList{u"list"_s} << QString();
    QTest::newRow("sessions end") << QStringList{u"sessions"_s, u"end"_s, u"sid-1"_s, u"--db"_s,
                                                 u"d.db"_s}
                                  << Command::Sessions << QStringList{u"end"_s, u"sid-1"_s}
                                  << u"d.db"_s;
    QTest::newRow("sessions end-all")
        << QStringList{u"sessions"_s, u"end-all"_s, u"alice"_s} << Command::Sessions
        << QStringList{u"end-all"_s, u"alice"_s} << QString();
}

void TestCommandLine::keysAndSessions()
{
    QFETCH(QStringList, args);
    QFETCH(Command, command);
    QFETCH(QStringList, words);
    QFETCH(QString, database);
    const auto p = parse(args);
    QVERIFY2(p.invocation, qPrintable(p.error));
    QCOMPARE(p.invocation->command, command);
    QCOMPARE(p.invocation->words, words);
    QCOMPARE(p.invocation->database, database);
}

void TestCommandLine::helpAndVersion()
{
    auto p = parse({u"--help"_s});
    QCOMPARE(p.invocation->command, Command::Help);
    QVERIFY(p.invocation->helpText.contains(u"lanyard serve"_s));
    QVERIFY(p.invocation->helpText.contains(u"lanyard [--db FILE]"_s));
    QVERIFY(p.invocation->helpText.contains(u"lanyard import FILE"_s));
    QVERIFY(p.invocation->helpText.contains(u"lanyard keys list|rotate [ALG]|retire KID"_s));
    QVERIFY(p.invocation->helpText.contains(u"lanyard sessions list|end ID|end-all USERNAME"_s));
    p = parse({u"keys"_s, u"--help"_s});
    QCOMPARE(p.invocation->command, Command::Help);
    QVERIFY(p.invocation->helpText.contains(u"retire KID"_s));
    p = parse({u"sessions"_s, u"end"_s, u"--help"_s});
    QCOMPARE(p.invocation->command, Command::Help);
    QVERIFY(p.invocation->helpText.contains(u"end-all USERNAME"_s));
    p = parse({u"serve"_s, u"--help"_s});
    QCOMPARE(p.invocation->command, Command::Help);
    QVERIFY(p.invocation->helpText.contains(u"--listen"_s));
    QCOMPARE(parse({u"--version"_s}).invocation->command, Command::Version);
    p = parse({u"--db"_s, u"a.db"_s, u"--help"_s});
    QVERIFY2(p.invocation, qPrintable(p.error));
    QCOMPARE(p.invocation->command, Command::Help);
    QVERIFY(p.invocation->helpText.contains(u"lanyard [--db FILE]"_s));
}

void TestCommandLine::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown command")
        << QStringList{u"frobnicate"_s} << u"unknown command \"frobnicate\""_s;
    QTest::newRow("unknown option") << QStringList{u"--frob"_s} << u"unknown option --frob"_s;
    QTest::newRow("gui: --db without value")
        << QStringList{u"--db"_s} << u"Missing value after '--db'."_s;
    QTest::newRow("gui: --db= empty") << QStringList{u"--db="_s} << u"--db needs a file name"_s;
    QTest::newRow("gui: empty --db")
        << QStringList{u"--db"_s, QString()} << u"--db needs a file name"_s;
    QTest::newRow("gui: command after --db")
        << QStringList{u"--db"_s, u"a.db"_s, u"serve"_s}
        << u"the command goes first: lanyard serve --db FILE"_s;
    QTest::newRow("gui: stray argument")
        << QStringList{u"--db"_s, u"a.db"_s, u"b.db"_s} << u"unexpected argument \"b.db\""_s;
    QTest::newRow("gui: serve option")
        << QStringList{u"--db"_s, u"a.db"_s, u"--listen"_s, u"127.0.0.1:9090"_s}
        << u"Unknown option 'listen'."_s;
    QTest::newRow("gui: unknown option first")
        << QStringList{u"--database"_s, u"a.db"_s} << u"unknown option --database"_s;
    QTest::newRow("unknown serve option")
        << QStringList{u"serve"_s, u"--port"_s, u"1"_s} << u"serve: Unknown option 'port'."_s;
    QTest::newRow("import without file")
        << QStringList{u"import"_s} << u"import: expected exactly one FILE"_s;
    QTest::newRow("import two files")
        << QStringList{u"import"_s, u"a"_s, u"b"_s} << u"import: expected exactly one FILE"_s;
    QTest::newRow("bad listen")
        << QStringList{u"serve"_s, u"--listen"_s, u"9090"_s}
        << u"serve: --listen must be HOST:PORT, e.g. 127.0.0.1:9090 or [::1]:9090"_s;
    QTest::newRow("bad port")
        << QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:70000"_s}
        << u"serve: --listen must be HOST:PORT, e.g. 127.0.0.1:9090 or [::1]:9090"_s;
    QTest::newRow("unbracketed v6")
        << QStringList{u"serve"_s, u"--listen"_s, u"::1:80"_s}
        << u"serve: --listen must be HOST:PORT, e.g. 127.0.0.1:9090 or [::1]:9090"_s;
    QTest::newRow("issuer with query")
        << QStringList{u"serve"_s, u"--issuer"_s, u"https://id.example/?x=1"_s}
        << u"serve: --issuer must be an http(s) URL without query or fragment"_s;
    QTest::newRow("issuer not url")
        << QStringList{u"discovery"_s, u"--issuer"_s, u"id.example"_s}
        << u"discovery: --issuer must be an http(s) URL without query or fragment"_s;
    QTest::newRow("cert without key") << QStringList{u"serve"_s, u"--tls-cert"_s, u"c.pem"_s}
                                      << u"serve: --tls-cert and --tls-key go together"_s;
    QTest::newRow("stray argument")
        << QStringList{u"export"_s, u"out.json"_s} << u"export: unexpected argument \"out.json\""_s;
    QTest::newRow("with-secrets on serve") << QStringList{u"serve"_s, u"--with-secrets"_s}
                                           << u"serve: Unknown option 'with-secrets'."_s;
    QTest::newRow("db without value")
        << QStringList{u"export"_s, u"--db"_s} << u"export: Missing value after '--db'."_s;
    QTest::newRow("keys without subcommand")
        << QStringList{u"keys"_s} << u"keys: expected list, rotate [ALG] or retire KID"_s;
    QTest::newRow("keys unknown subcommand")
        << QStringList{u"keys"_s, u"delete"_s, u"x"_s}
        << u"keys: unknown subcommand \"delete\" (expected list, rotate [ALG] or retire KID)"_s;
    QTest::newRow("keys list extra") << QStringList{u"keys"_s, u"list"_s, u"all"_s}
                                     << u"keys list: unexpected argument \"all\""_s;
    QTest::newRow("keys rotate unknown alg")
        << QStringList{u"keys"_s, u"rotate"_s, u"HS256"_s}
        << u"keys rotate: unknown algorithm \"HS256\" (expected RS256, PS256, ES256, EdDSA)"_s;
    QTest::newRow("keys rotate lower case alg")
        << QStringList{u"keys"_s, u"rotate"_s, u"rs256"_s}
        << u"keys rotate: unknown algorithm \"rs256\" (expected RS256, PS256, ES256, EdDSA)"_s;
    QTest::newRow("keys rotate two algs")
        << QStringList{u"keys"_s, u"rotate"_s, u"RS256"_s, u"ES256"_s}
        << u"keys rotate: unexpected argument \"ES256\""_s;
    QTest::newRow("keys retire without kid")
        << QStringList{u"keys"_s, u"retire"_s} << u"keys retire: expected exactly one KID"_s;
    QTest::newRow("keys retire two kids") << QStringList{u"keys"_s, u"retire"_s, u"a"_s, u"b"_s}
                                          << u"keys retire: expected exactly one KID"_s;
    QTest::newRow("keys retire empty kid") << QStringList{u"keys"_s, u"retire"_s, QString()}
                                           << u"keys retire: KID must not be empty"_s;
    QTest::newRow("keys unknown option") << QStringList{u"keys"_s, u"list"_s, u"--issuer"_s, u"x"_s}
                                         << u"keys: Unknown option 'issuer'."_s;
    QTest::newRow("sessions without subcommand")
        << QStringList{u"sessions"_s} << u"sessions: expected list, end ID or end-all USERNAME"_s;
    QTest::newRow("sessions unknown subcommand")
        << QStringList{u"sessions"_s, u"kill"_s}
        << u"sessions: unknown subcommand \"kill\" (expected list, end ID or end-all USERNAME)"_s;
    QTest::newRow("sessions end without id")
        << QStringList{u"sessions"_s, u"end"_s} << u"sessions end: expected exactly one ID"_s;
    QTest::newRow("sessions end-all without username")
        << QStringList{u"sessions"_s, u"end-all"_s}
        << u"sessions end-all: expected exactly one USERNAME"_s;
    QTest::newRow("sessions end-all two usernames")
        << QStringList{u"sessions"_s, u"end-all"_s, u"alice"_s, u"bob"_s}
        << u"sessions end-all: expected exactly one USERNAME"_s;
    QTest::newRow("sessions list extra") << QStringList{u"sessions"_s, u"list"_s, u"alice"_s}
                                         << u"sessions list: unexpected argument \"alice\""_s;
}

void TestCommandLine::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const auto p = parse(args);
    QVERIFY(!p.invocation);
    QCOMPARE(p.error, error);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
