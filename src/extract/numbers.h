/* Internal to extract/: the words of numbers, one table for both uses: what
 * {quantity} reads as a number ("twelve", "thousands") and what value
 * cg_quantity_parse gives it ("a dozen" 12; vague amounts such as
 * "thousands" or "several" none). */
#ifndef CG_EXTRACT_NUMBERS_H
#define CG_EXTRACT_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CG_NUM_UNIT = 1,    /* stands for a number: "three", "dozen", "thousands" */
    CG_NUM_SCALE = 2,   /* multiplies the number before it: "million", "bn" */
    CG_NUM_ATTACHED = 4 /* multiplies digits it is written against: "5bn", "20m" */
} CgNumberRole;

/* Whether the `len` bytes at `w` (any letter case) are a number word in
 * `role`; *value is its value, or 0 for a vague amount.  `value` may be NULL. */
bool cg_number_word(const char *w, size_t len, CgNumberRole role, double *value);

#endif
