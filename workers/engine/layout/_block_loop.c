/*
 * reader._text_blocks' loop in C: every fragment of a column, line by line, against every
 * open block, to find the block it goes on (the rest of the block's last line, or the line
 * under it) or to open one of its own.
 *
 * Why C: block building runs over every fragment of every page, each against the blocks still
 * open, keeping each block's last line, where its lines start and which blocks can no longer
 * grow; in Python the loop itself was the dearest function of the layout reader. Most pairs
 * are refused on their boxes alone (not level, too far apart), which is done here; the tests
 * that look at text, fonts, rules, boxes and the other blocks stay in Python, asked of the
 * pairs whose boxes fit (reader._BlockAsks.goes_on_line, goes_on_below and new_block).
 *
 * Same result as reader._python_text_blocks, step for step (the same questions asked of the
 * same pairs, in the same order): min() and max() of two values written with Python's
 * semantics (``min(a, b)`` is ``b if b < a else a``), and no fused multiply-adds (setup.py
 * builds with -ffp-contract=off). Returns None, for the Python twin to answer, before asking
 * anything, when a fragment's box is not all floats. A test compares the two.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdlib.h>

static PyObject *name_x0, *name_x1, *name_y0, *name_y1, *name_rtl, *name_size, *name_bold,
    *name_text, *name_frags, *name_add, *name_goes_on_line, *name_goes_on_below,
    *name_new_block;

/* An open block: the block, its fragments' list, its lines' starts (in block_starts), the
 * place in the column of its last fragment, and its last line's extent. */
typedef struct {
    PyObject *block;
    PyObject *frags;
    PyObject *starts;
    Py_ssize_t last;
    int has_line;
    double line_x0, line_x1, above;
} Open;

/* What is known of the column's fragments: their boxes (read first), whether each reads
 * right to left, its size and its boldness (read when first asked, as Python's lazy
 * evaluation of the same conditions does). */
typedef struct {
    PyObject *items; /* a tuple of the fragments */
    double *x0, *y0, *x1, *y1;
    signed char *rtl;
    double *size;
    char *has_size;
    PyObject **bold;
} Column;

static int exact_float(PyObject *item, PyObject *name, double *out) {
    PyObject *value = PyObject_GetAttr(item, name);
    if (value == NULL) return -1;
    int ok = PyFloat_CheckExact(value);
    if (ok) *out = PyFloat_AS_DOUBLE(value);
    Py_DECREF(value);
    return ok;
}

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

/* The truth of calling ``method`` (a bound method) with ``args``: 1, 0, or -1 on an error. */
static int asked(PyObject *method, PyObject *const *args, size_t count) {
    PyObject *answer = PyObject_Vectorcall(method, args, count, NULL);
    if (answer == NULL) return -1;
    int truth = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    return truth;
}

static int text_asked(PyObject *function, PyObject *fragment) {
    PyObject *text = PyObject_GetAttr(fragment, name_text);
    if (text == NULL) return -1;
    PyObject *args[1] = {text};
    int truth = asked(function, args, 1);
    Py_DECREF(text);
    return truth;
}

/* The first open block whose last line ``f`` (the column's ``i``-th fragment) goes on: -1
 * when none, -2 on an error. */
static Py_ssize_t beside_on_line(Column *col, Py_ssize_t i, Open *open, Py_ssize_t count,
                                 PyObject *goes_on_line, double line_step,
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
        if (!(0.0 <= step &&
              step < line_step_limit(f_height, l_height, fabs(fy0 - ly0), line_step,
                                     line_step_tall))) {
            continue;
        }
        PyObject *py_step = PyFloat_FromDouble(step);
        if (py_step == NULL) return -2;
        PyObject *args[4] = {open[k].block, PyTuple_GET_ITEM(col->items, j), f, py_step};
        int truth = asked(goes_on_line, args, 4);
        Py_DECREF(py_step);
        if (truth < 0) return -2;
        if (truth) return k;
    }
    return -1;
}

/* The first open block whose last line ``f`` goes on under: -1 when none, -2 on an error. */
static Py_ssize_t under_line(Column *col, Py_ssize_t i, Open *open, Py_ssize_t count,
                             PyObject *goes_on_below, PyObject *is_marker, double leading,
                             double block_gap) {
    double fx0 = col->x0[i], fx1 = col->x1[i], fy0 = col->y0[i], fy1 = col->y1[i];
    double f_height = fy1 - fy0;
    PyObject *f = PyTuple_GET_ITEM(col->items, i);
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t j = open[k].last;
        PyObject *last = PyTuple_GET_ITEM(col->items, j);
        if (PyList_GET_SIZE(open[k].frags) == 1) {
            int marker = text_asked(is_marker, last);
            if (marker < 0) return -2;
            if (marker) continue; /* a lone bullet or number waits for its text */
        }
        double l_height = col->y1[j] - col->y0[j];
        double height = f_height > l_height ? f_height : l_height;
        double gap = col->y0[j] - fy1;
        if (!(-0.5 * height < gap && gap < block_gap * height)) continue;
        double line_x0 = open[k].line_x0, line_x1 = open[k].line_x1;
        double overlap = (fx1 < line_x1 ? fx1 : line_x1) - (fx0 > line_x0 ? fx0 : line_x0);
        double widest = block_gap * height, by_leading = leading + 0.3 * height;
        double least = 0.15 * height;
        double wider = least > by_leading ? least : by_leading;
        double limit = wider < widest ? wider : widest;
        if (!(-0.5 * height < gap && gap < limit && overlap > 0)) continue;
        double last_size, f_size;
        if (size_of(col, j, &last_size) < 0 || size_of(col, i, &f_size) < 0) return -2;
        if (!(fabs(last_size - f_size) <= 0.15 * (f_size > last_size ? f_size : last_size))) {
            continue;
        }
        PyObject *last_bold = bold_of(col, j), *f_bold = bold_of(col, i);
        if (last_bold == NULL || f_bold == NULL) return -2;
        int same = PyObject_RichCompareBool(last_bold, f_bold, Py_EQ);
        if (same < 0) return -2;
        if (!same) continue;
        PyObject *numbers[5] = {
            PyFloat_FromDouble(height), PyFloat_FromDouble(line_x0),
            PyFloat_FromDouble(line_x1), PyFloat_FromDouble(open[k].above),
            PyBool_FromLong(PyList_GET_SIZE(open[k].starts) == 1),
        };
        int truth = -1;
        if (numbers[0] && numbers[1] && numbers[2] && numbers[3] && numbers[4]) {
            PyObject *args[8] = {open[k].block, last, f, numbers[0], numbers[1], numbers[2],
                                 numbers[3], numbers[4]};
            truth = asked(goes_on_below, args, 8);
        }
        for (int n = 0; n < 5; n++) Py_XDECREF(numbers[n]);
        if (truth < 0) return -2;
        if (truth) return k;
    }
    return -1;
}

static void free_column(Column *col, Py_ssize_t n) {
    if (col->bold != NULL) {
        for (Py_ssize_t i = 0; i < n; i++) Py_XDECREF(col->bold[i]);
    }
    PyMem_Free(col->x0);
    PyMem_Free(col->y0);
    PyMem_Free(col->x1);
    PyMem_Free(col->y1);
    PyMem_Free(col->rtl);
    PyMem_Free(col->size);
    PyMem_Free(col->has_size);
    PyMem_Free(col->bold);
    Py_XDECREF(col->items);
}

static void free_open(Open *open, Py_ssize_t count) {
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_XDECREF(open[k].block);
        Py_XDECREF(open[k].frags);
        Py_XDECREF(open[k].starts);
    }
    PyMem_Free(open);
}

/* Whether fragments ``a`` and ``b`` sit on one line (blocks.same_line). */
static int same_line(Column *col, Py_ssize_t a, Py_ssize_t b) {
    double ay0 = col->y0[a], ay1 = col->y1[a], by0 = col->y0[b], by1 = col->y1[b];
    double a_height = ay1 - ay0, b_height = by1 - by0;
    return (by1 < ay1 ? by1 : ay1) - (by0 > ay0 ? by0 : ay0) >
           0.5 * (b_height < a_height ? b_height : a_height);
}

static PyObject *text_blocks(PyObject *self, PyObject *args) {
    PyObject *frags, *asks, *open_list, *block_starts, *starts_item, *is_marker;
    double leading, block_gap, line_step, line_step_tall;
    if (!PyArg_ParseTuple(args, "OOO!O!ddddOO", &frags, &asks, &PyList_Type, &open_list,
                          &PyDict_Type, &block_starts, &leading, &block_gap, &line_step,
                          &line_step_tall, &starts_item, &is_marker)) {
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
    if (!col.x0 || !col.y0 || !col.x1 || !col.y1 || !col.rtl || !col.size || !col.has_size ||
        !col.bold) {
        free_column(&col, 0);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *f = PyTuple_GET_ITEM(col.items, i);
        int ok = exact_float(f, name_x0, &col.x0[i]);
        if (ok > 0) ok = exact_float(f, name_y0, &col.y0[i]);
        if (ok > 0) ok = exact_float(f, name_x1, &col.x1[i]);
        if (ok > 0) ok = exact_float(f, name_y1, &col.y1[i]);
        if (ok <= 0) {
            free_column(&col, 0);
            if (ok < 0) return NULL;
            Py_RETURN_NONE; /* a box not all floats: left to Python, nothing asked yet */
        }
        col.rtl[i] = -1;
    }
    PyObject *goes_on_line = PyObject_GetAttr(asks, name_goes_on_line);
    PyObject *goes_on_below = PyObject_GetAttr(asks, name_goes_on_below);
    PyObject *new_block = PyObject_GetAttr(asks, name_new_block);
    PyObject *done = PyList_New(0);
    Open *open = NULL;
    Py_ssize_t count = 0, room = 0;
    PyObject *result = NULL;
    if (goes_on_line == NULL || goes_on_below == NULL || new_block == NULL || done == NULL) {
        goto end;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *f = PyTuple_GET_ITEM(col.items, i);
        double fx0 = col.x0[i], fx1 = col.x1[i], fy0 = col.y0[i], fy1 = col.y1[i];
        double f_height = fy1 - fy0;
        Py_ssize_t target =
            beside_on_line(&col, i, open, count, goes_on_line, line_step, line_step_tall);
        if (target == -2) goto end;
        if (target < 0) {
            int item = text_asked(starts_item, f);
            if (item < 0) goto end;
            if (!item) {
                target = under_line(&col, i, open, count, goes_on_below, is_marker, leading,
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
            o->block = block;
            o->frags = NULL;
            o->starts = NULL;
            o->last = -1;
            o->has_line = 0;
            o->line_x0 = o->line_x1 = o->above = 0.0;
            count++;
            if (PyList_Append(open_list, block) < 0) goto end;
            target = count - 1;
        }
        Open *o = &open[target];
        PyObject *added = PyObject_CallMethodOneArg(o->block, name_add, f);
        if (added == NULL) goto end;
        Py_DECREF(added);
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
                    open[k].block = open[k].frags = open[k].starts = NULL;
                } else {
                    open[kept++] = open[k];
                }
            }
            for (Py_ssize_t k = kept; k < count; k++) {
                open[k].block = open[k].frags = open[k].starts = NULL;
            }
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
    free_column(&col, n);
    return result;
}

static PyMethodDef methods[] = {
    {"text_blocks", text_blocks, METH_VARARGS,
     "reader._python_text_blocks in C: the blocks of a column's fragments, or None (left to "
     "Python) when a fragment's box is not all floats."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_block_loop", "reader._text_blocks' loop in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__block_loop(void) {
    static const char *names[] = {"x0", "x1", "y0", "y1", "rtl", "size", "bold", "text",
                                  "frags", "add", "goes_on_line", "goes_on_below",
                                  "new_block"};
    PyObject **slots[] = {&name_x0, &name_x1, &name_y0, &name_y1, &name_rtl, &name_size,
                          &name_bold, &name_text, &name_frags, &name_add,
                          &name_goes_on_line, &name_goes_on_below, &name_new_block};
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
        *slots[k] = PyUnicode_InternFromString(names[k]);
        if (*slots[k] == NULL) return NULL;
    }
    return PyModule_Create(&module);
}
