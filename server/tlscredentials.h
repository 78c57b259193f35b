#pragma once

#include <QSslConfiguration>
#include <QString>

// The server's certificate and private key, read from PEM files and checked, as a
// QSslConfiguration for the listening side of TLS.
class TlsCredentials
{
public:
    // Reads certFile (a certificate, optionally followed by its chain) and keyFile (an
    // unencrypted private key) and checks that they belong together. On failure returns false
    // and sets error to one line that names the file and the problem.
    static bool load(const QString &certFile, const QString &keyFile, QSslConfiguration *out,
                     QString *error);

    // True when Qt can do TLS here (its OpenSSL backend loaded).
    static bool available();
};
