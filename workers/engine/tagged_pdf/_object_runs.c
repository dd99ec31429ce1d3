/*
 * Where the text object changes along a page's characters, in C (mcid_text.py).
 *
 * Why C: reading a tagged page's text by marked-content id asks pdfium for the text object
 * of every character, one ctypes call each (tens of thousands on a page), to find the runs
 * of characters one text object draws; the runs are few. That loop was the largest part of
 * reading a page's text by MCID (the fidelity check on every page of every output, and the
 * tagger's logical texts). mcid_text.python_object_changes is the Python twin this must
 * agree with (the tests compare both).
 *
 * object_changes(text_page, count, get_text_object) -> (list[int], list[int]): text_page is
 * the address of an FPDF_TEXTPAGE, get_text_object that of FPDFText_GetTextObject (pypdfium2's
 * own pdfium, so both paths read one library). The indices i in 0..count-1 at which the
 * character's text object is none (a generated space or line break) or differs from the one
 * before it (none before the first), with the object's address at each (0 for none).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef void *(*get_text_object_fn)(void *text_page, int index);

static PyObject *object_changes(PyObject *Py_UNUSED(self), PyObject *args) {
    unsigned long long page_address, function_address;
    int count;
    if (!PyArg_ParseTuple(args, "KiK", &page_address, &count, &function_address)) return NULL;
    if (page_address == 0 || function_address == 0) {
        PyErr_SetString(PyExc_ValueError, "null text page or function");
        return NULL;
    }
    void *text_page = (void *)(uintptr_t)page_address;
    get_text_object_fn get_text_object = (get_text_object_fn)(uintptr_t)function_address;
    PyObject *starts = PyList_New(0);
    PyObject *addresses = PyList_New(0);
    if (starts == NULL || addresses == NULL) goto fail;
    uintptr_t last = 0;
    for (int i = 0; i < count; i++) {
        uintptr_t address = (uintptr_t)get_text_object(text_page, i);
        if (address == last && address != 0) continue; /* the same object: the same run */
        last = address;
        PyObject *start = PyLong_FromLong(i);
        if (start == NULL) goto fail;
        int failed = PyList_Append(starts, start);
        Py_DECREF(start);
        if (failed) goto fail;
        PyObject *object = PyLong_FromUnsignedLongLong((unsigned long long)address);
        if (object == NULL) goto fail;
        failed = PyList_Append(addresses, object);
        Py_DECREF(object);
        if (failed) goto fail;
    }
    return Py_BuildValue("(NN)", starts, addresses);
fail:
    Py_XDECREF(starts);
    Py_XDECREF(addresses);
    return NULL;
}

static PyMethodDef methods[] = {
    {"object_changes", object_changes, METH_VARARGS,
     "Indices where a page's characters change text object, with each object's address."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_object_runs", NULL, -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__object_runs(void) { return PyModule_Create(&module); }
