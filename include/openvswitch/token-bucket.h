/* Token buckets, for rate limiting.
 *
 * A bucket earns 'rate' tokens every millisecond and holds at most 'burst'
 * of them; each event withdraws some.  An idle bucket fills up, so a quiet
 * source may send a burst at once and then only as fast as the rate.  A
 * bucket that has never been used counts as full.  Callers choose the unit
 * of a token so that their rates come out whole: log messages per minute,
 * packet-ins per second. */

#ifndef TOKEN_BUCKET_H
#define TOKEN_BUCKET_H 1

#include <stdbool.h>
#include <limits.h>             /* LLONG_MIN, for TOKEN_BUCKET_INIT. */

struct token_bucket {
    unsigned int rate;          /* Tokens earned per millisecond. */
    unsigned long long burst;   /* Most tokens the bucket holds. */
    unsigned long long tokens;  /* Tokens held at 'last_fill'. */
    long long int last_fill;    /* Time of the last refill, LLONG_MIN
                                 * before the first use. */
};

#define TOKEN_BUCKET_INIT(RATE, BURST) { (RATE), (BURST), 0, LLONG_MIN }

void token_bucket_init(struct token_bucket *, unsigned int rate,
                       unsigned long long burst);
void token_bucket_set(struct token_bucket *, unsigned int rate,
                      unsigned long long burst);

/* Takes 'n' tokens at time 'now' (msec) if the bucket holds that many, and
 * returns true; otherwise takes nothing and returns false. */
bool token_bucket_withdraw(struct token_bucket *, unsigned long long n,
                           long long int now);

/* Returns when (msec) the bucket will hold 'n' tokens, a time in the past
 * if it already does.  'n' must not exceed the burst size. */
long long int token_bucket_ready_at(const struct token_bucket *,
                                    unsigned long long n);

#endif /* token-bucket.h */
