#pragma once

#include <QString>

// Draws the comparison chart as a PNG with QPainter, from a JSON file of the form
// {"title": "...", "subtitle": "...", "unit": "deliveries/s",
//  "groups": [{"label": "100 clients, 4 senders",
//              "bars": [{"name": "wsroom", "value": 1234567, "note": "..."}]}]}
// Needs a QGuiApplication (the offscreen platform is enough).
namespace Chart {

// False, with a one-line reason in error, when the JSON cannot be read or the PNG written.
bool draw(const QString &jsonFile, const QString &pngFile, QString *error);

} // namespace Chart
