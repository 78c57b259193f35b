// SessionRecorder: every join, leave, rename and message written as it happens, one valid JSON
// line each; leaves recorded when the server stops; session files pruned; and --record in the
// real headless binary; records and the data directory private whatever the umask, and an
// existing record file that others can read warned about and left as it is.

#include "server/roommanager.h"
#include "server/serverhost.h"
#include "server/sessionrecorder.h"
#include "tests/common/filemodes.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>

#include <memory>

using namespace Qt::StringLiterals;

class tst_SessionRecorder final : public QObject
{
    Q_OBJECT

private slots:
    void line_data();
    void line();
    void linesAsTheyHappen();
    void leavesRecordedWhenTheServerStops();
    void syncsAtMostTwiceASecond();
    void newSessionFileKeepsTheNewest();
    void headlessRecord();
    void headlessRecordBadFile();
    void recordFileIsPrivate_data();
    void recordFileIsPrivate();
    void dataDirectoryIsPrivate_data();
    void dataDirectoryIsPrivate();
    void readableRecordFileWarns();
    void headlessReadableRecordFileWarns();
};

namespace {

// The recording's lines, parsed; fails the calling test (returns empty) on a line that is not a
// JSON object.
QList<QJsonObject> readRecords(const QString &fileName, bool *valid = nullptr)
{
    QFile file(fileName);
    QList<QJsonObject> records;
    if (valid)
        *valid = true;
    if (!file.open(QIODevice::ReadOnly))
        return records;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).isEmpty()) {
            if (i != lines.size() - 1 && valid)
                *valid = false; // only the tail after the last newline may be empty
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            if (valid)
                *valid = false;
            continue;
        }
        records.append(document.object());
    }
    return records;
}

// "event room member" for each record, e.g. "join lobby alice", "message lobby alice hi",
// "rename - robert bob".
QStringList summary(const QList<QJsonObject> &records)
{
    QStringList out;
    for (const QJsonObject &r : records) {
        QString line = r.value("event"_L1).toString() + u' ' + r.value("room"_L1).toString(u"-"_s)
            + u' ' + r.value("member"_L1).toObject().value("name"_L1).toString();
        if (r.contains("text"_L1))
            line += u' ' + r.value("text"_L1).toString();
        if (r.contains("previous"_L1))
            line += u' ' + r.value("previous"_L1).toString();
        out.append(line);
    }
    return out;
}

bool hasRecord(const QString &fileName, const QString &line)
{
    return summary(readRecords(fileName)).contains(line);
}

QJsonObject request(const char *type, std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject o {{"type"_L1, QLatin1String(type)}};
    for (const auto &field : fields)
        o.insert(field.first, field.second);
    return o;
}

} // namespace

void tst_SessionRecorder::line_data()
{
    QTest::addColumn<ServerEvent>("event");
    QTest::addColumn<QByteArray>("expected");

    const QDateTime at(QDate(2026, 11, 22), QTime(3, 7, 3, 342), QTimeZone::utc());
    const MemberIdentity alice {u"m1"_s, u"alice"_s};
    QTest::newRow("join") << ServerEvent(ServerEvent::Joined {alice, u"lobby"_s}, at)
                          << QByteArray(R"({"time":"2026-11-22T03:07:03.342Z","event":"join",)"
                                        R"("room":"lobby","member":{"id":"m1","name":"alice"}})");
    QTest::newRow("leave") << ServerEvent(ServerEvent::Left {alice, u"lobby"_s}, at)
                           << QByteArray(R"({"time":"2026-11-22T03:07:03.342Z","event":"leave",)"
                                         R"("room":"lobby","member":{"id":"m1","name":"alice"}})");
    QTest::newRow("rename") << ServerEvent(ServerEvent::Renamed {alice, u"ally"_s}, at)
                            << QByteArray(R"({"time":"2026-11-22T03:07:03.342Z","event":"rename",)"
                                          R"("member":{"id":"m1","name":"alice"},)"
                                          R"("previous":"ally"})");
    QTest::newRow("message")
        << ServerEvent(ServerEvent::Message {alice, u"lobby"_s, u"hi"_s, 7}, at)
        << QByteArray(R"({"time":"2026-11-22T03:07:03.342Z","event":"message",)"
                      R"("room":"lobby","member":{"id":"m1","name":"alice"},"id":7,"text":"hi"})");
    QTest::newRow("connect, not recorded")
        << ServerEvent(ServerEvent::Connected {alice, u"127.0.0.1"_s}, at) << QByteArray();
    QTest::newRow("error, not recorded")
        << ServerEvent(ServerEvent::Error {alice, u"bad_json"_s, u"no"_s, QString()}, at)
        << QByteArray();
    QTest::newRow("room created, not recorded")
        << ServerEvent(ServerEvent::RoomCreated {u"games"_s}, at) << QByteArray();
}

void tst_SessionRecorder::line()
{
    QFETCH(ServerEvent, event);
    QFETCH(QByteArray, expected);
    QCOMPARE(SessionRecorder::line(event), expected);
}

void tst_SessionRecorder::linesAsTheyHappen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"rec.jsonl"_s);
    TestServer server;
    QVERIFY(server.start([&file](ServerConfig &c) { c.recordFile = file; }));

    TestClient alice;
    QVERIFY(alice.openNative(server.url(u"/chat?name=alice&room=lobby"_s), true));
    // Each line is in the file while the server runs: read by another handle, not at close.
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"join lobby alice"_s), TestClient::Timeout);
    alice.send(request("message", {{u"room"_s, u"lobby"_s}, {u"text"_s, u"<b>hi</b> \"all\""_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"message lobby alice <b>hi</b> \"all\""_s),
                             TestClient::Timeout);
    alice.send(request("rename", {{u"name"_s, u"alicia"_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"rename - alicia alice"_s), TestClient::Timeout);
    alice.send(request("join", {{u"room"_s, u"design"_s}}));
    alice.send(request("leave", {{u"room"_s, u"lobby"_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"leave lobby alicia"_s), TestClient::Timeout);
    // A chat-dialect member's line is recorded too, in its room.
    TestClient tutorial;
    QVERIFY(tutorial.openAndWait(server.url(u"/ws/42"_s)));
    tutorial.send(u"plain words"_s);
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"message chat 42 plain words"_s),
                             TestClient::Timeout);
    alice.socket().close();
    QVERIFY(alice.waitDisconnected());
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"leave design alicia"_s), TestClient::Timeout);

    bool valid = false;
    const QList<QJsonObject> records = readRecords(file, &valid);
    QVERIFY(valid);
    for (const QJsonObject &r : records) {
        QVERIFY(QDateTime::fromString(r.value("time"_L1).toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(r.value("member"_L1).toObject().contains("id"_L1));
    }
    // Nothing but joins, leaves, renames and messages.
    for (const QString &line : summary(records)) {
        const QString event = line.section(u' ', 0, 0);
        QVERIFY2(QStringList({u"join"_s, u"leave"_s, u"rename"_s, u"message"_s}).contains(event),
                 qPrintable(line));
    }
}

void tst_SessionRecorder::leavesRecordedWhenTheServerStops()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"rec.jsonl"_s);
    TestServer server;
    QVERIFY(server.start([&file](ServerConfig &c) { c.recordFile = file; }));
    TestClient bob;
    QVERIFY(bob.openNative(server.url(u"/chat?name=bob&room=design"_s), true));
    bob.send(request("join", {{u"room"_s, u"lobby"_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"join lobby bob"_s), TestClient::Timeout);
    // Stopped at once (the window closing): bob has no time to answer the close frame, and still
    // leaves both rooms in the recording.
    server.cleanup();
    const QStringList lines = summary(readRecords(file));
    QVERIFY2(lines.contains(u"leave design bob"_s), qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.contains(u"leave lobby bob"_s), qPrintable(lines.join(u'\n')));
}

void tst_SessionRecorder::syncsAtMostTwiceASecond()
{
    QTemporaryDir dir;
    SessionRecorder recorder;
    QString error;
    QVERIFY2(recorder.open(dir.filePath(u"s.jsonl"_s), &error), qPrintable(error));
    const ServerEvent event(ServerEvent::Joined {{u"m1"_s, u"ann"_s}, u"lobby"_s},
                            QDateTime::currentDateTimeUtc());
    recorder.record(event); // the first line is synced at once
    QVERIFY(!recorder.hasUnsyncedLines());
    recorder.record(event); // the second, right after, waits for its turn
    QVERIFY(recorder.hasUnsyncedLines());
    recorder.syncIfDue();
    QVERIFY(recorder.hasUnsyncedLines());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&recorder] {
            recorder.syncIfDue();
            return !recorder.hasUnsyncedLines();
        }(),
        5000);
    recorder.record(event);
    recorder.close(); // syncs what is left
    QVERIFY(!recorder.hasUnsyncedLines());
    QCOMPARE(readRecords(dir.filePath(u"s.jsonl"_s)).size(), 3);
}

void tst_SessionRecorder::newSessionFileKeepsTheNewest()
{
    QTemporaryDir dir;
    QDir d(dir.path());
    for (int i = 0; i < 35; ++i) {
        QFile f(d.filePath(u"session-20260101-0000%1.jsonl"_s.arg(i, 2, 10, QChar(u'0'))));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QFile other(d.filePath(u"notes.txt"_s));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();

    const QString name = SessionRecorder::newSessionFile(dir.path(), 30);
    QVERIFY(!name.isEmpty());
    QVERIFY(!QFile::exists(name));
    QVERIFY(QFileInfo(name).fileName().startsWith(u"session-"_s));
    const QStringList left = d.entryList({u"session-*.jsonl"_s}, QDir::Files, QDir::Name);
    QCOMPARE(left.size(), 29); // with the new one: 30
    QCOMPARE(left.first(), u"session-20260101-000006.jsonl"_s); // the oldest went
    QVERIFY(d.exists(u"notes.txt"_s));
    // A directory that cannot be made gives no file.
    QVERIFY(SessionRecorder::newSessionFile(d.filePath(u"notes.txt/sub"_s), 30).isEmpty());
}

void tst_SessionRecorder::headlessRecord()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"lesson.jsonl"_s);
    QProcess wsroom;
    wsroom.setProcessChannelMode(QProcess::SeparateChannels);
    wsroom.start(QStringLiteral(WSROOM_BINARY),
                 {u"--headless"_s, u"--port"_s, u"0"_s, u"--store"_s, u"none"_s, u"--rate-limit"_s,
                  u"0"_s, u"--record"_s, file});
    QVERIFY2(wsroom.waitForStarted(), qPrintable(wsroom.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(wsroom.canReadLine(), TestClient::Timeout);
    const QString line = QString::fromUtf8(wsroom.readLine());
    const QRegularExpressionMatch match
        = QRegularExpression(u"^wsroom: listening on ws://127\\.0\\.0\\.1:(\\d+)/"_s).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    const QString base = u"ws://127.0.0.1:"_s + match.captured(1);

    TestClient ann;
    QVERIFY(ann.openNative(QUrl(base + u"/chat?name=ann&room=physics"_s), true));
    TestClient ben;
    QVERIFY(ben.openNative(QUrl(base + u"/chat?name=ben&room=physics"_s), true));
    ann.send(request("message", {{u"room"_s, u"physics"_s}, {u"text"_s, u"F = m·a"_s}}));
    // Two sockets: the rename goes once the message is in, so the recording's order is known.
    QJsonObject echo;
    QVERIFY(ann.nextOfType(u"message"_s, &echo));
    ben.send(request("rename", {{u"name"_s, u"benjamin"_s}}));
    // Written as it happens: in the file while wsroom still runs.
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"message physics ann F = m·a"_s),
                             TestClient::Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"rename - benjamin ben"_s), TestClient::Timeout);
    QCOMPARE(wsroom.state(), QProcess::Running);

    // SIGTERM: a clean stop, and both members leave in the recording.
    QSignalSpy finished(&wsroom, &QProcess::finished);
    wsroom.terminate();
    QVERIFY(finished.wait(TestClient::Timeout));
    QCOMPARE(wsroom.exitStatus(), QProcess::NormalExit);
    QCOMPARE(wsroom.exitCode(), 0);
    bool valid = false;
    const QStringList lines = summary(readRecords(file, &valid));
    QVERIFY(valid);
    QCOMPARE(
        lines,
        QStringList({u"join physics ann"_s, u"join physics ben"_s, u"message physics ann F = m·a"_s,
                     u"rename - benjamin ben"_s, lines.value(4), lines.value(5)}));
    QVERIFY(lines.mid(4).contains(u"leave physics ann"_s));
    QVERIFY(lines.mid(4).contains(u"leave physics benjamin"_s));

    // A second run appends to the same file.
    QProcess again;
    again.start(
        QStringLiteral(WSROOM_BINARY),
        {u"--headless"_s, u"--port"_s, u"0"_s, u"--store"_s, u"none"_s, u"--record"_s, file});
    QVERIFY(again.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(again.canReadLine(), TestClient::Timeout);
    const QString line2 = QString::fromUtf8(again.readLine());
    const QString base2
        = u"ws://127.0.0.1:"_s + QRegularExpression(u":(\\d+)/"_s).match(line2).captured(1);
    TestClient cy;
    QVERIFY(cy.openNative(QUrl(base2 + u"/chat?name=cy&room=physics"_s), true));
    QTRY_VERIFY_WITH_TIMEOUT(hasRecord(file, u"join physics cy"_s), TestClient::Timeout);
    // Killed outright: what was written is still there.
    again.kill();
    QVERIFY(again.waitForFinished(TestClient::Timeout));
    QCOMPARE(readRecords(file).size(), 7);
}

void tst_SessionRecorder::headlessRecordBadFile()
{
    QTemporaryDir dir;
    QProcess wsroom;
    wsroom.start(QStringLiteral(WSROOM_BINARY),
                 {u"--headless"_s, u"--port"_s, u"0"_s, u"--store"_s, u"none"_s, u"--record"_s,
                  dir.filePath(u"no/such/dir/x.jsonl"_s)});
    QVERIFY(wsroom.waitForFinished(TestClient::Timeout));
    QCOMPARE(wsroom.exitCode(), 1);
    const QString error = QString::fromUtf8(wsroom.readAllStandardError());
    QVERIFY2(error.contains(u"wsroom: cannot write"_s), qPrintable(error));
    QVERIFY(wsroom.readAllStandardOutput().isEmpty());
}

void tst_SessionRecorder::recordFileIsPrivate_data()
{
    FileModes::addUmaskRows();
}

void tst_SessionRecorder::recordFileIsPrivate()
{
    QFETCH(int, umask);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"lesson.jsonl"_s);
    SessionRecorder recorder;
    QString error;
    {
        const FileModes::ScopedUmask mask(umask);
        QVERIFY2(recorder.open(file, &error), qPrintable(error));
    }
    // 0600 while it is still empty, before any line is in it.
    QCOMPARE(QFileInfo(file).size(), 0);
    QCOMPARE(FileModes::modeOf(file), 0600);
    recorder.record(ServerEvent(ServerEvent::Joined {{u"m1"_s, u"ann"_s}, u"lobby"_s},
                                QDateTime::currentDateTimeUtc()));
    recorder.close();
    QCOMPARE(readRecords(file).size(), 1);
    QCOMPARE(FileModes::modeOf(file), 0600);
}

void tst_SessionRecorder::dataDirectoryIsPrivate_data()
{
    FileModes::addUmaskRows();
}

void tst_SessionRecorder::dataDirectoryIsPrivate()
{
    QFETCH(int, umask);
    QTemporaryDir dir;
    // The data directory (…/share/wsroom) and the folder above it, both missing.
    const QString share = dir.filePath(u"share"_s);
    const QString data = share + u"/wsroom"_s;
    QString name;
    {
        const FileModes::ScopedUmask mask(umask);
        name = SessionRecorder::newSessionFile(data, 30);
    }
    QVERIFY(!name.isEmpty());
    QCOMPARE(FileModes::modeOf(share), 0700);
    QCOMPARE(FileModes::modeOf(data), 0700);
    // The first record in it, as the window makes it.
    SessionRecorder recorder;
    QString error;
    {
        const FileModes::ScopedUmask mask(umask);
        QVERIFY2(recorder.open(name, &error), qPrintable(error));
    }
    recorder.close();
    QCOMPARE(FileModes::modeOf(name), 0600);

    // A data directory that exists is left as it is.
    const QString open = dir.filePath(u"open"_s);
    QVERIFY(QDir().mkdir(open));
    QVERIFY(QFile::setPermissions(open,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                      | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                      | QFile::ExeOther));
    {
        const FileModes::ScopedUmask mask(umask);
        QVERIFY(!SessionRecorder::newSessionFile(open, 30).isEmpty());
    }
    QCOMPARE(FileModes::modeOf(open), 0755);
}

void tst_SessionRecorder::readableRecordFileWarns()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"shared.jsonl"_s);
    {
        QFile made(file);
        QVERIFY(made.open(QIODevice::WriteOnly));
        made.write("{\"time\":\"2026-11-22T04:09:19.039Z\",\"event\":\"join\"}\n");
    }
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
    QCOMPARE(FileModes::modeOf(file), 0644);

    // One warning that names the file and its mode.
    const QString warning = SessionRecorder::readableWarning(file, 0644);
    QCOMPARE(warning,
             u"the record file %1 can be read by other users (mode 0644); wsroom leaves its mode "
             "as it is"_s.arg(file));
    QTest::ignoreMessage(QtWarningMsg, qPrintable(warning));
    QTest::failOnWarning(QRegularExpression(u".*"_s)); // and nothing more
    SessionRecorder recorder;
    QString error;
    QVERIFY2(recorder.open(file, &error), qPrintable(error));
    recorder.record(ServerEvent(ServerEvent::Joined {{u"m1"_s, u"ann"_s}, u"lobby"_s},
                                QDateTime::currentDateTimeUtc()));
    recorder.close();
    // Appended to, its mode not changed: wsroom did not create it.
    QCOMPARE(readRecords(file).size(), 2);
    QCOMPARE(FileModes::modeOf(file), 0644);

    // A private existing file, or one only its group can write: no warning.
    for (const int mode : {0600, 0620}) {
        QVERIFY(::chmod(QFile::encodeName(file).constData(), mode_t(mode)) == 0);
        QVERIFY2(recorder.open(file, &error), qPrintable(error));
        recorder.close();
        QCOMPARE(FileModes::modeOf(file), mode);
    }
}

void tst_SessionRecorder::headlessReadableRecordFileWarns()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"shared.jsonl"_s);
    {
        QFile made(file);
        QVERIFY(made.open(QIODevice::WriteOnly));
    }
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
    QProcess wsroom;
    wsroom.setProcessChannelMode(QProcess::SeparateChannels);
    wsroom.start(
        QStringLiteral(WSROOM_BINARY),
        {u"--headless"_s, u"--port"_s, u"0"_s, u"--store"_s, u"none"_s, u"--record"_s, file});
    QVERIFY2(wsroom.waitForStarted(), qPrintable(wsroom.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(wsroom.canReadLine(), TestClient::Timeout);
    QVERIFY(wsroom.readLine().startsWith("wsroom: listening on"));
    wsroom.terminate();
    QVERIFY(wsroom.waitForFinished(TestClient::Timeout));
    QCOMPARE(wsroom.exitCode(), 0);
    // One line on standard error names the file and its mode; the file keeps it.
    const QStringList errors
        = QString::fromUtf8(wsroom.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    QStringList warnings = errors;
    warnings.removeIf([&](const QString &line) { return !line.contains(file); });
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(u"can be read by other users (mode 0644)"_s),
             qPrintable(errors.join(u'\n')));
    QCOMPARE(FileModes::modeOf(file), 0644);
}

QTEST_GUILESS_MAIN(tst_SessionRecorder)
#include "tst_sessionrecorder.moc"
