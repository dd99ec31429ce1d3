/*
 * reader._text_blocks' loop in C: every fragment of a column, line by line, against every
 * open block, to find the block it goes on (the rest of the block's last line, or the line
 * under it) or to open one of its own.
 *
 * Why C: block building runs over every fragment of every page, each against the blocks still
 * open, keeping each block's last line, where its lines start and which blocks can no longer
 * grow; in Python the loop itself was the dearest function of the layout reader. Most pairs
 * are refused on their boxes alone (not level, too far apart), which is done here. The pairs
 * whose boxes fit are asked reader._BlockAsks.goes_on_line and goes_on_below (tests that look
 * at text, fonts, rules, boxes, links and the other blocks), and nine in ten of them pass all
 * those tests: each test's cheap part is decided here first (quick_on_line, quick_below),
 * and Python is asked only of the pairs where one of them cannot be decided here.
 *
 * A test's cheap part decides it only where it settles the whole test: a condition that makes
 * the Python test false (the pieces too close for a gutter, no wall between them, a rule
 * ruling off the lines, links to different pages) or true. Those tests are pure (they only
 * memoise what they work out), so leaving one unasked changes nothing but the time: the
 * verdict is the one Python gives. ``verify`` (for the tests) asks Python of every pair
 * decided here too and raises AssertionError where the two differ.
 *
 * Same result as reader._python_text_blocks (the same blocks from the same pairs, in the same
 * order): min() and max() of two values written with Python's semantics (``min(a, b)`` is
 * ``b if b < a else a``), comparisons negated as Python's are (``not a < b``, which NaN
 * makes true), and no fused multiply-adds (setup.py builds with -ffp-contract=off). Returns
 * None, for the Python twin to answer, before asking anything, when a fragment's box is not
 * all floats. Tests compare the two.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdlib.h>

#include "../_exact_float.h"

static PyObject *name_x0, *name_x1, *name_y0, *name_y1, *name_rtl, *name_size, *name_bold,
    *name_after_lead,
    *name_text, *name_frags, *name_add, *name_goes_on_line, *name_goes_on_below,
    *name_new_block, *name_words, *name_glyphs, *name_rotated, *name_rules, *name_frames,
    *name_shapes, *name_holding, *name_to_pages, *name_entry_starts, *name_wall_lines,
    *name_rule_lines, *name_tick_squares, *name_fixed_pitch, *name_opens_item;

/* reader.py's constants the quick tests use, set by configure() when reader.py imports this
 * module (until then nothing is decided here: Python is asked of every pair). */
static struct {
    int set;
    double fragment_gap, column_edge, label_size_step, label_raise, vertical_rule_slack,
        gutter_step, face_size_step, indent_min, indent_max, rule_over_capitals, tick_gap,
        tick_level, tick_side_min, tick_side_max, marker_step, key_step, spread_step,
        line_reach_step, line_reach_edge, short_line_space, short_line_slack;
    long label_letters, run_on_words, column_line_words;
    Py_UCS4 box_glyphs[32]; /* box_glyphs.BOX_GLYPHS */
    Py_ssize_t n_box_glyphs;
} K;

/* An open block: the block, its fragments' list, its lines' starts (in block_starts), the
 * place in the column of its last fragment, and its last line's extent; and the places in
 * the column of all its fragments (its first, and those of its last line, are asked). */
typedef struct {
    PyObject *block;
    PyObject *frags;
    PyObject *starts;
    Py_ssize_t last;
    int has_line;
    double line_x0, line_x1, above;
    Py_ssize_t *members;
    Py_ssize_t n_members, room;
} Open;

/* What is known of the column's fragments: their boxes (read first), whether each reads
 * right to left, its size, boldness, text, word count, whether its text opens with a small
 * letter, whether its first glyph is turned and whether a drawn box holds it (each read when
 * first asked); its line (as reader._RowMates groups them) and the fragments in order of
 * their left edges (worked out when first asked). */
typedef struct {
    PyObject *items; /* a tuple of the fragments */
    Py_ssize_t n;
    double *x0, *y0, *x1, *y1;
    signed char *rtl;
    double *size;
    char *has_size;
    PyObject **bold;
    PyObject **text;
    long *words;
    signed char *lower, *turned_first;
    PyObject **holders; /* frames.holding(f): the drawn boxes holding it */
    Py_ssize_t *row_start, *row_stop; /* NULL until asked */
    Py_ssize_t *by_x0;                /* NULL until asked */
    int x0_sorted;                    /* by_x0 is sorted (no NaN among the left edges) */
} Column;

/* What the column's asks hold beyond the fragments: the page's rules, boxes and links, each
 * looked at when first needed (their states: NOT_LOADED, LOADED, or UNUSABLE, a value not of
 * its usual type: the question is then left to Python). */
enum { NOT_LOADED = 0, LOADED = 1, UNUSABLE = 2 };
typedef struct {
    PyObject *asks;
    PyObject *is_marker, *starts_item;
    int quick, verify;
    int has_rules, has_links, has_entries;
    PyObject *holding; /* frames.holding when the page's frames have shapes, else NULL */
    int ticks_state;
    Py_ssize_t n_ticks;
    double *ticks; /* the boxes to tick, four doubles a box, by their right sides */
    int walls_state, rules_state, links_state;
    Py_ssize_t n_walls, n_rules, n_links;
    double *walls, *rules; /* three a line: place, stretch start, stretch end */
    double *links;         /* four a link: its box */
    PyObject **link_pages;
} Context;

static int rtl_of(Column *col, Py_ssize_t j) {
    if (col->rtl[j] < 0) {
        PyObject *value = PyObject_GetAttr(PyTuple_GET_ITEM(col->items, j), name_rtl);
        if (value == NULL) return -1;
        int truth = PyObject_IsTrue(value);
        Py_DECREF(value);
        if (truth < 0) return -1;
        col->rtl[j] = (signed char)truth;
    }
    return col->rtl[j];
}

static int size_of(Column *col, Py_ssize_t j, double *out) {
    if (!col->has_size[j]) {
        PyObject *value = PyObject_GetAttr(PyTuple_GET_ITEM(col->items, j), name_size);
        if (value == NULL) return -1;
        double size = PyFloat_AsDouble(value);
        Py_DECREF(value);
        if (size == -1.0 && PyErr_Occurred()) return -1;
        col->size[j] = size;
        col->has_size[j] = 1;
    }
    *out = col->size[j];
    return 0;
}

static PyObject *bold_of(Column *col, Py_ssize_t j) {
    if (col->bold[j] == NULL) {
        col->bold[j] = PyObject_GetAttr(PyTuple_GET_ITEM(col->items, j), name_bold);
    }
    return col->bold[j];
}

/* The fragment's boldness as a truth: 1, 0, or -1 on an error. */
static int bold_truth(Column *col, Py_ssize_t j) {
    PyObject *bold = bold_of(col, j);
    return bold == NULL ? -1 : PyObject_IsTrue(bold);
}

/* The fragment's text (a borrowed reference), or NULL on an error. */
static PyObject *text_of(Column *col, Py_ssize_t j) {
    if (col->text[j] == NULL) {
        col->text[j] = PyObject_GetAttr(PyTuple_GET_ITEM(col->items, j), name_text);
    }
    return col->text[j];
}

/* Fragment.words (word_count of its text), or -1 on an error. */
static long words_of(Column *col, Py_ssize_t j) {
    if (col->words[j] < 0) {
        PyObject *value = PyObject_GetAttr(PyTuple_GET_ITEM(col->items, j), name_words);
        if (value == NULL) return -1;
        long words = PyLong_AsLong(value);
        Py_DECREF(value);
        if (words == -1 && PyErr_Occurred()) return -1;
        col->words[j] = words < 0 ? 0 : words;
    }
    return col->words[j];
}

/* ``text[:1].islower()``: 1, 0, -1 on an error, 2 when the text is no str (undecided). */
static int lower_of(Column *col, Py_ssize_t j) {
    if (col->lower[j] < 0) {
        PyObject *text = text_of(col, j);
        if (text == NULL) return -1;
        if (!PyUnicode_Check(text)) {
            col->lower[j] = 2;
        } else {
            /* (str.islower of one character is Py_UNICODE_ISLOWER of it.) */
            col->lower[j] = (signed char)(PyUnicode_GET_LENGTH(text) > 0 &&
                                          Py_UNICODE_ISLOWER(PyUnicode_READ_CHAR(text, 0)));
        }
    }
    return col->lower[j];
}

/* Whether the fragment's first glyph is turned (order.turned asks of the others only then):
 * 1, 0, or -1 on an error. */
static int turned_first_of(Column *col, Py_ssize_t j) {
    if (col->turned_first[j] < 0) {
        PyObject *glyphs = PyObject_GetAttr(PyTuple_GET_ITEM(col->items, j), name_glyphs);
        if (glyphs == NULL) return -1;
        int any = PyObject_IsTrue(glyphs);
        int truth = any;
        if (any > 0) {
            PyObject *first = PySequence_GetItem(glyphs, 0);
            PyObject *rotated = first ? PyObject_GetAttr(first, name_rotated) : NULL;
            truth = rotated ? PyObject_IsTrue(rotated) : -1;
            Py_XDECREF(rotated);
            Py_XDECREF(first);
        }
        Py_DECREF(glyphs);
        if (truth < 0) return -1;
        col->turned_first[j] = (signed char)truth;
    }
    return col->turned_first[j];
}

/* The drawn boxes holding the fragment (``frames.holding(f)``, borrowed), or NULL on an
 * error. */
static PyObject *holders_of(Context *cx, Column *col, Py_ssize_t j) {
    if (col->holders[j] == NULL) {
        col->holders[j] = PyObject_CallOneArg(cx->holding, PyTuple_GET_ITEM(col->items, j));
        if (col->holders[j] != NULL && !PyTuple_Check(col->holders[j])) {
            Py_CLEAR(col->holders[j]);
            PyErr_SetString(PyExc_TypeError, "frames.holding must give a tuple");
        }
    }
    return col->holders[j];
}

/* Whether a box holding ``a`` leaves out the middle of ``b``, or one holding ``b`` leaves out
 * the middle of ``a``: only then can Frames.apart find them in two boxes. 1, 0, 2 when a
 * box's side is not a float (left to Python), -1 on an error. */
static int boxes_part(Context *cx, Column *col, Py_ssize_t a, Py_ssize_t b) {
    for (int turn = 0; turn < 2; turn++) {
        Py_ssize_t held = turn ? b : a, other = turn ? a : b;
        PyObject *around = holders_of(cx, col, held);
        if (around == NULL) return -1;
        double x = (col->x0[other] + col->x1[other]) / 2;
        double y = (col->y0[other] + col->y1[other]) / 2;
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(around); k++) {
            PyObject *box = PyTuple_GET_ITEM(around, k);
            double bx0, by0, bx1, by1;
            int ok = exact_float(box, name_x0, &bx0);
            if (ok > 0) ok = exact_float(box, name_y0, &by0);
            if (ok > 0) ok = exact_float(box, name_x1, &bx1);
            if (ok > 0) ok = exact_float(box, name_y1, &by1);
            if (ok < 0) return -1;
            if (ok == 0) return 2;
            if (!(bx0 <= x && x <= bx1 && by0 <= y && y <= by1)) return 1;
        }
    }
    return 0;
}

/* Whether fragments ``a`` and ``b`` sit on one line (blocks.same_line). */
static int same_line(Column *col, Py_ssize_t a, Py_ssize_t b) {
    double ay0 = col->y0[a], ay1 = col->y1[a], by0 = col->y0[b], by1 = col->y1[b];
    double a_height = ay1 - ay0, b_height = by1 - by0;
    return (by1 < ay1 ? by1 : ay1) - (by0 > ay0 ? by0 : ay0) >
           0.5 * (b_height < a_height ? b_height : a_height);
}

/* The column's lines as reader._RowMates groups them: a fragment not on the line of the
 * first of the line before opens the next. 0, or -1 on an error. */
static int index_rows(Column *col) {
    if (col->row_start != NULL) return 0;
    size_t many = (size_t)(col->n > 0 ? col->n : 1);
    col->row_start = PyMem_Malloc(many * sizeof(Py_ssize_t));
    col->row_stop = PyMem_Malloc(many * sizeof(Py_ssize_t));
    if (col->row_start == NULL || col->row_stop == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i < col->n; i++) {
        if (i == 0 || !same_line(col, start, i)) start = i;
        col->row_start[i] = start;
    }
    Py_ssize_t stop = col->n;
    for (Py_ssize_t i = col->n - 1; i >= 0; i--) {
        col->row_stop[i] = stop;
        if (col->row_start[i] == i) stop = i;
    }
    return 0;
}

static const double *sorting_x0;

static int by_left_edge(const void *a, const void *b) {
    double xa = sorting_x0[*(const Py_ssize_t *)a], xb = sorting_x0[*(const Py_ssize_t *)b];
    return xa < xb ? -1 : (xa > xb ? 1 : 0);
}

/* The fragments in order of their left edges (unsorted, all of them, when one is NaN).
 * 0, or -1 on an error. */
static int index_left_edges(Column *col) {
    if (col->by_x0 != NULL) return 0;
    col->by_x0 = PyMem_Malloc((size_t)(col->n > 0 ? col->n : 1) * sizeof(Py_ssize_t));
    if (col->by_x0 == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    col->x0_sorted = 1;
    for (Py_ssize_t i = 0; i < col->n; i++) {
        col->by_x0[i] = i;
        if (isnan(col->x0[i])) col->x0_sorted = 0;
    }
    if (col->x0_sorted) {
        sorting_x0 = col->x0; /* (the GIL is held: no other caller sorts meanwhile) */
        qsort(col->by_x0, (size_t)col->n, sizeof(Py_ssize_t), by_left_edge);
    }
    return 0;
}

/* Where the first fragment starting at ``x`` or further right stands in ``by_x0``. */
static Py_ssize_t first_left_edge_from(Column *col, double x) {
    Py_ssize_t lo = 0, hi = col->n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (col->x0[col->by_x0[mid]] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* bisect.bisect_right and bisect_left over ``count`` places ``stride`` doubles apart. */
static Py_ssize_t bisect_right(const double *a, Py_ssize_t count, Py_ssize_t stride, double x) {
    Py_ssize_t lo = 0, hi = count;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (x < a[mid * stride]) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

static Py_ssize_t bisect_left(const double *a, Py_ssize_t count, Py_ssize_t stride, double x) {
    Py_ssize_t lo = 0, hi = count;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (a[mid * stride] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The line list ``asks.<method>()`` returns, (places, stretches), as three doubles a line in
 * ``*out``: 1, 0 when a value is not a float (left to Python), -1 on an error. */
static int load_lines(PyObject *asks, PyObject *method, Py_ssize_t *count, double **out) {
    PyObject *found = PyObject_CallMethodNoArgs(asks, method);
    if (found == NULL) return -1;
    int state = 0;
    PyObject *places = NULL, *spans = NULL;
    if (PyTuple_Check(found) && PyTuple_GET_SIZE(found) == 2) {
        places = PySequence_Fast(PyTuple_GET_ITEM(found, 0), "places");
        spans = places ? PySequence_Fast(PyTuple_GET_ITEM(found, 1), "stretches") : NULL;
        if (spans == NULL) state = -1;
    }
    if (spans != NULL && PySequence_Fast_GET_SIZE(places) == PySequence_Fast_GET_SIZE(spans)) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(places);
        double *lines = PyMem_Malloc((size_t)(n > 0 ? n : 1) * 3 * sizeof(double));
        if (lines == NULL) {
            PyErr_NoMemory();
            state = -1;
        } else {
            state = 1;
            for (Py_ssize_t k = 0; k < n && state == 1; k++) {
                PyObject *place = PySequence_Fast_GET_ITEM(places, k);
                PyObject *span = PySequence_Fast_GET_ITEM(spans, k);
                if (!PyFloat_CheckExact(place) || !PyTuple_Check(span) ||
                    PyTuple_GET_SIZE(span) != 2 ||
                    !PyFloat_CheckExact(PyTuple_GET_ITEM(span, 0)) ||
                    !PyFloat_CheckExact(PyTuple_GET_ITEM(span, 1))) {
                    state = 0;
                    break;
                }
                lines[3 * k] = PyFloat_AS_DOUBLE(place);
                lines[3 * k + 1] = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(span, 0));
                lines[3 * k + 2] = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(span, 1));
            }
            if (state == 1) {
                *out = lines;
                *count = n;
            } else {
                PyMem_Free(lines);
            }
        }
    }
    Py_XDECREF(places);
    Py_XDECREF(spans);
    Py_DECREF(found);
    return state;
}

/* The page's links (``asks.to_pages``: (box, page) pairs) as four doubles a box and the
 * pages: 1, 0 when a value is not as expected (left to Python), -1 on an error. */
static int load_links(Context *cx) {
    PyObject *to_pages = PyObject_GetAttr(cx->asks, name_to_pages);
    if (to_pages == NULL) return -1;
    PyObject *links = PySequence_Fast(to_pages, "to_pages");
    Py_DECREF(to_pages);
    if (links == NULL) return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(links);
    size_t many = (size_t)(n > 0 ? n : 1);
    cx->links = PyMem_Malloc(many * 4 * sizeof(double));
    cx->link_pages = PyMem_Calloc(many, sizeof(PyObject *));
    if (cx->links == NULL || cx->link_pages == NULL) {
        Py_DECREF(links);
        PyErr_NoMemory();
        return -1;
    }
    cx->n_links = n;
    int state = 1;
    for (Py_ssize_t k = 0; k < n && state == 1; k++) {
        PyObject *link = PySequence_Fast_GET_ITEM(links, k);
        if (!PyTuple_Check(link) || PyTuple_GET_SIZE(link) != 2) {
            state = 0;
            break;
        }
        PyObject *box = PyTuple_GET_ITEM(link, 0);
        PyObject *sides[4] = {name_x0, name_y0, name_x1, name_y1};
        for (int s = 0; s < 4 && state == 1; s++) {
            int ok = exact_float(box, sides[s], &cx->links[4 * k + s]);
            if (ok < 0) state = -1;
            else if (ok == 0) state = 0;
        }
        Py_INCREF(PyTuple_GET_ITEM(link, 1));
        cx->link_pages[k] = PyTuple_GET_ITEM(link, 1);
    }
    Py_DECREF(links);
    return state;
}

/* The page's boxes to tick (``asks.tick_squares()``, by their right sides) as four doubles
 * a box: 1, 0 when a side is not a float (left to Python), -1 on an error. */
static int load_ticks(Context *cx) {
    PyObject *found = PyObject_CallMethodNoArgs(cx->asks, name_tick_squares);
    if (found == NULL) return -1;
    PyObject *squares = PySequence_Fast(found, "tick_squares");
    Py_DECREF(found);
    if (squares == NULL) return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(squares);
    cx->ticks = PyMem_Malloc((size_t)(n > 0 ? n : 1) * 4 * sizeof(double));
    if (cx->ticks == NULL) {
        Py_DECREF(squares);
        PyErr_NoMemory();
        return -1;
    }
    cx->n_ticks = n;
    int state = 1;
    PyObject *sides[4] = {name_x0, name_y0, name_x1, name_y1};
    for (Py_ssize_t k = 0; k < n && state == 1; k++) {
        for (int s = 0; s < 4 && state == 1; s++) {
            int ok = exact_float(PySequence_Fast_GET_ITEM(squares, k), sides[s],
                                 &cx->ticks[4 * k + s]);
            if (ok < 0) state = -1;
            else if (ok == 0) state = 0;
        }
    }
    Py_DECREF(squares);
    return state;
}

/* reader._link_under: the first link whose box holds the fragment's middle, or -1. */
static Py_ssize_t link_under(Context *cx, Column *col, Py_ssize_t j) {
    double x = (col->x0[j] + col->x1[j]) / 2, y = (col->y0[j] + col->y1[j]) / 2;
    for (Py_ssize_t k = 0; k < cx->n_links; k++) {
        const double *box = &cx->links[4 * k];
        if (box[0] <= x && x <= box[2] && box[1] <= y && y <= box[3]) return k;
    }
    return -1;
}

/* Whether a run of leader dots (contents.has_leaders) is in the texts joined by spaces (as
 * reader._last_line_text joins a line's pieces): 1, 0, 2 when a text is no str, -1 on an
 * error. */
static int leaders_in(Column *col, const Py_ssize_t *pieces, Py_ssize_t count) {
    Py_UCS4 seen[7] = {0}; /* the last seven characters, the latest last */
    for (Py_ssize_t p = 0; p < count; p++) {
        PyObject *text = text_of(col, pieces[p]);
        if (text == NULL) return -1;
        if (!PyUnicode_Check(text)) return 2;
        Py_ssize_t length = PyUnicode_GET_LENGTH(text);
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        for (Py_ssize_t c = p > 0 ? -1 : 0; c < length; c++) {
            Py_UCS4 ch = c < 0 ? ' ' : PyUnicode_READ(kind, data, c);
            memmove(seen, seen + 1, 6 * sizeof(Py_UCS4));
            seen[6] = ch;
            /* "\u2026", "\u2025", "\u22ef"; "....", ". . . .", "____", two "\u00b7" or
             * two "\u2024" */
            if (ch == 0x2026 || ch == 0x2025 || ch == 0x22ef) return 1;
            if ((ch == '.' || ch == '_') && seen[5] == ch && seen[4] == ch && seen[3] == ch) {
                return 1;
            }
            if (ch == '.' && seen[5] == ' ' && seen[4] == '.' && seen[3] == ' ' &&
                seen[2] == '.' && seen[1] == ' ' && seen[0] == '.') {
                return 1;
            }
            if ((ch == 0x00b7 || ch == 0x2024) && seen[5] == ch) return 1;
        }
    }
    return 0;
}

/* Verdicts of the quick tests: the pair goes on (every test passes), does not (one fails),
 * or not decided here (Python is asked); -2 on an error. */
enum { GOES_ON = 1, STAYS_APART = 0, ASK_PYTHON = -1, FAILED = -2 };

/* The number of letters in the fragment's text (``sum(map(str.isalpha, text))``), or -1 on
 * an error, -2 when the text is no str. */
static Py_ssize_t letters_in(Column *col, Py_ssize_t j) {
    PyObject *text = text_of(col, j);
    if (text == NULL) return -1;
    if (!PyUnicode_Check(text)) return -2;
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), letters = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t c = 0; c < length; c++) {
        if (Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, c))) letters++;
    }
    return letters;
}

/* Whether a box to tick could lead the fragment (TickBoxes.lead, for any stretch ``within``:
 * one just before it, level with it, of a side near its height): 1, 0, or -1 on an error. */
static int tick_near(Context *cx, Column *col, Py_ssize_t j) {
    int rtl = rtl_of(col, j);
    if (rtl < 0) return -1;
    double height = col->y1[j] - col->y0[j];
    double middle = (col->y0[j] + col->y1[j]) / 2;
    Py_ssize_t from = 0, to = cx->n_ticks;
    if (!rtl) {
        from = bisect_left(cx->ticks + 2, cx->n_ticks, 4, col->x0[j] - K.tick_gap * height);
        to = bisect_right(cx->ticks + 2, cx->n_ticks, 4, col->x0[j] + 0.5);
    }
    for (Py_ssize_t k = from; k < to; k++) {
        const double *s = &cx->ticks[4 * k];
        if (rtl && !(col->x1[j] - 0.5 <= s[0] && s[0] <= col->x1[j] + K.tick_gap * height)) {
            continue;
        }
        double side = s[3] - s[1];
        if (K.tick_side_min * height <= side && side <= K.tick_side_max * height &&
            fabs((s[1] + s[3]) / 2 - middle) <= K.tick_level * height) {
            return 1;
        }
    }
    return 0;
}

/* The page's boxes to tick, loaded on the first question: 1 loaded, 0 not usable here (a side
 * not a float), -1 on an error. */
static int ticks_usable(Context *cx) {
    if (cx->ticks_state == NOT_LOADED) {
        int loaded = load_ticks(cx);
        if (loaded < 0) return -1;
        cx->ticks_state = loaded ? LOADED : UNUSABLE;
    }
    return cx->ticks_state == LOADED;
}

/* ``text[:1]``: the first character of the text, 0 when none, (Py_UCS4)-1 when the text is
 * no str, or (Py_UCS4)-2 on an error. */
static Py_UCS4 first_character(Column *col, Py_ssize_t j) {
    PyObject *text = text_of(col, j);
    if (text == NULL) return (Py_UCS4)-2;
    if (!PyUnicode_Check(text)) return (Py_UCS4)-1;
    return PyUnicode_GET_LENGTH(text) > 0 ? PyUnicode_READ_CHAR(text, 0) : 0;
}

/* ``text.rstrip()[-1:]``: the last character of the text that is not a space, 0 when none,
 * (Py_UCS4)-1 when the text is no str, or (Py_UCS4)-2 on an error. */
static Py_UCS4 last_character(Column *col, Py_ssize_t j) {
    PyObject *text = text_of(col, j);
    if (text == NULL) return (Py_UCS4)-2;
    if (!PyUnicode_Check(text)) return (Py_UCS4)-1;
    Py_ssize_t end = PyUnicode_GET_LENGTH(text);
    while (end > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, end - 1))) end--;
    return end > 0 ? PyUnicode_READ_CHAR(text, end - 1) : 0;
}

/* The truth of ``function(text)`` for the fragment's text: 1, 0, or -1 on an error. */
static int asked_of_text(PyObject *function, Column *col, Py_ssize_t j) {
    PyObject *text = text_of(col, j);
    if (text == NULL) return -1;
    PyObject *answer = PyObject_CallOneArg(function, text);
    if (answer == NULL) return -1;
    int truth = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    return truth;
}

/* Whether a fragment starting within COLUMN_EDGE of where ``piece`` starts, ending short of
 * ``edge``, is the line above or below it in one text running down (reader._next_line_of):
 * without one, ``piece`` heads no run of NOTE_LINES such lines, and
 * _NarrowColumns.runs_on_beside is false. 1, 0, or -1 on an error. */
static int next_line_near(Column *col, Py_ssize_t piece, double edge) {
    if (!(col->x1[piece] <= edge)) return 0; /* (NaN: no line goes on from it either) */
    if (index_left_edges(col) < 0) return -1;
    double x0 = col->x0[piece], y0 = col->y0[piece];
    double height = col->y1[piece] - y0;
    Py_ssize_t from = 0, to = col->n;
    if (col->x0_sorted) { /* (a point wider than the edge each way: then tested exactly) */
        from = first_left_edge_from(col, x0 - K.column_edge - 1.0);
        to = first_left_edge_from(col, x0 + K.column_edge + 1.0);
    }
    int piece_lower = -1;
    for (Py_ssize_t k = from; k < to; k++) {
        Py_ssize_t g = col->by_x0[k];
        if (g == piece || !(fabs(col->x0[g] - x0) <= K.column_edge) || !(col->x1[g] <= edge)) {
            continue;
        }
        double g_height = col->y1[g] - col->y0[g];
        /* g above piece, piece going on from it: max(g.height, piece.height) */
        double tall = height > g_height ? height : g_height;
        double apart = col->y0[g] - y0;
        if (0.5 * tall < apart && apart < 1.6 * tall) {
            if (piece_lower < 0) piece_lower = lower_of(col, piece);
            if (piece_lower < 0) return -1;
            if (piece_lower) return 1; /* (2, a text that is no str: left to Python) */
        }
        /* piece above g, g going on from it: max(piece.height, g.height) */
        tall = g_height > height ? g_height : height;
        apart = y0 - col->y0[g];
        if (0.5 * tall < apart && apart < 1.6 * tall) {
            int lower = lower_of(col, g);
            if (lower < 0) return -1;
            if (lower) return 1;
        }
    }
    return 0;
}

/* Whether a vertical rule lies between the pieces ``a`` and ``b`` as _VerticalRules.between
 * needs before it counts the pieces crossing it: 1 (Python counts), 0 (none: the rule test
 * is false), -1 on an error. */
static int wall_between(Context *cx, Column *col, Py_ssize_t a, Py_ssize_t b) {
    double left = col->x1[b] < col->x1[a] ? col->x1[b] : col->x1[a];
    double right = col->x0[b] > col->x0[a] ? col->x0[b] : col->x0[a];
    double y0 = col->y0[a] > col->y0[b] ? col->y0[a] : col->y0[b];
    double y1 = col->y1[a] < col->y1[b] ? col->y1[a] : col->y1[b];
    if (left >= right) return 0;
    if (cx->walls_state == NOT_LOADED) {
        int loaded = load_lines(cx->asks, name_wall_lines, &cx->n_walls, &cx->walls);
        if (loaded < 0) return -1;
        cx->walls_state = loaded ? LOADED : UNUSABLE;
    }
    if (cx->walls_state != LOADED) return 1;
    double slack = K.vertical_rule_slack * (y1 - y0);
    Py_ssize_t start = bisect_right(cx->walls, cx->n_walls, 3, left);
    Py_ssize_t stop = bisect_left(cx->walls, cx->n_walls, 3, right);
    for (Py_ssize_t k = start; k < stop; k++) {
        if (cx->walls[3 * k + 1] <= y0 + slack && cx->walls[3 * k + 2] >= y1 - slack) return 1;
    }
    return 0;
}

/* _BlockAsks.goes_on_line decided where its tests' cheap parts settle them: ``f`` (the
 * column's ``i``-th fragment) ``step`` past ``last`` (its ``j``-th), level with it. */
static int quick_on_line(Context *cx, Column *col, const Open *o, Py_ssize_t j, Py_ssize_t i,
                         double step) {
    double last_size, f_size;
    int f_bold = bold_truth(col, i), last_bold = bold_truth(col, j);
    if (f_bold < 0 || last_bold < 0) return FAILED;
    if (size_of(col, i, &f_size) < 0 || size_of(col, j, &last_size) < 0) return FAILED;
    /* A clearly larger bold piece after a regular one (not after a bullet). */
    if (f_bold && !last_bold && f_size > 1.15 * last_size) {
        int marker = asked_of_text(cx->is_marker, col, j);
        if (marker < 0) return FAILED;
        if (!marker) return STAYS_APART;
    }
    double last_height = col->y1[j] - col->y0[j], f_height = col->y1[i] - col->y0[i];
    /* _label_beside(last, f, step) */
    if (last_bold && step > last_height) {
        Py_ssize_t letters = letters_in(col, j);
        if (letters == -1) return FAILED;
        if (letters == -2) return ASK_PYTHON;
        if (letters >= K.label_letters) {
            if (last_size > K.label_size_step * f_size) return STAYS_APART;
            if (fabs(last_size - f_size) <= 0.05 * last_size &&
                fabs(col->y0[j] - col->y0[i]) >= K.label_raise * last_height) {
                return STAYS_APART;
            }
        }
    }
    /* _goes_on_below(f, step, ...): false when the step is short or the block's last line
     * holds few words; else it looks at the other blocks (Python). Settled here only where
     * that line is the last piece alone (a line of several pieces: Python counts them). */
    if (!(step < 0.8 * f_height)) {
        long words = words_of(col, j);
        if (words < 0) return FAILED;
        if (!(words < K.run_on_words)) return ASK_PYTHON;
        if (o->n_members > 1 && same_line(col, o->members[o->n_members - 2], j)) {
            return ASK_PYTHON;
        }
    }
    /* turned(f) == turned(last): both level unless a first glyph is turned. */
    int turned = turned_first_of(col, i);
    if (turned == 0) turned = turned_first_of(col, j);
    if (turned < 0) return FAILED;
    if (turned) return ASK_PYTHON;
    /* columns.runs_on_beside(last, f): no gutter between them, or no line of a run down
     * a column next to ``last``. */
    double widest = f_size > last_size ? f_size : last_size;
    double edge = col->x0[i] - K.fragment_gap * widest;
    if (!(col->x1[j] > edge)) {
        int near = next_line_near(col, j, edge);
        if (near < 0) return FAILED;
        if (near) return ASK_PYTHON;
    }
    /* A rule drawn down between the two pieces. */
    if (cx->has_rules) {
        int wall = wall_between(cx, col, j, i);
        if (wall < 0) return FAILED;
        if (wall) return ASK_PYTHON;
    }
    /* The side of a box drawn round one of them. */
    if (cx->holding != NULL) {
        int parts = boxes_part(cx, col, j, i);
        if (parts < 0) return FAILED;
        if (parts) return ASK_PYTHON;
    }
    /* options.opens_option(last, f): false unless a box to tick leads ``f``, printed (its
     * first character a box) or drawn (on a page with boxes). */
    Py_UCS4 opens = first_character(col, i);
    if (opens == (Py_UCS4)-2) return FAILED;
    if (opens == (Py_UCS4)-1) return ASK_PYTHON;
    for (Py_ssize_t k = 0; k < K.n_box_glyphs; k++) {
        if (opens == K.box_glyphs[k]) return ASK_PYTHON;
    }
    if (cx->holding != NULL) {
        int near = ticks_usable(cx);
        if (near == 1) near = tick_near(cx, col, i);
        else if (near == 0) near = 1; /* (boxes it cannot read: left to Python) */
        if (near < 0) return FAILED;
        if (near) return ASK_PYTHON;
    }
    /* _lines_of_two_columns(last, f, step) */
    double taller = f_height > last_height ? f_height : last_height;
    if (step >= K.gutter_step * taller) {
        long last_words = words_of(col, j);
        long f_words = last_words < 0 ? 0 : words_of(col, i);
        if (last_words < 0 || f_words < 0) return FAILED;
        if (last_words >= K.column_line_words && f_words >= K.column_line_words) {
            return ASK_PYTHON;
        }
    }
    return GOES_ON;
}

/* reader._opens_indented_paragraph past its first test (``f``, the column's ``i``-th
 * fragment, indented from the last line of ``o``, which ends with its ``j``-th): 1, 0, -1 when
 * a value is not of its usual type (left to Python), -2 on an error. */
static int opens_indented_paragraph(Context *cx, Column *col, Open *o, Py_ssize_t j,
                                    Py_ssize_t i, double height) {
    if (o->line_x0 - o->above >= K.indent_min * height) return 0;
    double block_x1;
    int ok = exact_float(o->block, name_x1, &block_x1);
    if (ok <= 0) return ok < 0 ? -2 : -1;
    Py_ssize_t first = o->members[0];
    if (block_x1 - o->line_x1 < height) {
        /* Unless a full line closes a sentence before a capital, or a letter of a script
         * without capitals (not the block's first). */
        if (same_line(col, first, j)) {
            /* reader._indented_under_short_line: a line not centred under the block's one
             * line may open the text under a heading (its words counted in Python). */
            double centres = (col->x0[i] + col->x1[i]) - (o->line_x0 + o->line_x1);
            return (centres > height || centres < -height) ? -1 : 0;
        }
        Py_UCS4 ends = last_character(col, j);
        if (ends == (Py_UCS4)-2) return -2;
        if (ends == (Py_UCS4)-1) return -1;
        if (!(ends == '.' || ends == '!' || ends == '?' || ends == 0x201d || ends == '"' ||
              ends == ')')) {
            return 0;
        }
        PyObject *text = text_of(col, i);
        if (text == NULL) return -2;
        if (!PyUnicode_Check(text)) return -1;
        /* reader._opens_sentence: a capital, or a letter of a script without capitals.
         * (str.isupper, .islower, .isalpha of one character are Py_UNICODE_ISUPPER, _ISLOWER,
         * _ISALPHA of it.) */
        if (PyUnicode_GET_LENGTH(text) == 0) return 0;
        Py_UCS4 opening = PyUnicode_READ_CHAR(text, 0);
        if (!(Py_UNICODE_ISUPPER(opening) ||
              (Py_UNICODE_ISALPHA(opening) && !Py_UNICODE_ISLOWER(opening)))) {
            return 0;
        }
    }
    int item = asked_of_text(cx->starts_item, col, first);
    if (item == 0) item = asked_of_text(cx->is_marker, col, first);
    if (item < 0) return -2;
    if (item) {
        /* (Unless the item's last line starts out left of its marker: set as a paragraph.) */
        int first_rtl = rtl_of(col, first);
        if (first_rtl < 0) return -2;
        if (first_rtl || !(o->line_x0 < col->x0[first] - 0.5 * height)) return 0;
    }
    PyObject *fixed = PyObject_GetAttr(PyTuple_GET_ITEM(col->items, i), name_fixed_pitch);
    if (fixed == NULL) return -2;
    int truth = PyObject_IsTrue(fixed);
    Py_DECREF(fixed);
    if (truth < 0) return -2;
    return !truth;
}

/* Whether the last line of block ``o``, ending at ``line_x1``, stops short of the right
 * edge its pieces (or ``from``, when further right) reach by room enough for a short word
 * (reader.SHORT_LINE_SPACE and SHORT_LINE_SLACK: the first test of those that measure the
 * next line's first word against that room in Python). */
static int leaves_room(const Column *col, const Open *o, double from, double line_x1,
                       double height) {
    double reach = from;
    for (Py_ssize_t m = 0; m < o->n_members; m++) {
        if (col->x1[o->members[m]] > reach) reach = col->x1[o->members[m]];
    }
    return reach - line_x1 >= (K.short_line_space + K.short_line_slack) * height;
}

/* _BlockAsks.goes_on_below decided where its tests' cheap parts settle them: ``f`` (the
 * column's ``i``-th fragment) close under ``last`` (its ``j``-th, the last of block ``o``). */
static int quick_below(Context *cx, Column *col, Open *o, Py_ssize_t j, Py_ssize_t i,
                       double height, int one_line) {
    double last_size, f_size;
    if (size_of(col, i, &f_size) < 0 || size_of(col, j, &last_size) < 0) return FAILED;
    double line_x0 = o->line_x0, line_x1 = o->line_x1;
    double fx0 = col->x0[i], fx1 = col->x1[i], fy0 = col->y0[i], fy1 = col->y1[i];
    /* _new_face(last, f): sizes near enough settle it; else it compares their fonts. */
    double larger = f_size > last_size ? f_size : last_size;
    if (!(fabs(last_size - f_size) <= K.face_size_step * larger)) return ASK_PYTHON;
    /* Of two weights (a bold lead-in going on in regular text), goes_on_below measures the
     * face by the line's regular ending (Fragment.after_lead): asked of Python, a rare pair. */
    int last_bold = bold_truth(col, j), f_bold = bold_truth(col, i);
    if (last_bold < 0 || f_bold < 0) return FAILED;
    if (last_bold != f_bold) return ASK_PYTHON;
    /* A line ending in Chinese or Japanese stopping short of the right edge the block's lines
     * or ``f`` reach (reader._unspaced_line_ends_short, which reads the characters and asks
     * for more room than this: asked of Python where the last character may be one). */
    if (fx0 >= line_x0 - 0.5 * height) {
        Py_UCS4 ends = last_character(col, j);
        if (ends == (Py_UCS4)-2) return FAILED;
        if (ends == (Py_UCS4)-1 || ends >= 0x2E80) {
            if (leaves_room(col, o, fx1, line_x1, height)) {
                return ASK_PYTHON;
            }
        }
    }
    /* A line ending a sentence with room left for ``f``'s first word, ``f`` under its start
     * (reader._sentence_ends_at_break, which reads both texts: asked of Python where the
     * line ends in a stop, a quote or a bracket and leaves room for a short word at least). */
    if (!one_line && fabs(fx0 - line_x0) <= 0.5 * height) {
        Py_UCS4 ends = last_character(col, j);
        if (ends == (Py_UCS4)-2) return FAILED;
        if (ends == (Py_UCS4)-1 || ends == '.' || ends == '!' || ends == '?' || ends == '"' ||
            ends == '\'' || ends == ')' || ends == ']' || ends == 0x2019 || ends == 0x201D) {
            if (leaves_room(col, o, line_x1, line_x1, height)) {
                return ASK_PYTHON;
            }
        }
    }
    /* The height of the line ``f`` opens: an indent is at least indent_min of it (a display
     * formula's fraction makes the line above tall, and the taller line's would ask too
     * much), and so is the room a display's line leaves on its either side. */
    double text_height = fy1 - fy0;
    /* A line stopping short of the block's right edge, the next a level further out
     * (reader._ends_paragraph_short, which measures the next line's first word: asked of
     * Python where the room left could hold a word; the other weight is asked above). */
    if (!one_line && fx0 < line_x0 - K.indent_min * height) {
        if (leaves_room(col, o, line_x1, line_x1, height)) {
            return ASK_PYTHON;
        }
    }
    /* A block's one line set out as a display, ``f`` reaching out on both sides of it
     * (reader._display_ends_sentence, which reads their text: asked of Python). */
    if (one_line && fx0 < line_x0 - K.indent_min * text_height &&
        fx1 - line_x1 >= (K.short_line_space + K.short_line_slack) * text_height) {
        return ASK_PYTHON;
    }
    /* A list item's line starting out past its marker: apart, unless it is the item's
     * body set from the column's edge (reader._item_body_out_left, asked of Python: a
     * rare pair). */
    Py_ssize_t first = o->members[0];
    int first_rtl = rtl_of(col, first);
    if (first_rtl < 0) return FAILED;
    if (first_rtl ? fx1 > col->x1[first] + 0.5 * height : fx0 < col->x0[first] - 0.5 * height) {
        int item = asked_of_text(cx->starts_item, col, first);
        if (item < 0) return FAILED;
        if (item) {
            if (first_rtl || fx0 < col->x0[first] - K.indent_max * height) return STAYS_APART;
            return ASK_PYTHON;
        }
    }
    /* An indented first line: settled by its numbers only when the last line is itself
     * indented from the one above it. */
    double indent = fx0 - line_x0;
    if (K.indent_min * text_height <= indent && indent <= K.indent_max * height) {
        int opens = opens_indented_paragraph(cx, col, o, j, i, height);
        if (opens < 0) return opens == -1 ? ASK_PYTHON : FAILED;
        if (opens) return STAYS_APART;
    }
    /* A contents entry ending the block's last line: its last piece ends in a letter or a
     * figure, and the line has leader dots. */
    Py_UCS4 ends = last_character(col, j);
    if (ends == (Py_UCS4)-2) return FAILED;
    if (ends == (Py_UCS4)-1) return ASK_PYTHON;
    if (ends != 0 && Py_UNICODE_ISALNUM(ends)) {
        Py_ssize_t from = o->n_members - 1;
        while (from > 0 && same_line(col, o->members[from - 1], j)) from--;
        int leaders = leaders_in(col, o->members + from, o->n_members - from);
        if (leaders < 0) return FAILED;
        if (leaders) return ASK_PYTHON;
    }
    if (cx->has_entries) return ASK_PYTHON;
    /* Lines each a link to a different place (reader._links_apart). */
    if (cx->has_links) {
        if (cx->links_state == NOT_LOADED) {
            int loaded = load_links(cx);
            if (loaded < 0) return FAILED;
            cx->links_state = loaded ? LOADED : UNUSABLE;
        }
        if (cx->links_state != LOADED) return ASK_PYTHON;
        Py_ssize_t above = link_under(cx, col, j), below = link_under(cx, col, i);
        double f_height = fy1 - fy0;
        const double *upper = &cx->links[4 * (above >= 0 ? above : 0)];
        const double *lower = &cx->links[4 * (below >= 0 ? below : 0)];
        /* (Only where each line is its link: a line reaching out of its link is running
         * text, which goes on below.) */
        if (above >= 0 && below >= 0 &&
            !(upper[0] > line_x0 + 0.5 * f_height || upper[2] < line_x1 - 0.5 * f_height ||
              lower[0] > fx0 + 0.5 * f_height || lower[2] < fx1 - 0.5 * f_height)) {
            int other = PyObject_RichCompareBool(cx->link_pages[above], cx->link_pages[below],
                                                 Py_NE);
            if (other < 0) return FAILED;
            if (other) return STAYS_APART;
            if (above != below && fx0 <= line_x0 + 0.5 * f_height) return STAYS_APART;
        }
    }
    /* A rule drawn between the two lines (_HorizontalRules.between). */
    if (cx->has_rules) {
        double ly0 = col->y0[j];
        double below = fy1 >= ly0 ? fy1 - K.rule_over_capitals * (fy1 - fy0) : fy1;
        if (!(below >= ly0)) {
            if (cx->rules_state == NOT_LOADED) {
                int loaded = load_lines(cx->asks, name_rule_lines, &cx->n_rules, &cx->rules);
                if (loaded < 0) return FAILED;
                cx->rules_state = loaded ? LOADED : UNUSABLE;
            }
            if (cx->rules_state != LOADED) return ASK_PYTHON;
            double x0 = line_x0 < fx0 ? line_x0 : fx0;
            double x1 = line_x1 > fx1 ? line_x1 : fx1;
            Py_ssize_t start = bisect_left(cx->rules, cx->n_rules, 3, below);
            Py_ssize_t stop = bisect_right(cx->rules, cx->n_rules, 3, ly0);
            for (Py_ssize_t k = start; k < stop; k++) {
                double rx0 = cx->rules[3 * k + 1], rx1 = cx->rules[3 * k + 2];
                if (rx0 <= x0 && rx1 >= x1 && (x0 - rx0 >= height || rx1 - x1 >= height)) {
                    return STAYS_APART;
                }
            }
        }
    }
    /* A one-line block's line with text beside it on its row (_RowMates.reaches_under_row):
     * settled when nothing on the row outside the line stands over ``f``. */
    if (one_line) {
        if (index_rows(col) < 0) return FAILED;
        double last_height = col->y1[j] - col->y0[j];
        for (Py_ssize_t g = col->row_start[j]; g < col->row_stop[j]; g++) {
            if ((col->x1[g] <= line_x0 || col->x0[g] >= line_x1) && fx0 < col->x1[g] &&
                col->x0[g] < fx1 && col->y1[g] - col->y0[g] <= 1.5 * last_height) {
                return ASK_PYTHON;
            }
        }
    }
    if (cx->holding != NULL) {
        /* The top or foot of a box drawn round one of them. */
        int parts = boxes_part(cx, col, j, i);
        if (parts < 0) return FAILED;
        if (parts) return ASK_PYTHON;
        /* A box to tick leading ``f`` (_ticked asks TickBoxes.lead of ``f`` either way). */
        int near = ticks_usable(cx);
        if (near < 0) return FAILED;
        if (near == 0) return ASK_PYTHON;
        near = tick_near(cx, col, i);
        if (near < 0) return FAILED;
        if (near) return ASK_PYTHON;
    }
    return GOES_ON;
}

/* The truth of calling ``method`` (a bound method) with ``args``: 1, 0, or -1 on an error. */
static int asked(PyObject *method, PyObject *const *args, size_t count) {
    PyObject *answer = PyObject_Vectorcall(method, args, count, NULL);
    if (answer == NULL) return -1;
    int truth = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    return truth;
}

/* The verdict on a pair: ``quick`` (decided here, or ASK_PYTHON) or Python's ``asking``
 * (1, 0, -1 on an error, called when needed: not decided here, or verifying). */
static int verdict(Context *cx, int quick, int asking_truth, const char *test) {
    if (quick != ASK_PYTHON && asking_truth != quick) {
        PyErr_Format(PyExc_AssertionError, "%s: decided %d in C, %d in Python", test, quick,
                     asking_truth);
        return -1;
    }
    (void)cx;
    return asking_truth;
}

/* reader._line_step_limit */
static double line_step_limit(double height, double other, double baseline_apart,
                              double line_step, double line_step_tall) {
    double tall, shorter;
    if (height > other) {
        tall = height;
        shorter = other;
    } else {
        tall = other;
        shorter = height;
    }
    if (baseline_apart > shorter && tall > line_step_tall * shorter) {
        tall = line_step_tall * shorter;
    }
    return line_step * tall;
}

/* The first open block whose last line ``f`` (the column's ``i``-th fragment) goes on: -1
 * when none, -2 on an error. */
static Py_ssize_t beside_on_line(Context *cx, Column *col, Py_ssize_t i, Open *open,
                                 Py_ssize_t count, PyObject *goes_on_line, double line_step,
                                 double line_step_tall) {
    double fx0 = col->x0[i], fy0 = col->y0[i], fx1 = col->x1[i], fy1 = col->y1[i];
    double f_height = fy1 - fy0;
    PyObject *f = PyTuple_GET_ITEM(col->items, i);
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t j = open[k].last;
        int rtl = rtl_of(col, j);
        if (rtl < 0) return -2;
        double step = rtl ? col->x0[j] - fx1 : fx0 - col->x1[j];
        double ly0 = col->y0[j], ly1 = col->y1[j];
        double l_height = ly1 - ly0;
        if (!((fy1 < ly1 ? fy1 : ly1) - (fy0 > ly0 ? fy0 : ly0) >
              0.5 * (f_height < l_height ? f_height : l_height))) {
            continue;
        }
        if (!(0.0 <= step)) continue;
        if (!(step < line_step_limit(f_height, l_height, fabs(fy0 - ly0), line_step,
                                     line_step_tall))) {
            /* A lone bullet or number goes on with its text past a hanging indent's tab stop
             * (reader.MARKER_STEP, and _BlockAsks.label_at_tab_stop; unset, the limit above
             * holds); a citation key, with its text at the stop set for the widest key, is
             * measured from its start (reader.KEY_STEP, asked of Python). */
            double tall = f_height > l_height ? f_height : l_height;
            double reach = rtl ? col->x1[j] - fx1 : fx0 - col->x0[j];
            Py_ssize_t pieces = PyList_GET_SIZE(open[k].frags);
            PyObject *answer;
            if (K.set && (step < K.marker_step * tall || reach < K.key_step * tall) &&
                pieces == 1) {
                answer = PyObject_CallMethod(cx->asks, "label_at_tab_stop", "OO",
                                             PyTuple_GET_ITEM(col->items, j), f);
            } else if (K.set && step < K.spread_step * tall && pieces >= 2) {
                /* A justified line spread wide (reader.SPREAD_STEP). */
                answer = PyObject_CallMethod(cx->asks, "spread_line_goes_on", "OOO",
                                             open[k].block, PyTuple_GET_ITEM(col->items, j), f);
            } else {
                continue;
            }
            if (answer == NULL) return -2;
            int label = PyObject_IsTrue(answer);
            Py_DECREF(answer);
            if (label < 0) return -2;
            if (!label) continue;
        }
        int truth = cx->quick ? quick_on_line(cx, col, &open[k], j, i, step) : ASK_PYTHON;
        if (truth == FAILED) return -2;
        if (truth == ASK_PYTHON || cx->verify) {
            PyObject *py_step = PyFloat_FromDouble(step);
            if (py_step == NULL) return -2;
            PyObject *args[4] = {open[k].block, PyTuple_GET_ITEM(col->items, j), f, py_step};
            int answer = asked(goes_on_line, args, 4);
            Py_DECREF(py_step);
            if (answer < 0) return -2;
            truth = verdict(cx, truth, answer, "goes_on_line");
            if (truth < 0) return -2;
        }
        if (truth) return k;
    }
    return -1;
}

/* reader.line_reach: where the line the column's ``i``-th fragment starts ends on the right,
 * over the pieces after it a space apart (reader.LINE_REACH_STEP); a right-to-left piece's
 * own end. 0, or -1 on an error. */
static int line_reach(Column *col, Py_ssize_t i, double *out) {
    double reach = col->x1[i];
    *out = reach;
    int rtl = rtl_of(col, i);
    if (rtl < 0) return -1;
    if (rtl) return 0;
    Py_ssize_t previous = i;
    for (Py_ssize_t k = i + 1; k < col->n; k++) {
        rtl = rtl_of(col, k);
        if (rtl < 0) return -1;
        if (rtl || !same_line(col, previous, k)) break;
        double a = col->y1[previous] - col->y0[previous], b = col->y1[k] - col->y0[k];
        double height = a > b ? a : b, step = col->x0[k] - col->x1[previous];
        if (!(0 <= step && step < K.line_reach_step * height)) break;
        reach = reach > col->x1[k] ? reach : col->x1[k];
        previous = k;
    }
    *out = reach;
    return 0;
}

/* The first open block whose last line ``f`` goes on under: -1 when none, -2 on an error. */
/* reader._goes_on_after_lead: ``f`` (the column's ``i``-th fragment), in the regular face,
 * is of the size of the regular text ``last`` ends in after a run-in lead in bold
 * (Fragment.after_lead, worked out in Python: a rare pair). 1, 0, or -1 on an error. */
static int after_lead(Column *col, PyObject *last, Py_ssize_t i) {
    int f_bold = bold_truth(col, i);
    if (f_bold != 0) return f_bold < 0 ? -1 : 0;
    PyObject *tail = PyObject_GetAttr(last, name_after_lead);
    if (tail == NULL) return -1;
    if (tail == Py_None) {
        Py_DECREF(tail);
        return 0;
    }
    PyObject *size = PyObject_GetAttr(tail, name_size);
    Py_DECREF(tail);
    if (size == NULL) return -1;
    double tail_size = PyFloat_AsDouble(size);
    Py_DECREF(size);
    if (tail_size == -1.0 && PyErr_Occurred()) return -1;
    double f_size;
    if (size_of(col, i, &f_size) < 0) return -1;
    return fabs(tail_size - f_size) <= 0.15 * (f_size > tail_size ? f_size : tail_size);
}

static Py_ssize_t under_line(Context *cx, Column *col, Py_ssize_t i, Open *open,
                             Py_ssize_t count, PyObject *goes_on_below, double leading,
                             double block_gap) {
    double fx0 = col->x0[i], fx1 = col->x1[i], fy0 = col->y0[i], fy1 = col->y1[i];
    double f_height = fy1 - fy0;
    PyObject *f = PyTuple_GET_ITEM(col->items, i);
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t j = open[k].last;
        PyObject *last = PyTuple_GET_ITEM(col->items, j);
        if (PyList_GET_SIZE(open[k].frags) == 1) {
            int marker = asked_of_text(cx->is_marker, col, j);
            if (marker < 0) return -2;
            if (marker) continue; /* a lone bullet or number waits for its text */
        }
        double l_height = col->y1[j] - col->y0[j];
        double height = f_height > l_height ? f_height : l_height;
        double gap = col->y0[j] - fy1;
        if (!(-0.5 * height < gap && gap < block_gap * height)) continue;
        double line_x0 = open[k].line_x0, line_x1 = open[k].line_x1;
        double overlap = (fx1 < line_x1 ? fx1 : line_x1) - (fx0 > line_x0 ? fx0 : line_x0);
        if (overlap <= 0 && fx1 <= line_x0 && line_x0 - fx0 <= K.indent_max * height &&
            open[k].starts != NULL && PyList_GET_SIZE(open[k].starts) == 1) {
            /* Under a paragraph's indented first line, a piece left of it: the rest of its
             * own line may stand under that line (reader.LINE_REACH_STEP), unless the line
             * is code, whose indent is the code's. */
            double reach;
            if (line_reach(col, i, &reach) < 0) return -2;
            PyObject *fixed = PyObject_CallMethod(cx->asks, "line_is_code", "O", open[k].block);
            if (fixed == NULL) return -2;
            int code = PyObject_IsTrue(fixed);
            Py_DECREF(fixed);
            if (code < 0) return -2;
            if (!code && line_x1 >= reach - K.line_reach_edge * height) {
                overlap = (reach < line_x1 ? reach : line_x1) - line_x0;
            }
        }
        double widest = block_gap * height, by_leading = leading + 0.3 * height;
        double least = 0.15 * height;
        double wider = least > by_leading ? least : by_leading;
        double limit = wider < widest ? wider : widest;
        if (!(-0.5 * height < gap && gap < limit && overlap > 0)) continue;
        double last_size, f_size;
        if (size_of(col, j, &last_size) < 0 || size_of(col, i, &f_size) < 0) return -2;
        int fits = 0;
        if (fabs(last_size - f_size) <= 0.15 * (f_size > last_size ? f_size : last_size)) {
            PyObject *last_bold = bold_of(col, j), *f_bold = bold_of(col, i);
            if (last_bold == NULL || f_bold == NULL) return -2;
            fits = PyObject_RichCompareBool(last_bold, f_bold, Py_EQ);
            if (fits < 0) return -2;
            if (!fits) {
                /* Of the other weight: a bold lead-in wrapped over the line break may still
                 * go on (asked of Python: _BlockAsks.weight_goes_on, rarely reached). */
                PyObject *answer = PyObject_CallMethod(cx->asks, "weight_goes_on", "OOOdd",
                                                       open[k].block, last, f, line_x0,
                                                       line_x1);
                if (answer == NULL) return -2;
                fits = PyObject_IsTrue(answer);
                Py_DECREF(answer);
                if (fits < 0) return -2;
            }
        }
        if (!fits) {
            /* A line opening with a bold run-in lead (smaller capitals, say) goes on in its
             * regular ending: asked of that (lines.Fragment.after_lead). */
            fits = after_lead(col, last, i);
            if (fits < 0) return -2;
            if (!fits) {
                /* One paragraph's running text though a run in another size or weight
                 * (small capitals) sets a line's median apart: asked of Python
                 * (_BlockAsks.inline_run_goes_on, a rare pair). */
                PyObject *answer = PyObject_CallMethod(cx->asks, "inline_run_goes_on", "OOO",
                                                       open[k].block, last, f);
                if (answer == NULL) return -2;
                fits = PyObject_IsTrue(answer);
                Py_DECREF(answer);
                if (fits < 0) return -2;
            }
            if (!fits) continue;
        }
        int one_line = PyList_GET_SIZE(open[k].starts) == 1;
        int truth = cx->quick ? quick_below(cx, col, &open[k], j, i, height, one_line)
                              : ASK_PYTHON;
        if (truth == FAILED) return -2;
        if (truth == ASK_PYTHON || cx->verify) {
            PyObject *numbers[5] = {
                PyFloat_FromDouble(height), PyFloat_FromDouble(line_x0),
                PyFloat_FromDouble(line_x1), PyFloat_FromDouble(open[k].above),
                PyBool_FromLong(one_line),
            };
            int answer = -1;
            if (numbers[0] && numbers[1] && numbers[2] && numbers[3] && numbers[4]) {
                PyObject *args[8] = {open[k].block, last, f, numbers[0], numbers[1],
                                     numbers[2], numbers[3], numbers[4]};
                answer = asked(goes_on_below, args, 8);
            }
            for (int n = 0; n < 5; n++) Py_XDECREF(numbers[n]);
            if (answer < 0) return -2;
            truth = verdict(cx, truth, answer, "goes_on_below");
            if (truth < 0) return -2;
        }
        if (truth) return k;
    }
    return -1;
}

static void free_column(Column *col) {
    for (Py_ssize_t i = 0; i < col->n; i++) {
        if (col->bold != NULL) Py_XDECREF(col->bold[i]);
        if (col->text != NULL) Py_XDECREF(col->text[i]);
        if (col->holders != NULL) Py_XDECREF(col->holders[i]);
    }
    PyMem_Free(col->x0);
    PyMem_Free(col->y0);
    PyMem_Free(col->x1);
    PyMem_Free(col->y1);
    PyMem_Free(col->rtl);
    PyMem_Free(col->size);
    PyMem_Free(col->has_size);
    PyMem_Free(col->bold);
    PyMem_Free(col->text);
    PyMem_Free(col->words);
    PyMem_Free(col->lower);
    PyMem_Free(col->turned_first);
    PyMem_Free(col->holders);
    PyMem_Free(col->row_start);
    PyMem_Free(col->row_stop);
    PyMem_Free(col->by_x0);
    Py_XDECREF(col->items);
}

static void free_context(Context *cx) {
    Py_XDECREF(cx->holding);
    PyMem_Free(cx->walls);
    PyMem_Free(cx->rules);
    PyMem_Free(cx->links);
    PyMem_Free(cx->ticks);
    if (cx->link_pages != NULL) {
        for (Py_ssize_t k = 0; k < cx->n_links; k++) Py_XDECREF(cx->link_pages[k]);
        PyMem_Free(cx->link_pages);
    }
}

static void free_open(Open *open, Py_ssize_t count) {
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_XDECREF(open[k].block);
        Py_XDECREF(open[k].frags);
        Py_XDECREF(open[k].starts);
        PyMem_Free(open[k].members);
    }
    PyMem_Free(open);
}

/* The truth of ``asks.<name>``: 1, 0, or -1 on an error. */
static int attribute_truth(PyObject *asks, PyObject *name) {
    PyObject *value = PyObject_GetAttr(asks, name);
    if (value == NULL) return -1;
    int truth = PyObject_IsTrue(value);
    Py_DECREF(value);
    return truth;
}

/* What the quick tests need of ``asks``: 0, or -1 on an error. */
static int start_context(Context *cx) {
    cx->has_rules = attribute_truth(cx->asks, name_rules);
    cx->has_links = attribute_truth(cx->asks, name_to_pages);
    cx->has_entries = attribute_truth(cx->asks, name_entry_starts);
    if (cx->has_rules < 0 || cx->has_links < 0 || cx->has_entries < 0) return -1;
    PyObject *frames = PyObject_GetAttr(cx->asks, name_frames);
    if (frames == NULL) return -1;
    int shapes = frames == Py_None ? 0 : attribute_truth(frames, name_shapes);
    if (shapes > 0) cx->holding = PyObject_GetAttr(frames, name_holding);
    Py_DECREF(frames);
    if (shapes < 0 || (shapes > 0 && cx->holding == NULL)) return -1;
    return 0;
}

static PyObject *text_blocks(PyObject *self, PyObject *args) {
    PyObject *frags, *asks, *open_list, *block_starts, *starts_item, *is_marker;
    double leading, block_gap, line_step, line_step_tall;
    int verify = 0;
    if (!PyArg_ParseTuple(args, "OOO!O!ddddOO|p", &frags, &asks, &PyList_Type, &open_list,
                          &PyDict_Type, &block_starts, &leading, &block_gap, &line_step,
                          &line_step_tall, &starts_item, &is_marker, &verify)) {
        return NULL;
    }
    if (PyList_GET_SIZE(open_list) != 0) {
        PyErr_SetString(PyExc_ValueError, "the open blocks' list must start empty");
        return NULL;
    }
    Column col = {0};
    col.items = PySequence_Tuple(frags);
    if (col.items == NULL) return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(col.items);
    size_t many = (size_t)(n > 0 ? n : 1);
    col.x0 = PyMem_Malloc(many * sizeof(double));
    col.y0 = PyMem_Malloc(many * sizeof(double));
    col.x1 = PyMem_Malloc(many * sizeof(double));
    col.y1 = PyMem_Malloc(many * sizeof(double));
    col.rtl = PyMem_Malloc(many);
    col.size = PyMem_Malloc(many * sizeof(double));
    col.has_size = PyMem_Calloc(many, 1);
    col.bold = PyMem_Calloc(many, sizeof(PyObject *));
    col.text = PyMem_Calloc(many, sizeof(PyObject *));
    col.words = PyMem_Malloc(many * sizeof(long));
    col.lower = PyMem_Malloc(many);
    col.turned_first = PyMem_Malloc(many);
    col.holders = PyMem_Calloc(many, sizeof(PyObject *));
    if (!col.x0 || !col.y0 || !col.x1 || !col.y1 || !col.rtl || !col.size || !col.has_size ||
        !col.bold || !col.text || !col.words || !col.lower || !col.turned_first || !col.holders) {
        free_column(&col);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *f = PyTuple_GET_ITEM(col.items, i);
        int ok = exact_float(f, name_x0, &col.x0[i]);
        if (ok > 0) ok = exact_float(f, name_y0, &col.y0[i]);
        if (ok > 0) ok = exact_float(f, name_x1, &col.x1[i]);
        if (ok > 0) ok = exact_float(f, name_y1, &col.y1[i]);
        if (ok <= 0) {
            free_column(&col);
            if (ok < 0) return NULL;
            Py_RETURN_NONE; /* a box not all floats: left to Python, nothing asked yet */
        }
        col.rtl[i] = col.lower[i] = col.turned_first[i] = -1;
        col.words[i] = -1;
    }
    col.n = n;
    Context cx = {0};
    cx.asks = asks;
    cx.is_marker = is_marker;
    cx.starts_item = starts_item;
    cx.quick = K.set;
    cx.verify = verify;
    PyObject *goes_on_line = NULL, *goes_on_below = NULL, *new_block = NULL, *done = NULL;
    Open *open = NULL;
    Py_ssize_t count = 0, room = 0;
    PyObject *result = NULL;
    if (start_context(&cx) < 0) goto end;
    goes_on_line = PyObject_GetAttr(asks, name_goes_on_line);
    goes_on_below = PyObject_GetAttr(asks, name_goes_on_below);
    new_block = PyObject_GetAttr(asks, name_new_block);
    done = PyList_New(0);
    if (goes_on_line == NULL || goes_on_below == NULL || new_block == NULL || done == NULL) {
        goto end;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *f = PyTuple_GET_ITEM(col.items, i);
        double fx0 = col.x0[i], fx1 = col.x1[i], fy0 = col.y0[i], fy1 = col.y1[i];
        double f_height = fy1 - fy0;
        Py_ssize_t target = beside_on_line(&cx, &col, i, open, count, goes_on_line,
                                           line_step, line_step_tall);
        if (target == -2) goto end;
        if (target < 0) {
            int item = asked_of_text(starts_item, &col, i);
            if (item < 0) goto end;
            if (item) {
                /* (A label under a line cut at a dash may be the rest of it: asked of
                 * Python, a rare line.) */
                PyObject *opens = PyObject_CallMethodOneArg(asks, name_opens_item, f);
                if (opens == NULL) goto end;
                item = PyObject_IsTrue(opens);
                Py_DECREF(opens);
                if (item < 0) goto end;
            }
            if (!item) {
                target = under_line(&cx, &col, i, open, count, goes_on_below, leading,
                                    block_gap);
                if (target == -2) goto end;
            }
        }
        if (target < 0) {
            PyObject *block = PyObject_CallOneArg(new_block, f);
            if (block == NULL) goto end;
            if (count == room) {
                Py_ssize_t more = room ? 2 * room : 16;
                Open *grown = PyMem_Realloc(open, (size_t)more * sizeof(Open));
                if (grown == NULL) {
                    Py_DECREF(block);
                    PyErr_NoMemory();
                    goto end;
                }
                open = grown;
                room = more;
            }
            Open *o = &open[count];
            memset(o, 0, sizeof(Open));
            o->block = block;
            o->last = -1;
            count++;
            if (PyList_Append(open_list, block) < 0) goto end;
            target = count - 1;
        }
        Open *o = &open[target];
        PyObject *added = PyObject_CallMethodOneArg(o->block, name_add, f);
        if (added == NULL) goto end;
        Py_DECREF(added);
        if (o->n_members == o->room) {
            Py_ssize_t more = o->room ? 2 * o->room : 8;
            Py_ssize_t *grown = PyMem_Realloc(o->members, (size_t)more * sizeof(Py_ssize_t));
            if (grown == NULL) {
                PyErr_NoMemory();
                goto end;
            }
            o->members = grown;
            o->room = more;
        }
        o->members[o->n_members++] = i;
        if (o->frags == NULL) {
            o->frags = PyObject_GetAttr(o->block, name_frags);
            if (o->frags == NULL) goto end;
            if (!PyList_Check(o->frags)) {
                PyErr_SetString(PyExc_TypeError, "a block's frags must be a list");
                goto end;
            }
        }
        if (o->has_line && same_line(&col, o->last, i)) {
            o->line_x0 = fx0 < o->line_x0 ? fx0 : o->line_x0;
            o->line_x1 = fx1 > o->line_x1 ? fx1 : o->line_x1;
        } else {
            o->above = o->has_line ? o->line_x0 : fx0;
            o->line_x0 = fx0;
            o->line_x1 = fx1;
            o->has_line = 1;
            if (o->starts == NULL) {
                PyObject *key = PyLong_FromVoidPtr(o->block);
                PyObject *fresh = PyList_New(0);
                PyObject *starts = NULL;
                if (key != NULL && fresh != NULL) {
                    starts = PyDict_SetDefault(block_starts, key, fresh);
                }
                Py_XDECREF(key);
                Py_XDECREF(fresh);
                if (starts == NULL) goto end;
                Py_INCREF(starts);
                o->starts = starts;
            }
            PyObject *x0 = PyObject_GetAttr(f, name_x0); /* (the fragment's own float) */
            if (x0 == NULL) goto end;
            int appended = PyList_Append(o->starts, x0);
            Py_DECREF(x0);
            if (appended < 0) goto end;
        }
        o->last = i;
        /* Blocks whose bottom is far above the current line can no longer grow. */
        double reach = 3 * (f_height < 1.0 ? 1.0 : f_height);
        int closing = 0;
        for (Py_ssize_t k = 0; k < count; k++) {
            if (col.y0[open[k].last] - fy1 > reach && k != target) {
                closing = 1;
                break;
            }
        }
        if (closing) {
            Py_ssize_t kept = 0;
            for (Py_ssize_t k = 0; k < count; k++) {
                if (col.y0[open[k].last] - fy1 > reach && k != target) {
                    if (PyList_Append(done, open[k].block) < 0) goto end;
                    Py_DECREF(open[k].block);
                    Py_XDECREF(open[k].frags);
                    Py_XDECREF(open[k].starts);
                    PyMem_Free(open[k].members);
                    memset(&open[k], 0, sizeof(Open));
                } else {
                    open[kept++] = open[k];
                }
            }
            for (Py_ssize_t k = kept; k < count; k++) memset(&open[k], 0, sizeof(Open));
            count = kept;
            PyObject *keep = PyList_New(count);
            if (keep == NULL) goto end;
            for (Py_ssize_t k = 0; k < count; k++) {
                Py_INCREF(open[k].block);
                PyList_SET_ITEM(keep, k, open[k].block);
            }
            int set = PyList_SetSlice(open_list, 0, PyList_GET_SIZE(open_list), keep);
            Py_DECREF(keep);
            if (set < 0) goto end;
        }
    }
    result = PySequence_Concat(done, open_list);
end:
    free_open(open, count);
    Py_XDECREF(done);
    Py_XDECREF(goes_on_line);
    Py_XDECREF(goes_on_below);
    Py_XDECREF(new_block);
    free_context(&cx);
    free_column(&col);
    return result;
}

static PyObject *configure(PyObject *self, PyObject *args, PyObject *kwargs) {
    PyObject *box_glyphs;
    static char *keywords[] = {
        "fragment_gap", "column_edge", "label_size_step", "label_raise",
        "vertical_rule_slack", "gutter_step", "face_size_step", "indent_min", "indent_max",
        "rule_over_capitals", "tick_gap", "tick_level", "tick_side_min", "tick_side_max",
        "marker_step", "key_step", "spread_step", "line_reach_step", "line_reach_edge",
        "short_line_space", "short_line_slack", "label_letters", "run_on_words",
        "column_line_words", "box_glyphs", NULL,
    };
    if (!PyArg_ParseTupleAndKeywords(
            args, kwargs, "$dddddddddddddddddddddlllO!", keywords, &K.fragment_gap,
            &K.column_edge, &K.label_size_step, &K.label_raise, &K.vertical_rule_slack,
            &K.gutter_step, &K.face_size_step, &K.indent_min, &K.indent_max,
            &K.rule_over_capitals, &K.tick_gap, &K.tick_level, &K.tick_side_min,
            &K.tick_side_max, &K.marker_step, &K.key_step, &K.spread_step,
            &K.line_reach_step, &K.line_reach_edge, &K.short_line_space, &K.short_line_slack,
            &K.label_letters, &K.run_on_words, &K.column_line_words, &PyUnicode_Type,
            &box_glyphs)) {
        K.set = 0;
        return NULL;
    }
    Py_ssize_t count = PyUnicode_GET_LENGTH(box_glyphs);
    if (count > (Py_ssize_t)(sizeof(K.box_glyphs) / sizeof(K.box_glyphs[0]))) {
        K.set = 0;
        PyErr_SetString(PyExc_ValueError, "too many box glyphs");
        return NULL;
    }
    for (Py_ssize_t k = 0; k < count; k++) K.box_glyphs[k] = PyUnicode_READ_CHAR(box_glyphs, k);
    K.n_box_glyphs = count;
    K.set = 1;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"text_blocks", text_blocks, METH_VARARGS,
     "reader._python_text_blocks in C: the blocks of a column's fragments, or None (left to "
     "Python) when a fragment's box is not all floats. A last argument true verifies every "
     "verdict decided in C against Python's (AssertionError where they differ)."},
    {"configure", (PyCFunction)(void (*)(void))configure, METH_VARARGS | METH_KEYWORDS,
     "Set reader.py's constants the quick tests use (until then Python decides every pair)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_block_loop", "reader._text_blocks' loop in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__block_loop(void) {
    static const char *names[] = {
        "x0", "x1", "y0", "y1", "rtl", "size", "bold", "text", "frags", "add",
        "goes_on_line", "goes_on_below", "new_block", "words", "glyphs", "rotated", "rules",
        "frames", "shapes", "holding", "to_pages", "entry_starts", "wall_lines", "rule_lines",
        "tick_squares", "fixed_pitch", "after_lead", "opens_item",
    };
    PyObject **slots[] = {
        &name_x0, &name_x1, &name_y0, &name_y1, &name_rtl, &name_size, &name_bold,
        &name_text, &name_frags, &name_add, &name_goes_on_line, &name_goes_on_below,
        &name_new_block, &name_words, &name_glyphs, &name_rotated, &name_rules, &name_frames,
        &name_shapes, &name_holding, &name_to_pages, &name_entry_starts, &name_wall_lines,
        &name_rule_lines, &name_tick_squares, &name_fixed_pitch, &name_after_lead,
        &name_opens_item,
    };
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
        *slots[k] = PyUnicode_InternFromString(names[k]);
        if (*slots[k] == NULL) return NULL;
    }
    return PyModule_Create(&module);
}
