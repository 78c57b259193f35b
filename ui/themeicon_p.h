#pragma once

#include <QIcon>
#include <QPalette>
#include <QStyle>

// The desktop theme's icon called name, else the style's standard pixmap fallback (themes
// without it, e.g. on a bare X server); on a dark palette, a dark monochrome icon is drawn light
// (followPalette), so that it does not vanish.
QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback);

// icon as it reads on palette: on a dark palette, an icon that is mostly dark grey or black
// (a monochrome glyph) has its greys inverted, coloured pixels kept; otherwise icon itself.
QIcon followPalette(const QIcon &icon, const QPalette &palette);
