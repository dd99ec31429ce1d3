/*
 * A stable merge sort for one element type, its comparison called directly (inlined).
 *
 * Why: the layout loops sort small arrays of plain structs tens of thousands of times per
 * document (a fragment's glyph sizes for their median, a part's spans for its widest gap).
 * The C library's qsort reaches the comparison through a pointer and copies each element
 * with a memcpy call: for such arrays that cost more than the comparisons themselves.
 *
 * The same sort as glibc's qsort (its msort): the array halved (the first half n / 2 long),
 * each half sorted so, then merged taking from the first half while its element compares
 * less than or equal to the second's. The same comparisons in the same order, so the same
 * order as qsort gives for any comparison; for the comparisons used here (total orders, or
 * orders whose ties are the same value: NaN is left to Python before any sort), that is also
 * the order Python's sorted() gives. Where no room can be had for the merge, qsort sorts.
 *
 * DEFINE_MERGE_SORT(name, type, compare) defines ``static void name(type *base, size_t n)``;
 * ``compare(const void *, const void *)`` is qsort's kind of comparison function.
 */
#ifndef LAYOUT_MERGE_SORT_H
#define LAYOUT_MERGE_SORT_H

#include <stdlib.h>
#include <string.h>

/* Elements merged through a buffer on the stack up to this many (larger: one allocation). */
#define MERGE_SORT_STACK 64

#define DEFINE_MERGE_SORT(name, type, compare)                                              \
    static void name##_into(type *b, size_t n, type *tmp) {                                 \
        if (n <= 1) return;                                                                 \
        size_t n1 = n / 2, n2 = n - n1;                                                     \
        type *b1 = b, *b2 = b + n1;                                                         \
        name##_into(b1, n1, tmp);                                                           \
        name##_into(b2, n2, tmp);                                                           \
        type *t = tmp;                                                                      \
        while (n1 > 0 && n2 > 0) {                                                          \
            if (compare(b1, b2) <= 0) {                                                     \
                *t++ = *b1++;                                                               \
                n1--;                                                                       \
            } else {                                                                        \
                *t++ = *b2++;                                                               \
                n2--;                                                                       \
            }                                                                               \
        }                                                                                   \
        if (n1 > 0) memcpy(t, b1, n1 * sizeof(type));                                       \
        memcpy(b, tmp, (n - n2) * sizeof(type));                                            \
    }                                                                                       \
    static void name(type *base, size_t n) {                                                \
        if (n <= 1) return;                                                                 \
        type on_stack[MERGE_SORT_STACK];                                                    \
        type *tmp = n <= MERGE_SORT_STACK ? on_stack : malloc(n * sizeof(type));            \
        if (tmp == NULL) {                                                                  \
            qsort(base, n, sizeof(type), compare);                                          \
            return;                                                                         \
        }                                                                                   \
        name##_into(base, n, tmp);                                                          \
        if (tmp != on_stack) free(tmp);                                                     \
    }

#endif
