// SessionExport: a recording as JSON Lines and as an HTML transcript; every event present, the
// text escaped, lines cut short left out; the files private (0600) whatever the umask; and a real
// server's recording exported end to end.

#include "server/roommanager.h"
#include "server/serverhost.h"
#include "server/sessionexport.h"
#include "tests/common/filemodes.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_SessionExport final : public QObject
{
    Q_OBJECT

private slots:
    void everyEventInTheTranscript();
    void kickInTheTranscript_data();
    void kickInTheTranscript();
    void htmlEscapesText();
    void cutLinesLeftOut();
    void exportFiles();
    void exportFilesErrors();
    void simulatedNames_data();
    void simulatedNames();
    void withoutSimulated();
    void exportFilesArePrivate_data();
    void exportFilesArePrivate();
    void realServerRecording();
};

namespace {

const QByteArray Recording
    = R"({"time":"2026-11-22T04:09:19.039Z","event":"join","room":"lobby","member":{"id":"m1","name":"alice"}}
{"time":"2026-11-22T04:09:20.246Z","event":"message","room":"lobby","member":{"id":"m1","name":"alice"},"id":1,"text":"hello, bob"}
{"time":"2026-11-22T04:09:21.000Z","event":"join","room":"lobby","member":{"id":"m2","name":"bob"}}
{"time":"2026-11-22T04:09:22.655Z","event":"rename","member":{"id":"m2","name":"robert"},"previous":"bob"}
{"time":"2026-11-22T04:09:24.100Z","event":"message","room":"lobby","member":{"id":"m2","name":"robert"},"id":2,"text":"<script>alert('x')</script> & more"}
{"time":"2026-11-22T04:09:27.775Z","event":"leave","room":"lobby","member":{"id":"m1","name":"alice"}}
)"_ba;

QList<SessionExport::Record> records(const QByteArray &text)
{
    QTemporaryDir dir;
    const QString name = dir.filePath(u"r.jsonl"_s);
    QFile file(name);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    file.close();
    QList<SessionExport::Record> out;
    QString error;
    SessionExport::read(name, &out, &error);
    return out;
}

// The transcript's body rows, as their text without tags (entities left as they are).
QStringList rows(const QString &html)
{
    QStringList out;
    const QRegularExpression row(u"<tr class=\"[a-z]+\">(.*?)</tr>"_s,
                                 QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression tag(u"<[^>]*>"_s);
    for (const QRegularExpressionMatch &m : row.globalMatch(html)) {
        QString cells = m.captured(1);
        cells.replace(u"</td><td"_s, u"</td>|<td"_s);
        out.append(cells.remove(tag));
    }
    return out;
}

} // namespace

void tst_SessionExport::everyEventInTheTranscript()
{
    const QList<SessionExport::Record> list = records(Recording);
    QCOMPARE(list.size(), 6);
    const QString html = QString::fromUtf8(SessionExport::html(list, u"Lesson"_s));
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(html.contains(u"<title>Lesson</title>"_s));
    const QStringList r = rows(html);
    QCOMPARE(r.size(), 6);
    const QString t1 = QDateTime::fromString(u"2026-11-22T04:09:19.039Z"_s, Qt::ISODateWithMs)
                           .toLocalTime()
                           .toString(u"HH:mm:ss"_s);
    QCOMPARE(r.at(0), t1 + u"|lobby|alice|joined lobby"_s);
    QVERIFY(r.at(1).endsWith(u"|lobby|alice|hello, bob"_s));
    QVERIFY(r.at(2).endsWith(u"|lobby|bob|joined lobby"_s));
    QVERIFY(r.at(3).endsWith(u"||robert|bob is now robert"_s));
    QVERIFY(
        r.at(4).endsWith(
            u"|lobby|robert|&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more"_s)
        || r.at(4).endsWith(u"|lobby|robert|&lt;script&gt;alert('x')&lt;/script&gt; &amp; more"_s));
    QVERIFY(r.at(5).endsWith(u"|lobby|alice|left lobby"_s));
    QVERIFY(html.contains(u"2 messages · 2 members · 1 rooms"_s) // alice, robert
            || html.contains(u"2 messages · 3 members · 1 rooms"_s));
    // Self-contained: no scripts, no outside files.
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"src="_s));
    QVERIFY(!html.contains(u"<link"_s));

    // The JSON Lines: each line as recorded.
    QCOMPARE(SessionExport::jsonLines(list), Recording);
}

void tst_SessionExport::kickInTheTranscript_data()
{
    QTest::addColumn<QByteArray>("kick");
    QTest::addColumn<QString>("row");
    QTest::newRow("kick")
        << R"({"time":"t","event":"kick","member":{"id":"m1","name":"alice"},"reason":"<b>rude</b>","banned":false})"_ba
        << u"||alice|kicked by the host: &lt;b&gt;rude&lt;/b&gt;"_s;
    QTest::newRow("ban")
        << R"({"time":"t","event":"kick","member":{"id":"m1","name":"alice"},"reason":"spam","banned":true})"_ba
        << u"||alice|banned by the host: spam"_s;
}

void tst_SessionExport::kickInTheTranscript()
{
    QFETCH(QByteArray, kick);
    QFETCH(QString, row);
    // As SessionRecorder writes it: the kick, then the member's leave.
    const QByteArray recording
        = R"({"time":"t","event":"join","room":"lobby","member":{"id":"m1","name":"alice"}})"_ba
        + '\n' + kick + '\n'
        + R"({"time":"t","event":"leave","room":"lobby","member":{"id":"m1","name":"alice"}})"_ba
        + '\n';
    const QList<SessionExport::Record> list = records(recording);
    QCOMPARE(list.size(), 3);
    const QStringList r = rows(QString::fromUtf8(SessionExport::html(list, u"Lesson"_s)));
    QCOMPARE(r.size(), 3);
    QVERIFY2(r.at(1).endsWith(row), qPrintable(r.at(1)));
    QVERIFY(r.at(2).endsWith(u"|lobby|alice|left lobby"_s));
    QCOMPARE(SessionExport::jsonLines(list), recording);
}

void tst_SessionExport::htmlEscapesText()
{
    const QByteArray evil
        = R"({"time":"x","event":"message","room":"<i>r</i>","member":{"id":"m1","name":"<b>n</b>"},"id":1,"text":"<script>alert(1)</script>\n2nd line"}
{"time":"y","event":"rename","member":{"id":"m1","name":"<u>new</u>"},"previous":"<img src=x>"}
)";
    const QString html = QString::fromUtf8(SessionExport::html(records(evil), u"<title>"_s));
    QVERIFY(!html.contains(u"<script>"_s));
    QVERIFY(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt;\n2nd line"_s));
    QVERIFY(html.contains(u"&lt;i&gt;r&lt;/i&gt;"_s));
    QVERIFY(html.contains(u"&lt;b&gt;n&lt;/b&gt;"_s));
    QVERIFY(html.contains(u"&lt;img src=x&gt; is now &lt;u&gt;new&lt;/u&gt;"_s));
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(!html.contains(u"<u>"_s));
    QVERIFY(html.contains(u"<title>&lt;title&gt;</title>"_s));
    QCOMPARE(rows(html).size(), 2);
}

void tst_SessionExport::cutLinesLeftOut()
{
    // The machine died in the middle of the last line; an empty line in between is harmless.
    QByteArray text = Recording + "\n" + R"({"time":"2026-11-22T04:09:28.000Z","event":"mess)";
    QTemporaryDir dir;
    const QString name = dir.filePath(u"cut.jsonl"_s);
    QFile file(name);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    QList<SessionExport::Record> list;
    QString error;
    int skipped = -1;
    QVERIFY(SessionExport::read(name, &list, &error, &skipped));
    QCOMPARE(list.size(), 6);
    QCOMPARE(skipped, 1);
    QCOMPARE(SessionExport::jsonLines(list), Recording);
    // An empty recording is a transcript that says so.
    const QString html = QString::fromUtf8(SessionExport::html({}, u"t"_s));
    QVERIFY(html.contains(u"Nothing was recorded."_s));
    QCOMPARE(rows(html).size(), 0);
}

void tst_SessionExport::exportFiles()
{
    QTemporaryDir dir;
    const QString source = dir.filePath(u"session.jsonl"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Recording);
    file.close();
    QString error;
    const QString jsonl = dir.filePath(u"out.jsonl"_s);
    const QString html = dir.filePath(u"out.html"_s);
    QVERIFY2(SessionExport::exportFiles(source, jsonl, html, &error), qPrintable(error));
    QFile j(jsonl);
    QVERIFY(j.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = j.readAll().split('\n');
    QCOMPARE(lines.size(), 7); // six and the empty tail
    for (int i = 0; i < 6; ++i) {
        QJsonParseError e;
        QVERIFY(QJsonDocument::fromJson(lines.at(i), &e).isObject());
    }
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(h.readAll());
    QCOMPARE(rows(page).size(), 6);
    QVERIFY(page.contains(u"<title>wsroom session, "_s));
}

void tst_SessionExport::simulatedNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("simulated");
    QTest::newRow("chatter") << u"sim-chatter"_s << true;
    QTest::newRow("chatter, taken") << u"sim-chatter-12"_s << true;
    QTest::newRow("visitor") << u"sim-visitor-2"_s << true;
    QTest::newRow("slow reader") << u"sim-slow"_s << true;
    QTest::newRow("a person") << u"alice"_s << false;
    QTest::newRow("almost") << u"sim-chatterbox"_s << false;
    QTest::newRow("inside a name") << u"my-sim-chatter"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_SessionExport::simulatedNames()
{
    QFETCH(QString, name);
    QFETCH(bool, simulated);
    QCOMPARE(SessionExport::isSimulatedName(name), simulated);
}

// "Leave out simulated clients": their joins, messages, renames and leaves go; the people's
// stay, in order, in both files.
void tst_SessionExport::withoutSimulated()
{
    const QByteArray simulated
        = R"({"time":"2026-11-22T04:09:19.500Z","event":"join","room":"lobby","member":{"id":"m3","name":"sim-chatter"}}
{"time":"2026-11-22T04:09:20.500Z","event":"message","room":"lobby","member":{"id":"m3","name":"sim-chatter"},"id":3,"text":"sim-chatter #1: lorem"}
{"time":"2026-11-22T04:09:21.500Z","event":"join","room":"lobby","member":{"id":"m4","name":"sim-visitor-2"}}
{"time":"2026-11-22T04:09:25.000Z","event":"leave","room":"lobby","member":{"id":"m4","name":"sim-visitor-2"}}
)"_ba;
    QTemporaryDir dir;
    const QString source = dir.filePath(u"session.jsonl"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Recording + simulated);
    file.close();
    QCOMPARE(records(Recording + simulated).size(), 10);

    SessionExport::Options options;
    options.withoutSimulated = true;
    const QList<SessionExport::Record> kept
        = SessionExport::filtered(records(Recording + simulated), options);
    QCOMPARE(kept.size(), 6);
    QCOMPARE(SessionExport::jsonLines(kept), Recording); // the people's lines, as recorded
    QCOMPARE(SessionExport::filtered(records(Recording + simulated), {}).size(), 10);

    QString error;
    const QString jsonl = dir.filePath(u"out.jsonl"_s);
    const QString html = dir.filePath(u"out.html"_s);
    QVERIFY2(SessionExport::exportFiles(source, jsonl, html, &error, options), qPrintable(error));
    QFile j(jsonl);
    QVERIFY(j.open(QIODevice::ReadOnly));
    QCOMPARE(j.readAll(), Recording);
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(h.readAll());
    QCOMPARE(rows(page).size(), 6);
    QVERIFY(!page.contains(u"sim-"_s));
    QVERIFY(page.contains(u"2 messages · 3 members · 1 rooms"_s)); // alice, bob, robert
}

void tst_SessionExport::exportFilesErrors()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!SessionExport::exportFiles(dir.filePath(u"missing.jsonl"_s), dir.filePath(u"a"_s),
                                        QString(), &error));
    QVERIFY2(error.startsWith(u"cannot read "_s), qPrintable(error));
    QFile file(dir.filePath(u"s.jsonl"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    error.clear();
    QVERIFY(!SessionExport::exportFiles(file.fileName(), QString(),
                                        dir.filePath(u"no/such/dir/t.html"_s), &error));
    QVERIFY2(error.startsWith(u"cannot write "_s), qPrintable(error));
}

void tst_SessionExport::exportFilesArePrivate_data()
{
    FileModes::addUmaskRows();
}

void tst_SessionExport::exportFilesArePrivate()
{
    QFETCH(int, umask);
    QTemporaryDir dir;
    const QString source = dir.filePath(u"session.jsonl"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Recording);
    file.close();
    const QString jsonl = dir.filePath(u"out.jsonl"_s);
    const QString html = dir.filePath(u"out.html"_s);
    QString error;
    {
        const FileModes::ScopedUmask mask(umask);
        QVERIFY2(SessionExport::exportFiles(source, jsonl, html, &error), qPrintable(error));
    }
    QCOMPARE(FileModes::modeOf(jsonl), 0600);
    QCOMPARE(FileModes::modeOf(html), 0600);

    // An earlier export that others could read is replaced by a private one.
    QVERIFY(QFile::setPermissions(
        jsonl, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    QCOMPARE(FileModes::modeOf(jsonl), 0644);
    {
        const FileModes::ScopedUmask mask(umask);
        QVERIFY2(SessionExport::exportFiles(source, jsonl, QString(), &error), qPrintable(error));
    }
    QCOMPARE(FileModes::modeOf(jsonl), 0600);
    QFile j(jsonl);
    QVERIFY(j.open(QIODevice::ReadOnly));
    QCOMPARE(j.readAll(), Recording);

    // Through a symbolic link: the file it points to is written, the link stays.
    const QString link = dir.filePath(u"link.html"_s);
    QVERIFY(QFile::link(html, link));
    QVERIFY(QFile::remove(html));
    {
        const FileModes::ScopedUmask mask(umask);
        QVERIFY2(SessionExport::exportFiles(source, QString(), link, &error), qPrintable(error));
    }
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(FileModes::modeOf(html), 0600);

    // No temporary file left behind, here or after a failed write.
    QVERIFY(!SessionExport::exportFiles(source, QString(), dir.filePath(u"no/such/dir/t.html"_s),
                                        &error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name),
             QStringList({u"link.html"_s, u"out.html"_s, u"out.jsonl"_s, u"session.jsonl"_s}));
}

void tst_SessionExport::realServerRecording()
{
    QTemporaryDir dir;
    const QString recording = dir.filePath(u"rec.jsonl"_s);
    {
        TestServer server {TestServer::productDefaults()};
        QVERIFY(server.start([&recording](ServerConfig &c) { c.recordFile = recording; }));
        TestClient a;
        QVERIFY(a.openNative(server.url(u"/chat?name=ada&room=maths"_s), true));
        a.send(QJsonObject {{"type"_L1, "message"_L1},
                            {"room"_L1, "maths"_L1},
                            {"text"_L1, "<script>x</script>"_L1}});
        QJsonObject o;
        QVERIFY(a.nextOfType(u"message"_s, &o));
        a.send(QJsonObject {{"type"_L1, "rename"_L1}, {"name"_L1, "ada2"_L1}});
        QVERIFY(a.nextOfType(u"renamed"_s, &o));
    } // stopped with ada still in maths
    const QString html = dir.filePath(u"t.html"_s);
    QString error;
    QVERIFY2(SessionExport::exportFiles(recording, QString(), html, &error), qPrintable(error));
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QStringList r = rows(QString::fromUtf8(h.readAll()));
    QCOMPARE(r.size(), 4);
    QVERIFY(r.at(0).endsWith(u"|maths|ada|joined maths"_s));
    QVERIFY(r.at(1).endsWith(u"|maths|ada|&lt;script&gt;x&lt;/script&gt;"_s));
    QVERIFY(r.at(2).endsWith(u"||ada2|ada is now ada2"_s));
    QVERIFY(r.at(3).endsWith(u"|maths|ada2|left maths"_s));
}

QTEST_GUILESS_MAIN(tst_SessionExport)
#include "tst_sessionexport.moc"
