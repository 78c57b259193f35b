#include "framelistmodel.h"

#include "palettecolors.h"
#include "protocol/closecode.h"
#include "server/hosttext.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QPalette>

namespace {

constexpr int SummaryChars = 160;

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
        QStringLiteral("HH:mm:ss.zzz"));
}

// Valid JSON re-indented by four spaces a level, token by token, so nothing is reordered.
QByteArray indentJson(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    auto newline = [&out, &depth] {
        out.append('\n');
        out.append(QByteArray(depth * 4, ' '));
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            out.append(c);
            // An empty object or array stays on one line.
            qsizetype j = i + 1;
            while (j < json.size() && QChar::isSpace(uchar(json.at(j))))
                ++j;
            if (j < json.size() && (json.at(j) == '}' || json.at(j) == ']')) {
                out.append(json.at(j));
                i = j;
                break;
            }
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break; // whitespace outside strings is the indentation's business
        default:
            out.append(c);
        }
    }
    return out;
}

QString payloadText(const ParsedFrame &frame, bool indented)
{
    if (frame.opcode == 0x8) {
        const int code = WebSocketFrameParser::closeCode(frame.payload);
        if (code == 0)
            return FrameListModel::tr("(no close code)");
        QString text = QStringLiteral("%1 %2").arg(code).arg(CloseCode::name(code));
        const QString reason = WebSocketFrameParser::closeReason(frame.payload);
        if (!reason.isEmpty())
            text += QStringLiteral(": \u201c%1\u201d").arg(reason);
        return text;
    }
    if (frame.opcode == 0x2)
        return QString::fromLatin1(frame.payload.left(indented ? 4096 : 48).toHex(' '));
    // The text as sent in the table; in the detail pane, valid JSON indented with its keys in
    // the order they were sent (QJsonDocument would sort them).
    if (indented && !frame.truncated) {
        QJsonParseError error;
        QJsonDocument::fromJson(frame.payload, &error);
        if (error.error == QJsonParseError::NoError)
            return QString::fromUtf8(indentJson(frame.payload));
    }
    return QString::fromUtf8(frame.payload);
}

} // namespace

FrameListModel::FrameListModel(int capacity, QObject *parent)
    : CappedTableModel(capacity, parent)
{ }

void FrameListModel::append(const InspectedFrameList &frames)
{
    appendRows(frames);
}

QString FrameListModel::summary(const InspectedFrame &frame)
{
    if (!frame.note.isEmpty())
        return HostText::translated(frame.note);
    QString text = payloadText(frame.frame, false);
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > SummaryChars)
        text = text.left(SummaryChars) + QChar(0x2026);
    if (frame.frame.truncated)
        text += tr(" (first %1 bytes kept)").arg(frame.frame.payload.size());
    return text;
}

QString FrameListModel::roundTripText(qint64 roundTripUs)
{
    if (roundTripUs < 0)
        return {};
    if (roundTripUs < 1000)
        return tr("%1 \u00b5s").arg(roundTripUs);
    // By what it rounds to, so that 999.96 ms reads "1.00 s", not "1000.0 ms".
    if ((roundTripUs + 50) / 100 < 10000)
        return tr("%1 ms").arg(QString::number(double(roundTripUs) / 1000.0, 'f', 1));
    return tr("%1 s").arg(QString::number(double(roundTripUs) / 1e6, 'f', 2));
}

QString FrameListModel::describe(const InspectedFrame &inspected, Side side)
{
    const bool fromServer = inspected.outgoing == (side == Side::Server);
    QString out;
    out += tr("Time:       %1\n").arg(timeText(inspected.timeMs));
    out += tr("Direction:  %1\n")
               .arg(fromServer ? (inspected.outgoing ? tr("out (server \u2192 client)")
                                                     : tr("in (server \u2192 client)"))
                               : (inspected.outgoing ? tr("out (client \u2192 server)")
                                                     : tr("in (client \u2192 server)")));
    if (!inspected.note.isEmpty()) {
        out += QLatin1Char('\n') + HostText::translated(inspected.note) + QLatin1Char('\n');
        return out;
    }
    const ParsedFrame &f = inspected.frame;
    out += tr("Opcode:     0x%1 %2%3\n")
               .arg(f.opcode, 0, 16)
               .arg(WebSocketFrameParser::opcodeName(f.opcode),
                    f.opcode >= 0x8 ? tr(" (control frame)") : QString());
    out += tr("FIN:        %1\n")
               .arg(f.fin ? tr("1 (last frame of the message)")
                          : tr("0 (more frames of this message follow)"));
    out += tr("RSV1-3:     %1 %2 %3\n").arg(int(f.rsv1)).arg(int(f.rsv2)).arg(int(f.rsv3));
    if (f.masked)
        out += tr("MASK:       1, key %1 (client frames are always masked)\n")
                   .arg(QStringLiteral("%1").arg(f.maskKey, 8, 16, QLatin1Char('0')));
    else
        out += tr("MASK:       0 (server frames are never masked)\n");
    out += tr("Length:     %1 bytes of payload, %2 bytes of header\n")
               .arg(f.length)
               .arg(f.headerLength);
    if (inspected.roundTripUs >= 0)
        out += (f.opcode == 0xa ? tr("Round trip: %1 after the ping it answers\n")
                                : tr("Round trip: %1 after the message it answers\n"))
                   .arg(roundTripText(inspected.roundTripUs));
    if (f.opcode == 0x8) {
        out += tr("Close code: %1\n").arg(payloadText(f, true));
    } else if (f.opcode == 0x9 || f.opcode == 0xa) {
        out += tr("\n%1 payload: %2\n")
                   .arg(f.opcode == 0x9 ? tr("Ping") : tr("Pong"),
                        f.payload.isEmpty() ? tr("(empty)") : QString::fromUtf8(f.payload));
    } else {
        out += QLatin1Char('\n') + payloadText(f, true);
        if (!out.endsWith(QLatin1Char('\n')))
            out += QLatin1Char('\n');
    }
    if (f.truncated)
        out += tr("\n(only the first %1 bytes of the payload were kept)\n").arg(f.payload.size());
    return out;
}

int FrameListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FrameListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const InspectedFrame &frame = rowAt(index.row());
    const bool note = !frame.note.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(frame.timeMs);
        case DirectionColumn:
            return frame.outgoing ? tr("\u2190 out") : tr("\u2192 in");
        case OpcodeColumn:
            return note ? tr("note") : WebSocketFrameParser::opcodeName(frame.frame.opcode);
        case FinColumn:
            return note ? QString() : frame.frame.fin ? QStringLiteral("1") : QStringLiteral("0");
        case LengthColumn:
            return note ? QVariant() : QVariant(quint64(frame.frame.length));
        case RoundTripColumn:
            return note ? QString() : roundTripText(frame.roundTripUs);
        case SummaryColumn:
            return summary(frame);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == SummaryColumn)
            return describe(frame);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LengthColumn || index.column() == FinColumn
            || index.column() == RoundTripColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        // Light or dark by the application's palette (PaletteColors).
        if (note)
            return QBrush(PaletteColors::pick(QGuiApplication::palette(), QColor(0xb0, 0x40, 0x00),
                                              QColor(0xff, 0xab, 0x70)));
        if (frame.frame.opcode >= 0x8) // control frames stand out
            return QBrush(PaletteColors::pick(QGuiApplication::palette(), QColor(0x6a, 0x3d, 0x9a),
                                              QColor(0xce, 0x93, 0xd8)));
        break;
    case OutgoingRole:
        return frame.outgoing;
    case OpcodeRole:
        return note ? -1 : frame.frame.opcode;
    case SearchTextRole:
        return note ? HostText::translated(frame.note)
                    : summary(frame) + QLatin1Char(' ') + QString::fromUtf8(frame.frame.payload);
    }
    return {};
}

QVariant FrameListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Dir");
    case OpcodeColumn:
        return tr("Opcode");
    case FinColumn:
        return tr("FIN");
    case LengthColumn:
        return tr("Length");
    case RoundTripColumn:
        return tr("Round trip");
    case SummaryColumn:
        return tr("Payload");
    }
    return {};
}
