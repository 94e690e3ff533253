/* The unit-test driver: "ovstest SUBCOMMAND [ARG...]" runs the test that
 * registered SUBCOMMAND (see ovstest.h); "ovstest --list" prints them all. */

#include <config.h>
#include "ovstest.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/util.h"

struct ovstest_entry {
    const char *name;
    ovstest_func *func;
};

static struct ovstest_entry *entries;
static size_t n_entries, allocated_entries;

void
ovstest_register(const char *name, ovstest_func *func)
{
    if (n_entries >= allocated_entries) {
        allocated_entries = allocated_entries ? 2 * allocated_entries : 32;
        entries = realloc(entries, allocated_entries * sizeof *entries);
        if (!entries) {
            abort();
        }
    }
    entries[n_entries].name = name;
    entries[n_entries].func = func;
    n_entries++;
}

static int
compare_entries(const void *a_, const void *b_)
{
    const struct ovstest_entry *a = a_, *b = b_;
    return strcmp(a->name, b->name);
}

static void
usage(FILE *stream)
{
    fprintf(stream, "usage: ovstest SUBCOMMAND [ARG...]\n"
            "       ovstest --list\n"
            "subcommands:\n");
    for (size_t i = 0; i < n_entries; i++) {
        fprintf(stream, "  %s\n", entries[i].name);
    }
}

int
main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    qsort(entries, n_entries, sizeof *entries, compare_entries);

    if (argc < 2 || !strcmp(argv[1], "--help")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2;
    }
    if (!strcmp(argv[1], "--list")) {
        for (size_t i = 0; i < n_entries; i++) {
            puts(entries[i].name);
        }
        return 0;
    }
    for (size_t i = 0; i < n_entries; i++) {
        if (!strcmp(argv[1], entries[i].name)) {
            entries[i].func(argc - 1, argv + 1);
            free(entries);
            return 0;
        }
    }
    fprintf(stderr, "ovstest: unknown subcommand \"%s\" "
            "(use --list to see them all)\n", argv[1]);
    return 1;
}
