// cockpit-pg-fixture: the CTest `postgres` fixture.
//   start DIR  starts a throwaway cluster, writes DIR/env (KEY=VALUE lines) and exits, leaving it running
//   stop DIR   stops the cluster named in DIR/env and removes its files and DIR
#include "FixtureEnvFile.h"
#include "demo/LocalPostgres.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <cstdio>

using cockpit::LocalPostgres;

using cockpit::test::FixtureEnvFile;

namespace {

int stopCluster(const QString &dir)
{
    const auto env = FixtureEnvFile::read(dir + QStringLiteral("/env"));
    if (env.isEmpty()) {
        std::printf("no fixture in %s, nothing to stop\n", qPrintable(dir));
        QDir(dir).removeRecursively();
        return 0;
    }
    auto r = LocalPostgres::stopDataDir(env.value(QStringLiteral("COCKPIT_PG_DATADIR")),
                                        env.value(QStringLiteral("COCKPIT_PG_ROOT")));
    if (!r) {
        std::fprintf(stderr, "cockpit-pg-fixture stop: %s\n", qPrintable(r.error().toString()));
        return 1;
    }
    QDir(dir).removeRecursively();
    std::printf("stopped postgres (pid %s)\n", qPrintable(env.value(QStringLiteral("COCKPIT_PG_PID"))));
    return 0;
}

int startCluster(const QString &dir)
{
    if (QFile::exists(dir + QStringLiteral("/env")))
        stopCluster(dir); // a previous run that never reached postgres_stop
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dir));
        return 1;
    }
    auto pg = LocalPostgres::start({});
    if (!pg) {
        std::fprintf(stderr, "cockpit-pg-fixture start: %s\n", qPrintable(pg.error().toString()));
        return 1;
    }
    const QString appUser = QStringLiteral("cockpit_app");
    // A throwaway password for a throwaway cluster; it only lives in DIR/env (mode 0600).
    const QByteArray appPassword = "Pw-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    if (auto r = (*pg)->createRole(appUser, appPassword); !r) {
        std::fprintf(stderr, "cockpit-pg-fixture start: %s\n", qPrintable(r.error().toString()));
        return 1;
    }

    QMap<QString, QString> env {
        {QStringLiteral("PGHOST"), (*pg)->host()},
        {QStringLiteral("PGPORT"), QString::number((*pg)->port())},
        {QStringLiteral("PGUSER"), (*pg)->superuser()},
        {QStringLiteral("PGSSLROOTCERT"), (*pg)->caFile()},
        {QStringLiteral("COCKPIT_PG_SOCKETDIR"), (*pg)->socketDir()},
        {QStringLiteral("COCKPIT_PG_DATADIR"), (*pg)->dataDir()},
        {QStringLiteral("COCKPIT_PG_ROOT"), (*pg)->rootDir()},
        {QStringLiteral("COCKPIT_PG_PID"), QString::number((*pg)->postmasterPid())},
        {QStringLiteral("COCKPIT_PG_APP_USER"), appUser},
        {QStringLiteral("COCKPIT_PG_APP_PASSWORD"), QString::fromLatin1(appPassword)},
    };
    const QString envPath = dir + QStringLiteral("/env");
    if (!FixtureEnvFile::write(envPath, env))
        return 1;
    (*pg)->detach();
    std::printf("postgres running on 127.0.0.1:%d (pid %lld), facts in %s\n", (*pg)->port(),
                static_cast<long long>((*pg)->postmasterPid()), qPrintable(envPath));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return FixtureEnvFile::main(app, "cockpit-pg-fixture", startCluster, stopCluster);
}
