/* The top of a rule file: a mapping of entities, predicates and relations,
 * each a list whose items decode_entity.c and decode_relation.c read. */
#include "rules_internal.h"

typedef void (*CgDecodeItem)(CgLoader *ld, const CgYNode *node);

static const char *const top_keys[] = {"lists", "entities", "predicates", "relations",
                                       "claims", "syntax"};

static void decode_list(CgLoader *ld, const CgYNode *node, const char *key,
                        const char *item, CgDecodeItem decode)
{
    if (!node || node->kind == CG_Y_BAD || cg_ynull(node)) {
        return;
    }
    if (node->kind != CG_Y_SEQ) {
        cg_node_error(ld, node, "'%s' must be a list with one '- ' item per %s, not %s", key,
                      item, cg_ykind_name(node));
        return;
    }
    for (size_t i = 0; i < node->n_kids; ++i) {
        decode(ld, node->kids[i]);
    }
}

void cg_decode_document(CgLoader *ld, const CgYNode *root)
{
    if (!root || root->kind == CG_Y_BAD || cg_ynull(root)) {
        return; /* an empty document, e.g. a file of comments */
    }
    if (root->kind != CG_Y_MAP) {
        cg_node_error(ld, root,
                      "a rule file must be a mapping with the keys lists, entities, "
                      "predicates, relations, claims and syntax, not %s",
                      cg_ykind_name(root));
        return;
    }
    const CgYNode *v[6];
    cg_yfields(ld, root, "a rule file", top_keys, 6, v);
    cg_decode_lists(ld, v[0]); /* first: the file's patterns may use them */
    decode_list(ld, v[1], "entities", "entity", cg_decode_entity);
    decode_list(ld, v[2], "predicates", "predicate", cg_decode_predicate);
    decode_list(ld, v[3], "relations", "relation", cg_decode_relation);
    cg_decode_claims(ld, v[4]);
    cg_decode_syntax(ld, v[5]);
}
