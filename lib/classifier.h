/* Classifier: a set of prioritized wildcarded rules, searched by packet.
 *
 * A "struct cls_rule" is a match (which bits of which fields must have which
 * values) plus a priority.  A "struct classifier" holds rules and answers
 * "which highest-priority rule matches this flow?" without looking at every
 * rule: rules that wildcard exactly the same bits share a subtable, a hash
 * table keyed by the bits they care about, so each lookup costs one hash
 * probe per distinct mask rather than one comparison per rule (tuple space
 * search).  See classifier.c for the details.
 *
 * Ties.  When two rules with the same priority both match a flow, the one
 * inserted most recently wins.  (OpenFlow leaves this case undefined; we
 * pick one answer and keep it stable so that behaviour is reproducible.)
 *
 * The classifier does not own its rules: callers embed a cls_rule in their
 * own structure, insert it, and free it themselves after removing it.  It
 * is not thread-safe. */

#ifndef CLASSIFIER_H
#define CLASSIFIER_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hmap.h"
#include "match.h"
#include "openvswitch/list.h"
#include "openvswitch/util.h"

struct ds;
struct ofputil_port_map;
struct cls_subtable;

/* A rule.  Callers may read 'match' and 'priority' but must not change them
 * while the rule is in a classifier. */
struct cls_rule {
    struct match match;         /* Normalized: no value bits outside mask. */
    int priority;               /* Higher numbers take precedence. */

    /* Private to the classifier. */
    struct hmap_node hmap_node; /* In subtable's 'groups' (group head only). */
    struct ovs_list group_node; /* Ring of rules with identical match. */
    struct ovs_list all_node;   /* In classifier's 'rules', insertion order. */
    struct cls_subtable *subtable; /* Owning subtable, NULL if not inserted. */
    uint64_t seq;               /* Insertion stamp, breaks priority ties. */
};

/* A set of rules. */
struct classifier {
    struct hmap subtables_by_mask; /* Every cls_subtable, by mask hash. */
    struct cls_subtable **subtables; /* Sorted by max_priority, high first. */
    size_t n_subtables;
    size_t allocated_subtables;
    struct ovs_list rules;      /* All rules, in insertion order. */
    size_t n_rules;
    uint64_t next_seq;
};

/* Rules. */
void cls_rule_init(struct cls_rule *, const struct match *, int priority);
void cls_rule_destroy(struct cls_rule *);
bool cls_rule_equal(const struct cls_rule *, const struct cls_rule *);
bool cls_rule_is_catchall(const struct cls_rule *);
bool cls_rule_is_loose_match(const struct cls_rule *rule,
                             const struct match *criteria);
void cls_rule_format(const struct cls_rule *,
                     const struct ofputil_port_map *, struct ds *);

/* Classifiers. */
void classifier_init(struct classifier *);
void classifier_destroy(struct classifier *);
bool classifier_is_empty(const struct classifier *);
size_t classifier_count(const struct classifier *);

struct cls_rule *classifier_insert(struct classifier *, struct cls_rule *)
    OVS_WARN_UNUSED_RESULT;
bool classifier_remove(struct classifier *, struct cls_rule *);

struct cls_rule *classifier_lookup(const struct classifier *,
                                   const struct flow *,
                                   struct flow_wildcards *);
struct cls_rule *classifier_find_rule_exactly(const struct classifier *,
                                              const struct cls_rule *);
struct cls_rule *classifier_find_match_exactly(const struct classifier *,
                                               const struct match *,
                                               int priority);
bool classifier_rule_overlaps(const struct classifier *,
                              const struct cls_rule *);

/* Iteration, in insertion order.  The loop body may remove the rule it is
 * visiting (and only that one) from the classifier.  With a non-null
 * TARGET, only rules that loosely match it (cls_rule_is_loose_match()) are
 * visited. */
struct cls_cursor {
    const struct match *target;
    struct ovs_list *end;       /* The classifier's list head. */
    struct cls_rule *rule;      /* Rule to visit now, NULL when done. */
};

struct cls_cursor cls_cursor_start(const struct classifier *,
                                   const struct match *target);
void cls_cursor_advance(struct cls_cursor *);

#define CLS_FOR_EACH_TARGET(RULE, MEMBER, CLS, TARGET)                  \
    for (struct cls_cursor cls_cursor__ = cls_cursor_start(CLS, TARGET); \
         (cls_cursor__.rule                                             \
          ? (INIT_CONTAINER(RULE, cls_cursor__.rule, MEMBER),           \
             cls_cursor_advance(&cls_cursor__),                         \
             true)                                                      \
          : false);                                                     \
        )

#define CLS_FOR_EACH(RULE, MEMBER, CLS)                 \
    CLS_FOR_EACH_TARGET(RULE, MEMBER, CLS, NULL)

#endif /* classifier.h */
