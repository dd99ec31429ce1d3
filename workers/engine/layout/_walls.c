/*
 * walls._neighbours in C: the pairs of a page's boxes set side by side, the right one's left
 * side on the left one's right; and walls.shared_edges's loop making the edge of each pair
 * (edges: a Rect each, tens of thousands on such a page, made here without entering the
 * dataclass's Python __init__; the same arithmetic, a test compares the two).
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
#include <structmember.h>

#include <math.h>
#include <stdlib.h>

#include "../_exact_float.h"

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

static PyObject *name_x0, *name_x1, *name_y0, *name_y1, *name_obj;

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


/* --- walls.shared_edges: the edge each pair shares, as a Rect ----------------------------- */

/* Rect's fields in the order of its __init__ arguments. */
static const char *const rect_fields[] = {"x0", "y0", "x1", "y1", "obj", "mcid"};
#define RECT_FIELDS 6

/* The class when each Rect field is a plain object slot of its own (what
 * ``@dataclass(slots=True)`` makes), its slots' offsets put in ``offsets``; else NULL. */
static PyTypeObject *rect_slots(PyObject *cls, Py_ssize_t *offsets) {
    if (!PyType_Check(cls)) return NULL;
    PyObject *dict = ((PyTypeObject *)cls)->tp_dict;
    if (dict == NULL) return NULL;
    for (int k = 0; k < RECT_FIELDS; k++) {
        PyObject *descriptor = PyDict_GetItemString(dict, rect_fields[k]);
        if (descriptor == NULL || !Py_IS_TYPE(descriptor, &PyMemberDescr_Type)) return NULL;
        PyMemberDef *member = ((PyMemberDescrObject *)descriptor)->d_member;
        if (member->type != T_OBJECT_EX || (member->flags & READONLY)) return NULL;
        offsets[k] = member->offset;
    }
    return (PyTypeObject *)cls;
}

/* A float attribute's object (a new reference) and its value; NULL with no exception set
 * when it is no exact float, NULL with one on an error. */
static PyObject *float_of(PyObject *item, PyObject *name, double *value) {
    PyObject *found = PyObject_GetAttr(item, name);
    if (found == NULL) return NULL;
    if (!PyFloat_CheckExact(found)) {
        Py_DECREF(found);
        return NULL;
    }
    *value = PyFloat_AS_DOUBLE(found);
    return found;
}

/* ``cls(x0, y0, x1, y1, obj)`` with mcid -1 (Rect's default), stealing the five references
 * (NULL ones included: then NULL). Filled in slot by slot where ``type`` is given (the
 * dataclass's __init__ is Python code, entered once per edge of a page of thousands), else
 * the class is called: the same object either way. */
static PyObject *make_rect(PyObject *cls, PyTypeObject *type, const Py_ssize_t *offsets,
                           PyObject **values) {
    PyObject *all[RECT_FIELDS] = {values[0], values[1], values[2], values[3], values[4],
                                  PyLong_FromLong(-1)};
    PyObject *rect = NULL;
    for (int k = 0; k < RECT_FIELDS; k++) {
        if (all[k] == NULL) goto done;
    }
    if (type == NULL) {
        rect = PyObject_CallFunctionObjArgs(cls, all[0], all[1], all[2], all[3], all[4], NULL);
        goto done;
    }
    rect = type->tp_alloc(type, 0);
    if (rect == NULL) goto done;
    for (int k = 0; k < RECT_FIELDS; k++) {
        *(PyObject **)((char *)rect + offsets[k]) = all[k];
        all[k] = NULL; /* (given to the slot) */
    }
done:
    for (int k = 0; k < RECT_FIELDS; k++) Py_XDECREF(all[k]);
    return rect;
}

/* The edge ``left`` and ``right`` share (see edges), a new reference; NULL with no exception
 * set where a coordinate is no exact float. */
static PyObject *edge_of(PyObject *left, PyObject *right, PyObject *cls, PyTypeObject *type,
                         const Py_ssize_t *offsets) {
    double lx1, rx0, ly0, ry0, ly1, ry1;
    PyObject *objects[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    PyObject *edge = NULL;
    if (!(objects[0] = float_of(left, name_x1, &lx1)) ||
        !(objects[1] = float_of(right, name_x0, &rx0)) ||
        !(objects[2] = float_of(left, name_y0, &ly0)) ||
        !(objects[3] = float_of(right, name_y0, &ry0)) ||
        !(objects[4] = float_of(left, name_y1, &ly1)) ||
        !(objects[5] = float_of(right, name_y1, &ry1)))
        goto done;
    double x = (lx1 + rx0) / 2;
    /* (max() and min() of two, as walls.shared_edges spells them out: the object kept.) */
    PyObject *low = ry0 > ly0 ? objects[3] : objects[2];
    PyObject *high = ry1 < ly1 ? objects[5] : objects[4];
    PyObject *values[5] = {PyFloat_FromDouble(x - 0.5), Py_NewRef(low),
                           PyFloat_FromDouble(x + 0.5), Py_NewRef(high),
                           PyObject_GetAttr(left, name_obj)};
    edge = make_rect(cls, type, offsets, values);
done:
    for (int k = 0; k < 6; k++) Py_XDECREF(objects[k]);
    return edge;
}

/* edges(pairs, rect_class) -> list of Rects, or None: walls.shared_edges's loop over the
 * (left, right) pairs of neighbours, the same arithmetic on the same floats; None, for the
 * Python twin to answer, where a coordinate is no exact float. */
static PyObject *edges(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *pairs, *cls;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &pairs, &cls)) return NULL;
    Py_ssize_t offsets[RECT_FIELDS];
    PyTypeObject *type = rect_slots(cls, offsets);
    Py_ssize_t n = PyList_GET_SIZE(pairs);
    PyObject *out = PyList_New(n);
    if (out == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pair = PyList_GET_ITEM(pairs, i);
        if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_TypeError, "pairs: (left, right) tuples");
            return NULL;
        }
        PyObject *edge = edge_of(PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1), cls,
                                 type, offsets);
        if (edge == NULL) {
            Py_DECREF(out);
            if (PyErr_Occurred()) return NULL;
            Py_RETURN_NONE;
        }
        PyList_SET_ITEM(out, i, edge);
    }
    return out;
}


/* --- walls.GlyphPositions._banded: the walls filed by the bands they run through --------- */

/* Bands whose number (a floored height over the band) passes this are left to Python: every
 * double under it floors to an exact integer. */
#define BAND_LIMIT 4.0e15

/* The band (list of places, list of walls) of number ``key`` in ``bands``, made (and put
 * there) if it is not yet; a borrowed reference, NULL with an exception on an error. */
static PyObject *band_of(PyObject *bands, long long key) {
    PyObject *number = PyLong_FromLongLong(key);
    if (number == NULL) return NULL;
    PyObject *band = PyDict_GetItemWithError(bands, number);
    if (band == NULL && !PyErr_Occurred()) {
        PyObject *places = PyList_New(0), *members = PyList_New(0);
        band = places && members ? PyTuple_Pack(2, places, members) : NULL;
        Py_XDECREF(places);
        Py_XDECREF(members);
        if (band != NULL) {
            int set = PyDict_SetItem(bands, number, band);
            Py_DECREF(band); /* (held by the dict) */
            if (set < 0) band = NULL;
        }
    }
    Py_DECREF(number);
    return band;
}

/* banded(walls, band, entries) -> {band number: ([x, ...], [wall, ...])}, None or
 * NotImplemented: GlyphPositions._banded's filing of the walls ((x, y0, y1) tuples, in
 * their order) by the bands of height ``band`` each runs through (floor(y0 / band) to
 * floor(y1 / band)), each band made where a wall first runs through it; None where a wall's
 * height is not finite or the walls would fill more than ``entries`` times their count
 * plus one bands (the twin's "unbanded"); NotImplemented, for the twin to answer, where a
 * wall is no tuple of exact floats or a band's number too large to floor exactly. */
static PyObject *banded(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *walls;
    double height;
    Py_ssize_t entries;
    if (!PyArg_ParseTuple(args, "O!dn", &PyList_Type, &walls, &height, &entries)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(walls);
    /* (First a look over every wall: anything the twin would answer otherwise.) */
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PyList_GET_ITEM(walls, i);
        if (!PyTuple_CheckExact(w) || PyTuple_GET_SIZE(w) != 3) Py_RETURN_NOTIMPLEMENTED;
        for (int k = 0; k < 3; k++) {
            if (!PyFloat_CheckExact(PyTuple_GET_ITEM(w, k))) Py_RETURN_NOTIMPLEMENTED;
        }
        double y0 = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(w, 1));
        double y1 = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(w, 2));
        if (!(isfinite(y0) && isfinite(y1))) Py_RETURN_NONE; /* (so does the twin, there) */
        if (fabs(floor(y0 / height)) >= BAND_LIMIT || fabs(floor(y1 / height)) >= BAND_LIMIT)
            Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *bands = PyDict_New();
    if (bands == NULL) return NULL;
    long long budget = (long long)entries * ((long long)n + 1);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PyList_GET_ITEM(walls, i);
        PyObject *x = PyTuple_GET_ITEM(w, 0);
        long long first = (long long)floor(PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(w, 1)) / height);
        long long last = (long long)floor(PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(w, 2)) / height);
        if (last >= first) {
            budget -= last - first + 1;
            if (budget < 0) {
                Py_DECREF(bands);
                Py_RETURN_NONE;
            }
        }
        for (long long k = first; k <= last; k++) {
            PyObject *band = band_of(bands, k);
            if (band == NULL || PyList_Append(PyTuple_GET_ITEM(band, 0), x) < 0 ||
                PyList_Append(PyTuple_GET_ITEM(band, 1), w) < 0) {
                Py_DECREF(bands);
                return NULL;
            }
        }
    }
    return bands;
}

/* clusters_grown(shapes, gap) -> list or None: reader._clusters's first pass over a page's
 * shapes (taken in the order given): each shape grows the first cluster it comes within
 * ``gap`` of (both ways), else starts one of its own. Each cluster as [x0, y0, x1, y1, obj,
 * count] (obj: its first shape's), as the Python loop grows them: the same comparisons in the
 * same order, min() and max() of two as ``a if a < b else b``. None, for the Python twin to
 * answer, where a coordinate is no float. Why C: a page drawn as thousands of shapes (a map,
 * a chart) has hundreds of clusters, each shape looked at against each of them in turn. */
typedef struct {
    double x0, y0, x1, y1;
    PyObject *obj; /* new reference */
    Py_ssize_t count;
} Cluster;

static PyObject *clusters_grown(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *shapes;
    double gap;
    if (!PyArg_ParseTuple(args, "O!d", &PyList_Type, &shapes, &gap)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(shapes), count = 0;
    Cluster *grown = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Cluster));
    if (grown == NULL) return PyErr_NoMemory();
    PyObject *out = NULL;
    int odd = 0;
    for (Py_ssize_t i = 0; i < n && !odd; i++) {
        PyObject *r = PyList_GET_ITEM(shapes, i);
        double box[4]; /* x0, y0, x1, y1 */
        PyObject *const names[4] = {name_x0, name_y0, name_x1, name_y1};
        for (int k = 0; k < 4 && !odd; k++) {
            int got = exact_float(r, names[k], &box[k]);
            if (got < 0) goto done;
            odd = !got;
        }
        if (odd) break;
        double rx0 = box[0], ry0 = box[1], rx1 = box[2], ry1 = box[3];
        Py_ssize_t m = 0;
        for (; m < count; m++) {
            Cluster *c = &grown[m];
            if (rx0 <= c->x1 + gap && c->x0 <= rx1 + gap && ry0 <= c->y1 + gap &&
                c->y0 <= ry1 + gap) {
                c->x0 = rx0 < c->x0 ? rx0 : c->x0;
                c->y0 = ry0 < c->y0 ? ry0 : c->y0;
                c->x1 = rx1 > c->x1 ? rx1 : c->x1;
                c->y1 = ry1 > c->y1 ? ry1 : c->y1;
                c->count += 1;
                break;
            }
        }
        if (m == count) {
            PyObject *obj = PyObject_GetAttr(r, name_obj);
            if (obj == NULL) goto done;
            grown[count++] = (Cluster){rx0, ry0, rx1, ry1, obj, 1};
        }
    }
    if (odd) {
        out = Py_NewRef(Py_None);
        goto done;
    }
    out = PyList_New(count);
    if (out == NULL) goto done;
    for (Py_ssize_t m = 0; m < count; m++) {
        Cluster *c = &grown[m];
        PyObject *row = Py_BuildValue("[ddddOn]", c->x0, c->y0, c->x1, c->y1, c->obj, c->count);
        if (row == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, m, row);
    }
done:
    for (Py_ssize_t m = 0; m < count; m++) Py_DECREF(grown[m].obj);
    PyMem_Free(grown);
    return out;
}

static PyMethodDef methods[] = {
    {"neighbours", neighbours, METH_VARARGS,
     "(left, right) pairs of the boxes thicker than thick both ways set side by side, the "
     "right one's left side within shared_edge of the left one's right; or None."},
    {"edges", edges, METH_VARARGS,
     "edges(pairs, rect_class) -> the edge each (left, right) pair shares, as a Rect; "
     "or None."},
    {"banded", banded, METH_VARARGS,
     "banded(walls, band, entries) -> the walls by the bands they run through; None or "
     "NotImplemented."},
    {"clusters_grown", clusters_grown, METH_VARARGS,
     "clusters_grown(shapes, gap) -> [x0, y0, x1, y1, obj, count] of each cluster the shapes "
     "grow in turn; or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_walls", "walls._neighbours and shared_edges' loop, in C.", -1,
    methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__walls(void) {
    name_x0 = PyUnicode_InternFromString("x0");
    name_x1 = PyUnicode_InternFromString("x1");
    name_y0 = PyUnicode_InternFromString("y0");
    name_y1 = PyUnicode_InternFromString("y1");
    name_obj = PyUnicode_InternFromString("obj");
    if (name_x0 == NULL || name_x1 == NULL || name_y0 == NULL || name_y1 == NULL ||
        name_obj == NULL)
        return NULL;
    return PyModule_Create(&module);
}
