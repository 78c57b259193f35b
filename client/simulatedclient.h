#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

class ChatClient;
class QTcpSocket;
class QTimer;

// One simulated member of a SimulatedCrowd, of one kind. Lives in the crowd's thread, never the
// GUI's: create it there, and talk to it there (or queued).
class SimulatedClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedClient)

public:
    enum class Kind {
        Chatter, // joins the room and sends messages at a steady rate
        Visitor, // stays connected, joins and leaves the room again and again
        SlowReader, // a raw socket that joins the room, then stops reading (4008 demos)
    };

    struct Options
    {
        QUrl chatUrl; // the server's native endpoint, e.g. ws://127.0.0.1:8000/chat?code=1234
        QString room = QStringLiteral("lobby");
        QString name; // asked for in the handshake; the server may change it
        Kind kind = Kind::Chatter;
        double perMinute = 12; // a chatter's messages per minute
        int textLength = 40; // a chatter's message length in characters
    };

    // The kind as shown to people: "chatter", "visitor", "slow reader".
    static QString kindName(Kind kind);

    SimulatedClient(int serial, const Options &options, QObject *parent = nullptr);
    // Goes without a goodbye when still connected (the socket is aborted).
    ~SimulatedClient() override;

    // Connects; ends in connected() then finished(), or in finished() alone.
    void start();
    // Closes with 1000 (a slow reader just disconnects), then deletes itself.
    void stop();

    int serial() const { return m_serial; }

signals:
    // In the room: the server knows it as memberId.
    void connected(int serial, const QString &memberId, const QString &name);
    // The connection ended or could not be made; closeCode is 1006 when there was no close frame.
    void finished(int serial, int closeCode, const QString &reason);

private:
    void startChat();
    void startSlowReader();
    void onSlowReaderData();
    void scheduleNext();
    void act();
    QString nextText();
    // text, cut at its end until its message frame fits the server's limit (ChatClient knows
    // the frame and the limit); a text the length option makes too long would cost a 1009.
    QString fittingText(const QString &text) const;
    void finish(int closeCode, const QString &reason);

    const int m_serial;
    const Options m_options;
    ChatClient *m_chat = nullptr;
    QTcpSocket *m_raw = nullptr;
    QByteArray m_rawIn; // the slow reader's bytes before it stops reading
    bool m_upgraded = false;
    QString m_welcomeId; // the slow reader's, until it has joined
    QString m_welcomeName;
    QString m_memberId;
    QTimer *m_timer = nullptr;
    bool m_inRoom = false;
    bool m_finished = false;
    bool m_stopping = false;
    int m_sent = 0;
};
