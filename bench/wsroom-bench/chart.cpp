#include "chart.h"

#include <QFile>
#include <QFont>
#include <QFontMetrics>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

struct Bar
{
    QString name;
    double value = 0;
    QString note;
};

struct Group
{
    QString label;
    QList<Bar> bars;
};

QString humanNumber(double value)
{
    if (value >= 1e6)
        return QString::number(value / 1e6, 'f', 2) + QStringLiteral(" M");
    if (value >= 1e3)
        return QString::number(value / 1e3, 'f', 1) + QStringLiteral(" k");
    return QString::number(value, 'f', value < 10 ? 2 : 0);
}

// A color per server name, the same in every group.
QColor colorFor(const QString &name)
{
    if (name.startsWith(QLatin1String("wsroom")))
        return name.contains(QLatin1String("window")) ? QColor(0x4c, 0x9b, 0xe8)
                                                      : QColor(0x1f, 0x5f, 0xbf);
    if (name.contains(QLatin1String("naive")) || name.contains(QLatin1String("Qt")))
        return QColor(0x41, 0xcd, 0x52);
    if (name.contains(QLatin1String("Node")) || name.contains(QLatin1String("node")))
        return QColor(0xe0, 0x9b, 0x2d);
    return QColor(0xc0, 0x50, 0x4d);
}

} // namespace

namespace Chart {

bool draw(const QString &jsonFile, const QString &pngFile, QString *error)
{
    QFile file(jsonFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(jsonFile, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error
            = QStringLiteral("%1 is not a JSON object: %2").arg(jsonFile, parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    QList<Group> groups;
    double maxValue = 0;
    for (const QJsonValue &g : root.value(QStringLiteral("groups")).toArray()) {
        Group group;
        group.label = g[QStringLiteral("label")].toString();
        for (const QJsonValue &b : g[QStringLiteral("bars")].toArray()) {
            Bar bar {b[QStringLiteral("name")].toString(), b[QStringLiteral("value")].toDouble(),
                     b[QStringLiteral("note")].toString()};
            maxValue = std::max(maxValue, bar.value);
            group.bars.append(bar);
        }
        groups.append(group);
    }
    if (groups.isEmpty()) {
        *error = QStringLiteral("%1 has no groups of bars").arg(jsonFile);
        return false;
    }

    constexpr int Width = 1100;
    constexpr int Margin = 24;
    constexpr int LabelWidth = 230;
    constexpr int ValueWidth = 270; // "4.03 M /s  (0.24 µs CPU each)" in full
    constexpr int BarHeight = 24;
    constexpr int BarGap = 6;
    constexpr int GroupGap = 18;
    constexpr int GroupTitle = 28;
    constexpr int Header = 74;
    int height = Header + Margin;
    for (const Group &group : groups)
        height += GroupTitle + int(group.bars.size()) * (BarHeight + BarGap) + GroupGap;

    QImage image(Width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    QFont titleFont = painter.font();
    titleFont.setPixelSize(22);
    titleFont.setBold(true);
    QFont font = painter.font();
    font.setPixelSize(14);
    QFont bold = font;
    bold.setBold(true);
    QFont small = font;
    small.setPixelSize(12);

    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.setFont(titleFont);
    painter.drawText(QRect(Margin, 12, Width - 2 * Margin, 30), Qt::AlignLeft | Qt::AlignVCenter,
                     root.value(QStringLiteral("title")).toString());
    painter.setFont(small);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.drawText(QRect(Margin, 42, Width - 2 * Margin, 22), Qt::AlignLeft | Qt::AlignVCenter,
                     root.value(QStringLiteral("subtitle")).toString());

    const int barLeft = Margin + LabelWidth;
    const int barSpan = Width - Margin - ValueWidth - barLeft;
    const QString unit = root.value(QStringLiteral("unit")).toString();
    int y = Header;
    for (const Group &group : groups) {
        painter.setFont(bold);
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(QRect(Margin, y, Width - 2 * Margin, GroupTitle),
                         Qt::AlignLeft | Qt::AlignVCenter, group.label);
        y += GroupTitle;
        double groupMax = 0;
        for (const Bar &bar : group.bars)
            groupMax = std::max(groupMax, bar.value);
        const double scale = groupMax > 0 ? groupMax : 1;
        for (const Bar &bar : group.bars) {
            painter.setFont(font);
            painter.setPen(QColor(0x33, 0x33, 0x33));
            painter.drawText(QRect(Margin + 8, y, LabelWidth - 16, BarHeight),
                             Qt::AlignRight | Qt::AlignVCenter, bar.name);
            const int length = std::max(2, int(std::lround(bar.value / scale * barSpan)));
            painter.setPen(Qt::NoPen);
            painter.setBrush(colorFor(bar.name));
            painter.drawRoundedRect(QRectF(barLeft, y + 2, length, BarHeight - 4), 3, 3);
            painter.setPen(QColor(0x22, 0x22, 0x22));
            painter.setFont(font);
            QString text = humanNumber(bar.value) + QLatin1Char(' ') + unit;
            if (!bar.note.isEmpty())
                text += QStringLiteral("  ") + bar.note;
            painter.drawText(
                QRect(barLeft + length + 8, y, Width - barLeft - length - 8 - Margin, BarHeight),
                Qt::AlignLeft | Qt::AlignVCenter, text);
            y += BarHeight + BarGap;
        }
        y += GroupGap;
    }
    painter.end();
    if (!image.save(pngFile, "PNG")) {
        *error = QStringLiteral("cannot write %1").arg(pngFile);
        return false;
    }
    return true;
}

} // namespace Chart
