#include "demo/LoopbackHttpServer.h"

#include "demo/LoopbackConnection.h"

#include <QFile>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QSemaphore>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <atomic>

namespace cockpit {

class LoopbackHttpServer::Engine : public QTcpServer
{
public:
    explicit Engine(std::shared_ptr<State> state)
        : m_state(std::move(state))
    {
        // The default backlog (50) drops SYNs when hundreds of clients connect at once; the kernel
        // retries after a second, which would show up as a fake one-second latency.
        setListenBacklogSize(1024);
    }

    bool start(quint16 port)
    {
        const bool ok = listen(QHostAddress::LocalHost, port);
        {
            QMutexLocker lock(&m_state->mutex);
            m_state->error = ok ? QString() : errorString();
        }
        m_state->port = ok ? serverPort() : 0;
        m_state->listening = ok;
        return ok;
    }

protected:
    void incomingConnection(qintptr fd) override
    {
        m_state->connections.fetch_add(1);
        QList<QSslCertificate> chain;
        QSslKey key;
        {
            QMutexLocker lock(&m_state->mutex);
            chain = m_state->certChain;
            key = m_state->key;
        }
        QTcpSocket *socket;
        if (!chain.isEmpty()) {
            auto *ssl = new QSslSocket;
            if (!ssl->setSocketDescriptor(fd)) {
                delete ssl;
                return;
            }
            ssl->setLocalCertificateChain(chain);
            ssl->setPrivateKey(key);
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            ssl->startServerEncryption();
            socket = ssl;
        } else {
            socket = new QTcpSocket;
            if (!socket->setSocketDescriptor(fd)) {
                delete socket;
                return;
            }
        }
        new LoopbackConnection(m_state, socket, this);
    }

private:
    std::shared_ptr<State> m_state;
};

std::optional<QByteArray> LoopbackRequest::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return std::nullopt;
}

QString LoopbackRequest::queryItem(const QString &key) const
{
    return QUrlQuery(QString::fromUtf8(query)).queryItemValue(key, QUrl::FullyDecoded);
}

LoopbackResponse LoopbackResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    LoopbackResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({"Content-Type", contentType});
    return r;
}

LoopbackResponse LoopbackResponse::json(int status, const QByteArray &body)
{
    return text(status, body, "application/json");
}

LoopbackResponse &LoopbackResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

LoopbackResponse &LoopbackResponse::after(std::chrono::milliseconds d)
{
    delay = d;
    return *this;
}

LoopbackHttpServer::LoopbackHttpServer()
    : m_state(std::make_shared<State>())
{
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    close();
}

void LoopbackHttpServer::route(const QByteArray &method, const QByteArray &path, Handler handler)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->routes.append({method, path, std::move(handler)});
}

void LoopbackHttpServer::setFallback(Handler handler)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->fallback = std::move(handler);
}

Expected<void, QString> LoopbackHttpServer::setTls(const QString &certFile, const QString &keyFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certFile, QSsl::Pem);
    if (chain.isEmpty())
        return unexpected(QStringLiteral("no PEM certificate in %1").arg(certFile));
    QFile f(keyFile);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("cannot read %1: %2").arg(keyFile, f.errorString()));
    const QByteArray pem = f.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return unexpected(QStringLiteral("no RSA or EC private key in %1").arg(keyFile));
    QMutexLocker lock(&m_state->mutex);
    m_state->certChain = chain;
    m_state->key = key;
    return {};
}

bool LoopbackHttpServer::listen(quint16 port)
{
    close();
    m_engine = new Engine(m_state);
    if (!m_engine->start(port)) {
        delete m_engine;
        m_engine = nullptr;
        return false;
    }
    return true;
}

bool LoopbackHttpServer::startInThread(quint16 port)
{
    close();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("LoopbackHttpServer"));
    m_engine = new Engine(m_state);
    m_engine->moveToThread(m_thread);
    // Deleted on the serving thread when it finishes (Qt runs deferred deletes at thread exit).
    QObject::connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread->start();
    // The socket must be created on the serving thread, so listen there and wait for the outcome.
    QSemaphore done;
    bool ok = false;
    QMetaObject::invokeMethod(m_engine, [this, port, &ok, &done] {
        ok = m_engine->start(port);
        done.release();
    });
    done.acquire();
    if (!ok)
        close();
    return ok;
}

void LoopbackHttpServer::close()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        m_engine = nullptr; // deleted by the finished → deleteLater connection
    } else {
        delete m_engine;
        m_engine = nullptr;
    }
    m_state->listening = false;
}

bool LoopbackHttpServer::isListening() const
{
    return m_state->listening;
}

bool LoopbackHttpServer::isTls() const
{
    QMutexLocker lock(&m_state->mutex);
    return !m_state->certChain.isEmpty();
}

quint16 LoopbackHttpServer::port() const
{
    return m_state->port;
}

QUrl LoopbackHttpServer::url(const QString &path) const
{
    QUrl u;
    u.setScheme(isTls() ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(port());
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    u.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        u.setQuery(path.mid(q + 1));
    return u;
}

QString LoopbackHttpServer::errorString() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->error;
}

int LoopbackHttpServer::requestCount() const
{
    return m_state->requests;
}

int LoopbackHttpServer::connectionCount() const
{
    return m_state->connections;
}

int LoopbackHttpServer::inFlight() const
{
    return m_state->inFlight;
}

int LoopbackHttpServer::maxInFlight() const
{
    return m_state->maxInFlight;
}

qint64 LoopbackHttpServer::bytesSent() const
{
    return m_state->bytesSent;
}

} // namespace cockpit
