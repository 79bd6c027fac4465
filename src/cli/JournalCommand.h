#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit journal verify|export|init ...`. ARGS are the words after `journal` (a leading
// "journal" is tolerated). SPEC is a file path (SQLite) or postgresql://USER@HOST[:PORT]/DB[?sslmode=…].
//   verify --journal SPEC [--head SEQ:HASH]    re-hashes the chain, names the first bad event; the chain
//                                              must contain the given head (and PostgreSQL's cockpit.head)
//   head   --journal SPEC                      prints where the chain ends: SEQ:HASH
//   export --journal SPEC --json [--out FILE]  every event with its hash, plus the verification result
//   init   --journal SPEC --viewer-role NAME [--viewer-password-secret NAME]
//          [--lead-role NAME [--lead-password-secret NAME]]
//          creates the shared schema and a SELECT-only login role (PostgreSQL), or an empty SQLite journal
// PostgreSQL passwords: PGPASSWORD, or --password-secret NAME from the keychain (--scope, default global);
// never from the command line. Needs a QCoreApplication (the keychain answers through its event loop).
// Exit codes: 0 ok, 1 the journal failed verification, 2 usage error or journal unavailable.
int runJournalCommand(const QStringList &args);

} // namespace cockpit::cli
