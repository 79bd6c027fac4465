#pragma once

// Shared by the CTest fixture programs (cockpit-pg-fixture, cockpit-mariadb-fixture): DIR/env, the
// KEY=VALUE facts a fixture leaves for the tests (mode 0600: it holds the app role's password), and the
// `start|stop DIR` command line.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QString>
#include <cstdio>
#include <functional>
#include <sys/stat.h>

namespace cockpit::test {

struct FixtureEnvFile
{
    static QMap<QString, QString> read(const QString &path)
    {
        QMap<QString, QString> env;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return env;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq > 0)
                env.insert(line.left(eq), line.mid(eq + 1));
        }
        return env;
    }

    static bool write(const QString &path, const QMap<QString, QString> &env)
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return false;
        }
        ::chmod(QFile::encodeName(path).constData(), 0600);
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            f.write((it.key() + QLatin1Char('=') + it.value() + QLatin1Char('\n')).toUtf8());
        return true;
    }

    // `PROGRAM start|stop DIR`: calls start or stop with DIR made absolute; 2 on a usage error.
    static int main(const QCoreApplication &app, const char *program,
                    const std::function<int(const QString &)> &start,
                    const std::function<int(const QString &)> &stop)
    {
        const QStringList args = app.arguments();
        if (args.size() != 3 || (args[1] != QLatin1String("start") && args[1] != QLatin1String("stop"))) {
            std::fprintf(stderr, "usage: %s start|stop DIR\n", program);
            return 2;
        }
        const QString dir = QDir(args[2]).absolutePath();
        return args[1] == QLatin1String("start") ? start(dir) : stop(dir);
    }
};

} // namespace cockpit::test
