/* Freezing and thawing a translation.
 *
 * A translation is a walk through nested action lists: the actions of the
 * rule in table 0, inside them a resubmit that runs another rule's
 * actions, and so on.  Freezing stops that walk at one action (a "pause")
 * and turns what is left of it into data:
 *
 *   - for each nesting level, innermost first, an OFPACT_UNROLL_XLATE
 *     marker carrying that level's table id and rule cookie, followed by
 *     the actions of that level that had not run yet (instructions such
 *     as write_actions and goto_table included, so a write after a
 *     resubmit that paused is not lost);
 *   - the action set, the data stack, the mirrors already output to and
 *     the conntrack flag;
 *   - the packet with every change made so far, and its metadata
 *     (in_port, registers, metadata field, ...).
 *
 * Running the frozen actions one after the other, with each marker
 * switching the table context, does exactly what the unfinished walk would
 * have done, because returning from a nested level only restores the table
 * context (and, after resubmit with an input port, the input port, which
 * freezing records as a set_field).  Thawing is therefore just a
 * translation whose top-level action list is the frozen one.
 *
 * Freezing starts at the pause and is collected while the nesting levels
 * return (xlate_do_actions() calls freeze_unroll_level()).  It ends at the
 * nearest pipeline boundary: the top of the translation, a patch port (the
 * peer bridge is a pipeline of its own; its closure names the peer) or a
 * clone (only the clone's copy is frozen; its actions are wrapped in a
 * clone again, so that on resume they still cannot touch the original's
 * action set).  The original pipeline then goes on at once.
 *
 * The result is a struct ofputil_closure_private, sent to controllers as
 * NXT_CLOSURE; NXT_RESUME brings it back to freeze_thaw().  Nothing is
 * kept in the switch between the two.  The same state is what
 * recirculation would store under a recirculation id. */

#include <config.h>
#include "ofproto-dpif-xlate.h"

#include <stdlib.h>
#include <string.h>
#include "connmgr.h"
#include "dp-packet.h"
#include "dynamic-string.h"
#include "meta-flow.h"
#include "ofp-actions.h"
#include "ofp-closure.h"
#include "ofp-packet.h"
#include "ofp-flow.h"
#include "ofproto-provider.h"
#include "util.h"

/* Called by the "pause" action: from here on every nesting level records
 * its remaining actions as it returns.  Captures the packet and metadata
 * as they are now. */
void
freeze_start(struct xlate_ctx *ctx, uint16_t controller_id)
{
    ctx->xout->slow = true;
    freeze_reset(ctx);
    ctx->frozen_packet = xlate_current_packet(ctx);
    ctx->frozen_flow = ctx->flow;
    ctx->pause_controller_id = controller_id;
    ctx->restore_in_port = OFPP_NONE;
    ofpbuf_clear(&ctx->frozen_actions);
    ctx->freezing = true;
}

/* Records one nesting level: its table context and the actions from 'rest'
 * to 'end' that it has not run.  A level with nothing left is skipped. */
void
freeze_unroll_level(struct xlate_ctx *ctx, const struct ofpact *rest,
                    const struct ofpact *end)
{
    struct ofpact_unroll_xlate *unroll;

    if (rest >= end) {
        return;
    }
    unroll = ofpact_put_UNROLL_XLATE(&ctx->frozen_actions);
    unroll->rule_table_id = ctx->table_id;
    unroll->rule_cookie = ctx->cookie;
    if (ctx->restore_in_port != OFPP_NONE) {
        union mf_value value;

        memset(&value, 0, sizeof value);
        value.be16 = htons(ofp_to_u16(ctx->restore_in_port));
        ofpact_put_set_field(&ctx->frozen_actions, mf_from_id(MFF_IN_PORT),
                             &value, NULL);
        ctx->restore_in_port = OFPP_NONE;
    }
    ofpbuf_put(&ctx->frozen_actions, rest, (const char *) end
               - (const char *) rest);
}

/* Appends 'ofpacts' to 'out' without their UNROLL_XLATE markers, turning
 * each "resubmit to the current table" into one to the table the marker
 * named, so that the actions mean the same outside their levels. */
static void
flatten_levels(const struct ofpact *ofpacts, size_t len, uint8_t table_id,
               struct ofpbuf *out)
{
    const struct ofpact *a;

    OFPACT_FOR_EACH (a, ofpacts, len) {
        if (a->type == OFPACT_UNROLL_XLATE) {
            table_id = ofpact_get_UNROLL_XLATE(a)->rule_table_id;
        } else if (a->type == OFPACT_RESUBMIT
                   && ofpact_get_RESUBMIT(a)->table_id == 255) {
            struct ofpact_resubmit *r = ofpbuf_put(out, a,
                                                   OFPACT_ALIGN(a->len));
            r->table_id = table_id;
        } else if (a->type == OFPACT_CLONE) {
            const struct ofpact_nest *inner = ofpact_get_CLONE(a);
            size_t ofs = out->size;
            struct ofpact_nest *nest;

            ofpact_put_CLONE(out);
            flatten_levels(inner->actions, ofpact_nest_get_action_len(inner),
                           table_id, out);
            nest = ofpbuf_at_assert(out, ofs, sizeof *nest);
            ofpact_finish_CLONE(out, &nest);
        } else {
            ofpbuf_put(out, a, OFPACT_ALIGN(a->len));
        }
    }
}

/* Fills 'state' with what every frozen state takes from the context: the
 * bridge, stack, mirrors, conntrack flag, action set and the metadata of
 * 'md', with 'actions' as the frozen actions.  Its pointers refer to
 * 'actions' and to the context's buffers. */
static void
freeze_state_init(const struct xlate_ctx *ctx, const struct flow *md,
                  const struct ofpbuf *actions,
                  struct ofputil_closure_private *state)
{
    memset(state, 0, sizeof *state);
    flow_get_metadata(md, &state->public.metadata);
    state->bridge = ctx->bridge->uuid;
    state->stack = ctx->stack.data;
    state->n_stack = ctx->stack.size / sizeof *state->stack;
    state->mirrors = ctx->mirrors;
    state->conntracked = ctx->conntracked;
    state->actions = actions->data;
    state->actions_len = actions->size;
    state->action_set = ctx->action_set.data;
    state->action_set_len = ctx->action_set.size;
}

/* Captures the freeze in progress into 'state', whose pointers then refer
 * to 'actions' (which receives the frozen actions) and to the context's
 * buffers.  With 'as_clone' the boundary is a clone: the frozen actions
 * are wrapped in a clone and the action set left empty, since the clone's
 * copy never executes one. */
static void
freeze_capture(struct xlate_ctx *ctx, bool as_clone, struct ofpbuf *actions,
               struct ofputil_closure_private *state)
{
    if (as_clone) {
        struct ofpact_unroll_xlate *unroll = ofpact_put_UNROLL_XLATE(actions);
        struct ofpact_nest *nest;
        size_t ofs;

        unroll->rule_table_id = ctx->table_id;
        unroll->rule_cookie = ctx->cookie;
        ofs = actions->size;
        ofpact_put_CLONE(actions);
        flatten_levels(ctx->frozen_actions.data, ctx->frozen_actions.size,
                       ctx->table_id, actions);
        nest = ofpbuf_at_assert(actions, ofs, sizeof *nest);
        ofpact_finish_CLONE(actions, &nest);
    } else {
        ofpbuf_put(actions, ctx->frozen_actions.data,
                   ctx->frozen_actions.size);
    }

    freeze_state_init(ctx, &ctx->frozen_flow, actions, state);
    state->public.packet = dp_packet_data(ctx->frozen_packet);
    state->public.packet_len = dp_packet_size(ctx->frozen_packet);
    if (as_clone) {
        state->action_set = NULL;
        state->action_set_len = 0;
    }
}

/* Appends 'state' to the trace, one item per line. */
static void
report_closure(struct xlate_ctx *ctx,
               const struct ofputil_closure_private *state)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    freeze_format_closure(&s, state);
    xlate_report(ctx, "Paused: closure to controller id %"PRIu16
                 " of bridge %s:", ctx->pause_controller_id,
                 ctx->bridge->name);
    ctx->indent++;
    for (const char *line = ds_cstr(&s); *line; ) {
        const char *nl = strchr(line, '\n');
        int n = nl ? nl - line : (int) strlen(line);

        xlate_report(ctx, "%.*s", n, line);
        line += n + (nl != NULL);
    }
    ctx->indent--;
    ds_destroy(&s);
}

/* Ends a freeze at a pipeline boundary (see freeze_capture() for
 * 'as_clone'): sends the closure to the controllers of the current
 * bridge, through the packet-in queue of the input port. */
void
freeze_finish(struct xlate_ctx *ctx, bool as_clone)
{
    struct ofputil_closure_private state;
    struct ofpbuf actions;

    ofpbuf_init(&actions, ctx->frozen_actions.size + 32);
    freeze_capture(ctx, as_clone, &actions, &state);
    if (ctx->xin->trace) {
        report_closure(ctx, &state);
    }
    if (ctx->xin->side_effects) {
        connmgr_send_closure(ctx->bridge->connmgr, &state,
                             ctx->pause_controller_id,
                             ctx->frozen_flow.in_port.ofp_port);
    }
    ctx->xout->paused = true;

    ofpbuf_uninit(&actions);
    freeze_reset(ctx);
}

/* Forgets any freeze in progress. */
void
freeze_reset(struct xlate_ctx *ctx)
{
    dp_packet_delete(ctx->frozen_packet);
    ctx->frozen_packet = NULL;
    ctx->freezing = false;
    ctx->restore_in_port = OFPP_NONE;
    ofpbuf_clear(&ctx->frozen_actions);
}

/* Continues the translation frozen in 'c'.  The caller already put the
 * closure's packet and metadata into the context's flow. */
void
freeze_thaw(struct xlate_ctx *ctx, const struct ofputil_closure_private *c)
{
    ofpbuf_put(&ctx->stack, c->stack, c->n_stack * sizeof *c->stack);
    ofpbuf_put(&ctx->action_set, c->action_set, c->action_set_len);
    ctx->mirrors = c->mirrors;
    ctx->conntracked = c->conntracked;
    ctx->table_id = 0;
    ctx->cookie = htonll(0);
    ctx->rule = NULL;

    xlate_report(ctx, "Thawing frozen state");
    ctx->indent = 1;
    xlate_do_actions(ctx, c->actions, c->actions_len);
    ctx->indent = 0;
}

/* Freezes the context for recirculation into table 'table_id' and
 * returns the recirculation id (referenced from the translation's
 * output).  Unlike a pause, translation goes on afterward: the datapath
 * forks the packet.  The ct_* fields are left out: the datapath supplies
 * them when the packet comes back. */
uint32_t
freeze_recirc(struct xlate_ctx *ctx, uint8_t table_id)
{
    struct ofputil_closure_private state;
    struct ofpact_unroll_xlate *unroll;
    struct xlate_out *xout = ctx->xout;
    struct ofpbuf actions;
    struct flow md = ctx->flow;
    uint32_t id;

    ofpbuf_init(&actions, 64);
    unroll = ofpact_put_UNROLL_XLATE(&actions);
    unroll->rule_table_id = ctx->table_id;
    unroll->rule_cookie = ctx->cookie;
    ofpact_put_GOTO_TABLE(&actions)->table_id = table_id;

    md.ct_state = 0;
    md.ct_zone = 0;
    md.ct_mark = 0;
    memset(&md.ct_label, 0, sizeof md.ct_label);

    freeze_state_init(ctx, &md, &actions, &state);
    state.conntracked = true;

    id = recirc_id_get(&state);
    if (xout->n_recircs >= xout->allocated_recircs) {
        xout->recircs = x2nrealloc(xout->recircs, &xout->allocated_recircs,
                                   sizeof *xout->recircs);
    }
    xout->recircs[xout->n_recircs++] = id;
    ofpbuf_uninit(&actions);
    return id;
}

static void
format_actions_by_level(struct ds *s, const struct ofpact *ofpacts,
                        size_t len)
{
    const struct ofpact *a;
    bool need_comma = false;
    bool any_level = false;

    OFPACT_FOR_EACH (a, ofpacts, len) {
        if (a->type == OFPACT_UNROLL_XLATE) {
            const struct ofpact_unroll_xlate *u = ofpact_get_UNROLL_XLATE(a);

            ds_put_format(s, "%stable %d, cookie 0x%"PRIx64": ",
                          any_level ? "\n    " : "",
                          u->rule_table_id, ntohll(u->rule_cookie));
            any_level = true;
            need_comma = false;
            continue;
        }
        if (need_comma) {
            ds_put_char(s, ',');
        }
        ofpact_format(a, NULL, s);
        need_comma = true;
    }
}

/* Appends a description of what 'c' holds, one item per line. */
void
freeze_format_closure(struct ds *s, const struct ofputil_closure_private *c)
{
    char *packet = ofp_packet_to_string(c->public.packet,
                                        c->public.packet_len);
    size_t start;

    ds_put_format(s, "bridge "UUID_FMT"\n", UUID_ARGS(&c->bridge));
    ds_put_format(s, "packet %s", packet);
    if (s->length && s->string[s->length - 1] != '\n') {
        ds_put_char(s, '\n');
    }
    free(packet);
    ds_put_cstr(s, "metadata ");
    match_format(&c->public.metadata, NULL, s, XLATE_DEFAULT_PRIORITY);
    ds_put_char(s, '\n');
    if (c->n_stack) {
        ds_put_cstr(s, "stack");
        for (size_t i = 0; i < c->n_stack; i++) {
            ds_put_char(s, ' ');
            mf_subvalue_format(&c->stack[i], s);
        }
        ds_put_char(s, '\n');
    }
    if (c->mirrors) {
        ds_put_format(s, "mirrors %#"PRIx32"\n", c->mirrors);
    }
    if (c->conntracked) {
        ds_put_cstr(s, "conntracked\n");
    }
    ds_put_cstr(s, "actions ");
    start = s->length;
    format_actions_by_level(s, c->actions, c->actions_len);
    if (s->length == start) {
        ds_put_cstr(s, "(none)");
    }
    ds_put_char(s, '\n');
    if (c->action_set_len) {
        ds_put_cstr(s, "action set ");
        ofpacts_format(c->action_set, c->action_set_len, NULL, s);
        ds_put_char(s, '\n');
    }
}
