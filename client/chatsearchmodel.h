#pragma once

#include "protocol/chatmessage.h"
#include "protocol/request.h"

#include <QAbstractListModel>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>

class ChatClient;

// The matches of a chat search (the native `search` request), newest first, as rows a list
// shows ("HH:mm  name  text"); one search at a time, a new one replacing the last. A refused
// search leaves no rows and its reason in words in errorText().
class ChatSearchModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSearchModel)

public:
    // At most this many matches are asked for (the server's largest page).
    static constexpr int MaxMatches = Request::MaxPageSize;

    enum Role {
        RoomRole = Qt::UserRole + 1,
        IdRole,
        TimeRole, // local HH:mm
        SenderRole,
        TextRole,
    };

    // Searches through client (not owned).
    explicit ChatSearchModel(ChatClient *client, QObject *parent = nullptr);
    ~ChatSearchModel() override;

    // The number of matches (none under a valid parent: this is a list).
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    // A match's field by Role; Qt::DisplayRole is "HH:mm  name  text" on one line.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // The role names, for QML and for debugging.
    QHash<int, QByteArray> roleNames() const override;

    // Searches room (null: every room of the member) for query: the rows go, and the matches
    // come with finished(); false (and failed()) for a blank query or when not connected.
    bool search(const QString &room, const QString &query);
    // Forgets the matches and any error; a search on its way is ignored when it answers.
    void clear();
    // The match at row, a message as broadcast; row must be valid.
    const ChatMessage &message(int row) const { return m_matches.at(row); }
    // The query of the last search.
    QString query() const { return m_query; }
    // True while a search is awaited.
    bool isSearching() const { return m_ref != 0; }
    // Why the last search found nothing to show, in words; empty when it did not fail.
    QString errorText() const { return m_errorText; }
    // True when ref is that of a search this model sent (answered or not).
    bool isSearchRef(const QJsonValue &ref) const;

signals:
    // The matches of the last search are in the rows (maybe none).
    void finished();
    // The last search was refused; text says why.
    void failed(const QString &text);

private:
    // Takes the matches of the search awaited.
    void onResults(const QString &room, const QString &query, const QList<ChatMessage> &messages,
                   const QJsonValue &ref);
    // A refused search: its reason in words.
    void onError(const QString &code, const QString &message, const QJsonValue &ref);
    // Replaces the rows.
    void setMatches(const QList<ChatMessage> &matches);
    // Ends the search with an error in words; emits failed().
    void fail(const QString &text);

    ChatClient *m_client;
    QList<ChatMessage> m_matches;
    QString m_room;
    QString m_query;
    QString m_errorText;
    qint64 m_ref = 0; // of the search awaited; 0 when none
    QSet<qint64> m_sentRefs; // every search sent, so that a late error is known as ours
};
