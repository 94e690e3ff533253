# OVS_CHECK_CC_OPTION(OPTION, [ACTION-IF-ACCEPTED], [ACTION-IF-REJECTED])
# Tries to compile an empty program with OPTION (and -Werror, so that a
# compiler that merely warns about an unknown option counts as rejecting it).
AC_DEFUN([OVS_CHECK_CC_OPTION],
[
  AS_VAR_PUSHDEF([ovs_cv_name], [ovs_cv_cc_option_$1])dnl
  AC_CACHE_CHECK([whether $CC accepts $1], [ovs_cv_name],
    [ovs_save_CFLAGS="$CFLAGS"
     CFLAGS="$CFLAGS -Werror $1"
     AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
                       [AS_VAR_SET([ovs_cv_name], [yes])],
                       [AS_VAR_SET([ovs_cv_name], [no])])
     CFLAGS="$ovs_save_CFLAGS"])
  AS_VAR_IF([ovs_cv_name], [yes], [$2], [$3])
  AS_VAR_POPDEF([ovs_cv_name])dnl
])
