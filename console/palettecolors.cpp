#include "palettecolors.h"

#include <algorithm>
#include <cmath>

namespace PaletteColors {

namespace {

// One sRGB channel, 0 to 1, made linear.
double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

// The lower of color's contrasts against the palette's Base and Window.
double worstContrast(const QPalette &palette, const QColor &color)
{
    return std::min(contrast(color, palette.color(QPalette::Base)),
                    contrast(color, palette.color(QPalette::Window)));
}

// color mixed with toward, by amount (0: color, 1: toward).
QColor mixed(const QColor &color, const QColor &toward, double amount)
{
    auto channel = [amount](int a, int b) {
        return int(std::lround(a + (b - a) * amount));
    };
    return QColor(channel(color.red(), toward.red()), channel(color.green(), toward.green()),
                  channel(color.blue(), toward.blue()));
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

double relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF())
        + 0.0722 * linear(rgb.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor pick(const QPalette &palette, const QColor &light, const QColor &dark)
{
    const bool darkPalette = isDark(palette);
    const QColor chosen = darkPalette ? dark : light;
    if (worstContrast(palette, chosen) >= MinimumContrast)
        return chosen;
    // An unusual palette (a mid-grey Base, or Base and Window far apart): toward the extreme
    // away from Base, in steps, until it reads; white or black at worst.
    const QColor extreme = darkPalette ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 1; step <= 10; ++step) {
        const QColor candidate = mixed(chosen, extreme, step / 10.0);
        if (worstContrast(palette, candidate) >= MinimumContrast)
            return candidate;
    }
    return extreme;
}

QColor error(const QPalette &palette)
{
    return pick(palette, QColor(0xc6, 0x28, 0x28), QColor(0xff, 0x8a, 0x80));
}

QColor ok(const QPalette &palette)
{
    return pick(palette, QColor(0x2e, 0x7d, 0x32), QColor(0x81, 0xc7, 0x84));
}

QColor warning(const QPalette &palette)
{
    return pick(palette, QColor(0x8a, 0x5a, 0x00), QColor(0xff, 0xcc, 0x66));
}

QColor muted(const QPalette &palette)
{
    return pick(palette, QColor(0x60, 0x60, 0x60), QColor(0xa8, 0xa8, 0xa8));
}

} // namespace PaletteColors
