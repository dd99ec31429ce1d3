/*
 * marked_content._unit_owners in C: the owner to switch to before each instruction of a page,
 * and the instructions the marked-content plan looks at.
 *
 * Why C: the walk looks at every instruction of every page (tens of thousands on a dense
 * page), and is retaken for every page retagged while its cut text operators are proven; in
 * Python it was the largest loop of the plan. It computes exactly what its Python twin
 * computes (tests/engine/tagged_pdf/test_mark_units.py compares both on every kind of
 * instruction).
 *
 * unit_owners(names, painting, owners) -> (out, looked_at): names are the instructions'
 * operators (str), painting whether each paints (bool), owners each one's owner (any object,
 * None for none). out[i] is the owner to switch to before instruction i (owners' own object,
 * "" for unclaimed painting, None for no change); looked_at the indices the plan looks at,
 * ascending. See marked_content._unit_owners for what a unit is.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string.h>

/* How an operator is read: as marked_content._UNIT_KIND says. */
enum { OTHER = 0, PATH = 1, PAINT = 2, PLANNED = 3 };

static PyObject *EMPTY; /* "" */

/* The kind of an operator's name (an ASCII str of at most three characters, or another). */
static int kind_of(PyObject *name) {
    if (!PyUnicode_Check(name) || PyUnicode_KIND(name) != PyUnicode_1BYTE_KIND) return OTHER;
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    const char *s = (const char *)PyUnicode_1BYTE_DATA(name);
    if (n == 1) {
        switch (s[0]) {
        case 'm': case 'l': case 'c': case 'v': case 'y': case 'h': case 'W': return PATH;
        case 'f': case 'F': case 'B': case 'b': case 'S': case 's': case 'n': return PAINT;
        default: return OTHER;
        }
    }
    if (n == 2) {
        if (s[1] == '*') {
            if (s[0] == 'W') return PATH;
            if (s[0] == 'f' || s[0] == 'B' || s[0] == 'b') return PAINT;
            return OTHER;
        }
        if (s[0] == 'r' && s[1] == 'e') return PATH;
        if ((s[0] == 'B' && s[1] == 'T') || (s[0] == 'E' && s[1] == 'T') ||
            (s[0] == 'M' && s[1] == 'P') || (s[0] == 'D' && s[1] == 'P'))
            return PLANNED;
        return OTHER;
    }
    if (n == 3 && (memcmp(s, "BDC", 3) == 0 || memcmp(s, "BMC", 3) == 0 ||
                   memcmp(s, "EMC", 3) == 0))
        return PLANNED;
    return OTHER;
}

/* Appends index to the list; -1 on failure. */
static int append_index(PyObject *list, Py_ssize_t index) {
    PyObject *number = PyLong_FromSsize_t(index);
    if (number == NULL) return -1;
    int failed = PyList_Append(list, number);
    Py_DECREF(number);
    return failed;
}

/* out[at] = owners[of], or "" when that is None (a new reference is stored). */
static void set_owner(PyObject *out, Py_ssize_t at, PyObject *owners, Py_ssize_t of) {
    PyObject *owner = PyList_GET_ITEM(owners, of);
    if (owner == Py_None) owner = EMPTY;
    PyObject *old = PyList_GET_ITEM(out, at);
    PyList_SET_ITEM(out, at, Py_NewRef(owner));
    Py_DECREF(old);
}

static PyObject *unit_owners(PyObject *Py_UNUSED(self), PyObject *args) {
    PyObject *names, *painting, *owners;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyList_Type, &names, &PyList_Type, &painting,
                          &PyList_Type, &owners))
        return NULL;
    Py_ssize_t count = PyList_GET_SIZE(painting);
    if (PyList_GET_SIZE(names) < count || PyList_GET_SIZE(owners) < count) {
        /* (The Python twin reads names for as long as there are and fails where it runs
         * past painting or owners: such input never comes from the tagger.) */
        PyErr_SetString(PyExc_ValueError, "names and owners must cover every instruction");
        return NULL;
    }
    PyObject *out = PyList_New(count);
    PyObject *looked_at = PyList_New(0);
    if (out == NULL || looked_at == NULL) goto fail;
    for (Py_ssize_t i = 0; i < count; i++) PyList_SET_ITEM(out, i, Py_NewRef(Py_None));
    Py_ssize_t path_start = -1;
    for (Py_ssize_t index = 0; index < count; index++) {
        PyObject *op = PyList_GET_ITEM(names, index);
        int kind = kind_of(op);
        if (kind == PATH) {
            if (path_start < 0) path_start = index;
            continue;
        }
        if (kind == PAINT) {
            Py_ssize_t start = path_start >= 0 ? path_start : index;
            path_start = -1;
            if (!(PyUnicode_GET_LENGTH(op) == 1 && PyUnicode_1BYTE_DATA(op)[0] == 'n')) {
                set_owner(out, start, owners, index);
                if (start != index && append_index(looked_at, start) < 0) goto fail;
                if (append_index(looked_at, index) < 0) goto fail;
            }
            continue;
        }
        int paints = PyObject_IsTrue(PyList_GET_ITEM(painting, index));
        if (paints < 0) goto fail;
        if (paints) {
            set_owner(out, index, owners, index);
            if (append_index(looked_at, index) < 0) goto fail;
        } else if (kind == PLANNED) {
            if (append_index(looked_at, index) < 0) goto fail;
        }
    }
    PyObject *result = PyTuple_Pack(2, out, looked_at);
    Py_DECREF(out);
    Py_DECREF(looked_at);
    return result;

fail:
    Py_XDECREF(out);
    Py_XDECREF(looked_at);
    return NULL;
}

static PyMethodDef methods[] = {
    {"unit_owners", unit_owners, METH_VARARGS,
     "unit_owners(names, painting, owners) -> (out, looked_at), as "
     "marked_content._unit_owners."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_mark_units",
    "The owner to switch to before each instruction, in C (see marked_content.py).", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__mark_units(void) {
    EMPTY = PyUnicode_InternFromString("");
    if (EMPTY == NULL) return NULL;
    return PyModule_Create(&module);
}
