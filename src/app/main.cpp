#include "cli/CommandLine.h"

int main(int argc, char **argv)
{
    return cockpit::cli::run(argc, argv);
}
