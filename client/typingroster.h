#pragma once

#include "protocol/memberref.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

class QTimer;

// Who else is typing, per room. A "typing" that is neither refreshed nor ended (its sender
// crashed, say) fades out after DefaultExpiryMs. Only the expiry is signalled: a caller that
// changes the roster knows what it changed.
class TypingRoster final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TypingRoster)

public:
    static constexpr int DefaultExpiryMs = 8000;

    // An empty roster.
    explicit TypingRoster(QObject *parent = nullptr);
    ~TypingRoster() override;

    // How long a typing member stays without a refresh; from the next set().
    void setExpiryMs(int ms) { m_expiryMs = ms; }

    // The member started typing in room (or refreshed it: the expiry starts again), or stopped.
    void set(const QString &room, const MemberRef &member, bool active);
    // The member is no longer typing in room (it sent its message, or left); true if it was.
    bool remove(const QString &room, const QString &memberId);
    // The member's new name, if it is typing in room.
    void rename(const QString &room, const MemberRef &member);
    // Forgets room's typers.
    void clear(const QString &room);
    // Forgets every room's typers.
    void clearAll();
    // The names of room's typers, sorted without regard to case.
    QStringList names(const QString &room) const;

signals:
    // Some of room's typers faded out.
    void expired(const QString &room);

private:
    struct Typer
    {
        QString name;
        qint64 expiresAt = 0; // on m_clock
    };

    // Drops the typers whose time is up; emits expired() per room that lost any.
    void prune();

    QHash<QString, QMap<QString, Typer>> m_rooms; // room -> member id -> typer
    QElapsedTimer m_clock;
    QTimer *m_pruneTimer = nullptr;
    int m_expiryMs = DefaultExpiryMs;
};
