#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

// The sentences server/ writes for the host: a failed start, a store in trouble, a TLS file that
// will not do, a frame stream the inspector lost. They stay English wherever they are kept or
// sent (logs, the JSONL record, /api/status); translated() puts one in the host's language where
// the window or the terminal shows it (docs/translations.md).
namespace HostText {

inline constexpr char AlreadyRunning[]
    = QT_TRANSLATE_NOOP("HostText", "the server is already running");
inline constexpr char PortInUse[]
    = QT_TRANSLATE_NOOP("HostText", "port %1 is already in use on %2");
inline constexpr char PortDenied[]
    = QT_TRANSLATE_NOOP("HostText", "permission denied to listen on port %1");
inline constexpr char CannotListen[]
    = QT_TRANSLATE_NOOP("HostText", "cannot listen on %1 port %2: %3");
inline constexpr char CannotRead[] = QT_TRANSLATE_NOOP("HostText", "cannot read %1: %2");
inline constexpr char CannotWrite[] = QT_TRANSLATE_NOOP("HostText", "cannot write %1: %2");
inline constexpr char NoTlsBackend[] = QT_TRANSLATE_NOOP(
    "HostText", "TLS is not available: Qt found no TLS backend (is libssl3 installed?)");
inline constexpr char NoCertificate[]
    = QT_TRANSLATE_NOOP("HostText", "%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
inline constexpr char CertificateExpired[]
    = QT_TRANSLATE_NOOP("HostText", "the certificate in %1 expired on %2");
inline constexpr char KeyEncrypted[]
    = QT_TRANSLATE_NOOP("HostText",
                        "the private key in %1 is protected by a passphrase: wsroom "
                        "needs it unencrypted");
inline constexpr char NoPrivateKey[]
    = QT_TRANSLATE_NOOP("HostText", "%1 holds no PEM private key (RSA, EC or DSA, unencrypted)");
inline constexpr char KeyMismatch[] = QT_TRANSLATE_NOOP(
    "HostText", "the private key in %1 does not belong to the certificate in %2");
inline constexpr char StoreFolder[]
    = QT_TRANSLATE_NOOP("HostText", "the store's folder %1 cannot be made");
inline constexpr char StoreInUse[]
    = QT_TRANSLATE_NOOP("HostText", "the store %1 is in use by another wsroom (process %2)");
inline constexpr char StoreUnlockable[]
    = QT_TRANSLATE_NOOP("HostText", "the store %1 cannot be locked (%2.lock cannot be written)");
inline constexpr char StoreUnopenable[]
    = QT_TRANSLATE_NOOP("HostText", "the store %1 cannot be opened: %2");
inline constexpr char StoreUnreadable[]
    = QT_TRANSLATE_NOOP("HostText", "the store %1 cannot be read");
inline constexpr char StoreUnwritable[]
    = QT_TRANSLATE_NOOP("HostText", "the store %1 cannot be written (%2)");
inline constexpr char StoreNotUpgraded[]
    = QT_TRANSLATE_NOOP("HostText", "the store %1 is of schema %2 and could not be upgraded");
inline constexpr char NotAStore[] = QT_TRANSLATE_NOOP("HostText", "it is not a wsroom store");
inline constexpr char StoreNewer[] = QT_TRANSLATE_NOOP(
    "HostText", "it was written by a newer wsroom (schema %1, this one reads %2)");
inline constexpr char StoreStuck[] = QT_TRANSLATE_NOOP(
    "HostText", "the store %1 cannot be used (%2) and cannot be moved aside to %3");
inline constexpr char StoreMovedAside[] = QT_TRANSLATE_NOOP(
    "HostText", "the store %1 cannot be used (%2): moved aside to %3, a new store begins");
inline constexpr char KeptInMemory[] = QT_TRANSLATE_NOOP(
    "HostText", "%1; messages are kept in memory and not acknowledged until it can");
inline constexpr char StoreWrittenAgain[]
    = QT_TRANSLATE_NOOP("HostText", "the store %1 is written again");
inline constexpr char UnknownError[] = QT_TRANSLATE_NOOP("HostText", "unknown error");
inline constexpr char ServerStopped[] = QT_TRANSLATE_NOOP("HostText", "the server stopped");
inline constexpr char NoSuchMember[] = QT_TRANSLATE_NOOP("HostText", "no such member");
inline constexpr char Disconnected[] = QT_TRANSLATE_NOOP("HostText", "disconnected: %1 %2");
inline constexpr char IncomingSkipped[] = QT_TRANSLATE_NOOP(
    "HostText",
    "Incoming bytes may start inside a frame; they are skipped until the next frame starts.");
inline constexpr char IncomingLost[] = QT_TRANSLATE_NOOP(
    "HostText",
    "The incoming stream could not be followed (%1); it is skipped until the next clean point.");
inline constexpr char OutgoingLost[]
    = QT_TRANSLATE_NOOP("HostText", "The outgoing stream could not be followed (%1).");

// The English sentence, its placeholders still to fill with arg().
inline QString english(const char *sentence)
{
    return QString::fromLatin1(sentence);
}

// Every sentence above, in the order translated() tries them.
QList<const char *> all();

// text (an English sentence above with its placeholders filled) in the host's language, its
// arguments translated too where they are sentences themselves; text as it is when it matches
// none, or no translation is loaded. Thread-safe.
QString translated(const QString &text);

} // namespace HostText
