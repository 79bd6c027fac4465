#include "core/journal/JournalHead.h"

#include <QRegularExpression>

namespace cockpit {

Expected<JournalHead, QString> JournalHead::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(0|[1-9][0-9]{0,17}):([0-9a-f]{64})$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return unexpected(
            QStringLiteral("head %1: expected SEQ:HASH (a decimal seq, a colon, 64 lowercase hex digits)")
                .arg(text.left(100)));
    return JournalHead {m.captured(1).toLongLong(), m.captured(2).toLatin1()};
}

} // namespace cockpit
