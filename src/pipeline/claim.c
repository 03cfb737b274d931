#include "claim.h"

#include "../core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slice(const char *src, size_t begin, size_t end)
{
    return end > begin ? cg_xstrndup(src + begin, end - begin) : NULL;
}

/* The number as a plain decimal: "12000", "1.5", "8000000". */
static char *claim_value(const char *src, const CgAssertion *a)
{
    double v;
    if (a->num_end <= a->num_begin ||
        !cg_quantity_parse(src + a->num_begin, a->num_end - a->num_begin, &v)) {
        return NULL;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%.15g", v);
    return cg_xstrdup(buf);
}

static void claim_quantity(const CgRuleSet *rules, const char *src, const CgAssertion *a,
                           CgGraphClaim *c)
{
    if (a->qty_end <= a->qty_begin) {
        return;
    }
    c->quantity_value = claim_value(src, a);
    if (a->comparator >= 0) {
        c->comparator = cg_xstrdup(cg_rules_claims(rules)->comparators[a->comparator].value);
    }
    if (c->unit) {
        return; /* a [unit: ...] capture says it */
    }
    if (a->percent) {
        c->unit = cg_xstrdup("percent");
    } else if (a->unit >= 0) {
        c->unit = cg_xstrdup(cg_rules_claims(rules)->units[a->unit].value);
    }
}

/* A reference's text ("He") and where the mention it stands for begins:
 * for a group ("the two leaders"), the mention of member `member`. */
static void claim_reference(const CgText *text, const char *src, const CgMention *mentions,
                            uint32_t m, uint8_t member, char **ref, size_t *antecedent)
{
    const CgMention *mention = &mentions[m];
    if (mention->antecedent == CG_NO_MENTION) {
        return;
    }
    const CgToken *toks = cg_text_tokens(text);
    const uint32_t ante = member ? mention->more[member - 1] : mention->antecedent;
    *ref = slice(src, toks[mention->tok_begin].begin, toks[mention->tok_end - 1].end);
    *antecedent = toks[mentions[ante].tok_begin].cbegin;
}

/* [unit: ...] becomes the unit; every other capture is kept by name. */
static void claim_captures(const char *src, const CgAssertion *a, CgGraphClaim *c)
{
    c->capture_names = cg_xcalloc(a->n_captures + 1, sizeof *c->capture_names);
    c->capture_values = cg_xcalloc(a->n_captures + 1, sizeof *c->capture_values);
    for (size_t i = 0; i < a->n_captures; ++i) {
        const CgAssertionCapture *cap = &a->captures[i];
        char *value = slice(src, cap->begin, cap->end);
        if (!strcmp(cap->name, "unit") && !c->unit) {
            c->unit = value;
            continue;
        }
        c->capture_names[c->n_captures] = cg_xstrdup(cap->name);
        c->capture_values[c->n_captures++] = value ? value : cg_xstrdup("");
    }
}

void cg_claim_build(const CgRuleSet *rules, const CgText *text, const char *src,
                    const CgMention *mentions, const CgAssertion *a, uint32_t claimer,
                    CgGraphClaim *out)
{
    memset(out, 0, sizeof *out);
    const CgClaimRules *claims = cg_rules_claims(rules);
    if (a->certainty >= 0) {
        out->certainty = cg_xstrdup(claims->certainty[a->certainty].value);
    }
    out->negated = a->negated;
    out->claimer = claimer;
    out->claimer_text = slice(src, a->claimer_begin, a->claimer_end);
    claim_captures(src, a, out);
    claim_quantity(rules, src, a, out);
    claim_reference(text, src, mentions, a->subject_mention, a->subject_member, &out->subject_ref,
                    &out->subject_antecedent);
    claim_reference(text, src, mentions, a->object_mention, a->object_member, &out->object_ref,
                    &out->object_antecedent);
}
