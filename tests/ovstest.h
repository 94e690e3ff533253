/* ovstest: one binary that hosts every C unit test.
 *
 * A test file defines a main-like function and registers it under a name:
 *
 *     static void
 *     test_widget_main(int argc, char *argv[])
 *     {
 *         ...
 *     }
 *     OVSTEST_REGISTER("test-widget", test_widget_main);
 *
 * and an autotest case runs it as "ovstest test-widget ARGS...".  Inside the
 * function, argv[0] is the subcommand name.  A test reports failure by
 * exiting non-zero (ovs_fatal(), abort(), or an explicit exit(1)). */

#ifndef OVSTEST_H
#define OVSTEST_H 1

typedef void ovstest_func(int argc, char *argv[]);

void ovstest_register(const char *name, ovstest_func *);

#define OVSTEST_REGISTER(NAME, FUNC)                                    \
    static void register_##FUNC(void) __attribute__((constructor));    \
    static void                                                         \
    register_##FUNC(void)                                               \
    {                                                                   \
        ovstest_register(NAME, FUNC);                                   \
    }

#endif /* ovstest.h */
