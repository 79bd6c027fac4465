#pragma once

// Moved to tests/support; kept so that tests including it by its old name still build.
#include "support/CliProcess.h"
