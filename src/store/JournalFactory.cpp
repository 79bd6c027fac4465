#include "store/JournalFactory.h"

#include "store/PostgresJournal.h"
#include "store/SqliteJournal.h"

namespace cockpit {

bool JournalFactory::isPostgres(const QString &spec)
{
    return PostgresJournalSpec::looksLikeUrl(spec);
}

Expected<std::unique_ptr<Journal>, Error> JournalFactory::open(const QString &spec,
                                                               const JournalOpenOptions &options)
{
    if (isPostgres(spec)) {
        auto parsed = PostgresJournalSpec::parse(spec);
        if (!parsed)
            return unexpected(parsed.error());
        auto j
            = PostgresJournal::open(*parsed, options.password,
                                    PostgresJournal::Options {options.outboxPath, options.retryIntervalMs});
        if (!j)
            return unexpected(j.error());
        return std::unique_ptr<Journal>(std::move(*j));
    }
    QString path = spec;
    if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7);
    if (path.contains(QLatin1String("://")))
        return unexpected(Error::plain(
            QStringLiteral("unknown journal %1: expected a file path or postgresql://USER@HOST/DATABASE")
                .arg(spec)));
    auto j = SqliteJournal::open(
        path, options.readOnly ? SqliteJournal::Mode::ReadOnly : SqliteJournal::Mode::ReadWrite);
    if (!j)
        return unexpected(j.error());
    return std::unique_ptr<Journal>(std::move(*j));
}

} // namespace cockpit
