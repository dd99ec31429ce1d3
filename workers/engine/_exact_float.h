/*
 * An attribute read as a C double only where it is exactly a Python float.
 *
 * Why: the layout loops in C must compute what their Python twins compute. A coordinate that
 * is an int, a subclass or anything else is left to the twin (which may round or compare it
 * differently), so the loop stops and answers None; only a plain float is read here.
 *
 * ``exact_float(item, name, &out)``: 1 with ``out`` set where ``item.name`` is a plain float,
 * 0 where it is something else, -1 with the Python error set where the attribute is missing.
 */
#ifndef LAYOUT_EXACT_FLOAT_H
#define LAYOUT_EXACT_FLOAT_H

#include <Python.h>

static int exact_float(PyObject *item, PyObject *name, double *out) {
    PyObject *value = PyObject_GetAttr(item, name);
    if (value == NULL) return -1;
    int ok = PyFloat_CheckExact(value);
    if (ok) *out = PyFloat_AS_DOUBLE(value);
    Py_DECREF(value);
    return ok;
}

#endif
