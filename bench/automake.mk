# Build rules for bench/.

# Classifier lookups/s against a linear scan (lib/classifier.c).
noinst_PROGRAMS += bench/classifier-bench
bench_classifier_bench_SOURCES = bench/classifier-bench.c
bench_classifier_bench_LDADD = lib/libopenvswitch.a
