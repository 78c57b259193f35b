#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

// Colours for states (error, ok, warning) and muted text that read on the palette they are drawn
// on, light or dark: each has a light-palette and a dark-palette variant, picked by the
// palette's Base lightness, then moved toward the palette's text until its contrast against
// both Base and Window is at least MinimumContrast (WCAG 2's 4.5:1 for text). Tested in
// tests/palettecolors.
namespace PaletteColors {

// WCAG 2's contrast for normal text (AA).
constexpr double MinimumContrast = 4.5;

// True when the palette's Base (where text is drawn) is dark.
bool isDark(const QPalette &palette = QGuiApplication::palette());
// WCAG 2's relative luminance of color, 0 (black) to 1 (white).
double relativeLuminance(const QColor &color);
// WCAG 2's contrast ratio of two colours, 1 to 21.
double contrast(const QColor &a, const QColor &b);
// light on a light palette, dark on a dark one, with at least MinimumContrast against the
// palette's Base and Window.
QColor pick(const QPalette &palette, const QColor &light, const QColor &dark);

// Errors, failures: red.
QColor error(const QPalette &palette = QGuiApplication::palette());
// Success, listening: green.
QColor ok(const QPalette &palette = QGuiApplication::palette());
// Warnings, starting, stopping: amber.
QColor warning(const QPalette &palette = QGuiApplication::palette());
// Secondary text (the activity log's joins and leaves): grey, readable on both palettes.
QColor muted(const QPalette &palette = QGuiApplication::palette());

} // namespace PaletteColors
