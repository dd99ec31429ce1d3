/*
 * order._widest_gap across x, in C: the widest empty band between items sorted by (x0, x1).
 *
 * Why C: the column search (order.py) asks it tens of thousands of times per document, for
 * every part of a page under every horizontal cut it tries; the sort and the walk were a
 * sixth of the untagged files' analysis in Python.
 *
 * Same result as order._python_widest_x_gap: the items sorted stably by (x0, x1) (ties by
 * their place in the list: a total order, so qsort gives the stable sort's order), then the
 * first widest gap x0 - (rightmost x1 so far). Returns None, for the Python twin to answer,
 * when the list is empty or any coordinate is not a finite float (NaN sorts by the order of
 * comparisons, which only the same algorithm reproduces). A test compares the two.
 *
 * widest_gaps: the same widest gap's width for many slices of one list at once (the parts
 * above and below each horizontal cut the column search tries: most have no gap a gutter
 * could be, and are refused on this width alone without each being sorted and walked). The
 * list is read and sorted once; a slice's items, taken in that order, are the slice sorted
 * as widest_x_gap sorts it, so the walk over them gives the same width. Same result as
 * order._python_widest_gaps (a test compares them).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdlib.h>

typedef struct {
    double x0, x1;
    Py_ssize_t index;
} Span;

static PyObject *name_x0, *name_x1;

static int compare_spans(const void *pa, const void *pb) {
    const Span *a = pa, *b = pb;
    if (a->x0 != b->x0) return a->x0 < b->x0 ? -1 : 1;
    if (a->x1 != b->x1) return a->x1 < b->x1 ? -1 : 1;
    return a->index < b->index ? -1 : (a->index > b->index);
}

/* The attribute as a finite float; 0 when it is not one (or on an error, which is set). */
static int finite_float(PyObject *item, PyObject *name, double *out) {
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

/* The spans of a list's items, read in the list's order; NULL with no error set when a
 * coordinate is not a finite float (the caller answers None), NULL with an error on one. */
static Span *read_spans(PyObject *items, Py_ssize_t n) {
    Span *spans = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Span));
    if (spans == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        spans[i].index = i;
        if (!finite_float(item, name_x0, &spans[i].x0) ||
            !finite_float(item, name_x1, &spans[i].x1)) {
            PyMem_Free(spans);
            return NULL;
        }
    }
    return spans;
}

static PyObject *widest_x_gap(PyObject *self, PyObject *items) {
    (void)self;
    if (!PyList_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "a list of items with x0 and x1");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    if (n == 0) Py_RETURN_NONE;
    Span *spans = read_spans(items, n);
    if (spans == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    qsort(spans, (size_t)n, sizeof(Span), compare_spans);
    double best_gap = 0.0, reach = spans[0].x1;
    Py_ssize_t best_at = -1;
    for (Py_ssize_t i = 1; i < n; i++) {
        double gap = spans[i].x0 - reach;
        if (gap > best_gap) {
            best_gap = gap;
            best_at = i;
        }
        if (spans[i].x1 > reach) reach = spans[i].x1;
    }
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

/* The widest gap of the items of [start, end), walking ``sorted`` (all items, by x): the
 * walk of widest_x_gap over the slice's items in the same order. */
static double slice_gap(const Span *sorted, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end) {
    double best_gap = 0.0, reach = 0.0;
    int first = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (sorted[i].index < start || sorted[i].index >= end) continue;
        if (first) {
            reach = sorted[i].x1;
            first = 0;
            continue;
        }
        double gap = sorted[i].x0 - reach;
        if (gap > best_gap) best_gap = gap;
        if (sorted[i].x1 > reach) reach = sorted[i].x1;
    }
    return best_gap;
}

static PyObject *widest_gaps(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *items, *bounds;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &items, &PyList_Type, &bounds)) {
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
    }
    Span *spans = read_spans(items, n);
    if (spans == NULL) {
        PyMem_Free(starts);
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    qsort(spans, (size_t)n, sizeof(Span), compare_spans);
    PyObject *out = PyList_New(count);
    for (Py_ssize_t k = 0; out != NULL && k < count; k++) {
        PyObject *width = PyFloat_FromDouble(slice_gap(spans, n, starts[k], ends[k]));
        if (width == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, k, width);
    }
    PyMem_Free(spans);
    PyMem_Free(starts);
    return out;
}

static PyMethodDef methods[] = {
    {"widest_x_gap", widest_x_gap, METH_O,
     "(gap, index, items sorted by (x0, x1)) of the widest empty band across x, or None."},
    {"widest_gaps", widest_gaps, METH_VARARGS,
     "The widest gap's width (0.0: none) of each slice (start, end) of the items, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_column_gap", "order._widest_gap across x, in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__column_gap(void) {
    name_x0 = PyUnicode_InternFromString("x0");
    name_x1 = PyUnicode_InternFromString("x1");
    if (name_x0 == NULL || name_x1 == NULL) return NULL;
    return PyModule_Create(&module);
}
