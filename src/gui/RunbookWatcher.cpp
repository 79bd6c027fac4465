#include "gui/RunbookWatcher.h"

#include "core/runbook/RunbookLoader.h"
#include "engine/RunLauncher.h"
#include "engine/RunbookChanges.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent>

namespace cockpit::gui {

namespace {
// Editors write in several steps (truncate, write, rename): compare once they are done.
constexpr int kSettleMs = 250;

struct Comparison
{
    bool same = false;
    RunbookFileChange change;
};

Comparison compareFile(const QString &path, const QByteArray &runningText,
                       const QMap<QString, QString> &runningParams, const QString &runningSha,
                       const QStringList &assignments, RunMode mode)
{
    Comparison c;
    c.change.path = path;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        c.change.errors << RunbookWatcher::tr("%1 cannot be read: %2").arg(path, f.errorString());
        return c;
    }
    const QByteArray text = f.readAll();
    c.change.sha256 = QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
    if (c.change.sha256 == runningSha || text == runningText) {
        c.same = true;
        return c;
    }
    const auto params = RunLauncher::parameters({}, assignments);
    const auto loaded
        = RunbookLoader::loadText(text, path, params ? *params : QMap<QString, QString> {},
                                  mode == RunMode::Rehearsal ? ParamSet::Rehearsal : ParamSet::Default);
    if (!loaded) {
        for (const Error &e : loaded.error())
            c.change.errors << e.toString();
        return c;
    }
    c.change.changes = RunbookChanges::between(runningText, runningParams, text, loaded->params);
    if (c.change.changes.isEmpty())
        c.change.changes << RunbookWatcher::tr("the file differs in formatting or comments only");
    return c;
}
} // namespace

RunbookWatcher::RunbookWatcher(QObject *parent)
    : QObject(parent)
    , m_debounce(new QTimer(this))
{
    qRegisterMetaType<RunbookFileChange>();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kSettleMs);
    connect(m_debounce, &QTimer::timeout, this, &RunbookWatcher::checkNow);
}

RunbookWatcher::~RunbookWatcher() = default;

void RunbookWatcher::watch(const QString &path, std::shared_ptr<const Runbook> running,
                           const QString &runningSha256, const QStringList &paramAssignments, RunMode mode)
{
    stop();
    m_path = QFileInfo(path).absoluteFilePath();
    m_running = std::move(running);
    m_runningSha256 = runningSha256;
    m_assignments = paramAssignments;
    m_mode = mode;
    m_watcher = new QFileSystemWatcher(this);
    m_watcher->addPath(m_path);
    m_watcher->addPath(QFileInfo(m_path).absolutePath());
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &RunbookWatcher::scheduleCheck);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &RunbookWatcher::scheduleCheck);
}

void RunbookWatcher::stop()
{
    ++m_generation;
    m_debounce->stop();
    delete m_watcher;
    m_watcher = nullptr;
    m_path.clear();
    m_running.reset();
    m_lastReportedSha.clear();
}

void RunbookWatcher::scheduleCheck()
{
    // A replaced file drops out of the watch list: watch the new one.
    if (m_watcher && !m_watcher->files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
    m_debounce->start();
}

void RunbookWatcher::checkNow()
{
    if (!m_running || m_path.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<Comparison>(this);
    connect(watcher, &QFutureWatcher<Comparison>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        const Comparison c = watcher->result();
        if (c.same) {
            if (!m_lastReportedSha.isEmpty()) {
                m_lastReportedSha.clear();
                Q_EMIT changeReverted();
            }
            return;
        }
        const QString key = c.change.sha256 + c.change.errors.join(QLatin1Char('\n'));
        if (key == m_lastReportedSha)
            return; // touched, not changed again
        m_lastReportedSha = key;
        Q_EMIT changeFound(c.change);
    });
    // Reading and parsing happen on the pool; the runbook is shared read-only.
    watcher->setFuture(QtConcurrent::run(compareFile, m_path, m_running->sourceText.toUtf8(),
                                         m_running->params, m_runningSha256, m_assignments, m_mode));
}

} // namespace cockpit::gui
