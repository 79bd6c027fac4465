#include "probes/HttpProbe.h"

#include "core/base/Duration.h"
#include "core/base/LogCategories.h"
#include "core/conditions/HttpObservationBuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QPromise>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QThread>
#include <QTimer>

namespace cockpit {

namespace {

// Network access managers of one thread. A manager never carries more requests at once than
// QNetworkAccessManager runs in parallel per host (6), so nothing waits in its queue. Managers are
// grouped by TLS settings because QNAM reuses a kept-alive connection without re-checking the
// request's QSslConfiguration: a connection opened with verification off must never serve a check
// that wants verification.
class ManagerPool : public QObject
{
public:
    static constexpr int MaxInFlightPerManager = 6;
    static constexpr int MaxIdlePerKey = 4;

    static ManagerPool *forCurrentThread()
    {
        thread_local QPointer<ManagerPool> pool;
        if (!pool) {
            pool = new ManagerPool;
            // Managers must die on their own thread while QCoreApplication still exists: their HTTP
            // threads tear down TLS sockets that need it. A post routine runs first in ~QCoreApplication.
            QThread *thread = QThread::currentThread();
            if (QCoreApplication::instance() && thread == QCoreApplication::instance()->thread()) {
                s_mainPool = pool.data();
                qAddPostRoutine([] { delete s_mainPool.data(); });
            } else {
                QObject::connect(thread, &QThread::finished, pool.data(), &QObject::deleteLater);
            }
        }
        return pool;
    }

    QNetworkAccessManager *acquire(const QString &key)
    {
        for (Entry &e : m_entries)
            if (e.key == key && !e.retired && e.inFlight < MaxInFlightPerManager) {
                ++e.inFlight;
                return e.manager;
            }
        auto *manager = new QNetworkAccessManager(this);
        // Cookies are disabled per request (CookieLoad/SaveControl), no cache is installed.
        m_entries.append({key, manager, 1, false});
        return manager;
    }

    // `retire`: a request of this manager was cut off at its deadline. Qt's HTTP thread of the manager
    // may still be busy with that server (it reads an endless header line byte by byte and sees the
    // abort only when the server pauses), so no later request is queued behind it; the manager goes
    // once its last request has ended.
    void release(QNetworkAccessManager *manager, bool retire)
    {
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            Entry &e = m_entries[i];
            if (e.manager != manager)
                continue;
            e.retired = e.retired || retire;
            if (--e.inFlight == 0 && e.retired) {
                dispose(e.manager);
                m_entries.removeAt(i);
            } else if (e.inFlight == 0) {
                int idle = 0;
                for (const Entry &o : std::as_const(m_entries))
                    idle += (o.key == e.key && o.inFlight == 0) ? 1 : 0;
                if (idle > MaxIdlePerKey) {
                    e.manager->deleteLater(); // after the finishing reply has been delivered
                    m_entries.removeAt(i);
                }
            }
            return;
        }
    }

private:
    // ~QNetworkAccessManager waits up to 5 s for its HTTP thread, which a hostile server can keep busy:
    // a retired manager is destroyed on a thread of its own, never on a thread that runs checks.
    static void dispose(QNetworkAccessManager *manager)
    {
        static QThread *const disposal = [] {
            auto *t = new QThread; // never destroyed: it may still be waiting for a manager at exit
            t->setObjectName(QStringLiteral("cockpit-http-dispose"));
            t->start();
            return t;
        }();
        manager->setParent(nullptr);
        manager->moveToThread(disposal);
        manager->deleteLater(); // after the finishing reply has been delivered
    }

    struct Entry
    {
        QString key;
        QNetworkAccessManager *manager;
        int inFlight;
        bool retired = false;
    };
    QList<Entry> m_entries;
    static inline QPointer<ManagerPool> s_mainPool;
};

// One request in flight; deletes itself after fulfilling the promise.
class HttpCall : public QObject
{
public:
    static constexpr qint64 ReadBufferBytes = qint64(256) * 1024;

    HttpCall(QUrl url, const HttpRequest &request, std::chrono::milliseconds timeout)
        : m_url(std::move(url))
        , m_method(request.method.isEmpty() ? QStringLiteral("GET") : request.method.toUpper())
        , m_timeout(timeout)
    {
        m_obs.kind = Observation::Kind::Http;
        m_obs.at = QDateTime::currentDateTimeUtc();
        m_obs.method = m_method;
        m_obs.target = m_url.toString(QUrl::RemoveUserInfo);
        m_clock.start();
        m_promise.start();
        // A cancelled future (CheckRunner::cancel, its watchdog) stops waiting for the server at once.
        connect(&m_cancelWatch, &QFutureWatcherBase::canceled, this, [this] {
            m_cancelled = true;
            if (m_reply)
                m_reply->abort();
        });
        m_cancelWatch.setFuture(m_promise.future());
    }

    QFuture<Observation> future() { return m_promise.future(); }

    void failNow(const QString &error)
    {
        m_obs.error = error;
        deliver();
    }

    void start(const QNetworkRequest &req, const QByteArray &body, const QString &poolKey, bool insecure,
               bool carriesCredentials)
    {
        m_insecure = insecure;
        m_carriesCredentials = carriesCredentials;
        m_hop = m_url;
        m_obs.tlsVerificationDisabled = insecure && m_url.scheme() == QLatin1String("https");
        m_pool = ManagerPool::forCurrentThread();
        // A call still in flight when its thread's pool is torn down (at exit) goes with it instead of
        // leaking (LSan in tst_RunDriver under the sanitizer build).
        setParent(m_pool);
        m_manager = m_pool->acquire(poolKey);
        if (m_method == "GET")
            m_reply = m_manager->get(req);
        else if (m_method == "HEAD")
            m_reply = m_manager->head(req);
        else
            m_reply = m_manager->sendCustomRequest(req, m_method.toLatin1(), body);
        // Flow control: Qt's HTTP thread stops reading the socket while this much is unread, so an
        // endless body waits for readBody (which stops at the cap) instead of piling up in memory.
        m_reply->setReadBufferSize(ReadBufferBytes);

        connect(m_reply, &QNetworkReply::readyRead, this, &HttpCall::readBody);
        connect(m_reply, &QNetworkReply::finished, this, &HttpCall::onFinished);
        connect(m_reply, &QNetworkReply::encrypted, this, [this] { notePeer(); });
        connect(m_reply, &QNetworkReply::redirected, this, &HttpCall::onRedirected);
        connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            notePeer();
            for (const QSslError &e : errors)
                if (!e.certificate().isNull() && !m_expiry)
                    m_expiry = e.certificate().expiryDate();
            if (m_insecure) {
                m_reply->ignoreSslErrors();
                return;
            }
            for (const QSslError &e : errors)
                m_sslErrors.append(e.errorString());
        });
        // Total deadline, not QNetworkRequest's inactivity timeout: a server that trickles bytes or
        // never answers is cut at exactly this time.
        m_deadline.setSingleShot(true);
        m_deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5% early
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            if (m_reply)
                m_reply->abort();
        });
        m_deadline.start(m_timeout);
    }

private:
    void notePeer()
    {
        const QSslCertificate peer = m_reply->sslConfiguration().peerCertificate();
        if (!peer.isNull())
            m_expiry = peer.expiryDate();
    }

    // Only reached when following redirects (UserVerifiedRedirectPolicy). Qt would forward the
    // Authorization header to any origin, so a request carrying credentials stays on its origin; and a
    // redirect never downgrades https to http.
    void onRedirected(const QUrl &to)
    {
        const QUrl from = m_hop; // the reply's url() may already point at the new location
        const auto port
            = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
        const bool sameOrigin
            = from.scheme() == to.scheme() && from.host() == to.host() && port(from) == port(to);
        QString refusal;
        if (from.scheme() == QLatin1String("https") && to.scheme() != QLatin1String("https"))
            refusal = QStringLiteral("redirect to %1 not followed: it leaves https");
        else if (!sameOrigin && m_carriesCredentials)
            refusal = QStringLiteral(
                "redirect to %1 not followed: another origin, and the request carries credentials");
        if (refusal.isEmpty()) {
            m_hop = to;
            Q_EMIT m_reply->redirectAllowed();
            return;
        }
        m_redirectRefused = refusal.arg(to.toString(QUrl::RemoveUserInfo));
        m_reply->abort();
    }

    void readBody()
    {
        if (m_truncated)
            return;
        const qsizetype room = HttpProbe::MaxBodyBytes - m_body.size();
        m_body.append(m_reply->read(room));
        if (m_reply->bytesAvailable() > 0) {
            // More than the cap: keep the first MiB as evidence and stop downloading the rest.
            m_truncated = true;
            m_reply->abort();
        }
    }

    void onFinished()
    {
        m_deadline.stop();
        if (!m_truncated && !m_timedOut && !m_cancelled && m_reply->isOpen())
            readBody(); // (a refused redirect has aborted and closed the reply)
        const QVariant statusAttr = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
        const QNetworkReply::NetworkError err = m_reply->error();
        if (status > 0) {
            const auto at = m_obs.at;
            const auto method = m_obs.method;
            const auto target = m_obs.target;
            const bool disabled = m_obs.tlsVerificationDisabled;
            m_obs = HttpObservationBuilder::build(status, m_reply->rawHeaderPairs(), m_body, m_truncated);
            m_obs.at = at;
            m_obs.method = method;
            m_obs.target = target;
            m_obs.tlsVerificationDisabled = disabled;
            // An HTTP error status is an answer, not a probe error; a transport failure after the
            // headers (timeout, reset mid-body) is both.
            if (!m_redirectRefused.isEmpty())
                m_obs.error = m_redirectRefused;
            else if (m_timedOut)
                m_obs.error
                    = QStringLiteral("timed out after %1 (reading the body)").arg(formatDuration(m_timeout));
            else if (!m_truncated && err != QNetworkReply::NoError && int(err) < 200)
                m_obs.error = m_reply->errorString();
        } else {
            m_obs.connected = false;
            m_obs.error = describeError(err);
        }
        notePeer();
        deliver();
    }

    QString describeError(QNetworkReply::NetworkError err) const
    {
        if (!m_redirectRefused.isEmpty())
            return m_redirectRefused;
        if (m_timedOut)
            return QStringLiteral("timed out after %1").arg(formatDuration(m_timeout));
        if (!m_sslErrors.isEmpty())
            return QStringLiteral("TLS verification failed: %1").arg(m_sslErrors.join(QStringLiteral("; ")));
        const QString where = m_url.host() + QLatin1Char(':')
            + QString::number(m_url.port(m_url.scheme() == QLatin1String("https") ? 443 : 80));
        switch (err) {
        case QNetworkReply::ConnectionRefusedError:
            return QStringLiteral("connection refused (%1)").arg(where);
        case QNetworkReply::HostNotFoundError: return QStringLiteral("host not found (%1)").arg(m_url.host());
        case QNetworkReply::RemoteHostClosedError:
            return QStringLiteral("connection closed by %1 before a response").arg(where);
        case QNetworkReply::SslHandshakeFailedError:
            return QStringLiteral("TLS handshake failed: %1").arg(m_reply->errorString());
        case QNetworkReply::TooManyRedirectsError: return QStringLiteral("too many redirects");
        default: return m_reply->errorString();
        }
    }

    void deliver()
    {
        m_obs.durationMs = m_clock.elapsed();
        if (m_expiry && m_expiry->isValid())
            m_obs.certificateExpiresInMs = QDateTime::currentDateTimeUtc().msecsTo(*m_expiry);
        qCDebug(lcHttp).noquote() << m_obs.method << m_obs.target << "->" << m_obs.status << m_obs.durationMs
                                  << "ms" << m_obs.error;
        m_promise.addResult(m_obs);
        m_promise.finish();
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->deleteLater();
        }
        if (m_pool && m_manager)
            m_pool->release(m_manager, m_timedOut || m_cancelled);
        deleteLater();
    }

    QUrl m_url;
    QString m_method;
    std::chrono::milliseconds m_timeout;
    Observation m_obs;
    QElapsedTimer m_clock;
    QPromise<Observation> m_promise;
    QFutureWatcher<Observation> m_cancelWatch;
    bool m_cancelled = false;
    QPointer<ManagerPool> m_pool;
    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QByteArray m_body;
    QStringList m_sslErrors;
    std::optional<QDateTime> m_expiry;
    bool m_truncated = false;
    bool m_timedOut = false;
    bool m_insecure = false;
    bool m_carriesCredentials = false;
    QString m_redirectRefused;
    QUrl m_hop; // URL of the current request in a redirect chain
};

bool isJson(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

} // namespace

Expected<QUrl, QString> HttpProbe::resolveUrl(const HttpRequest &request, const HttpService *service)
{
    QString text = request.url;
    if (!text.contains(QLatin1String("://"))) {
        if (!service || service->baseUrl.isEmpty())
            return unexpected(
                QStringLiteral("relative URL \"%1\" needs a connection with a base_url").arg(text));
        QString base = service->baseUrl;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        if (!text.isEmpty() && !text.startsWith(QLatin1Char('/')))
            text.prepend(QLatin1Char('/'));
        text = base + text;
    }
    const QUrl url(text, QUrl::TolerantMode); // percent-encodes spaces and the like instead of failing
    if (!url.isValid())
        return unexpected(QStringLiteral("invalid URL \"%1\": %2").arg(text, url.errorString()));
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return unexpected(QStringLiteral("unsupported URL scheme \"%1\" (http or https)").arg(url.scheme()));
    if (url.host().isEmpty())
        return unexpected(QStringLiteral("URL \"%1\" has no host").arg(text));
    return url;
}

std::chrono::milliseconds HttpProbe::timeoutFor(const HttpRequest &request, const HttpService *service)
{
    if (request.timeout && request.timeout->count() > 0)
        return *request.timeout;
    if (service && service->timeout.count() > 0)
        return service->timeout;
    return DefaultTimeout;
}

QFuture<Observation> HttpProbe::run(const HttpRequest &request, const HttpService *service,
                                    const QByteArray &bearerToken)
{
    const auto url = resolveUrl(request, service);
    auto *call = new HttpCall(url ? *url : QUrl(request.url), request, timeoutFor(request, service));
    QFuture<Observation> future = call->future();
    if (!url) {
        call->failNow(url.error());
        return future;
    }

    QNetworkRequest req(*url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     request.followRedirects ? QNetworkRequest::UserVerifiedRedirectPolicy
                                             : QNetworkRequest::ManualRedirectPolicy);
    req.setMaximumRedirectsAllowed(10);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setRawHeader("User-Agent", "cutover-cockpit/" COCKPIT_VERSION);
    // Connection defaults first, then the request's own headers (same name, case-insensitive, wins).
    if (service)
        for (auto it = service->headers.cbegin(); it != service->headers.cend(); ++it)
            req.setRawHeader(it.key().toLatin1(), it.value().toUtf8());
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it)
        req.setRawHeader(it.key().toLatin1(), it.value().toUtf8());
    if (!bearerToken.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + bearerToken);
    if (!request.body.isEmpty() && !req.hasRawHeader("Content-Type"))
        req.setRawHeader("Content-Type",
                         isJson(request.body) ? "application/json" : "application/octet-stream");

    const bool insecure = request.insecureSkipVerify || (service && service->insecureSkipVerify);
    const QString caFile = !request.caFile.isEmpty() ? request.caFile : service ? service->caFile : QString();
    if (url->scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!caFile.isEmpty()) {
            QList<QSslCertificate> cas = QSslCertificate::fromPath(caFile, QSsl::Pem);
            if (cas.isEmpty())
                cas = QSslCertificate::fromPath(caFile, QSsl::Der);
            if (cas.isEmpty()) {
                call->failNow(QStringLiteral("no CA certificate could be read from %1").arg(caFile));
                return future;
            }
            tls.addCaCertificates(cas);
        }
        if (insecure)
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        req.setSslConfiguration(tls);
    }
    const QString poolKey = (insecure ? QStringLiteral("insecure|") : QStringLiteral("verify|")) + caFile;
    const bool credentials = !bearerToken.isEmpty() || req.hasRawHeader("Authorization")
        || req.hasRawHeader("Proxy-Authorization") || req.hasRawHeader("Cookie");
    call->start(req, request.body, poolKey, insecure, credentials);
    return future;
}

} // namespace cockpit
