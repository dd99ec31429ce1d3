/*
 * split_text.python_held_by in C: which of a few boxes holds each glyph's centre.
 *
 * Why C: cutting a text operator between the leaves that draw it asks, for every glyph of
 * every contested operator (tens of thousands on a page of table rows), which leaves' boxes
 * hold it, twice (split_text.give_unambiguous, then split_text.glyph_owner); nearly every
 * glyph lies in one box, and the Python loop over the boxes was the largest part of a split.
 * It computes exactly what its Python twin computes, the same double arithmetic in the same
 * order (built with -ffp-contract=off; tests/engine/tagged_pdf/test_glyph_boxes.py compares
 * both).
 *
 * held_by(glyphs, boxes, tolerance, loose) -> list[int] | None: glyphs are objects with
 * float x0, y0, x1, y1 (layout.glyphs.Glyph); boxes (x0, y0, x1, y1) tuples of numbers. For
 * each glyph, the index of the one box holding its centre within the tolerance, -1 for none,
 * -2 for several. loose: the test of give_unambiguous (box.x0 - tolerance <= cx <= box.x1 +
 * tolerance, ...), else that of glyph_owner (box.x0 - cx <= tolerance, ...): the two round
 * differently. None when a glyph's coordinate is not a float (left to Python).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *NAMES[4]; /* "x0", "y0", "x1", "y1" */

/* Reads an object's four coordinates; 1 done, 0 one is not a float, -1 failure. */
static int glyph_corners(PyObject *glyph, double *out) {
    for (int k = 0; k < 4; k++) {
        PyObject *value = PyObject_GetAttr(glyph, NAMES[k]);
        if (value == NULL) return -1;
        if (!PyFloat_CheckExact(value)) {
            Py_DECREF(value);
            return 0;
        }
        out[k] = PyFloat_AS_DOUBLE(value);
        Py_DECREF(value);
    }
    return 1;
}

static PyObject *held_by(PyObject *Py_UNUSED(self), PyObject *args) {
    PyObject *glyphs, *boxes;
    double tolerance;
    int loose;
    if (!PyArg_ParseTuple(args, "O!O!dp", &PyList_Type, &glyphs, &PyList_Type, &boxes,
                          &tolerance, &loose))
        return NULL;
    Py_ssize_t count = PyList_GET_SIZE(boxes);
    double *corners = PyMem_New(double, 4 * (count ? count : 1));
    if (corners == NULL) return PyErr_NoMemory();
    PyObject *out = NULL;
    for (Py_ssize_t b = 0; b < count; b++) {
        PyObject *box = PyList_GET_ITEM(boxes, b);
        if (!PyTuple_Check(box) || PyTuple_GET_SIZE(box) != 4) {
            PyErr_SetString(PyExc_TypeError, "a box must be (x0, y0, x1, y1)");
            goto done;
        }
        for (int k = 0; k < 4; k++) {
            corners[4 * b + k] = PyFloat_AsDouble(PyTuple_GET_ITEM(box, k));
            if (corners[4 * b + k] == -1.0 && PyErr_Occurred()) goto done;
        }
    }
    out = PyList_New(PyList_GET_SIZE(glyphs));
    if (out == NULL) goto done;
    for (Py_ssize_t g = 0; g < PyList_GET_SIZE(glyphs); g++) {
        double at[4];
        int found = glyph_corners(PyList_GET_ITEM(glyphs, g), at);
        if (found <= 0) {
            Py_CLEAR(out);
            if (found == 0) out = Py_NewRef(Py_None);
            goto done;
        }
        double cx = (at[0] + at[2]) / 2, cy = (at[1] + at[3]) / 2;
        Py_ssize_t holder = -1;
        for (Py_ssize_t b = 0; b < count; b++) {
            const double *box = corners + 4 * b;
            int holds;
            if (loose)
                holds = box[0] - tolerance <= cx && cx <= box[2] + tolerance &&
                        box[1] - tolerance <= cy && cy <= box[3] + tolerance;
            else
                holds = box[0] - cx <= tolerance && cx - box[2] <= tolerance &&
                        box[1] - cy <= tolerance && cy - box[3] <= tolerance;
            if (holds) {
                if (holder != -1) {
                    holder = -2;
                    break;
                }
                holder = b;
            }
        }
        PyObject *number = PyLong_FromSsize_t(holder);
        if (number == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, g, number);
    }
done:
    PyMem_Free(corners);
    return out;
}

static PyMethodDef methods[] = {
    {"held_by", held_by, METH_VARARGS,
     "held_by(glyphs, boxes, tolerance, loose) -> list[int] | None, as "
     "split_text.python_held_by."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_glyph_boxes",
    "Which box holds each glyph's centre, in C (see split_text.py).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__glyph_boxes(void) {
    const char *names[4] = {"x0", "y0", "x1", "y1"};
    for (int k = 0; k < 4; k++) {
        NAMES[k] = PyUnicode_InternFromString(names[k]);
        if (NAMES[k] == NULL) return NULL;
    }
    return PyModule_Create(&module);
}
