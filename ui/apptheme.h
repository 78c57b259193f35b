#pragma once

#include <QPalette>
#include <QString>

// The window's colours: the system's (the desktop's platform theme and style; a dark desktop
// theme gives a dark palette), or Qt's Fusion style with a light or a dark palette, chosen with
// --theme (README.md, "Options"). Every colour the windows draw follows the palette
// (console/palettecolors.h, ui/themeicon_p.h).
namespace AppTheme {

enum class Theme { System, Light, Dark };

// The theme named "system", "light" or "dark"; false when name is none of them.
bool fromName(const QString &name, Theme *theme);
// Fusion's dark palette: light text on dark grey, blue highlight.
QPalette darkPalette();
// Applies theme to the application (before its windows are made): System leaves Qt's choice.
void apply(Theme theme);

} // namespace AppTheme
