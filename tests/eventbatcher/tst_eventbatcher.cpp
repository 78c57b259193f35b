#include "server/eventbatcher_p.h"
#include "server/outbox_p.h"
#include "server/sessionrecorder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The event batches without a socket: time stamps, the message cap and its Dropped count, and
// the recording of every event.
class tst_EventBatcher : public QObject
{
    Q_OBJECT

private slots:
    void keepsEventsInOrderStamped();
    void capsMessagesNotOtherEvents_data();
    void capsMessagesNotOtherEvents();
    void recordsEvenWhatItDrops();

private:
    // A message event numbered id in the lobby.
    static ServerEvent message(qint64 id)
    {
        return ServerEvent::Message {{QStringLiteral("m1"), QStringLiteral("alice")},
                                     QStringLiteral("lobby"),
                                     QStringLiteral("#%1").arg(id),
                                     id};
    }
};

void tst_EventBatcher::keepsEventsInOrderStamped()
{
    QElapsedTimer clock;
    Outbox outbox(clock);
    SessionRecorder recorder;
    EventBatcher batcher(recorder, outbox);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    batcher.add(ServerEvent::RoomCreated {QStringLiteral("games")});
    batcher.add(message(1));
    const ServerEventList batch = batcher.take();
    QCOMPARE(batch.size(), 2);
    QCOMPARE(batch.at(0).kind(), ServerEvent::Kind::RoomCreated);
    QCOMPARE(batch.at(1).kind(), ServerEvent::Kind::Message);
    for (const ServerEvent &event : batch)
        QVERIFY(event.time >= before);
    QVERIFY(batcher.take().isEmpty()); // taken once
}

void tst_EventBatcher::capsMessagesNotOtherEvents_data()
{
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("kept");
    QTest::addColumn<int>("dropped");

    const int cap = EventBatcher::MaxMessageEventsPerBatch;
    QTest::newRow("under the cap") << cap - 1 << cap - 1 << 0;
    QTest::newRow("at the cap") << cap << cap << 0;
    QTest::newRow("past the cap") << cap + 250 << cap << 250;
}

void tst_EventBatcher::capsMessagesNotOtherEvents()
{
    QFETCH(int, messages);
    QFETCH(int, kept);
    QFETCH(int, dropped);

    QElapsedTimer clock;
    Outbox outbox(clock);
    SessionRecorder recorder;
    EventBatcher batcher(recorder, outbox);
    for (int i = 1; i <= messages; ++i)
        batcher.add(message(i));
    // Other kinds are kept past the cap: the GUI's models need every join.
    batcher.add(ServerEvent::Joined {{QStringLiteral("m2"), QStringLiteral("bob")},
                                     QStringLiteral("lobby")});

    const ServerEventList batch = batcher.take();
    int messagesKept = 0;
    int joins = 0;
    int droppedCount = -1;
    for (const ServerEvent &event : batch) {
        messagesKept += event.kind() == ServerEvent::Kind::Message;
        joins += event.kind() == ServerEvent::Kind::Joined;
        if (const auto *p = event.as<ServerEvent::Dropped>())
            droppedCount = p->count;
    }
    QCOMPARE(messagesKept, kept);
    QCOMPARE(joins, 1);
    QCOMPARE(droppedCount, dropped ? dropped : -1);
    if (dropped)
        QCOMPARE(batch.last().kind(), ServerEvent::Kind::Dropped);
    // The next batch starts afresh.
    batcher.add(message(messages + 1));
    QCOMPARE(batcher.take().size(), 1);
}

void tst_EventBatcher::recordsEvenWhatItDrops()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("s.jsonl"));
    QElapsedTimer clock;
    Outbox outbox(clock);
    SessionRecorder recorder;
    QString error;
    QVERIFY2(recorder.open(fileName, &error), qPrintable(error));
    EventBatcher batcher(recorder, outbox);
    const int total = EventBatcher::MaxMessageEventsPerBatch + 10;
    for (int i = 1; i <= total; ++i)
        batcher.add(message(i));
    recorder.close();
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(int(file.readAll().count('\n')), total);
}

QTEST_GUILESS_MAIN(tst_EventBatcher)
#include "tst_eventbatcher.moc"
