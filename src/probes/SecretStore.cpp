#include "probes/SecretStore.h"

#include "core/base/Duration.h"
#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"
#include "core/runbook/Runbook.h"

#include <QCoreApplication>
#include <QPointer>
#include <QPromise>
#include <QRegularExpression>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>
#include <qt6keychain/keychain.h>

namespace cockpit {

namespace {

std::atomic<qint64> g_timeoutMs {10000};

// Marker shared by the not-found message and isNotFound().
const QString kNotFoundMarker = QStringLiteral(" not found: it is not in the keychain");

QString keyFor(const QString &scope, const QString &name)
{
    return scope + QLatin1Char('/') + name;
}

Error notFoundError(const QString &scope, const QString &name, bool triedGlobal)
{
    const QString where = triedGlobal
        ? QStringLiteral("scope %1 or %2").arg(scope, QLatin1String(SecretStore::kGlobalScope))
        : QStringLiteral("scope %1").arg(scope);
    const QString how = triedGlobal || scope == QLatin1String(SecretStore::kGlobalScope)
        ? QStringLiteral("`cutover-cockpit secret set %1`").arg(name)
        : QStringLiteral("`cutover-cockpit secret set %1 --scope %2`").arg(name, scope);
    return Error::plain(
        QStringLiteral("secret %1%2 (%3); set it with %4").arg(name, kNotFoundMarker, where, how));
}

Error noServiceError(const QString &detail)
{
    return Error::plain(
        QStringLiteral(
            "no secret service is available (%1): start a desktop session with gnome-keyring or KWallet, "
            "or run under `dbus-run-session` with an unlocked gnome-keyring; secrets are never stored "
            "in plain text")
            .arg(detail));
}

// Maps a failed QtKeychain job to our error. EntryNotFound is handled by the callers (fallback).
Error keychainError(QKeychain::Error code, const QString &detail, const QString &what)
{
    switch (code) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::plain(
            QStringLiteral("%1: access to the keychain was denied (%2); unlock the keyring and try again")
                .arg(what, detail));
    case QKeychain::CouldNotDeleteEntry:
        return Error::plain(
            QStringLiteral("%1: the keychain could not delete the entry (%2)").arg(what, detail));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::EntryNotFound:
    case QKeychain::NoError: break;
    }
    // libsecret reports an unreachable session bus / missing daemon as OtherError.
    return noServiceError(detail.isEmpty() ? what : what + QStringLiteral(": ") + detail);
}

// One keychain operation: a promise fulfilled exactly once, by the job chain or by the timeout,
// whichever comes first. Lives on the application thread only, so no locking is needed.
template<class T> class Operation
{
public:
    explicit Operation(QString what)
        : m_what(std::move(what))
    {
        m_promise.start();
    }

    QFuture<T> future() { return m_promise.future(); }
    bool isDone() const { return m_done; }

    void armTimeout(const std::shared_ptr<Operation> &self)
    {
        const qint64 ms = g_timeoutMs.load();
        m_timer = new QTimer(QCoreApplication::instance());
        m_timer->setSingleShot(true);
        std::weak_ptr<Operation> weak = self;
        QObject::connect(m_timer, &QTimer::timeout, m_timer, [weak, ms] {
            if (auto op = weak.lock()) {
                qCWarning(lcSecrets) << op->m_what << "timed out after" << ms << "ms";
                op->finish(unexpected(Error::plain(
                    QStringLiteral(
                        "%1: keychain did not answer within %2: is it locked? Unlock the keyring or check "
                        "that the secret service is running")
                        .arg(op->m_what, humanDuration(Milliseconds(ms))))));
            }
        });
        m_timer->start(static_cast<int>(ms));
        // The timer keeps the operation alive until it is finished: the job callbacks hold it too.
        m_self = self;
    }

    void finish(T result)
    {
        if (m_done)
            return;
        m_done = true;
        if (m_timer) {
            m_timer->stop();
            m_timer->deleteLater();
        }
        m_promise.addResult(std::move(result));
        m_promise.finish();
        m_self.reset(); // may destroy *this; nothing may follow
    }

    const QString &what() const { return m_what; }

private:
    QString m_what;
    QPromise<T> m_promise;
    bool m_done = false;
    QPointer<QTimer> m_timer;
    std::shared_ptr<Operation> m_self;
};

using JobDone = std::function<void(QKeychain::Error, const QString &, const QByteArray &)>;

void startJob(QKeychain::Job *job, const QString &key, JobDone done)
{
    job->setAutoDelete(true); // deleted after finished(); a job that never finishes is leaked, not waited for
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done)](QKeychain::Job *j) {
        QByteArray data;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            data = read->binaryData();
        done(j->error(), j->errorString(), data);
    });
    job->start();
}

void readJob(const QString &scope, const QString &name, JobDone done)
{
    startJob(new QKeychain::ReadPasswordJob(QLatin1String(SecretStore::kService)), keyFor(scope, name),
             std::move(done));
}

// Runs FN on the application thread, where the keychain jobs live. False when there is no application.
bool onAppThread(std::function<void()> fn)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    return QMetaObject::invokeMethod(app, std::move(fn), Qt::AutoConnection);
}

template<class T> QFuture<T> readyError(Error e)
{
    QPromise<T> p;
    p.start();
    p.addResult(T(unexpected(std::move(e))));
    p.finish();
    return p.future();
}

std::optional<Error> checkNames(const QString &scope, const QString &name)
{
    if (!SecretStore::isValidName(name))
        return Error::plain(
            QStringLiteral("invalid secret name \"%1\": use letters, digits, '_', '-' and '.'").arg(name));
    if (!SecretStore::isValidName(scope))
        return Error::plain(
            QStringLiteral("invalid secret scope \"%1\": use letters, digits, '_', '-' and '.'").arg(scope));
    if (!QCoreApplication::instance())
        return Error::plain(QStringLiteral("the keychain needs a running Qt application"));
    return std::nullopt;
}

using LookupResult = Expected<SecretLookup, Error>;
using LookupOp = Operation<LookupResult>;

void lookupIn(const std::shared_ptr<LookupOp> &op, const QString &requestedScope, const QString &scope,
              const QString &name)
{
    readJob(scope, name,
            [op, requestedScope, scope, name](QKeychain::Error code, const QString &detail,
                                              const QByteArray &data) {
                if (op->isDone())
                    return; // timed out already
                const bool isGlobal = scope == QLatin1String(SecretStore::kGlobalScope);
                if (code == QKeychain::NoError) {
                    Redactor::add(data);
                    qCDebug(lcSecrets) << "read secret" << name << "from scope" << scope;
                    op->finish(SecretLookup {data, scope});
                } else if (code == QKeychain::EntryNotFound && !isGlobal) {
                    lookupIn(op, requestedScope, QLatin1String(SecretStore::kGlobalScope), name);
                } else if (code == QKeychain::EntryNotFound) {
                    op->finish(unexpected(notFoundError(requestedScope, name, requestedScope != scope)));
                } else {
                    qCWarning(lcSecrets) << op->what() << "failed:" << code << detail;
                    op->finish(unexpected(keychainError(code, detail, op->what())));
                }
            });
}

} // namespace

QFuture<Expected<SecretLookup, Error>> SecretStore::lookup(const QString &scope, const QString &name)
{
    if (auto e = checkNames(scope, name))
        return readyError<LookupResult>(*e);
    auto op = std::make_shared<LookupOp>(QStringLiteral("reading secret %1").arg(name));
    QFuture<LookupResult> f = op->future();
    onAppThread([op, scope, name] {
        op->armTimeout(op);
        lookupIn(op, scope, scope, name);
    });
    return f;
}

QFuture<Expected<QByteArray, Error>> SecretStore::read(const QString &scope, const QString &name)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return readyError<Expected<QByteArray, Error>>(
            Error::plain(QStringLiteral("the keychain needs a running Qt application")));
    return lookup(scope, name).then(app, [](const LookupResult &r) -> Expected<QByteArray, Error> {
        if (!r)
            return unexpected(r.error());
        return r->value;
    });
}

QFuture<Expected<void, Error>> SecretStore::write(const QString &scope, const QString &name,
                                                  const QByteArray &value)
{
    using Result = Expected<void, Error>;
    if (auto e = checkNames(scope, name))
        return readyError<Result>(*e);
    if (value.isEmpty())
        return readyError<Result>(
            Error::plain(QStringLiteral("secret %1: refusing to store an empty value").arg(name)));
    Redactor::add(value);
    auto op = std::make_shared<Operation<Result>>(QStringLiteral("storing secret %1").arg(name));
    QFuture<Result> f = op->future();
    onAppThread([op, scope, name, value] {
        op->armTimeout(op);
        auto *job = new QKeychain::WritePasswordJob(QLatin1String(kService));
        job->setBinaryData(value);
        startJob(job, keyFor(scope, name),
                 [op, scope, name](QKeychain::Error code, const QString &detail, const QByteArray &) {
                     if (code == QKeychain::NoError) {
                         qCDebug(lcSecrets) << "stored secret" << name << "in scope" << scope;
                         op->finish(Result());
                     } else {
                         qCWarning(lcSecrets) << op->what() << "failed:" << code << detail;
                         op->finish(unexpected(keychainError(code, detail, op->what())));
                     }
                 });
    });
    return f;
}

QFuture<Expected<void, Error>> SecretStore::remove(const QString &scope, const QString &name)
{
    using Result = Expected<void, Error>;
    if (auto e = checkNames(scope, name))
        return readyError<Result>(*e);
    auto op = std::make_shared<Operation<Result>>(QStringLiteral("deleting secret %1").arg(name));
    QFuture<Result> f = op->future();
    onAppThread([op, scope, name] {
        op->armTimeout(op);
        // Look first: libsecret reports deleting a missing entry as success, but the caller must know.
        readJob(scope, name,
                [op, scope, name](QKeychain::Error code, const QString &detail, const QByteArray &data) {
                    if (op->isDone())
                        return;
                    if (code == QKeychain::EntryNotFound) {
                        op->finish(unexpected(notFoundError(scope, name, false)));
                        return;
                    }
                    if (code != QKeychain::NoError) {
                        op->finish(unexpected(keychainError(code, detail, op->what())));
                        return;
                    }
                    Redactor::add(data);
                    startJob(
                        new QKeychain::DeletePasswordJob(QLatin1String(kService)), keyFor(scope, name),
                        [op, scope, name](QKeychain::Error code, const QString &detail, const QByteArray &) {
                            if (code == QKeychain::NoError) {
                                qCDebug(lcSecrets) << "deleted secret" << name << "in scope" << scope;
                                op->finish(Result());
                            } else {
                                op->finish(unexpected(keychainError(code, detail, op->what())));
                            }
                        });
                });
    });
    return f;
}

QString SecretStore::scopeFor(const QString &runbookName)
{
    QString scope = runbookName.toLower();
    for (QChar &c : scope) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')))
            c = QLatin1Char('-');
    }
    return scope.isEmpty() ? QLatin1String(kGlobalScope) : scope;
}

QString SecretStore::scopeFor(const Runbook &runbook)
{
    return scopeFor(runbook.name);
}

bool SecretStore::isNotFound(const Error &error)
{
    return error.message.contains(kNotFoundMarker);
}

bool SecretStore::isValidName(const QString &nameOrScope)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,200}$"));
    return re.match(nameOrScope).hasMatch();
}

void SecretStore::setTimeout(std::chrono::milliseconds timeout)
{
    g_timeoutMs.store(timeout.count());
}

std::chrono::milliseconds SecretStore::timeout()
{
    return std::chrono::milliseconds(g_timeoutMs.load());
}

} // namespace cockpit
