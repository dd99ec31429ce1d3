/*
 * difflib.SequenceMatcher.find_longest_match, in C, for sequences without junk.
 *
 * Why C: operators.py aligns a page's predicted object kinds with pdfium's when the two
 * disagree. The sequences are long (one item per page object) over an alphabet of five
 * kinds, which is difflib's worst case: every item of one sequence meets a fifth of the
 * other in Python, and one such page cost seconds. The loop below is difflib's, over bytes.
 *
 * Same result as difflib with no junk and autojunk=False: the longest block a[i:i+k] ==
 * b[j:j+k] inside a[alo:ahi], b[blo:bhi]; of the longest, the one starting earliest in a,
 * then earliest in b; (alo, blo, 0) when nothing matches. A test compares the two.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdlib.h>
#include <string.h>

static PyObject *longest_match(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer a, b;
    Py_ssize_t alo, ahi, blo, bhi;
    if (!PyArg_ParseTuple(args, "y*y*nnnn", &a, &b, &alo, &ahi, &blo, &bhi)) return NULL;
    PyObject *result = NULL;
    Py_ssize_t *run = NULL, *next_run = NULL;
    if (alo < 0 || blo < 0 || ahi > a.len || bhi > b.len || alo > ahi || blo > bhi) {
        PyErr_SetString(PyExc_ValueError, "ranges outside the sequences");
        goto done;
    }
    const unsigned char *x = a.buf, *y = b.buf;
    Py_ssize_t width = bhi - blo;
    /* run[j - blo + 1]: length of the match ending at a[i - 1], b[j] (0 when none), as
     * difflib's j2len; slot 0 stands for b[blo - 1], which never matches. */
    run = calloc((size_t)width + 1, sizeof(Py_ssize_t));
    next_run = calloc((size_t)width + 1, sizeof(Py_ssize_t));
    if (run == NULL || next_run == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t best_i = alo, best_j = blo, best_size = 0;
    for (Py_ssize_t i = alo; i < ahi; i++) {
        unsigned char item = x[i];
        for (Py_ssize_t j = blo; j < bhi; j++) {
            Py_ssize_t slot = j - blo + 1;
            if (y[j] == item) {
                Py_ssize_t k = run[slot - 1] + 1;
                next_run[slot] = k;
                if (k > best_size) {
                    best_i = i - k + 1;
                    best_j = j - k + 1;
                    best_size = k;
                }
            } else {
                next_run[slot] = 0;
            }
        }
        Py_ssize_t *swap = run;
        run = next_run;
        next_run = swap;
    }
    result = Py_BuildValue("nnn", best_i, best_j, best_size);

done:
    free(run);
    free(next_run);
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return result;
}

static PyMethodDef methods[] = {
    {"longest_match", longest_match, METH_VARARGS,
     "longest_match(a, b, alo, ahi, blo, bhi) -> (i, j, k), as difflib without junk."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_longest_match",
    "difflib's find_longest_match over bytes, in C (see operators.py).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__longest_match(void) { return PyModule_Create(&module); }
