#include "hosttext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

// A sentence and what reads it back: its literal parts escaped, each %N a capture.
struct Reader
{
    const char *sentence;
    QRegularExpression pattern;
    QList<int> numbers; // the placeholder number of each capture, in order
};

Reader readerFor(const char *sentence)
{
    static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
    const QString text = HostText::english(sentence);
    QString pattern = QStringLiteral("^");
    QList<int> numbers;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : placeholder.globalMatch(text)) {
        pattern += QRegularExpression::escape(text.mid(from, m.capturedStart() - from));
        // The same placeholder twice reads the same text twice (a backreference).
        const int number = m.captured(1).toInt();
        const qsizetype seen = numbers.indexOf(number);
        pattern += seen < 0 ? QStringLiteral("(.*?)") : QStringLiteral("\\%1").arg(seen + 1);
        if (seen < 0)
            numbers.append(number);
        from = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(text.mid(from)) + QLatin1Char('$');
    return {sentence, QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption),
            numbers};
}

const QList<Reader> &readers()
{
    static const QList<Reader> list = [] {
        QList<Reader> made;
        for (const char *sentence : HostText::all())
            made.append(readerFor(sentence));
        return made;
    }();
    return list;
}

// translation with each %N replaced by args[N] in one pass (an argument holding "%2" stays so).
QString filled(const QString &translation, const QList<QString> &args)
{
    QString out;
    out.reserve(translation.size());
    for (qsizetype i = 0; i < translation.size(); ++i) {
        const QChar c = translation.at(i);
        if (c == QLatin1Char('%') && i + 1 < translation.size()) {
            const int number = translation.at(i + 1).digitValue();
            if (number >= 1 && number < args.size()) {
                out += args.at(number);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace

QList<const char *> HostText::all()
{
    return {AlreadyRunning,     PortInUse,       PortDenied,       CannotListen,
            CannotRead,         CannotWrite,     NoTlsBackend,     NoCertificate,
            CertificateExpired, KeyEncrypted,    NoPrivateKey,     KeyMismatch,
            StoreFolder,        StoreInUse,      StoreUnlockable,  StoreUnopenable,
            StoreUnreadable,    StoreUnwritable, StoreNotUpgraded, NotAStore,
            StoreNewer,         StoreStuck,      StoreMovedAside,  KeptInMemory,
            StoreWrittenAgain,  UnknownError,    ServerStopped,    NoSuchMember,
            Disconnected,       IncomingSkipped, IncomingLost,     OutgoingLost};
}

QString HostText::translated(const QString &text)
{
    for (const Reader &reader : readers()) {
        const QRegularExpressionMatch m = reader.pattern.match(text);
        if (!m.hasMatch())
            continue;
        QList<QString> args(10);
        for (qsizetype i = 0; i < reader.numbers.size(); ++i)
            args[reader.numbers.at(i)] = translated(m.captured(int(i) + 1));
        return filled(QCoreApplication::translate("HostText", reader.sentence), args);
    }
    return text;
}
