#include "core/base/Console.h"

#include "core/base/Redactor.h"

#include <cstdio>
#include <unistd.h>

namespace cockpit {

namespace {
QString g_prefix; // set once by a subcommand before it prints, from its own thread
bool g_atLineStart[2] = {true, true}; // stdout, stderr

QString prefixed(const QString &text, bool &atLineStart)
{
    if (g_prefix.isEmpty() || text.isEmpty())
        return text;
    QString out;
    out.reserve(text.size() + g_prefix.size() * 4);
    for (const QChar c : text) {
        if (atLineStart && c != QLatin1Char('\n'))
            out += g_prefix;
        out += c;
        atLineStart = c == QLatin1Char('\n');
    }
    return out;
}

void write(FILE *f, const QString &raw)
{
    const QString text = prefixed(raw, g_atLineStart[f == stdout ? 0 : 1]);
    const QByteArray bytes = Redactor::redact(text.toUtf8());
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), f);
    std::fflush(f);
}
} // namespace

void Console::out(const QString &text)
{
    write(stdout, text);
}
void Console::err(const QString &text)
{
    write(stderr, text);
}
void Console::setLinePrefix(const QString &prefix)
{
    g_prefix = prefix;
}
bool Console::stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}
bool Console::stdoutIsTerminal()
{
    return ::isatty(STDOUT_FILENO) == 1;
}

} // namespace cockpit
