#include "store/PostgresJournalSpec.h"

#include <QUrl>
#include <QUrlQuery>

namespace cockpit {

bool PostgresJournalSpec::looksLikeUrl(const QString &spec)
{
    return spec.startsWith(QLatin1String("postgresql://")) || spec.startsWith(QLatin1String("postgres://"));
}

Expected<PostgresJournalSpec, Error> PostgresJournalSpec::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    auto bad = [](const QString &why) {
        return unexpected(Error::plain(QStringLiteral("bad PostgreSQL journal URL: %1").arg(why)));
    };
    if (!looksLikeUrl(text) || !url.isValid())
        return bad(QStringLiteral("expected postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=…]"));
    if (!url.password().isEmpty())
        return bad(
            QStringLiteral("it contains a password; keep the password in the keychain (or PGPASSWORD)"));
    PostgresJournalSpec s;
    s.user = url.userName();
    if (s.user.isEmpty())
        return bad(QStringLiteral("no user (postgresql://USER@HOST/DATABASE)"));
    if (!url.host().isEmpty())
        s.host = url.host();
    s.port = url.port(5432);
    s.database = url.path().mid(1);
    if (s.database.isEmpty() || s.database.contains(QLatin1Char('/')))
        return bad(QStringLiteral("no database (postgresql://USER@HOST/DATABASE)"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        // Values end up in a ';'-separated option string: a ';' would smuggle in another option.
        if (value.contains(QLatin1Char(';')))
            return bad(QStringLiteral("parameter %1 contains ';'").arg(key));
        if (key == QLatin1String("sslmode"))
            s.sslmode = value;
        else if (key == QLatin1String("sslrootcert"))
            s.sslrootcert = value;
        else if (key == QLatin1String("sslcert"))
            s.sslcert = value;
        else if (key == QLatin1String("sslkey"))
            s.sslkey = value;
        else if (key == QLatin1String("application_name"))
            s.applicationName = value;
        else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            s.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || s.connectTimeoutSeconds < 1)
                return bad(QStringLiteral("connect_timeout must be a positive number of seconds"));
        } else
            return bad(QStringLiteral("unknown parameter %1").arg(key));
    }
    static const QStringList modes {QStringLiteral("disable"),   QStringLiteral("allow"),
                                    QStringLiteral("prefer"),    QStringLiteral("require"),
                                    QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    if (!s.sslmode.isEmpty() && !modes.contains(s.sslmode))
        return bad(QStringLiteral("unknown sslmode %1").arg(s.sslmode));
    return s;
}

QString PostgresJournalSpec::connectOptions() const
{
    QStringList o;
    if (!sslmode.isEmpty())
        o << QStringLiteral("sslmode=") + sslmode;
    if (!sslrootcert.isEmpty())
        o << QStringLiteral("sslrootcert=") + sslrootcert;
    if (!sslcert.isEmpty())
        o << QStringLiteral("sslcert=") + sslcert;
    if (!sslkey.isEmpty())
        o << QStringLiteral("sslkey=") + sslkey;
    o << QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds);
    if (!applicationName.isEmpty())
        o << QStringLiteral("application_name=") + applicationName;
    return o.join(QLatin1Char(';'));
}

QString PostgresJournalSpec::toString() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery q;
    if (!sslmode.isEmpty())
        q.addQueryItem(QStringLiteral("sslmode"), sslmode);
    if (!sslrootcert.isEmpty())
        q.addQueryItem(QStringLiteral("sslrootcert"), sslrootcert);
    url.setQuery(q);
    return url.toString();
}

} // namespace cockpit
