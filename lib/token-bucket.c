/* Token buckets: see include/openvswitch/token-bucket.h.
 *
 * Tokens are earned lazily: nothing runs between events, and each
 * withdrawal first credits the time since the previous one. */

#include <config.h>
#include "openvswitch/token-bucket.h"
#include "openvswitch/util.h"

void
token_bucket_init(struct token_bucket *tb, unsigned int rate,
                  unsigned long long burst)
{
    *tb = (struct token_bucket) TOKEN_BUCKET_INIT(rate, burst);
}

/* Changes the rate and size of 'tb', keeping what it holds up to the new
 * size. */
void
token_bucket_set(struct token_bucket *tb, unsigned int rate,
                 unsigned long long burst)
{
    tb->rate = rate;
    tb->burst = burst;
    tb->tokens = MIN(tb->tokens, burst);
}

static void
token_bucket_refill(struct token_bucket *tb, long long int now)
{
    if (tb->last_fill == LLONG_MIN) {
        tb->tokens = tb->burst;
    } else if (now > tb->last_fill) {
        unsigned long long elapsed = now - tb->last_fill;

        /* A long quiet spell fills the bucket; testing that first keeps
         * 'elapsed * rate' from overflowing. */
        if (tb->rate && elapsed > tb->burst / tb->rate) {
            tb->tokens = tb->burst;
        } else {
            tb->tokens = MIN(tb->burst, tb->tokens + elapsed * tb->rate);
        }
    }
    tb->last_fill = now;
}

bool
token_bucket_withdraw(struct token_bucket *tb, unsigned long long n,
                      long long int now)
{
    token_bucket_refill(tb, now);
    if (tb->tokens < n) {
        return false;
    }
    tb->tokens -= n;
    return true;
}

long long int
token_bucket_ready_at(const struct token_bucket *tb, unsigned long long n)
{
    if (tb->last_fill == LLONG_MIN || tb->tokens >= n) {
        return LLONG_MIN;
    } else if (!tb->rate) {
        return LLONG_MAX;
    }
    return tb->last_fill + (long long int) DIV_ROUND_UP(n - tb->tokens,
                                                         tb->rate);
}
