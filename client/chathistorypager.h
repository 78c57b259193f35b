#pragma once

#include "client/chatlogmodel.h"
#include "protocol/chatmessage.h"
#include "protocol/request.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class ChatClient;

// Scrollback for a chat session's room logs: asks the server for the page of a room's messages
// before the oldest one its log holds (the native `history` request) and prepends it, marking
// the log as loading while it waits and its beginning reached when the server says there is
// nothing older. Can also page back until a given message is in the log (a search match).
class ChatHistoryPager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatHistoryPager)

public:
    // The largest page the server gives; a jump back to an old message goes in pages this big.
    static constexpr int PageSize = Request::MaxPageSize;

    // The log of a room (nullptr for a room the session is not in).
    using LogOfRoom = std::function<ChatLogModel *(const QString &room)>;
    // The log entry for a message of an older page.
    using EntryOfMessage = std::function<ChatLogEntry(const ChatMessage &message)>;

    // Pages through client (not owned), into the logs logOf finds, with entries entryOf makes.
    ChatHistoryPager(ChatClient *client, LogOfRoom logOf, EntryOfMessage entryOf,
                     QObject *parent = nullptr);
    ~ChatHistoryPager() override;

    // Asks for the page before the oldest message of room's log; false when nothing was asked:
    // no such room, a page already awaited, the beginning reached, or not connected.
    bool loadOlder(const QString &room);
    // Makes sure the message id of room is in its log: emits messageAvailable() at once when it
    // is, else loads older pages until it is (or messageUnavailable() when it cannot be).
    void reveal(const QString &room, qint64 id);
    // True when ref is that of a page this pager asked for (and is still awaiting).
    bool isPageRef(const QJsonValue &ref) const;
    // Forgets the pages awaited (the connection ended); their logs stop loading.
    void cancelAll();

signals:
    // A page arrived for room; added is how many of its messages were new to the log.
    void pageLoaded(const QString &room, int added);
    // The message asked for with reveal() is in room's log now.
    void messageAvailable(const QString &room, qint64 id);
    // The message asked for with reveal() is not to be had (the room's beginning was reached
    // without it, the request failed, or the connection ended).
    void messageUnavailable(const QString &room, qint64 id);

private:
    // Prepends a page to its room's log, then goes on with a reveal() in progress.
    void onHistory(const QString &room, const QList<ChatMessage> &messages, bool more,
                   const QJsonValue &ref);
    // A refused page: its log stops loading and a reveal() waiting on it fails.
    void onError(const QString &code, const QString &message, const QJsonValue &ref);
    // After a page of room: the message to reveal is there, or another page is asked for.
    void continueReveal(const QString &room);

    ChatClient *m_client;
    LogOfRoom m_logOf;
    EntryOfMessage m_entryOf;
    QHash<qint64, QString> m_pending; // ref -> room of a page awaited
    qint64 m_lowestSeq = 0; // prepended entries come before every entry logged so far
    QString m_revealRoom; // a reveal() in progress: the room and the message id
    qint64 m_revealId = 0;
};
