// SPDX-License-Identifier: GPL-3.0-or-later
// The Debian package as cpack built it (fixture lanyard_deb): control
// fields and dependencies, the exact file list with owners and modes,
// maintainer scripts that never start the service, the contents of the
// installed files, and lintian without errors.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(90000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

/// One line of `dpkg-deb -c`.
struct Entry
{
    QString mode;
    QString owner;
    QString path;
};

/// Every regular file the package installs; nothing in /etc or /var, so
/// removing the package leaves only what the admin made.
const QStringList &expectedFiles()
{
    static const QStringList files{
        u"/usr/bin/lanyard"_s,
        u"/usr/lib/systemd/system/lanyard.service"_s,
        u"/usr/lib/sysusers.d/lanyard.conf"_s,
        u"/usr/share/applications/org.lanyard.Lanyard.desktop"_s,
        u"/usr/share/doc/lanyard/changelog.Debian.gz"_s,
        u"/usr/share/doc/lanyard/copyright"_s,
        u"/usr/share/doc/lanyard/examples/lanyard.default"_s,
        u"/usr/share/icons/hicolor/scalable/apps/org.lanyard.Lanyard.svg"_s,
        u"/usr/share/man/man1/lanyard.1.gz"_s,
        u"/usr/share/metainfo/org.lanyard.Lanyard.metainfo.xml"_s,
    };
    return files;
}

/// `text`'s `Key=value` lines (a desktop entry or a systemd unit), every
/// value of a repeated key.
QMultiHash<QString, QString> keyValues(const QByteArray &text)
{
    QMultiHash<QString, QString> values;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (line.startsWith('#') || equals <= 0)
            continue;
        values.insert(QString::fromUtf8(line.left(equals)),
                      QString::fromUtf8(line.mid(equals + 1)));
    }
    return values;
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void controlFields_data();
    void controlFields();
    void description();
    void dependencies_data();
    void dependencies();
    void fileList();
    void maintainerScripts();
    void binaryRuns();
    void compressedDocs();
    void desktopEntry();
    void metainfo();
    void icon();
    void serviceUnit();
    void copyright();
    void lintianHasNoErrors();

private:
    QByteArray field(const QString &name) const;
    QByteArray fileContents(const QString &path) const;

    QString m_deb;
    QTemporaryDir m_root;
    QTemporaryDir m_control;
    QList<Entry> m_entries;
};

void TestPackage::initTestCase()
{
    if (QStandardPaths::findExecutable(u"dpkg-deb"_s).isEmpty())
        QSKIP("dpkg-deb is not installed");
    const QDir dir(QStringLiteral(LANYARD_DEB_DIR));
    const QStringList debs = dir.entryList({u"*.deb"_s}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = dir.filePath(debs.first());

    QVERIFY(m_root.isValid() && m_control.isValid());
    QCOMPARE(run(u"dpkg-deb"_s, {u"-x"_s, m_deb, m_root.path()}).exitCode, 0);
    QCOMPARE(run(u"dpkg-deb"_s, {u"-e"_s, m_deb, m_control.filePath(u"DEBIAN"_s)}).exitCode, 0);

    const Run listing = run(u"dpkg-deb"_s, {u"-c"_s, m_deb});
    QCOMPARE(listing.exitCode, 0);
    static const QRegularExpression line(
        u"^(\\S+)\\s+(\\S+)\\s+\\d+\\s+\\S+\\s+\\S+\\s+\\.(/\\S*)$"_s);
    for (const QByteArray &text : listing.out.split('\n')) {
        if (text.isEmpty())
            continue;
        const auto match = line.match(QString::fromUtf8(text));
        QVERIFY2(match.hasMatch(), text.constData());
        m_entries.append({match.captured(1), match.captured(2), match.captured(3)});
    }
    QVERIFY(!m_entries.isEmpty());
}

QByteArray TestPackage::field(const QString &name) const
{
    return run(u"dpkg-deb"_s, {u"-f"_s, m_deb, name}).out.trimmed();
}

QByteArray TestPackage::fileContents(const QString &path) const
{
    QFile file(m_root.path() + path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestPackage::controlFields_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("pattern");

    const QByteArray arch = run(u"dpkg"_s, {u"--print-architecture"_s}).out.trimmed();
    QTest::newRow("Package") << u"Package"_s << u"^lanyard$"_s;
    QTest::newRow("Version")
        << u"Version"_s
        << u"^"_s + QRegularExpression::escape(QStringLiteral(LANYARD_DEB_VERSION)) + u"$"_s;
    QTest::newRow("Architecture") << u"Architecture"_s
                                  << u"^"_s + QString::fromLatin1(arch) + u"$"_s;
    QTest::newRow("Section") << u"Section"_s << u"^net$"_s;
    QTest::newRow("Priority") << u"Priority"_s << u"^optional$"_s;
    QTest::newRow("Maintainer") << u"Maintainer"_s << u"^[^<>]+ <[^<>@\\s]+@[^<>@\\s]+>$"_s;
    QTest::newRow("Installed-Size") << u"Installed-Size"_s << u"^[1-9][0-9]*$"_s;
    QTest::newRow("Recommends") << u"Recommends"_s << u"(^|, )qt6-translations-l10n(,|$)"_s;
    QTest::newRow("Suggests") << u"Suggests"_s << u"(^|, )libqt6sql6-psql(,|$)"_s;
}

void TestPackage::controlFields()
{
    QFETCH(QString, name);
    QFETCH(QString, pattern);
    const QString value = QString::fromUtf8(field(name));
    QVERIFY2(QRegularExpression(pattern).match(value).hasMatch(),
             qPrintable(name + u": "_s + value));
}

void TestPackage::description()
{
    const QList<QByteArray> lines = field(u"Description"_s).split('\n');
    QVERIFY(lines.size() > 3);
    // Debian Policy §3.4.1: a synopsis under 80 characters, no full stop,
    // then the extended description, each line indented, "." for blank.
    QVERIFY(!lines.first().isEmpty());
    QVERIFY(lines.first().size() < 80);
    QVERIFY(!lines.first().endsWith('.'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QVERIFY2(lines.at(i).size() < 80, lines.at(i).constData());
        QVERIFY2(!lines.at(i).trimmed().isEmpty(), "blank line in the extended description");
        QVERIFY2(lines.at(i).trimmed() != lines.first().trimmed(), "synopsis repeated");
    }
}

void TestPackage::dependencies_data()
{
    QTest::addColumn<QString>("package");
    // Whether dpkg-shlibdeps found it (then it carries a minimum version).
    QTest::addColumn<bool>("fromShlibs");

    // What the binary is linked against.
    for (const char *library :
         {"libc6", "libstdc++6", "libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6network6",
          "libqt6httpserver6", "libqt6sql6", "libssl3", "libargon2-1"}) {
        QTest::newRow(library) << QString::fromLatin1(library) << true;
    }
    // Loaded at run time, so named by hand.
    QTest::newRow("adduser") << u"adduser"_s << false;
    QTest::newRow("SQLite driver") << u"libqt6sql6-sqlite"_s << false;
    QTest::newRow("SVG icons") << u"libqt6svg6"_s << false;
}

void TestPackage::dependencies()
{
    QFETCH(QString, package);
    QFETCH(bool, fromShlibs);
    const QString depends = QString::fromUtf8(field(u"Depends"_s));
    const QString pattern = u"(^|, )"_s + QRegularExpression::escape(package) +
                            (fromShlibs ? u" \\(>= [^)]+\\)"_s : QString()) + u"(,|$)"_s;
    QVERIFY2(QRegularExpression(pattern).match(depends).hasMatch(), qPrintable(depends));
    // Never a development package or the package itself.
    QVERIFY(!depends.contains(u"-dev"_s));
    QVERIFY(!QRegularExpression(u"(^|, )lanyard( |,|$)"_s).match(depends).hasMatch());
}

void TestPackage::fileList()
{
    QStringList files;
    for (const Entry &entry : std::as_const(m_entries)) {
        const QByteArray path = entry.path.toUtf8();
        QVERIFY2(entry.owner == u"root/root"_s, path.constData());
        QVERIFY2(entry.path.startsWith(u"/usr/"_s) || entry.path == u"/"_s, path.constData());
        if (entry.mode.startsWith(u'd')) {
            QVERIFY2(entry.mode == u"drwxr-xr-x"_s, path.constData());
            continue;
        }
        QVERIFY2(entry.mode.startsWith(u'-'), path.constData()); // no links, devices
        const bool executable = entry.path == u"/usr/bin/lanyard"_s;
        QVERIFY2(entry.mode == (executable ? u"-rwxr-xr-x"_s : u"-rw-r--r--"_s), path.constData());
        files.append(entry.path);
    }
    files.sort();
    QStringList expected = expectedFiles();
    expected.sort();
    QCOMPARE(files, expected);
}

void TestPackage::maintainerScripts()
{
    const QDir control(m_control.filePath(u"DEBIAN"_s));
    const QStringList members = control.entryList(QDir::Files, QDir::Name);
    QCOMPARE(members,
             QStringList({u"control"_s, u"md5sums"_s, u"postinst"_s, u"postrm"_s, u"prerm"_s}));
    // Every file is in md5sums.
    QFile sums(control.filePath(u"md5sums"_s));
    QVERIFY(sums.open(QIODevice::ReadOnly));
    const QByteArray listed = sums.readAll();
    for (const QString &file : expectedFiles())
        QVERIFY2(listed.contains(' ' + file.mid(1).toUtf8() + '\n'), qPrintable(file));

    for (const QString &name : {u"postinst"_s, u"prerm"_s, u"postrm"_s}) {
        const QString path = control.filePath(name);
        QFile script(path);
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QByteArray text = script.readAll();
        QVERIFY2(text.startsWith("#!/bin/sh\n"), qPrintable(name));
        QVERIFY2(text.contains("\nset -e\n"), qPrintable(name));
        QVERIFY2(QFileInfo(path).permissions().testFlag(QFileDevice::ExeOther), qPrintable(name));
        const Run syntax = run(u"sh"_s, {u"-n"_s, path});
        QVERIFY2(syntax.exitCode == 0, syntax.err.constData());
        // The admin enables the service after configuring it; the package
        // never starts or enables it by itself.
        for (const char *forbidden :
             {"systemctl enable", "systemctl start", "invoke start", "invoke restart"}) {
            QVERIFY2(!text.contains(forbidden),
                     qPrintable(name + u": "_s + QLatin1String(forbidden)));
        }
    }
    QFile postinst(control.filePath(u"postinst"_s));
    QVERIFY(postinst.open(QIODevice::ReadOnly));
    const QByteArray text = postinst.readAll();
    QVERIFY(text.contains("systemd-sysusers lanyard.conf"));
    QVERIFY(text.contains("adduser --system"));
    QVERIFY(text.contains("try-restart lanyard.service"));
    // Re-enabled on upgrade only if it was enabled: never on a first install
    // (deb-systemd-helper's was-enabled is true for a unit it never saw).
    QVERIFY(text.contains("deb-systemd-helper debian-installed lanyard.service &&"));
}

void TestPackage::binaryRuns()
{
    const Run version = run(m_root.path() + u"/usr/bin/lanyard"_s, {u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    const QString expected = QStringLiteral(LANYARD_DEB_VERSION).section(u'-', 0, 0);
    QCOMPARE(version.out.trimmed(), (u"lanyard "_s + expected).toUtf8());
}

void TestPackage::compressedDocs()
{
    for (const QString &path :
         {u"/usr/share/man/man1/lanyard.1.gz"_s, u"/usr/share/doc/lanyard/changelog.Debian.gz"_s}) {
        const QByteArray gz = fileContents(path);
        QVERIFY2(gz.size() > 18, qPrintable(path));
        // RFC 1952 §2.3: no FNAME flag and MTIME 0 (gzip -n): reproducible.
        QCOMPARE(static_cast<unsigned char>(gz.at(0)), 0x1fu);
        QCOMPARE(static_cast<unsigned char>(gz.at(1)), 0x8bu);
        QVERIFY2((gz.at(3) & 0x08) == 0, qPrintable(path));
        QVERIFY2(gz.mid(4, 4) == QByteArray(4, '\0'), qPrintable(path));
        // XFL 2: maximum compression (gzip -9).
        QCOMPARE(static_cast<int>(gz.at(8)), 2);
    }
    const Run man =
        run(u"gzip"_s, {u"-dc"_s, m_root.path() + u"/usr/share/man/man1/lanyard.1.gz"_s});
    QCOMPARE(man.exitCode, 0);
    QVERIFY(man.out.contains("\n.TH LANYARD 1 "));
    for (const char *section :
         {".SH NAME\nlanyard \\- ", ".SH SYNOPSIS", ".SH COMMANDS", ".SH OPTIONS",
          ".SH SYSTEM SERVICE", ".SH FILES", ".SH EXIT STATUS"})
        QVERIFY2(man.out.contains(section), section);
    const Run changelog =
        run(u"gzip"_s, {u"-dc"_s, m_root.path() + u"/usr/share/doc/lanyard/changelog.Debian.gz"_s});
    QCOMPARE(changelog.exitCode, 0);
    QVERIFY2(changelog.out.startsWith("lanyard (" LANYARD_DEB_VERSION ") "),
             changelog.out.constData());
}

void TestPackage::desktopEntry()
{
    const QByteArray text = fileContents(u"/usr/share/applications/org.lanyard.Lanyard.desktop"_s);
    const auto values = keyValues(text);
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QCOMPARE(values.value(u"Type"_s), u"Application"_s);
    QCOMPARE(values.value(u"Exec"_s), u"lanyard"_s);
    QCOMPARE(values.value(u"Icon"_s), u"org.lanyard.Lanyard"_s);
    QVERIFY(!values.value(u"Name[zh_CN]"_s).isEmpty());
    QVERIFY(!values.value(u"Comment[zh_CN]"_s).isEmpty());
    if (QStandardPaths::findExecutable(u"desktop-file-validate"_s).isEmpty())
        QSKIP("desktop-file-validate is not installed (desktop-file-utils)");
    const Run validate =
        run(u"desktop-file-validate"_s,
            {m_root.path() + u"/usr/share/applications/org.lanyard.Lanyard.desktop"_s});
    QVERIFY2(validate.exitCode == 0 && validate.out.isEmpty(), validate.out.constData());
}

void TestPackage::metainfo()
{
    const QString path = u"/usr/share/metainfo/org.lanyard.Lanyard.metainfo.xml"_s;
    const QByteArray text = fileContents(path);
    QVERIFY(text.contains("<id>org.lanyard.Lanyard</id>"));
    QVERIFY(
        text.contains("<launchable type=\"desktop-id\">org.lanyard.Lanyard.desktop</launchable>"));
    QVERIFY(text.contains("<project_license>GPL-3.0-or-later</project_license>"));
    const QString version = QStringLiteral(LANYARD_DEB_VERSION).section(u'-', 0, 0);
    QVERIFY(text.contains((u"<release version=\""_s + version + u'"').toUtf8()));
    QVERIFY(!text.contains('@')); // every @VARIABLE@ was filled in
    if (QStandardPaths::findExecutable(u"appstreamcli"_s).isEmpty())
        QSKIP("appstreamcli is not installed (appstream)");
    const Run validate =
        run(u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s, m_root.path() + path});
    QVERIFY2(validate.exitCode == 0, validate.out.constData());
}

void TestPackage::icon()
{
    QXmlStreamReader svg(
        fileContents(u"/usr/share/icons/hicolor/scalable/apps/org.lanyard.Lanyard.svg"_s));
    QVERIFY(svg.readNextStartElement());
    QCOMPARE(svg.name(), u"svg"_s);
    QVERIFY(!svg.attributes().value(u"viewBox"_s).isEmpty());
    while (!svg.atEnd())
        svg.readNext();
    QVERIFY2(!svg.hasError(), qPrintable(svg.errorString()));
}

void TestPackage::serviceUnit()
{
    const QByteArray text = fileContents(u"/usr/lib/systemd/system/lanyard.service"_s);
    const auto values = keyValues(text);
    QCOMPARE(values.value(u"ExecStart"_s),
             u"/usr/bin/lanyard serve --db /var/lib/lanyard/lanyard.db $LANYARD_ARGS"_s);
    QCOMPARE(values.value(u"EnvironmentFile"_s), u"-/etc/default/lanyard"_s);
    QCOMPARE(values.value(u"User"_s), u"lanyard"_s);
    QCOMPARE(values.value(u"StateDirectory"_s), u"lanyard"_s);
    QCOMPARE(values.value(u"WantedBy"_s), u"multi-user.target"_s);
    const QList<QPair<QString, QString>> hardening{
        {u"ProtectSystem"_s, u"strict"_s},
        {u"ProtectHome"_s, u"yes"_s},
        {u"NoNewPrivileges"_s, u"yes"_s},
        {u"PrivateTmp"_s, u"yes"_s},
        {u"PrivateDevices"_s, u"yes"_s},
        {u"CapabilityBoundingSet"_s, u"CAP_NET_BIND_SERVICE"_s},
        {u"AmbientCapabilities"_s, u"CAP_NET_BIND_SERVICE"_s},
        {u"RestrictAddressFamilies"_s, u"AF_INET AF_INET6 AF_UNIX"_s},
        {u"SystemCallFilter"_s, u"@system-service"_s},
        {u"MemoryDenyWriteExecute"_s, u"yes"_s},
    };
    for (const auto &[key, value] : hardening)
        QVERIFY2(values.values(key).contains(value), qPrintable(key));
    // The user the unit runs as is the one sysusers.d creates.
    const QByteArray sysusers = fileContents(u"/usr/lib/sysusers.d/lanyard.conf"_s);
    QVERIFY(QRegularExpression(u"^u\\s+lanyard\\s+-\\s"_s, QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(sysusers))
                .hasMatch());
}

void TestPackage::copyright()
{
    const QByteArray text = fileContents(u"/usr/share/doc/lanyard/copyright"_s);
    QVERIFY(text.startsWith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"));
    QVERIFY(text.contains("\nFiles: *\n"));
    QVERIFY(text.contains("\nLicense: GPL-3+\n"));
    QVERIFY(text.contains("/usr/share/common-licenses/GPL-3"));
}

void TestPackage::lintianHasNoErrors()
{
    if (QStandardPaths::findExecutable(u"lintian"_s).isEmpty())
        QSKIP("lintian is not installed");
    const Run lintian = run(u"lintian"_s, {u"--no-tag-display-limit"_s, m_deb});
    const QList<QByteArray> lines = lintian.out.split('\n');
    QByteArrayList errors;
    for (const QByteArray &line : lines) {
        if (line.startsWith("E: "))
            errors.append(line);
    }
    QVERIFY2(errors.isEmpty(), errors.join('\n').constData());
    // lintian fails on error tags, and when it cannot check the package.
    QVERIFY2(lintian.exitCode == 0, lintian.err.constData());
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
