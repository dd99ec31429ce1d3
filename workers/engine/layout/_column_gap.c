/*
 * order._widest_gap across x, in C: the widest empty band between items sorted by (x0, x1).
 *
 * Why C: the column search (order.py) asks it tens of thousands of times per document, for
 * every part of a page under every horizontal cut it tries; the sort and the walk were a
 * sixth of the untagged files' analysis in Python.
 *
 * Same result as order._python_widest_x_gap: the items sorted stably by (x0, x1) (ties by
 * their place in the list: a total order, so the merge sort gives the stable sort's order),
 * then the first widest gap x0 - (rightmost x1 so far). Returns None, for the Python twin to
 * answer, when the list is empty or any coordinate is not a finite float (NaN sorts by the
 * order of comparisons, which only the same algorithm reproduces). A test compares the two.
 *
 * gap_measures: what the column search measures of a part before it looks further, for
 * many slices of one list at once (the parts above and below each horizontal cut it tries;
 * most have no gap a gutter could be, or one beside a side too narrow for a column, and are
 * refused on these measures without each being cut off, sorted and walked): the widest
 * gap's width and, where it is wide enough to matter, the median type size and the width
 * of the narrower side. The list is read and sorted once; a slice's items, taken in that
 * order, are the slice sorted as widest_x_gap sorts it, so the walk over them finds the
 * same gap. Same result as order._python_gap_measures (a test compares them).
 * widest_y_gap: the same across y (order._widest_gap's other axis, the reading order's cut
 * between rows), the items sorted by (-y1, -y0) as order._python_widest_y_gap sorts them.
 *
 * horizontal_cuts: order._horizontal_cuts (where the column search cuts a part across, each
 * of the thousands of parts it looks at: a sort by the tops and a walk down the lines).
 * Same result as order._python_horizontal_cuts (a test compares them); None, for the twin
 * to answer, where a coordinate is not a finite float.
 *
 * places_off_leading: order._places_off_leading (which of the cuts horizontal_cuts found on
 * a part of running text fall between two lines of one column at its leading, asked of every
 * part and, for each cut, of every line of the row under it). Same result as
 * order._python_places_off_leading (a test compares them).
 *
 * lines_along: order.lines_along (a page's drawn pieces of lines, gathered into lines one way:
 * a page drawn as thousands of shapes, a map or a chart cell by cell, has tens of thousands
 * of edges, each a step of the Python walk and of a sort of the pieces of its line). The
 * pieces sorted as Python sorts the tuples (by place, start, end; ties kept in their order),
 * grouped from each group's first place, each group's stretches sorted stably by their start
 * and joined as order._joined_stretches joins them. Same result as order._python_lines_along
 * (a test compares them); None, for the twin to answer, where a piece is not a tuple of three
 * finite floats.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../_merge_sort.h"

typedef struct {
    double x0, x1;
    Py_ssize_t index;
} Span;

static PyObject *name_x0, *name_x1, *name_y0, *name_y1, *name_size;

static int compare_spans(const void *pa, const void *pb) {
    const Span *a = pa, *b = pb;
    if (a->x0 != b->x0) return a->x0 < b->x0 ? -1 : 1;
    if (a->x1 != b->x1) return a->x1 < b->x1 ? -1 : 1;
    return a->index < b->index ? -1 : (a->index > b->index);
}

DEFINE_MERGE_SORT(sort_spans, Span, compare_spans)

/* The boxes read while remember_boxes is on (order.column_regions, for one page): the column
 * search reads the box of every fragment of a part, for each of the thousands of parts it
 * looks at, and reading an attribute by name cost more than all the rest of these loops. Each
 * item's x0, y0, x1, y1 and size, once read, is kept by the item's address (the item held,
 * so that no other object takes its address while it is kept): what finite_float found, a
 * finite float or none. Only for items whose boxes do not change while it is on (the column
 * search reads its fragments, and makes new ones, but changes none). Kept for the thread that
 * turned it on only: another thread's reads (an analysis of its own) go to the attributes. */
enum { BOX_X0, BOX_Y0, BOX_X1, BOX_Y1, BOX_SIZE, BOX_FIELDS };
enum { UNREAD = 0, FINITE = 1, NOT_FINITE = 2 };

typedef struct {
    PyObject *item; /* held; NULL: a free entry */
    double value[BOX_FIELDS];
    unsigned char state[BOX_FIELDS];
} KeptBox;

static KeptBox *kept = NULL;
static size_t kept_room = 0, kept_count = 0; /* kept_room: a power of two, or 0 (off) */
static unsigned long kept_owner = 0; /* the thread that turned it on */

static size_t kept_slot(PyObject *item, size_t room) {
    size_t h = (size_t)(uintptr_t)item >> 4;
    h *= (size_t)0x9E3779B97F4A7C15ULL;
    return (h ^ (h >> 29)) & (room - 1);
}

static void forget_boxes(void) {
    for (size_t k = 0; k < kept_room; k++) Py_XDECREF(kept[k].item);
    PyMem_Free(kept);
    kept = NULL;
    kept_room = kept_count = 0;
}

/* The entry of ``item`` (added, unread, when new), or NULL when none can be had (no memory:
 * the attribute is then read as ever). */
static KeptBox *kept_box(PyObject *item) {
    size_t k = kept_slot(item, kept_room);
    while (kept[k].item != NULL) {
        if (kept[k].item == item) return &kept[k];
        k = (k + 1) & (kept_room - 1);
    }
    if (2 * (kept_count + 1) > kept_room) { /* (at most half full: grown, and looked up again) */
        size_t room = 2 * kept_room;
        KeptBox *grown = PyMem_Calloc(room, sizeof(KeptBox));
        if (grown == NULL) return NULL;
        for (size_t j = 0; j < kept_room; j++) {
            if (kept[j].item == NULL) continue;
            size_t at = kept_slot(kept[j].item, room);
            while (grown[at].item != NULL) at = (at + 1) & (room - 1);
            grown[at] = kept[j];
        }
        PyMem_Free(kept);
        kept = grown;
        kept_room = room;
        k = kept_slot(item, kept_room);
        while (kept[k].item != NULL) k = (k + 1) & (kept_room - 1);
    }
    Py_INCREF(item);
    memset(&kept[k], 0, sizeof(KeptBox));
    kept[k].item = item;
    kept_count++;
    return &kept[k];
}

/* remember_boxes(on) -> None: keep the boxes read from now on (on), or forget them all and
 * keep none (off). */
static PyObject *remember_boxes(PyObject *self, PyObject *arg) {
    (void)self;
    int on = PyObject_IsTrue(arg);
    if (on < 0) return NULL;
    unsigned long thread = PyThread_get_thread_ident();
    if (!on && kept_room && kept_owner != thread) Py_RETURN_NONE; /* (another's: left on) */
    forget_boxes();
    if (on) {
        kept = PyMem_Calloc(1024, sizeof(KeptBox));
        if (kept == NULL) return PyErr_NoMemory();
        kept_room = 1024;
        kept_owner = thread;
    }
    Py_RETURN_NONE;
}

/* The attribute as a finite float; 0 when it is not one (or on an error, which is set). */
static int read_finite_float(PyObject *item, PyObject *name, double *out) {
    PyObject *value = PyObject_GetAttr(item, name);
    if (value == NULL) return 0;
    int ok = PyFloat_CheckExact(value);
    if (ok) {
        *out = PyFloat_AS_DOUBLE(value);
        ok = isfinite(*out);
    }
    Py_DECREF(value);
    return ok;
}

/* read_finite_float, the box's fields kept while remember_boxes is on. */
static int finite_float(PyObject *item, PyObject *name, double *out) {
    int field = name == name_x0 ? BOX_X0 : name == name_y0 ? BOX_Y0 : name == name_x1 ? BOX_X1
                : name == name_y1 ? BOX_Y1 : name == name_size ? BOX_SIZE : -1;
    int mine = kept_room && kept_owner == PyThread_get_thread_ident();
    KeptBox *box = field >= 0 && mine ? kept_box(item) : NULL;
    if (box == NULL) return read_finite_float(item, name, out);
    if (box->state[field] == FINITE) {
        *out = box->value[field];
        return 1;
    }
    if (box->state[field] == NOT_FINITE) return 0;
    int ok = read_finite_float(item, name, out);
    if (!ok && PyErr_Occurred()) return 0; /* (an error: not kept) */
    /* (Looked up again: reading may have run Python code, which may have grown the table.) */
    box = kept_room && kept_owner == PyThread_get_thread_ident() ? kept_box(item) : NULL;
    if (box != NULL) {
        box->state[field] = ok ? FINITE : NOT_FINITE;
        if (ok) box->value[field] = *out;
    }
    return ok;
}

/* The spans of a list's items, read in the list's order: each from its ``start`` attribute
 * to its ``end``, both times ``sign`` (-1 turns a walk across x into one down the page). NULL
 * with no error set when a coordinate is not a finite float (the caller answers None), NULL
 * with an error on one. */
static Span *read_spans_of(PyObject *items, Py_ssize_t n, PyObject *start, PyObject *end,
                           double sign) {
    Span *spans = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Span));
    if (spans == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        spans[i].index = i;
        if (!finite_float(item, start, &spans[i].x0) || !finite_float(item, end, &spans[i].x1)) {
            PyMem_Free(spans);
            return NULL;
        }
        spans[i].x0 *= sign;
        spans[i].x1 *= sign;
    }
    return spans;
}

/* The spans across x, from x0 to x1. */
static Span *read_spans(PyObject *items, Py_ssize_t n) {
    return read_spans_of(items, n, name_x0, name_x1, 1.0);
}

/* The spans down the page, as order._widest_gap takes them across y: from -y1 to -y0. */
static Span *read_spans_down(PyObject *items, Py_ssize_t n) {
    return read_spans_of(items, n, name_y1, name_y0, -1.0);
}

/* Sorts the n (>= 1) spans, then finds the widest gap between them: its width in *gap
   (0.0 when none) and the position of the span after it (-1 when none). */
static Py_ssize_t sorted_widest_gap(Span *spans, Py_ssize_t n, double *gap) {
    sort_spans(spans, (size_t)n);
    double best_gap = 0.0, reach = spans[0].x1;
    Py_ssize_t best_at = -1;
    for (Py_ssize_t i = 1; i < n; i++) {
        double this_gap = spans[i].x0 - reach;
        if (this_gap > best_gap) {
            best_gap = this_gap;
            best_at = i;
        }
        if (spans[i].x1 > reach) reach = spans[i].x1;
    }
    *gap = best_gap;
    return best_at;
}

/* The widest gap between the spans (gap, index, items in the spans' order), or None. */
static PyObject *widest_gap(PyObject *items, Span *(*read)(PyObject *, Py_ssize_t)) {
    if (!PyList_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "a list of items with x0, y0, x1 and y1");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    if (n == 0) Py_RETURN_NONE;
    Span *spans = read(items, n);
    if (spans == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    double best_gap;
    Py_ssize_t best_at = sorted_widest_gap(spans, n, &best_gap);
    PyObject *ordered = PyList_New(n);
    if (ordered == NULL) {
        PyMem_Free(spans);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(items, spans[i].index);
        Py_INCREF(item);
        PyList_SET_ITEM(ordered, i, item);
    }
    PyMem_Free(spans);
    return Py_BuildValue("(dnN)", best_gap, best_at, ordered);
}

static PyObject *widest_x_gap(PyObject *self, PyObject *items) {
    (void)self;
    return widest_gap(items, read_spans);
}

/* Across y (the reading order's cut between rows): the items sorted by (-y1, -y0). */
static PyObject *widest_y_gap(PyObject *self, PyObject *items) {
    (void)self;
    return widest_gap(items, read_spans_down);
}

/* What the column search measures of a slice: the widest gap's width, and where that gap
 * is at least ``wide``, the median of the items' type sizes and the width of the narrower
 * side of the gap. */
typedef struct {
    double width, size, narrow;
} Measures;

static int compare_doubles(const void *pa, const void *pb) {
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

DEFINE_MERGE_SORT(sort_doubles, double, compare_doubles)

/* statistics.median of the sizes of the items of [start, end) (finite: a total order). */
static double median_size(const double *sizes, Py_ssize_t start, Py_ssize_t end,
                          double *scratch) {
    Py_ssize_t m = end - start;
    for (Py_ssize_t i = 0; i < m; i++) scratch[i] = sizes[start + i];
    sort_doubles(scratch, (size_t)m);
    return m % 2 ? scratch[m / 2] : (scratch[m / 2 - 1] + scratch[m / 2]) / 2;
}

/* The widest gap of the items of [start, end), walking ``sorted`` (all items, by x): the
 * walk of widest_x_gap over the slice's items in the same order. Where there is one,
 * ``at`` is its place in ``sorted`` (-1: none) and ``left`` the span of the items before
 * it: the first of them starts furthest left (sorted by x0, the values finite, so min(x0)
 * as Python finds it), and the reach there is their rightmost end. */
static double slice_gap(const Span *sorted, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                        Py_ssize_t *at, double left[2]) {
    double best_gap = 0.0, reach = 0.0, first_x0 = 0.0;
    Py_ssize_t seen = 0;
    *at = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (sorted[i].index < start || sorted[i].index >= end) continue;
        if (seen++ == 0) {
            first_x0 = sorted[i].x0;
            reach = sorted[i].x1;
            continue;
        }
        double gap = sorted[i].x0 - reach;
        if (gap > best_gap) {
            best_gap = gap;
            *at = i;
            left[0] = first_x0;
            left[1] = reach;
        }
        if (sorted[i].x1 > reach) reach = sorted[i].x1;
    }
    return best_gap;
}

/* The width of the narrower side of the gap at ``at`` (see slice_gap). */
static double narrower_side(const Span *sorted, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                            Py_ssize_t at, const double left[2]) {
    double right_end = sorted[at].x1;
    for (Py_ssize_t i = at + 1; i < n; i++) {
        if (sorted[i].index < start || sorted[i].index >= end) continue;
        if (sorted[i].x1 > right_end) right_end = sorted[i].x1;
    }
    double left_width = left[1] - left[0], right_width = right_end - sorted[at].x0;
    return right_width < left_width ? right_width : left_width;
}

/* The items' sizes in the list's order; NULL with no error set when one is not a finite
 * float, NULL with an error on one. */
static double *read_sizes(PyObject *items, Py_ssize_t n) {
    double *sizes = PyMem_Malloc((size_t)(n > 0 ? n : 1) * 2 * sizeof(double));
    if (sizes == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!finite_float(PyList_GET_ITEM(items, i), name_size, &sizes[i])) {
            PyMem_Free(sizes);
            return NULL;
        }
    }
    return sizes;
}

/* median_size(items) -> float or None: order._median_size, ``quick_median`` of the items'
 * sizes (sorted stably, the middle one or the mean of the two middle ones). None, for the
 * Python twin, for no items or a size that is no finite float. (Asked of each part the column
 * search finds a gap in: its sizes are those remember_boxes keeps.) */
static PyObject *median_size_of(PyObject *self, PyObject *items) {
    (void)self;
    if (!PyList_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "median_size(items): a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    if (n == 0) Py_RETURN_NONE;
    double *sizes = read_sizes(items, n);
    if (sizes == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    double median = median_size(sizes, 0, n, sizes + n);
    PyMem_Free(sizes);
    return PyFloat_FromDouble(median);
}

/* The width of ``side`` (max of x1 less min of x0, each the first of equal ones, as max()
 * and min() find them); 0 when a coordinate is no finite float, -1 on an error. */
static int side_width(PyObject *side, double *width) {
    Py_ssize_t n = PyList_GET_SIZE(side);
    double right = 0.0, left = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double x0, x1;
        PyObject *item = PyList_GET_ITEM(side, i);
        if (!finite_float(item, name_x1, &x1) || !finite_float(item, name_x0, &x0)) {
            return PyErr_Occurred() ? -1 : 0;
        }
        if (i == 0 || x1 > right) right = x1;
        if (i == 0 || x0 < left) left = x0;
    }
    *width = right - left;
    return 1;
}

/* narrower_side(left, right) -> float or None: order._narrower_side, the width of the
 * narrower of two sides. None, for the Python twin, for an empty side or a coordinate that is
 * no finite float. */
static PyObject *narrower_side_of(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *one, *other;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &one, &PyList_Type, &other)) return NULL;
    if (PyList_GET_SIZE(one) == 0 || PyList_GET_SIZE(other) == 0) Py_RETURN_NONE;
    double a, b;
    int status = side_width(one, &a);
    if (status > 0) status = side_width(other, &b);
    if (status < 0) return NULL;
    if (status == 0) Py_RETURN_NONE;
    /* (min() of the two: the first of equal ones.) */
    return PyFloat_FromDouble(b < a ? b : a);
}

/* extent(items) -> (min x0, max x1, min y0, max y1) or None: order._extent (each the first of
 * equal values, as min() and max() find them). None, for the Python twin, for no items or a
 * coordinate that is no finite float. (Asked at every step of the reading order's recursion
 * on a page with drawn lines.) */
static PyObject *extent_of(PyObject *self, PyObject *items) {
    (void)self;
    if (!PyList_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "extent(items): a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    if (n == 0) Py_RETURN_NONE;
    double low_x = 0.0, high_x = 0.0, low_y = 0.0, high_y = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        double x0, x1, y0, y1;
        if (!finite_float(item, name_x0, &x0) || !finite_float(item, name_x1, &x1) ||
            !finite_float(item, name_y0, &y0) || !finite_float(item, name_y1, &y1)) {
            if (PyErr_Occurred()) return NULL;
            Py_RETURN_NONE;
        }
        if (i == 0 || x0 < low_x) low_x = x0;
        if (i == 0 || x1 > high_x) high_x = x1;
        if (i == 0 || y0 < low_y) low_y = y0;
        if (i == 0 || y1 > high_y) high_y = y1;
    }
    return Py_BuildValue("(dddd)", low_x, high_x, low_y, high_y);
}

static PyObject *gap_measures(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *items, *bounds;
    double wide;
    if (!PyArg_ParseTuple(args, "O!O!d", &PyList_Type, &items, &PyList_Type, &bounds, &wide)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items), count = PyList_GET_SIZE(bounds);
    Py_ssize_t *starts = PyMem_Malloc((size_t)(count > 0 ? count : 1) * 2 * sizeof(Py_ssize_t));
    if (starts == NULL) return PyErr_NoMemory();
    Py_ssize_t *ends = starts + count;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *pair = PyList_GET_ITEM(bounds, k);
        if (!PyTuple_Check(pair) || !PyArg_ParseTuple(pair, "nn", &starts[k], &ends[k])) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "(start, end) pairs");
            PyMem_Free(starts);
            return NULL;
        }
        if (starts[k] < 0 || ends[k] > n || starts[k] > ends[k]) {
            PyErr_SetString(PyExc_ValueError, "a slice out of the items");
            PyMem_Free(starts);
            return NULL;
        }
    }
    Measures *measures = PyMem_Malloc((size_t)(count > 0 ? count : 1) * sizeof(Measures));
    Span *spans = read_spans(items, n);
    if (measures == NULL || spans == NULL) {
        PyMem_Free(measures);
        PyMem_Free(starts);
        if (spans == NULL && PyErr_Occurred()) return NULL;
        if (measures == NULL) {
            PyMem_Free(spans);
            return PyErr_NoMemory();
        }
        Py_RETURN_NONE;
    }
    sort_spans(spans, (size_t)n);
    double *sizes = NULL;  /* read on the first slice whose gap is wide enough */
    int failed = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t at;
        double left[2] = {0.0, 0.0};
        Measures *m = &measures[k];
        m->width = slice_gap(spans, n, starts[k], ends[k], &at, left);
        m->size = m->narrow = 0.0;
        if (at < 0 || !(m->width >= wide)) continue;
        if (sizes == NULL && (sizes = read_sizes(items, n)) == NULL) {
            failed = 1;
            break;
        }
        m->narrow = narrower_side(spans, n, starts[k], ends[k], at, left);
        m->size = median_size(sizes, starts[k], ends[k], sizes + n);
    }
    PyMem_Free(spans);
    PyMem_Free(sizes);
    PyMem_Free(starts);
    PyObject *out = NULL;
    if (failed) {
        if (!PyErr_Occurred()) {
            out = Py_None;
            Py_INCREF(out);
        }
    } else {
        out = PyList_New(count);
        for (Py_ssize_t k = 0; out != NULL && k < count; k++) {
            PyObject *one = Py_BuildValue(
                "(ddd)", measures[k].width, measures[k].size, measures[k].narrow);
            if (one == NULL) {
                Py_CLEAR(out);
                break;
            }
            PyList_SET_ITEM(out, k, one);
        }
    }
    PyMem_Free(measures);
    return out;
}

typedef struct {
    double top, bottom;
    Py_ssize_t index;
} Line;

/* By the tops, highest first; ties in the list's order (sorted(key=-y1) is stable). */
static int compare_tops(const void *pa, const void *pb) {
    const Line *a = pa, *b = pb;
    if (a->top != b->top) return a->top > b->top ? -1 : 1;
    return a->index < b->index ? -1 : (a->index > b->index);
}

DEFINE_MERGE_SORT(sort_tops, Line, compare_tops)

typedef struct {
    double gap;
    Py_ssize_t at;
} Cut;

/* sorted(gaps, reverse=True) of (gap, index) pairs: widest first, ties latest first. */
static int compare_cuts(const void *pa, const void *pb) {
    const Cut *a = pa, *b = pb;
    if (a->gap != b->gap) return a->gap > b->gap ? -1 : 1;
    return a->at > b->at ? -1 : (a->at < b->at);
}

DEFINE_MERGE_SORT(sort_cuts, Cut, compare_cuts)

static int compare_places(const void *pa, const void *pb) {
    Py_ssize_t a = ((const Cut *)pa)->at, b = ((const Cut *)pb)->at;
    return (a > b) - (a < b);
}

DEFINE_MERGE_SORT(sort_places, Cut, compare_places)

static PyObject *horizontal_cuts(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *items;
    double share, leading;
    Py_ssize_t limit;
    int top_down;
    if (!PyArg_ParseTuple(args, "O!ddnp", &PyList_Type, &items, &share, &leading, &limit,
                          &top_down)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    if (n == 0) Py_RETURN_NONE;
    Line *lines = PyMem_Malloc((size_t)n * sizeof(Line));
    double *heights = PyMem_Malloc((size_t)n * sizeof(double));
    Cut *cuts = PyMem_Malloc((size_t)n * sizeof(Cut));
    PyObject *out = NULL;
    if (lines == NULL || heights == NULL || cuts == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        lines[i].index = i;
        if (!finite_float(item, name_y1, &lines[i].top) ||
            !finite_float(item, name_y0, &lines[i].bottom)) {
            if (!PyErr_Occurred()) {
                out = Py_None;
                Py_INCREF(out);
            }
            goto done;
        }
        heights[i] = lines[i].top - lines[i].bottom;
    }
    sort_doubles(heights, (size_t)n);
    double median = n % 2 ? heights[n / 2] : (heights[n / 2 - 1] + heights[n / 2]) / 2;
    double minimum = share * median;
    if (!top_down) sort_tops(lines, (size_t)n);
    /* The walk down the lines: the gap under the lowest foot so far. */
    Py_ssize_t found = 0;
    double reach = lines[0].bottom, reach_height = lines[0].top - lines[0].bottom;
    for (Py_ssize_t i = 1; i < n; i++) {
        double height = lines[i].top - lines[i].bottom;
        double gap = reach - lines[i].top;
        double lower = height < reach_height ? height : reach_height;  /* min(reach's, this) */
        if (gap >= minimum && gap >= leading * lower) {
            cuts[found].gap = gap;
            cuts[found].at = i;
            found++;
        }
        if (lines[i].bottom < reach) {
            reach = lines[i].bottom;
            reach_height = height;
        }
    }
    sort_cuts(cuts, (size_t)found);
    if (found > limit) found = limit > 0 ? limit : 0;
    sort_places(cuts, (size_t)found);
    PyObject *spans = PyList_New(n), *places = PyList_New(found);
    if (spans == NULL || places == NULL) {
        Py_XDECREF(spans);
        Py_XDECREF(places);
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(items, lines[i].index);
        Py_INCREF(item);
        PyList_SET_ITEM(spans, i, item);
    }
    for (Py_ssize_t k = 0; k < found; k++) {
        PyObject *at = PyLong_FromSsize_t(cuts[k].at);
        if (at == NULL) {
            Py_DECREF(spans);
            Py_DECREF(places);
            goto done;
        }
        PyList_SET_ITEM(places, k, at);
    }
    out = Py_BuildValue("(NN)", spans, places);
done:
    PyMem_Free(lines);
    PyMem_Free(heights);
    PyMem_Free(cuts);
    return out;
}

typedef struct {
    double place, start, end;
    Py_ssize_t index;  /* (its place in the list, then in the sorted list: ties keep it) */
} Piece;

static int compare_pieces(const void *pa, const void *pb) {
    const Piece *a = pa, *b = pb;
    if (a->place != b->place) return a->place < b->place ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    if (a->end != b->end) return a->end < b->end ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

DEFINE_MERGE_SORT(sort_pieces, Piece, compare_pieces)

static int compare_starts(const void *pa, const void *pb) {
    const Piece *a = pa, *b = pb;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

DEFINE_MERGE_SORT(sort_starts, Piece, compare_starts)

/* The float of a tuple's item as a finite double; 0 when it is not one. */
static int finite_item(PyObject *tuple, Py_ssize_t k, double *out) {
    PyObject *value = PyTuple_GET_ITEM(tuple, k);
    if (!PyFloat_CheckExact(value)) return 0;
    *out = PyFloat_AS_DOUBLE(value);
    return isfinite(*out);
}

/* (start, end) as a new tuple of two floats, or NULL on an error. */
static PyObject *stretch_of(double start, double end) {
    return Py_BuildValue("(dd)", start, end);
}

/* Append (place, stretches) to ``lines``; 0 on an error. Steals ``stretches``. */
static int add_line(PyObject *lines, double place, PyObject *stretches) {
    if (stretches == NULL) return 0;
    PyObject *line = Py_BuildValue("(dN)", place, stretches);
    if (line == NULL) return 0;
    int failed = PyList_Append(lines, line);
    Py_DECREF(line);
    return failed == 0;
}

static PyObject *lines_along(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *pieces;
    double join;
    if (!PyArg_ParseTuple(args, "O!d", &PyList_Type, &pieces, &join)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(pieces);
    Piece *sorted = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Piece));
    if (sorted == NULL) return PyErr_NoMemory();
    PyObject *lines = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *piece = PyList_GET_ITEM(pieces, i);
        sorted[i].index = i;
        if (!PyTuple_CheckExact(piece) || PyTuple_GET_SIZE(piece) != 3 ||
            !finite_item(piece, 0, &sorted[i].place) ||
            !finite_item(piece, 1, &sorted[i].start) || !finite_item(piece, 2, &sorted[i].end)) {
            PyMem_Free(sorted);
            Py_RETURN_NONE;
        }
    }
    sort_pieces(sorted, (size_t)n);
    for (Py_ssize_t i = 0; i < n; i++) sorted[i].index = i;  /* (the stable order from here) */
    lines = PyList_New(0);
    if (lines == NULL) goto failed;
    Py_ssize_t at = 0;
    while (at < n) {
        double place = sorted[at].place;
        Py_ssize_t end = at + 1;
        while (end < n && sorted[end].place - place <= join) end++;
        PyObject *stretches = PyList_New(0);
        if (stretches == NULL) goto failed;
        if (end > at + 1) sort_starts(sorted + at, (size_t)(end - at));
        /* _joined_stretches: a piece starting within ``join`` of the open stretch's end
         * extends it (to the farther end: max(end, b) keeps the first on a tie). */
        double open_start = sorted[at].start, open_end = sorted[at].end;
        for (Py_ssize_t k = at + 1; k < end; k++) {
            double a = sorted[k].start, b = sorted[k].end;
            if (a <= open_end + join) {
                if (b > open_end) open_end = b;
                continue;
            }
            PyObject *done = stretch_of(open_start, open_end);
            if (done == NULL || PyList_Append(stretches, done) < 0) {
                Py_XDECREF(done);
                Py_DECREF(stretches);
                goto failed;
            }
            Py_DECREF(done);
            open_start = a;
            open_end = b;
        }
        PyObject *last = stretch_of(open_start, open_end);
        if (last == NULL || PyList_Append(stretches, last) < 0) {
            Py_XDECREF(last);
            Py_DECREF(stretches);
            goto failed;
        }
        Py_DECREF(last);
        if (!add_line(lines, place, stretches)) goto failed;
        at = end;
    }
    PyMem_Free(sorted);
    return lines;
failed:
    PyMem_Free(sorted);
    Py_XDECREF(lines);
    return NULL;
}

/* spanning(lines, first, last, start, end) -> the places of lines[first:last] (each
 * (place, stretches), as lines_along makes them) with a stretch (a, b) reaching from ``start``
 * to ``end`` (a <= start and b >= end), in order; or None where a value is not what
 * lines_along makes (a tuple of plain floats, a list of them): order.py's _spanning (the
 * same comparisons in the same order; a test compares the two), asked at every cut of the
 * reading order of every line in the part. */
static PyObject *spanning(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *lines;
    Py_ssize_t first, last;
    double start, end;
    if (!PyArg_ParseTuple(args, "O!nndd", &PyList_Type, &lines, &first, &last, &start, &end))
        return NULL;
    Py_ssize_t count = PyList_GET_SIZE(lines);
    if (first < 0) first = 0;
    if (last > count) last = count;
    PyObject *found = PyList_New(0);
    if (found == NULL) return NULL;
    for (Py_ssize_t i = first; i < last; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        if (!PyTuple_CheckExact(line) || PyTuple_GET_SIZE(line) != 2) goto left;
        PyObject *place = PyTuple_GET_ITEM(line, 0), *stretches = PyTuple_GET_ITEM(line, 1);
        if (!PyList_CheckExact(stretches)) goto left;
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(stretches); k++) {
            PyObject *stretch = PyList_GET_ITEM(stretches, k);
            if (!PyTuple_CheckExact(stretch) || PyTuple_GET_SIZE(stretch) != 2) goto left;
            PyObject *a = PyTuple_GET_ITEM(stretch, 0), *b = PyTuple_GET_ITEM(stretch, 1);
            if (!PyFloat_CheckExact(a) || !PyFloat_CheckExact(b)) goto left;
            if (PyFloat_AS_DOUBLE(a) <= start && PyFloat_AS_DOUBLE(b) >= end) {
                if (PyList_Append(found, place) < 0) {
                    Py_DECREF(found);
                    return NULL;
                }
                break;
            }
        }
    }
    return found;
left:
    Py_DECREF(found);
    Py_RETURN_NONE;
}

/* text_like: order._text_like (whether a side of a gap is set text: lines of several words
 * filling their column, or columns of them either side of a gutter of its own), asked of
 * both sides of every gap the column search weighs. Same result as order._python_text_like
 * (a test compares them): the same counts, the same medians (sorted doubles, the even
 * case's mean as Python computes it), the same recursion into the two sides of the widest
 * gap across x (widest_x_gap's stable order). The leader-dot test (order._leadered_entry,
 * a regular expression) is asked of Python, and only of a piece with fewer than four words
 * and four dots or more, as it asks itself. None, for the twin to answer, where a
 * coordinate or a size is not a finite float, a word count not an int or a text not a str.
 */
typedef struct {
    PyObject *fragment;  /* borrowed from the caller's list */
    double x0, x1, size;
    long words;
    Py_ssize_t length;   /* len(text); -1: not read yet */
    int leadered;        /* -1: not asked yet */
    int sized;           /* size read */
} TextPiece;

enum { TEXT_NO = 0, TEXT_YES = 1, TEXT_ERROR = -1, TEXT_PYTHON = -2 };

static PyObject *name_words, *name_text;

static int piece_length(TextPiece *p) {
    if (p->length >= 0) return TEXT_YES;
    PyObject *text = PyObject_GetAttr(p->fragment, name_text);
    if (text == NULL) return TEXT_ERROR;
    int ok = PyUnicode_CheckExact(text);
    if (ok) p->length = PyUnicode_GET_LENGTH(text);
    Py_DECREF(text);
    return ok ? TEXT_YES : TEXT_PYTHON;
}

/* order._leadered_entry of a piece of fewer than four words (``leadered``: that function). */
static int piece_leadered(TextPiece *p, PyObject *leadered) {
    if (p->leadered >= 0) return p->leadered;
    PyObject *text = PyObject_GetAttr(p->fragment, name_text);
    if (text == NULL) return TEXT_ERROR;
    if (!PyUnicode_CheckExact(text)) {
        Py_DECREF(text);
        return TEXT_PYTHON;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), dots = 0;
    p->length = n;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n && dots < 4; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        dots += ch == '.' || ch == 0x00b7 || ch == 0x2026;
    }
    Py_DECREF(text);
    if (dots < 4) return p->leadered = 0;
    PyObject *answer = PyObject_CallOneArg(leadered, p->fragment);
    if (answer == NULL) return TEXT_ERROR;
    int truth = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    if (truth < 0) return TEXT_ERROR;
    return p->leadered = truth;
}

static int piece_size(TextPiece *p) {
    if (p->sized) return TEXT_YES;
    PyObject *value = PyObject_GetAttr(p->fragment, name_size);
    if (value == NULL) return TEXT_ERROR;
    int ok = PyFloat_CheckExact(value);
    if (ok) {
        p->size = PyFloat_AS_DOUBLE(value);
        ok = isfinite(p->size);
    }
    Py_DECREF(value);
    if (!ok) return TEXT_PYTHON;
    p->sized = 1;
    return TEXT_YES;
}

/* lines.quick_median of n finite values (sorted in place). */
static double quick_median(double *values, Py_ssize_t n) {
    sort_doubles(values, (size_t)n);
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static int text_like_of(TextPiece **pieces, Py_ssize_t n, int depth, double fragment_gap,
                        PyObject *leadered) {
    if (n < 3 || depth > 6) return TEXT_NO;
    int result = TEXT_ERROR;
    TextPiece **long_lines = PyMem_Malloc((size_t)n * sizeof(TextPiece *));
    double *values = PyMem_Malloc((size_t)n * sizeof(double));
    Span *spans = PyMem_Malloc((size_t)n * sizeof(Span));
    TextPiece **ordered = PyMem_Malloc((size_t)n * sizeof(TextPiece *));
    if (long_lines == NULL || values == NULL || spans == NULL || ordered == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int is_long = pieces[i]->words >= 4;
        if (!is_long) {
            is_long = piece_leadered(pieces[i], leadered);
            if (is_long < 0) {
                result = is_long;
                goto done;
            }
        }
        if (is_long) long_lines[count++] = pieces[i];
    }
    result = TEXT_NO;
    if (count < 3) goto done;
    if ((double)count < (double)n / 2) {
        long long long_chars = 0, all_chars = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            int read = piece_length(pieces[i]);
            if (read != TEXT_YES) {
                result = read;
                goto done;
            }
            all_chars += pieces[i]->length;
        }
        for (Py_ssize_t i = 0; i < count; i++) long_chars += long_lines[i]->length;
        if ((double)long_chars < 0.6 * (double)all_chars) goto done;
    }
    double right = pieces[0]->x1, left = pieces[0]->x0;
    for (Py_ssize_t i = 1; i < n; i++) {
        if (pieces[i]->x1 > right) right = pieces[i]->x1;
        if (pieces[i]->x0 < left) left = pieces[i]->x0;
    }
    double width = right - left;
    if (!isfinite(width)) {
        result = TEXT_PYTHON;  /* (an overflow: the ratios' NaNs sort by the comparisons) */
        goto done;
    }
    TextPiece **running = (double)count >= (double)n / 2 ? pieces : long_lines;
    Py_ssize_t running_n = running == pieces ? n : count;
    result = TEXT_YES;
    if (width > 0) {
        for (Py_ssize_t i = 0; i < running_n; i++)
            values[i] = (running[i]->x1 - running[i]->x0) / width;
        if (quick_median(values, running_n) >= 0.6) goto done;
        Py_ssize_t full = 0;
        for (Py_ssize_t i = 0; i < count; i++)
            full += long_lines[i]->x1 - long_lines[i]->x0 >= 0.9 * width;
        if ((double)full >= 0.4 * (double)count) goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        int read = piece_size(pieces[i]);
        if (read != TEXT_YES) {
            result = read;
            goto done;
        }
        values[i] = pieces[i]->size;
    }
    double size = quick_median(values, n);
    if (size == 0.0) size = 10.0;
    double minimum = fragment_gap * size;
    if (!(minimum > 4.0)) minimum = 4.0;  /* max(4.0, minimum) */
    for (Py_ssize_t i = 0; i < n; i++) {
        spans[i].x0 = pieces[i]->x0;
        spans[i].x1 = pieces[i]->x1;
        spans[i].index = i;
    }
    double best_gap;
    Py_ssize_t best_at = sorted_widest_gap(spans, n, &best_gap);
    result = TEXT_NO;
    if (best_at < 0 || best_gap < minimum) goto done;
    for (Py_ssize_t i = 0; i < n; i++) ordered[i] = pieces[spans[i].index];
    result = text_like_of(ordered, best_at, depth + 1, fragment_gap, leadered);
    if (result == TEXT_NO)
        result = text_like_of(ordered + best_at, n - best_at, depth + 1, fragment_gap, leadered);
done:
    PyMem_Free(long_lines);
    PyMem_Free(values);
    PyMem_Free(spans);
    PyMem_Free(ordered);
    return result;
}

static PyObject *text_like(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *items, *leadered;
    int depth;
    double fragment_gap;
    if (!PyArg_ParseTuple(args, "O!idO", &PyList_Type, &items, &depth, &fragment_gap,
                          &leadered))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(items);
    if (n < 3 || depth > 6) Py_RETURN_FALSE;
    TextPiece *pieces = PyMem_Malloc((size_t)n * sizeof(TextPiece));
    TextPiece **pointers = PyMem_Malloc((size_t)n * sizeof(TextPiece *));
    int result = TEXT_ERROR;
    if (pieces == NULL || pointers == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        TextPiece *p = &pieces[i];
        p->fragment = PyList_GET_ITEM(items, i);
        p->length = -1;
        p->leadered = -1;
        p->sized = 0;
        pointers[i] = p;
        if (!finite_float(p->fragment, name_x0, &p->x0) ||
            !finite_float(p->fragment, name_x1, &p->x1)) {
            result = PyErr_Occurred() ? TEXT_ERROR : TEXT_PYTHON;
            goto done;
        }
        PyObject *words = PyObject_GetAttr(p->fragment, name_words);
        if (words == NULL) goto done;
        int overflow = 0;
        p->words = PyLong_CheckExact(words) ? PyLong_AsLongAndOverflow(words, &overflow) : 0;
        int ok = PyLong_CheckExact(words) && !overflow;
        Py_DECREF(words);
        if (!ok) {
            result = PyErr_Occurred() ? TEXT_ERROR : TEXT_PYTHON;
            goto done;
        }
    }
    result = text_like_of(pointers, n, depth, fragment_gap, leadered);
done:
    PyMem_Free(pieces);
    PyMem_Free(pointers);
    if (result == TEXT_ERROR) return NULL;
    if (result == TEXT_PYTHON) Py_RETURN_NONE;
    return PyBool_FromLong(result);
}

/* places_off_leading(spans, places, line_length, leading_slack): order._places_off_leading,
 * the cuts the column search tries on a part (``places`` in ``spans``, sorted by their tops
 * as horizontal_cuts gives them) less those between two lines of one column at its leading,
 * where most of the part's lines are running text (order._mostly_running_lines); all of
 * them otherwise. Asked of every part the search looks at, and for each cut of every line
 * under it, in Python it was a walk up and down the part's lines per line asked. The same
 * comparisons in the same order as order._python_places_off_leading (a test compares the
 * two); None, for the twin to answer, where a coordinate is not a finite float or a place
 * not an index of ``spans``. */
typedef struct {
    double x0, y0, x1, y1;
} Box;

/* order._nearest_over: the first box from ``start`` back across the same stretch as ``line``,
 * wholly over it; -1 when none. */
static Py_ssize_t nearest_over(const Box *boxes, const Box *line, Py_ssize_t start) {
    for (Py_ssize_t k = start; k >= 0; k--) {
        const Box *f = &boxes[k];
        if (f->x0 < line->x1 && line->x0 < f->x1 && f->y0 >= line->y1) return k;
    }
    return -1;
}

/* order._nearest_under: the first box from ``start`` on across the same stretch as ``line``,
 * wholly under it; -1 when none. */
static Py_ssize_t nearest_under(const Box *boxes, Py_ssize_t n, const Box *line,
                                Py_ssize_t start) {
    for (Py_ssize_t k = start; k < n; k++) {
        const Box *f = &boxes[k];
        if (f->x0 < line->x1 && line->x0 < f->x1 && f->y1 <= line->y0) return k;
    }
    return -1;
}

/* order._at_leading: boxes[j] stands under the cut before boxes[i] at its column's leading. */
static int at_leading(const Box *boxes, Py_ssize_t n, Py_ssize_t i, Py_ssize_t j,
                      double line_length, double leading_slack) {
    const Box *below = &boxes[j];
    double height = below->y1 - below->y0;
    Py_ssize_t at = nearest_over(boxes, below, i - 1);
    if (at < 0) return 0;
    const Box *over = &boxes[at];
    if (fabs((over->y1 - over->y0) - height) > 0.2 * height
        || fabs(over->x0 - below->x0) > height || over->x1 < below->x1 - height
        || over->x1 - over->x0 < line_length * height) {
        return 0;
    }
    Py_ssize_t under = nearest_under(boxes, n, below, j + 1);
    Py_ssize_t above = nearest_over(boxes, over, at - 1);
    double gaps[2] = {under >= 0 ? below->y0 - boxes[under].y1 : -1.0,
                      above >= 0 ? boxes[above].y0 - over->y1 : -1.0};
    int found = 0;
    double widest = 0.0;
    for (int k = 0; k < 2; k++) {
        if (0 <= gaps[k] && gaps[k] <= height) {
            /* max() of the list: a later value replaces the first only when larger */
            if (!found || gaps[k] > widest) widest = gaps[k];
            found = 1;
        }
    }
    return found && over->y0 - below->y1 <= widest + leading_slack;
}

static PyObject *places_off_leading(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *items, *places;
    double line_length, leading_slack;
    if (!PyArg_ParseTuple(args, "O!O!dd", &PyList_Type, &items, &PyList_Type, &places,
                          &line_length, &leading_slack)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items), count = PyList_GET_SIZE(places);
    if (count == 0) {
        Py_INCREF(places);
        return places;
    }
    Box *boxes = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Box));
    if (boxes == NULL) return PyErr_NoMemory();
    PyObject *out = NULL;
    Py_ssize_t long_lines = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        Box *b = &boxes[i];
        if (!finite_float(item, name_x0, &b->x0) || !finite_float(item, name_y0, &b->y0) ||
            !finite_float(item, name_x1, &b->x1) || !finite_float(item, name_y1, &b->y1)) {
            goto python;
        }
        long_lines += b->x1 - b->x0 >= line_length * (b->y1 - b->y0);  /* order._long_line */
    }
    if (!(2 * long_lines > n)) {
        out = places;  /* (not mostly running text: every cut is tried) */
        Py_INCREF(out);
        goto done;
    }
    out = PyList_New(0);
    if (out == NULL) goto done;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *place = PyList_GET_ITEM(places, k);
        if (!PyLong_CheckExact(place)) goto python;
        Py_ssize_t i = PyLong_AsSsize_t(place);
        if (i == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            goto python;
        }
        if (i < 0 || i >= n) goto python;
        /* order._between_lines_of_a_column: a line of the first row under the cut at its
         * column's leading from the line over the cut. */
        int between = 0;
        for (Py_ssize_t j = i; j < n && boxes[j].y1 > boxes[i].y0; j++) {
            if (at_leading(boxes, n, i, j, line_length, leading_slack)) {
                between = 1;
                break;
            }
        }
        if (!between && PyList_Append(out, place) < 0) {
            Py_CLEAR(out);
            goto done;
        }
    }
    goto done;
python:
    Py_CLEAR(out);
    if (!PyErr_Occurred()) {
        out = Py_None;
        Py_INCREF(out);
    }
done:
    PyMem_Free(boxes);
    return out;
}

/* rule_pieces(rules, horizontal) -> list or None: order.rule_pieces, the rules longer one way
 * as (place across, start, end) pieces for lines_along: ``((r.y0 + r.y1) / 2, r.x0, r.x1)``
 * for each rule longer across x than up (horizontal), else ``((r.x0 + r.x1) / 2, r.y0, r.y1)``
 * for each taller than wide, in the rules' order, the pieces' ends the rules' own float
 * objects. None, for the Python twin to answer, where a coordinate is not a float (an int
 * adds and divides otherwise). Why C: a page drawn as thousands of shapes has tens of
 * thousands of edges, made into pieces by several passes (the block builder's rules each way,
 * the reading order's drawn lines, the walls). A test compares the two. */
static PyObject *rule_pieces(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *rules;
    int horizontal;
    if (!PyArg_ParseTuple(args, "Op", &rules, &horizontal)) return NULL;
    PyObject *seq = PySequence_Fast(rules, "rule_pieces(rules, horizontal): a sequence");
    if (seq == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *rule = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *box[4] = {NULL, NULL, NULL, NULL}; /* x0, y0, x1, y1 */
        PyObject *const names[4] = {name_x0, name_y0, name_x1, name_y1};
        double v[4];
        int plain = 1, k;
        for (k = 0; k < 4; k++) {
            box[k] = PyObject_GetAttr(rule, names[k]);
            if (box[k] == NULL) break;
            if (!PyFloat_CheckExact(box[k])) plain = 0;
            else v[k] = PyFloat_AS_DOUBLE(box[k]);
        }
        PyObject *piece = NULL;
        int failed = k < 4;
        if (!failed && plain) {
            double width = v[2] - v[0], height = v[3] - v[1];
            if (horizontal ? width > height : height > width) {
                PyObject *place = PyFloat_FromDouble(
                    horizontal ? (v[1] + v[3]) / 2 : (v[0] + v[2]) / 2);
                piece = place == NULL ? NULL
                        : horizontal ? PyTuple_Pack(3, place, box[0], box[2])
                                     : PyTuple_Pack(3, place, box[1], box[3]);
                Py_XDECREF(place);
                failed = piece == NULL || PyList_Append(out, piece) < 0;
            }
        }
        Py_XDECREF(piece);
        for (int j = 0; j < 4; j++) Py_XDECREF(box[j]);
        if (failed || !plain) {
            Py_DECREF(out);
            Py_DECREF(seq);
            if (failed) return NULL;
            Py_RETURN_NONE;
        }
    }
    Py_DECREF(seq);
    return out;
}

static PyMethodDef methods[] = {
    {"text_like", text_like, METH_VARARGS,
     "order._text_like of the fragments at the depth, or None."},
    {"spanning", spanning, METH_VARARGS,
     "The places of lines[first:last] with a stretch from start to end, or None."},
    {"widest_x_gap", widest_x_gap, METH_O,
     "(gap, index, items sorted by (x0, x1)) of the widest empty band across x, or None."},
    {"widest_y_gap", widest_y_gap, METH_O,
     "(gap, index, items sorted by (-y1, -y0)) of the widest empty band across y, or None."},
    {"horizontal_cuts", horizontal_cuts, METH_VARARGS,
     "(items sorted by their tops, highest first, unless top_down; the places of the widest "
     "cuts across, at most limit, in order), or None."},
    {"gap_measures", gap_measures, METH_VARARGS,
     "(widest gap's width, median size, narrower side's width) of each slice (start, end) of "
     "the items, the last two 0.0 where the width is under wide; or None."},
    {"places_off_leading", places_off_leading, METH_VARARGS,
     "The places of the cuts of the items not between two lines of a column at its leading "
     "(all of them unless most items are running lines), or None."},
    {"remember_boxes", remember_boxes, METH_O,
     "Keep the x0, y0, x1, y1 and size read of each item from now on (True), or forget them "
     "(False)."},
    {"extent", extent_of, METH_O,
     "(min x0, max x1, min y0, max y1) of the items, or None."},
    {"median_size", median_size_of, METH_O,
     "The median of the items' sizes (quick_median), or None."},
    {"narrower_side", narrower_side_of, METH_VARARGS,
     "The width of the narrower of two sides (max x1 less min x0 of each), or None."},
    {"rule_pieces", rule_pieces, METH_VARARGS,
     "(place across, start, end) of the rules longer the given way, in order; or None."},
    {"lines_along", lines_along, METH_VARARGS,
     "(place, stretches) of the (place, start, end) pieces gathered into lines within join "
     "of each other, in order of place; or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_column_gap", "order._widest_gap across x, in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__column_gap(void) {
    name_x0 = PyUnicode_InternFromString("x0");
    name_x1 = PyUnicode_InternFromString("x1");
    name_y0 = PyUnicode_InternFromString("y0");
    name_y1 = PyUnicode_InternFromString("y1");
    name_size = PyUnicode_InternFromString("size");
    name_words = PyUnicode_InternFromString("words");
    name_text = PyUnicode_InternFromString("text");
    if (name_x0 == NULL || name_x1 == NULL || name_y0 == NULL || name_y1 == NULL ||
        name_size == NULL || name_words == NULL || name_text == NULL) {
        return NULL;
    }
    return PyModule_Create(&module);
}
