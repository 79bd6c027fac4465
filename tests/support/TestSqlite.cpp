#include "support/TestSqlite.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::test {

namespace {

Expected<void, Error> runStatements(const QString &connectionName, const QString &path,
                                    const QStringList &statements)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    if (!db.open())
        return unexpected(
            Error::plain(QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text())));
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql))
            return unexpected(Error::plain(QStringLiteral("%1: %2").arg(sql, q.lastError().text())));
    }
    return {};
}

} // namespace

Expected<Connection, Error> createSqliteFile(const QString &path, const QStringList &statements,
                                             const QString &name)
{
    // A connection name of its own: Qt keeps named connections per process until removed.
    const QString connectionName = QStringLiteral("test-seed-") + path;
    auto seeded = runStatements(connectionName, path, statements);
    QSqlDatabase::removeDatabase(connectionName);
    if (!seeded)
        return unexpected(seeded.error());
    Connection c;
    c.name = name;
    c.target = SqliteConnection {path};
    return c;
}

} // namespace cockpit::test
