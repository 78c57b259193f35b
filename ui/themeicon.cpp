#include "themeicon_p.h"

#include "console/palettecolors.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>

#include <algorithm>

namespace {

// A pixel is grey when its channels differ by at most this (of 255).
constexpr int GreyTolerance = 40;

// True when image's visible pixels are mostly grey and, on average, dark: a monochrome glyph
// drawn for a light background.
bool darkMonochrome(const QImage &image)
{
    qint64 visible = 0;
    qint64 grey = 0;
    qint64 lightness = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = line[x];
            if (qAlpha(pixel) < 64)
                continue;
            ++visible;
            const int high = std::max({qRed(pixel), qGreen(pixel), qBlue(pixel)});
            const int low = std::min({qRed(pixel), qGreen(pixel), qBlue(pixel)});
            if (high - low <= GreyTolerance)
                ++grey;
            lightness += (high + low) / 2;
        }
    }
    return visible > 0 && grey * 10 >= visible * 8 && lightness / visible < 128;
}

// image with its grey pixels inverted and lifted (black glyph to white), alpha and colours kept.
QImage invertedGreys(QImage image)
{
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = qUnpremultiply(line[x]);
            const int high = std::max({qRed(pixel), qGreen(pixel), qBlue(pixel)});
            const int low = std::min({qRed(pixel), qGreen(pixel), qBlue(pixel)});
            if (high - low > GreyTolerance)
                continue;
            // Inverted and lifted: black to white, mid grey to light grey (a dark glyph's mean,
            // under 128, ends over 165), white to a grey that still reads on a dark base.
            auto light = [](int channel) {
                return 255 - channel * 7 / 10;
            };
            line[x] = qPremultiply(qRgba(light(qRed(pixel)), light(qGreen(pixel)),
                                         light(qBlue(pixel)), qAlpha(pixel)));
        }
    }
    return image;
}

} // namespace

QIcon followPalette(const QIcon &icon, const QPalette &palette)
{
    if (icon.isNull() || !PaletteColors::isDark(palette))
        return icon;
    QList<QSize> sizes = icon.availableSizes();
    if (sizes.isEmpty()) // scalable: the toolbar's and menus' sizes
        sizes = {QSize(16, 16), QSize(22, 22), QSize(24, 24), QSize(32, 32), QSize(48, 48)};
    QIcon light;
    for (const QSize &size : std::as_const(sizes)) {
        for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled, QIcon::Active}) {
            const QPixmap pixmap = icon.pixmap(size, mode);
            if (pixmap.isNull())
                continue;
            const QImage image
                = pixmap.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
            if (mode == QIcon::Normal && !darkMonochrome(image))
                return icon; // a coloured icon reads on both
            QPixmap inverted = QPixmap::fromImage(invertedGreys(image));
            inverted.setDevicePixelRatio(pixmap.devicePixelRatio());
            light.addPixmap(inverted, mode);
        }
    }
    return light.isNull() ? icon : light;
}

QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback)
{
    const QIcon icon = QIcon::fromTheme(QString::fromLatin1(name),
                                        QApplication::style()->standardIcon(fallback));
    return followPalette(icon, QApplication::palette());
}
