/*
 * walls._neighbours in C: the pairs of a page's boxes set side by side, the right one's left
 * side on the left one's right.
 *
 * Why C: a page drawn as thousands of filled shapes (a map, a chart drawn cell by cell) has
 * tens of thousands of such pairs, each found by a few look-ups and tests in a Python loop;
 * on such pages that loop cost more than the rest of their wall finding together.
 *
 * Same result as walls._python_neighbours, pairs in the same order: the shapes thicker than
 * ``thick`` both ways, grouped by where they start (round(x0), half to even as Python's
 * round), the groups in the order their first shape comes, each sorted stably by its bottom;
 * for each shape of each group in that order, the groups starting within two points of its
 * right side (round(x1) - 2 to + 2, in that order), and in each the shapes from the first
 * whose bottom is at least the left one's bottom less the group's tallest height to the last
 * whose bottom is under the left one's top, kept when they touch it (walls.SHARED_EDGE) and
 * reach past it. Returns None, for the Python twin to answer, where a box's coordinate is not
 * a finite float (Python's round() would raise on it) or too large to round exactly.
 * A test compares the two.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdlib.h>

typedef struct {
    double x0, y0, x1, y1;
    long long key;          /* round(x0) */
    Py_ssize_t index;       /* its place among the boxes */
    PyObject *box;          /* borrowed */
} Shape;

typedef struct {
    long long key;
    Py_ssize_t first;       /* the place of its first shape among the boxes */
    Py_ssize_t start, stop; /* its shapes: shapes[start:stop], by bottom */
    double tallest;
} Group;

static PyObject *name_x0, *name_x1, *name_y0, *name_y1;

/* Keys beyond this are left to Python: every double up to it rounds exactly. */
#define KEY_LIMIT 4.0e15

static int read_float(PyObject *item, PyObject *name, double *out) {
    PyObject *value = PyObject_GetAttr(item, name);
    if (value == NULL) return 0;
    int ok = PyFloat_CheckExact(value);
    if (ok) {
        *out = PyFloat_AS_DOUBLE(value);
        ok = isfinite(*out) && fabs(*out) < KEY_LIMIT;
    }
    Py_DECREF(value);
    return ok;
}

/* By key, then place: groups gathered, each in the order its shapes come. */
static int compare_keys(const void *pa, const void *pb) {
    const Shape *a = pa, *b = pb;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* By bottom, then place: a stable sort by bottom. */
static int compare_bottoms(const void *pa, const void *pb) {
    const Shape *a = pa, *b = pb;
    if (a->y0 != b->y0) return a->y0 < b->y0 ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

static int compare_first(const void *pa, const void *pb) {
    const Group *a = pa, *b = pb;
    return (a->first > b->first) - (a->first < b->first);
}

/* The group of ``key`` among ``by_key`` (sorted by key), or NULL. */
static const Group *group_of(const Group *by_key, Py_ssize_t count, long long key) {
    Py_ssize_t low = 0, high = count;
    while (low < high) {
        Py_ssize_t mid = low + (high - low) / 2;
        if (by_key[mid].key < key) low = mid + 1;
        else high = mid;
    }
    return low < count && by_key[low].key == key ? &by_key[low] : NULL;
}

/* bisect.bisect_left over the bottoms of shapes[start:stop]. */
static Py_ssize_t first_at_least(const Shape *shapes, Py_ssize_t start, Py_ssize_t stop,
                                 double value) {
    while (start < stop) {
        Py_ssize_t mid = start + (stop - start) / 2;
        if (shapes[mid].y0 < value) start = mid + 1;
        else stop = mid;
    }
    return start;
}

static PyObject *neighbours(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *boxes;
    double thick, shared_edge;
    if (!PyArg_ParseTuple(args, "O!dd", &PyList_Type, &boxes, &thick, &shared_edge)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(boxes);
    Shape *shapes = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Shape));
    Group *groups = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Group));
    Group *by_key = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Group));
    PyObject *pairs = NULL;
    if (shapes == NULL || groups == NULL || by_key == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *box = PyList_GET_ITEM(boxes, i);
        Shape *s = &shapes[count];
        if (!read_float(box, name_x0, &s->x0) || !read_float(box, name_y0, &s->y0) ||
            !read_float(box, name_x1, &s->x1) || !read_float(box, name_y1, &s->y1)) {
            if (!PyErr_Occurred()) {
                pairs = Py_None;
                Py_INCREF(pairs);
            }
            goto done;
        }
        if (s->x1 - s->x0 > thick && s->y1 - s->y0 > thick) {
            s->key = (long long)nearbyint(s->x0);  /* (half to even, as round()) */
            s->index = i;
            s->box = box;
            count++;
        }
    }
    pairs = PyList_New(0);
    if (pairs == NULL) goto done;
    qsort(shapes, (size_t)count, sizeof(Shape), compare_keys);
    Py_ssize_t ngroups = 0;
    for (Py_ssize_t i = 0; i < count;) {
        Py_ssize_t j = i;
        double tallest = -INFINITY;
        while (j < count && shapes[j].key == shapes[i].key) {
            double height = shapes[j].y1 - shapes[j].y0;
            if (height > tallest) tallest = height;
            j++;
        }
        groups[ngroups].key = shapes[i].key;
        groups[ngroups].first = shapes[i].index;
        groups[ngroups].start = i;
        groups[ngroups].stop = j;
        groups[ngroups].tallest = tallest;
        qsort(shapes + i, (size_t)(j - i), sizeof(Shape), compare_bottoms);
        ngroups++;
        i = j;
    }
    if (ngroups < 2) goto done;  /* (the twin's early answer: no pairs) */
    memcpy(by_key, groups, (size_t)ngroups * sizeof(Group));  /* (already by key) */
    qsort(groups, (size_t)ngroups, sizeof(Group), compare_first);
    for (Py_ssize_t g = 0; g < ngroups; g++) {
        for (Py_ssize_t l = groups[g].start; l < groups[g].stop; l++) {
            const Shape *left = &shapes[l];
            double lx1 = left->x1, ly0 = left->y0, ly1 = left->y1;
            if (fabs(lx1) >= KEY_LIMIT) continue;  /* (read_float keeps it under) */
            long long near = (long long)nearbyint(lx1);
            for (long long key = near - 2; key <= near + 2; key++) {
                const Group *found = group_of(by_key, ngroups, key);
                if (found == NULL) continue;
                Py_ssize_t at = first_at_least(shapes, found->start, found->stop,
                                               ly0 - found->tallest);
                Py_ssize_t stop = first_at_least(shapes, found->start, found->stop, ly1);
                for (Py_ssize_t r = at; r < stop; r++) {
                    const Shape *right = &shapes[r];
                    double ry0 = right->y0, ry1 = right->y1;
                    if (fabs(right->x0 - lx1) <= shared_edge &&
                        (ry1 < ly1 ? ry1 : ly1) > (ry0 > ly0 ? ry0 : ly0) &&
                        right->x1 > lx1 + shared_edge) {
                        PyObject *pair = PyTuple_Pack(2, left->box, right->box);
                        if (pair == NULL || PyList_Append(pairs, pair) < 0) {
                            Py_XDECREF(pair);
                            Py_CLEAR(pairs);
                            goto done;
                        }
                        Py_DECREF(pair);
                    }
                }
            }
        }
    }
done:
    PyMem_Free(shapes);
    PyMem_Free(groups);
    PyMem_Free(by_key);
    return pairs;
}

static PyMethodDef methods[] = {
    {"neighbours", neighbours, METH_VARARGS,
     "(left, right) pairs of the boxes thicker than thick both ways set side by side, the "
     "right one's left side within shared_edge of the left one's right; or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_walls", "walls._neighbours, in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__walls(void) {
    name_x0 = PyUnicode_InternFromString("x0");
    name_x1 = PyUnicode_InternFromString("x1");
    name_y0 = PyUnicode_InternFromString("y0");
    name_y1 = PyUnicode_InternFromString("y1");
    if (name_x0 == NULL || name_x1 == NULL || name_y0 == NULL || name_y1 == NULL) return NULL;
    return PyModule_Create(&module);
}
