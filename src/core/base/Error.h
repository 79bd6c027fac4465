#pragma once

#include <QList>
#include <QString>

namespace cockpit {

// An error as a value. Runbook errors carry a position (1-based line and column) so they can be
// printed as FILE:LINE:COL: message, the form editors and terminals turn into links.
struct Error
{
    QString message;
    QString file;
    int line = 0;
    int column = 0;

    static Error at(QString file, int line, int column, QString message)
    {
        return Error {std::move(message), std::move(file), line, column};
    }
    static Error plain(QString message) { return Error {std::move(message), {}, 0, 0}; }

    QString toString() const;
    bool operator==(const Error &) const = default;
};

using Errors = QList<Error>;

} // namespace cockpit
