#include "tlscredentials.h"

#include "hosttext.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace {

bool readFile(const QString &name, QByteArray *data, QString *error)
{
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = HostText::english(HostText::CannotRead).arg(name, file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

// Never asks for a passphrase: OpenSSL's default would prompt on the terminal.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};

// Qt cannot tell whether a private key belongs to a certificate; OpenSSL can.
bool keyMatchesCertificate(const QByteArray &certPem, const QByteArray &keyPem)
{
    std::unique_ptr<BIO, BioFree> certBio(
        BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    std::unique_ptr<BIO, BioFree> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    if (!certBio || !keyBio)
        return false;
    std::unique_ptr<X509, X509Free> cert(
        PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr));
    ERR_clear_error();
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

} // namespace

bool TlsCredentials::available()
{
    return QSslSocket::supportsSsl();
}

bool TlsCredentials::load(const QString &certFile, const QString &keyFile, QSslConfiguration *out,
                          QString *error)
{
    if (!available()) {
        *error = HostText::english(HostText::NoTlsBackend);
        return false;
    }
    QByteArray certPem;
    QByteArray keyPem;
    if (!readFile(certFile, &certPem, error) || !readFile(keyFile, &keyPem, error))
        return false;

    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = HostText::english(HostText::NoCertificate).arg(certFile);
        return false;
    }
    const QSslCertificate &leaf = chain.first();
    if (leaf.expiryDate().isValid() && leaf.expiryDate() < QDateTime::currentDateTimeUtc()) {
        *error = HostText::english(HostText::CertificateExpired)
                     .arg(certFile, leaf.expiryDate().toString(Qt::ISODate));
        return false;
    }

    if (keyPem.contains("ENCRYPTED")) {
        *error = HostText::english(HostText::KeyEncrypted).arg(keyFile);
        return false;
    }
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = HostText::english(HostText::NoPrivateKey).arg(keyFile);
        return false;
    }
    if (!keyMatchesCertificate(certPem, keyPem)) {
        *error = HostText::english(HostText::KeyMismatch).arg(keyFile, certFile);
        return false;
    }

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients show no certificate
    config.setProtocol(QSsl::TlsV1_2OrLater);
    // HTTP/1.1 only: a browser must not try HTTP/2 on the WebSocket port.
    config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    *out = config;
    return true;
}
