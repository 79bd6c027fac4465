#include "core/base/Console.h"

#include "core/base/Redactor.h"

#include <cstdio>
#include <unistd.h>

namespace cockpit {

namespace {
void write(FILE *f, const QString &text)
{
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
bool Console::stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}
bool Console::stdoutIsTerminal()
{
    return ::isatty(STDOUT_FILENO) == 1;
}

} // namespace cockpit
