#include "demo/LocalPostgres.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QVersionNumber>
#include <cerrno>
#include <cstring>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cockpit {

namespace {

constexpr int kTailChars = 1500;

QString tail(const QByteArray &text)
{
    const QString s = QString::fromUtf8(text).trimmed();
    return s.size() > kTailChars ? QStringLiteral("…") + s.right(kTailChars) : s;
}

bool isRoot()
{
    return ::geteuid() == 0;
}

// uid/gid of the postgres account, when we must hand files over to it.
struct Owner
{
    uid_t uid = 0;
    gid_t gid = 0;
};

Expected<Owner, Error> postgresAccount()
{
    const passwd *pw = ::getpwnam("postgres");
    if (!pw)
        return unexpected(
            Error::plain(QStringLiteral("running as root, but there is no user 'postgres' to run "
                                        "initdb as (initdb refuses to run as root)")));
    return Owner {pw->pw_uid, pw->pw_gid};
}

Expected<void, Error> giveToPostgres(const QString &path)
{
    if (!isRoot())
        return {};
    auto owner = postgresAccount();
    if (!owner)
        return unexpected(owner.error());
    if (::chown(QFile::encodeName(path).constData(), owner->uid, owner->gid) != 0)
        return unexpected(Error::plain(
            QStringLiteral("chown %1 to postgres: %2").arg(path, QString::fromLocal8Bit(::strerror(errno)))));
    return {};
}

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program to completion. asPostgres: through runuser when we are root.
Expected<RunResult, Error> runProcess(const QString &program, const QStringList &args, bool asPostgres,
                                      const QByteArray &input = {},
                                      std::chrono::milliseconds timeout = std::chrono::milliseconds(60000))
{
    QProcess p;
    QString prog = program;
    QStringList argv = args;
    if (asPostgres && isRoot()) {
        argv = QStringList {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program}
            + args;
        prog = QStringLiteral("runuser");
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Inherited libpq settings must not redirect our setup connections.
    for (const char *k : {"PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE", "PGSSLMODE", "PGPASSWORD",
                          "PGOPTIONS", "PSQLRC"})
        env.remove(QString::fromLatin1(k));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(QDir::tempPath()); // runuser: postgres may not be able to read our cwd
    p.start(prog, argv);
    if (!p.waitForStarted(10000))
        return unexpected(Error::plain(QStringLiteral("cannot start %1: %2").arg(prog, p.errorString())));
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(int(timeout.count()))) {
        p.kill();
        p.waitForFinished(2000);
        return unexpected(Error::plain(QStringLiteral("%1 timed out after %2 ms")
                                           .arg(QFileInfo(program).fileName())
                                           .arg(timeout.count())));
    }
    RunResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Expected<RunResult, Error> runChecked(const QString &what, const QString &program, const QStringList &args,
                                      bool asPostgres, const QByteArray &input = {})
{
    auto r = runProcess(program, args, asPostgres, input);
    if (!r)
        return r;
    if (r->exitCode != 0)
        return unexpected(Error::plain(QStringLiteral("%1 failed (exit %2): %3")
                                           .arg(what)
                                           .arg(r->exitCode)
                                           .arg(tail(r->err.isEmpty() ? r->out : r->err))));
    return r;
}

Expected<int, Error> freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return unexpected(
            Error::plain(QStringLiteral("no free port on 127.0.0.1: %1").arg(probe.errorString())));
    const int port = probe.serverPort();
    probe.close();
    return port;
}

Expected<void, Error> writeFile(const QString &path, const QByteArray &data,
                                QFile::OpenMode mode = QIODevice::WriteOnly)
{
    QFile f(path);
    if (!f.open(mode) || f.write(data) != data.size())
        return unexpected(Error::plain(QStringLiteral("cannot write %1: %2").arg(path, f.errorString())));
    return {};
}

// Throwaway CA plus a server certificate for localhost/127.0.0.1 signed by it (openssl CLI).
Expected<void, Error> makeCertificates(const QString &tlsDir)
{
    const QString openssl = QStringLiteral("openssl");
    const QString ec = QStringLiteral("ec");
    const QStringList ecParams {QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1")};
    auto ca = runChecked(
        QStringLiteral("openssl (CA)"), openssl,
        QStringList {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), ec} + ecParams
            + QStringList {QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("7"),
                           QStringLiteral("-subj"), QStringLiteral("/CN=Cutover Cockpit throwaway CA"),
                           QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                           QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                           QStringLiteral("-keyout"), tlsDir + QStringLiteral("/ca.key"),
                           QStringLiteral("-out"), tlsDir + QStringLiteral("/ca.crt")},
        false);
    if (!ca)
        return unexpected(ca.error());
    auto csr = runChecked(
        QStringLiteral("openssl (server key)"), openssl,
        QStringList {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), ec} + ecParams
            + QStringList {QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                           QStringLiteral("-keyout"), tlsDir + QStringLiteral("/server.key"),
                           QStringLiteral("-out"), tlsDir + QStringLiteral("/server.csr")},
        false);
    if (!csr)
        return unexpected(csr.error());
    const QString ext = tlsDir + QStringLiteral("/server.ext");
    if (auto w = writeFile(ext,
                           "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                           "basicConstraints=CA:FALSE\n"
                           "keyUsage=critical,digitalSignature,keyEncipherment\n"
                           "extendedKeyUsage=serverAuth\n");
        !w)
        return w;
    const QString serial = QStringLiteral("0x%1").arg(QRandomGenerator::system()->generate64() >> 1, 0, 16);
    auto sign = runChecked(QStringLiteral("openssl (sign)"), openssl,
                           {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                            tlsDir + QStringLiteral("/server.csr"), QStringLiteral("-CA"),
                            tlsDir + QStringLiteral("/ca.crt"), QStringLiteral("-CAkey"),
                            tlsDir + QStringLiteral("/ca.key"), QStringLiteral("-set_serial"), serial,
                            QStringLiteral("-days"), QStringLiteral("7"), QStringLiteral("-extfile"), ext,
                            QStringLiteral("-out"), tlsDir + QStringLiteral("/server.crt")},
                           false);
    if (!sign)
        return unexpected(sign.error());
    // The server refuses a key readable by others; it must belong to the server's user.
    const QString key = tlsDir + QStringLiteral("/server.key");
    if (::chmod(QFile::encodeName(key).constData(), 0600) != 0)
        return unexpected(Error::plain(QStringLiteral("chmod 0600 %1 failed").arg(key)));
    if (auto g = giveToPostgres(key); !g)
        return g;
    if (auto g = giveToPostgres(tlsDir + QStringLiteral("/server.crt")); !g)
        return g;
    QFile::remove(tlsDir + QStringLiteral("/server.csr"));
    QFile::remove(tlsDir + QStringLiteral("/ca.key")); // nothing else gets signed by it
    return {};
}

QString confQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

} // namespace

QString LocalPostgres::binDir()
{
    const QDir base(QStringLiteral("/usr/lib/postgresql"));
    QVersionNumber best;
    QString bestDir;
    for (const QString &v : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber n = QVersionNumber::fromString(v);
        const QString bin = base.filePath(v) + QStringLiteral("/bin");
        if (!n.isNull() && QFile::exists(bin + QStringLiteral("/initdb")) && n > best) {
            best = n;
            bestDir = bin;
        }
    }
    return bestDir;
}

QString LocalPostgres::quoteIdentifier(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString LocalPostgres::quoteLiteral(const QString &text)
{
    QString q = text;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QByteArray LocalPostgres::scramVerifier(const QByteArray &password)
{
    // RFC 5802 / RFC 7677, the format PostgreSQL stores in pg_authid (ASCII passwords need no SASLprep).
    constexpr int iterations = 4096;
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    const QByteArray salted
        = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password, salt, iterations, 32);
    const QByteArray clientKey
        = QMessageAuthenticationCode::hash("Client Key", salted, QCryptographicHash::Sha256);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray serverKey
        = QMessageAuthenticationCode::hash("Server Key", salted, QCryptographicHash::Sha256);
    return QByteArray("SCRAM-SHA-256$") + QByteArray::number(iterations) + ':' + salt.toBase64() + '$'
        + storedKey.toBase64() + ':' + serverKey.toBase64();
}

QString LocalPostgres::caFile() const
{
    return m_root + QStringLiteral("/tls/ca.crt");
}
QString LocalPostgres::socketDir() const
{
    return m_root;
}
QString LocalPostgres::dataDir() const
{
    return m_root + QStringLiteral("/data");
}
QString LocalPostgres::logFile() const
{
    return m_root + QStringLiteral("/postgres.log");
}

qint64 LocalPostgres::postmasterPid() const
{
    QFile f(dataDir() + QStringLiteral("/postmaster.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readLine().trimmed().toLongLong();
}

Expected<std::unique_ptr<LocalPostgres>, Error> LocalPostgres::start(const StartOptions &options)
{
    const QString bin = binDir();
    if (bin.isEmpty())
        return unexpected(
            Error::plain(QStringLiteral("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin "
                                        "(install the postgresql package)")));

    const QString parent = options.parentDir.isEmpty() ? QDir::tempPath() : options.parentDir;
    QDir().mkpath(parent);
    QTemporaryDir tmp(parent + QStringLiteral("/cockpit-pg-XXXXXX"));
    if (!tmp.isValid())
        return unexpected(Error::plain(
            QStringLiteral("cannot create a temp dir in %1: %2").arg(parent, tmp.errorString())));
    std::unique_ptr<LocalPostgres> pg(new LocalPostgres);
    pg->m_root = tmp.path();
    tmp.setAutoRemove(false); // from here on the object (stop) owns the directory

    auto fail = [&pg](Error e) -> Expected<std::unique_ptr<LocalPostgres>, Error> {
        pg->stop(); // removes the dir; harmless when nothing runs yet
        return unexpected(std::move(e));
    };

    if (auto g = giveToPostgres(pg->m_root); !g)
        return fail(g.error());
    // Others may reach the socket and read the CA file; the data dir itself stays 0700.
    ::chmod(QFile::encodeName(pg->m_root).constData(), 0755);
    const QString tlsDir = pg->m_root + QStringLiteral("/tls");
    QDir().mkpath(tlsDir);
    if (auto c = makeCertificates(tlsDir); !c)
        return fail(c.error());

    auto init
        = runChecked(QStringLiteral("initdb"), bin + QStringLiteral("/initdb"),
                     {QStringLiteral("-D"), pg->dataDir(), QStringLiteral("-A"), QStringLiteral("trust"),
                      QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("--no-sync"),
                      QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C")},
                     true);
    if (!init) {
        Error e = init.error();
        if (isRoot() && e.message.contains(QLatin1String("Permission denied")))
            e.message += QStringLiteral(
                             " (initdb runs as user postgres: every directory above %1 must be searchable "
                             "by it)")
                             .arg(pg->m_root);
        return fail(e);
    }

    // Appended last, so these win over initdb's defaults.
    const QByteArray conf = QStringLiteral("\n# Cutover Cockpit throwaway cluster\n"
                                           "ssl = on\n"
                                           "ssl_cert_file = %1\n"
                                           "ssl_key_file = %2\n"
                                           "password_encryption = 'scram-sha-256'\n"
                                           "max_connections = 200\n"
                                           "shared_buffers = 32MB\n"
                                           "synchronous_commit = off\n"
                                           "full_page_writes = off\n")
                                .arg(confQuote(tlsDir + QStringLiteral("/server.crt")),
                                     confQuote(tlsDir + QStringLiteral("/server.key")))
                                .toUtf8();
    if (auto w = writeFile(pg->dataDir() + QStringLiteral("/postgresql.conf"), conf, QIODevice::Append); !w)
        return fail(w.error());
    // First match wins: socket trusted, superuser trusted on loopback, every other role needs SCRAM.
    const QByteArray hba = "# Cutover Cockpit throwaway cluster\n"
                           "local all all trust\n"
                           "host all postgres 127.0.0.1/32 trust\n"
                           "host all all 127.0.0.1/32 scram-sha-256\n";
    if (auto w = writeFile(pg->dataDir() + QStringLiteral("/pg_hba.conf"), hba,
                           QIODevice::WriteOnly | QIODevice::Truncate);
        !w)
        return fail(w.error());

    Error lastError;
    for (int attempt = 0; attempt < 3; ++attempt) {
        int port = options.port;
        if (port == 0) {
            auto p = freePort();
            if (!p)
                return fail(p.error());
            port = *p;
        }
        // -l: the postmaster must not inherit our stdout/stderr pipes (ctest waits for them to close).
        auto r = runProcess(
            bin + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), pg->dataDir(), QStringLiteral("-l"), pg->logFile(), QStringLiteral("-o"),
             QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                 .arg(port)
                 .arg(pg->socketDir()),
             QStringLiteral("-t"), QString::number(std::max<qint64>(5, options.timeout.count() / 1000)),
             QStringLiteral("-w"), QStringLiteral("start")},
            true, {}, options.timeout + std::chrono::seconds(5));
        if (!r)
            return fail(r.error());
        if (r->exitCode == 0) {
            pg->m_port = port;
            pg->m_running = true;
            return pg;
        }
        QFile log(pg->logFile());
        const QByteArray logText = log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        lastError = Error::plain(QStringLiteral("pg_ctl start failed (exit %1): %2\nserver log: %3")
                                     .arg(r->exitCode)
                                     .arg(tail(r->err + r->out), tail(logText)));
        // Another process may have taken the port between our probe and the server's bind: retry.
        if (options.port != 0 || !logText.contains("could not bind"))
            break;
    }
    return fail(lastError);
}

LocalPostgres::~LocalPostgres()
{
    if (!m_detached)
        stop();
}

Expected<void, Error> LocalPostgres::stop()
{
    if (m_root.isEmpty())
        return {};
    Expected<void, Error> result;
    if (m_running) {
        result = stopDataDir(dataDir(), m_root);
        m_running = false;
    } else {
        QDir(m_root).removeRecursively();
    }
    m_root.clear();
    return result;
}

Expected<void, Error> LocalPostgres::pause()
{
    if (!m_running)
        return unexpected(Error::plain(QStringLiteral("the server is not running")));
    auto r = stopDataDir(dataDir(), QString());
    if (r)
        m_running = false;
    return r;
}

Expected<void, Error> LocalPostgres::resume()
{
    if (m_running || m_root.isEmpty())
        return unexpected(Error::plain(QStringLiteral("the server is running or gone")));
    auto r = runChecked(
        QStringLiteral("pg_ctl start"), binDir() + QStringLiteral("/pg_ctl"),
        {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), logFile(), QStringLiteral("-o"),
         QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
             .arg(m_port)
             .arg(socketDir()),
         QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("-w"), QStringLiteral("start")},
        true);
    if (!r)
        return unexpected(r.error());
    m_running = true;
    return {};
}

Expected<void, Error> LocalPostgres::stopDataDir(const QString &dataDir, const QString &rootDirToRemove)
{
    Expected<void, Error> result;
    if (QFile::exists(dataDir + QStringLiteral("/postmaster.pid"))) {
        auto r = runChecked(QStringLiteral("pg_ctl stop"), binDir() + QStringLiteral("/pg_ctl"),
                            {QStringLiteral("-D"), dataDir, QStringLiteral("-m"), QStringLiteral("fast"),
                             QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                             QStringLiteral("stop")},
                            true);
        if (!r)
            result = unexpected(r.error());
    }
    if (!rootDirToRemove.isEmpty() && result)
        QDir(rootDirToRemove).removeRecursively();
    return result;
}

static QStringList psqlArgs(const LocalPostgres::Endpoint &at, const QString &database, bool tuplesOnly)
{
    QStringList args {QStringLiteral("-X"), QStringLiteral("-q"),
                      QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                      QStringLiteral("-h"), at.socketDir,
                      QStringLiteral("-p"), QString::number(at.port),
                      QStringLiteral("-U"), at.user,
                      QStringLiteral("-d"), database,
                      QStringLiteral("-f"), QStringLiteral("-")};
    if (tuplesOnly)
        args << QStringLiteral("-A") << QStringLiteral("-t");
    return args;
}

Expected<void, Error> LocalPostgres::runSql(const Endpoint &at, const QString &database, const QString &sql)
{
    auto r = runChecked(QStringLiteral("psql"), binDir() + QStringLiteral("/psql"),
                        psqlArgs(at, database, false), false, sql.toUtf8());
    if (!r)
        return unexpected(r.error());
    return {};
}

Expected<QString, Error> LocalPostgres::querySql(const Endpoint &at, const QString &database,
                                                 const QString &sql)
{
    auto r = runChecked(QStringLiteral("psql"), binDir() + QStringLiteral("/psql"),
                        psqlArgs(at, database, true), false, sql.toUtf8());
    if (!r)
        return unexpected(r.error());
    QString out = QString::fromUtf8(r->out);
    while (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

Expected<void, Error> LocalPostgres::runSql(const QString &database, const QString &sql) const
{
    return runSql(endpoint(), database, sql);
}

Expected<QString, Error> LocalPostgres::querySql(const QString &database, const QString &sql) const
{
    return querySql(endpoint(), database, sql);
}

Expected<void, Error> LocalPostgres::createDatabase(const QString &name, const QString &owner) const
{
    QString sql = QStringLiteral("CREATE DATABASE %1").arg(quoteIdentifier(name));
    if (!owner.isEmpty())
        sql += QStringLiteral(" OWNER %1").arg(quoteIdentifier(owner));
    return runSql(QStringLiteral("postgres"), sql + QLatin1Char(';'));
}

Expected<void, Error> LocalPostgres::createRole(const QString &name, const QByteArray &password) const
{
    const QString sql
        = QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2;")
              .arg(quoteIdentifier(name), quoteLiteral(QString::fromLatin1(scramVerifier(password))));
    return runSql(QStringLiteral("postgres"), sql);
}

} // namespace cockpit
