#pragma once

#include <QString>

// Compares names in natural order: dictionary order with numbers by value ("sim-chatter-2"
// before "sim-chatter-10"), case ignored; ties (names differing only in case, or in the digits'
// zeros) by code point. Returns <0, 0 or >0. Not QCollator: in the C locale (a service, a test)
// it ignores its numeric mode.
int naturalCompare(const QString &a, const QString &b);
