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
 *
 * plan_marks(...) -> (plan, tagged, artifacts): marked_content.python_plan_marks in C, the
 * plan of a page (runs of original instructions, sequences' starts and ends, parts of split
 * operators) made in one walk of the instructions it looks at. write_plan(...) -> bytes:
 * marked_content.python_write_plan, a plan written over the stream's own bytes. Both take
 * over the plan's per-instruction Python loops (a page starts tens of thousands of
 * sequences). contested_text(names, claims, with_artifacts): split_text's
 * python_contested_text, the text-showing operators several leaves claim, found in one pass
 * over the claims' ranges. tests/engine/tagged_pdf/test_mark_units.py compares each with its
 * twin.
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


/* The state of one plan_marks walk (see marked_content.python_plan_marks). */
typedef struct {
    PyObject *out;        /* the plan */
    PyObject *current;    /* borrowed: the open sequence's owner, NULL when none is open */
    Py_ssize_t run_from;  /* first original instruction not yet written */
    Py_ssize_t index;     /* the instruction being planned */
    PyObject *begin_type; /* marked_content._Begin */
    PyObject *end;        /* marked_content._END */
    PyObject *mcid_owner, *mcid_start;
} Plan;

/* Appends a new reference's object to list and drops it; -1 on failure (also for NULL). */
static int append_new(PyObject *list, PyObject *item) {
    if (item == NULL) return -1;
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

static int write_run(Plan *p) {
    if (p->run_from < p->index) {
        PyObject *run = PyObject_CallFunction((PyObject *)&PyRange_Type, "nn", p->run_from,
                                              p->index);
        if (append_new(p->out, run) < 0) return -1;
        p->run_from = p->index;
    }
    return 0;
}

static int close_sequence(Plan *p) {
    if (p->current != NULL) {
        if (write_run(p) < 0) return -1;
        if (PyList_Append(p->out, p->end) < 0) return -1;
        p->current = NULL;
    }
    return 0;
}

/* The instruction being planned is not written as it is. */
static int drop(Plan *p) {
    if (write_run(p) < 0) return -1;
    p->run_from = p->index + 1;
    return 0;
}

/* owner: borrowed, and kept alive by the caller's lists for the whole walk. */
static int begin(Plan *p, PyObject *owner) {
    if (close_sequence(p) < 0 || write_run(p) < 0) return -1;
    PyObject *item;
    if (PyLong_Check(owner)) {
        PyObject *mcid = PyLong_FromSsize_t(PyList_GET_SIZE(p->mcid_owner));
        if (mcid == NULL) return -1;
        item = PyObject_CallFunctionObjArgs(p->begin_type, owner, mcid, NULL);
        Py_DECREF(mcid);
        if (append_new(p->out, item) < 0) return -1;
        if (PyList_Append(p->mcid_owner, owner) < 0) return -1;
        if (append_index(p->mcid_start, p->index) < 0) return -1;
    } else {
        item = PyObject_CallFunctionObjArgs(p->begin_type, owner, Py_None, NULL);
        if (append_new(p->out, item) < 0) return -1;
    }
    p->current = owner;
    return 0;
}

/* Whether a and b differ (Python's a != b, NULL taken as None); -1 on failure. */
static int differ(PyObject *a, PyObject *b) {
    if (a == b) return 0;
    return PyObject_RichCompareBool(a, b == NULL ? Py_None : b, Py_NE);
}

/* The name's kind among the marks (BDC 1, BMC 2, EMC 3, MP or DP 4), BT or ET (5), or 0. */
static int mark_kind(PyObject *name) {
    if (!PyUnicode_Check(name) || PyUnicode_KIND(name) != PyUnicode_1BYTE_KIND) return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    const char *s = (const char *)PyUnicode_1BYTE_DATA(name);
    if (n == 3) {
        if (memcmp(s, "BDC", 3) == 0) return 1;
        if (memcmp(s, "BMC", 3) == 0) return 2;
        if (memcmp(s, "EMC", 3) == 0) return 3;
    } else if (n == 2) {
        if ((s[0] == 'M' || s[0] == 'D') && s[1] == 'P') return 4;
        if ((s[0] == 'B' || s[0] == 'E') && s[1] == 'T') return 5;
    }
    return 0;
}

static PyObject *plan_marks(PyObject *Py_UNUSED(self), PyObject *args) {
    PyObject *names, *painting, *unit_owner, *planned, *splits, *bare, *cuts, *mcid_owner,
        *mcid_start, *opens, *begin_type, *end;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!OO!O!OOO", &PyList_Type, &names, &PyList_Type,
                          &painting, &PyList_Type, &unit_owner, &PyList_Type, &planned,
                          &PyDict_Type, &splits, &PyDict_Type, &bare, &cuts, &PyList_Type,
                          &mcid_owner, &PyList_Type, &mcid_start, &opens, &begin_type, &end))
        return NULL;
    Plan p = {NULL, NULL, 0, 0, begin_type, end, mcid_owner, mcid_start};
    Py_ssize_t tagged = 0, artifacts = 0;
    /* For each source BDC/BMC still open: was it kept (optional content)? */
    char *kept = NULL;
    Py_ssize_t kept_count = 0, kept_size = 0;
    PyObject *other = PyUnicode_InternFromString("other");
    p.out = PyList_New(0);
    if (other == NULL || p.out == NULL) goto fail;
    Py_ssize_t count = PyList_GET_SIZE(names);
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(planned); k++) {
        Py_ssize_t index = PyLong_AsSsize_t(PyList_GET_ITEM(planned, k));
        if (index == -1 && PyErr_Occurred()) goto fail;
        if (index < 0 || index >= count || index >= PyList_GET_SIZE(painting) ||
            index >= PyList_GET_SIZE(unit_owner)) {
            PyErr_SetString(PyExc_IndexError, "planned instruction out of range");
            goto fail;
        }
        p.index = index;
        int kind = mark_kind(PyList_GET_ITEM(names, index));
        if (kind >= 1 && kind <= 4) {
            int keep = 0;
            if (kind == 1 || kind == 2) {
                if (kind == 1) {
                    PyObject *found = PyObject_CallFunction(opens, "n", index);
                    if (found == NULL) goto fail;
                    keep = PyObject_IsTrue(found);
                    Py_DECREF(found);
                    if (keep < 0) goto fail;
                }
                if (kept_count == kept_size) {
                    kept_size = kept_size ? 2 * kept_size : 16;
                    char *grown = PyMem_Realloc(kept, kept_size);
                    if (grown == NULL) {
                        PyErr_NoMemory();
                        goto fail;
                    }
                    kept = grown;
                }
                kept[kept_count++] = (char)keep;
            } else if (kind == 3 && kept_count > 0) {
                keep = kept[--kept_count];
            }
            if (keep ? close_sequence(&p) < 0 : drop(&p) < 0) goto fail;
            continue;
        }
        if (kind == 5 && close_sequence(&p) < 0) goto fail;
        PyObject *key = PyList_GET_ITEM(planned, k);
        PyObject *replacement = PyDict_GetItemWithError(bare, key);
        if (replacement == NULL && PyErr_Occurred()) goto fail;
        if (replacement != NULL && replacement != Py_None) {
            if (close_sequence(&p) < 0 || drop(&p) < 0) goto fail;
            if (PyList_Append(p.out, replacement) < 0) goto fail;
            continue;
        }
        PyObject *parts = PyDict_GetItemWithError(splits, key);
        if (parts == NULL && PyErr_Occurred()) goto fail;
        if (parts != NULL) {
            if (drop(&p) < 0) goto fail;
            PyObject *seq = PySequence_Fast(parts, "a split's parts must be a sequence");
            if (seq == NULL) goto fail;
            for (Py_ssize_t j = 0; j < PySequence_Fast_GET_SIZE(seq); j++) {
                PyObject *pair = PySequence_Fast_GET_ITEM(seq, j);
                if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                    PyErr_SetString(PyExc_TypeError, "a split's part must be (owner, part)");
                    Py_DECREF(seq);
                    goto fail;
                }
                PyObject *owner = PyTuple_GET_ITEM(pair, 0);
                int changed = differ(owner, p.current);
                if (changed < 0 || (changed && begin(&p, owner) < 0)) {
                    Py_DECREF(seq);
                    goto fail;
                }
                tagged++;
                if (PyList_Append(p.out, PyTuple_GET_ITEM(pair, 1)) < 0) {
                    Py_DECREF(seq);
                    goto fail;
                }
            }
            Py_DECREF(seq);
            continue;
        }
        PyObject *wanted = PyList_GET_ITEM(unit_owner, index);
        if (wanted != Py_None) {
            int unnamed = PyObject_RichCompareBool(wanted, EMPTY, Py_EQ);
            if (unnamed < 0) goto fail;
            PyObject *owner = unnamed ? other : wanted;
            int changed = differ(owner, p.current);
            if (changed < 0) goto fail;
            if (!changed && PyLong_Check(owner)) {
                changed = PySequence_Contains(cuts, key);
                if (changed < 0) goto fail;
            }
            if (changed && begin(&p, owner) < 0) goto fail;
        }
        if (p.current != NULL) {
            int paints = PyObject_IsTrue(PyList_GET_ITEM(painting, index));
            if (paints < 0) goto fail;
            if (paints) {
                if (PyLong_Check(p.current)) tagged++;
                else artifacts++;
            }
        }
    }
    p.index = count;
    if (write_run(&p) < 0 || close_sequence(&p) < 0) goto fail;
    PyMem_Free(kept);
    Py_DECREF(other);
    PyObject *result = Py_BuildValue("(Onn)", p.out, tagged, artifacts);
    Py_DECREF(p.out);
    return result;

fail:
    PyMem_Free(kept);
    Py_XDECREF(other);
    Py_XDECREF(p.out);
    return NULL;
}

/* A growing byte buffer. */
typedef struct {
    char *data;
    Py_ssize_t size, capacity;
} Buffer;

static int put(Buffer *b, const char *bytes, Py_ssize_t n) {
    if (n <= 0) return 0;
    if (b->size + n > b->capacity) {
        Py_ssize_t capacity = b->capacity ? b->capacity : 4096;
        while (capacity < b->size + n) capacity *= 2;
        char *grown = PyMem_Realloc(b->data, capacity);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->size, bytes, n);
    b->size += n;
    return 0;
}

/* data[starts[first]:ends[last]] (Python's slice of in-range offsets) and a newline. */
static int put_run(Buffer *b, const char *data, Py_ssize_t length, PyObject *starts,
                   PyObject *ends, Py_ssize_t first, Py_ssize_t last) {
    Py_ssize_t from = PyLong_AsSsize_t(PyList_GET_ITEM(starts, first));
    Py_ssize_t to = PyLong_AsSsize_t(PyList_GET_ITEM(ends, last));
    if ((from == -1 || to == -1) && PyErr_Occurred()) return -1;
    if (from < 0 || to < 0) {
        PyErr_SetString(PyExc_ValueError, "negative offset");
        return -1;
    }
    if (to > length) to = length;
    if (put(b, data + from, from < to ? to - from : 0) < 0) return -1;
    return put(b, "\n", 1);
}

static PyObject *write_plan(PyObject *Py_UNUSED(self), PyObject *args) {
    Py_buffer view;
    PyObject *starts, *ends, *plan, *begin_type, *end, *other;
    if (!PyArg_ParseTuple(args, "y*O!O!O!OOO", &view, &PyList_Type, &starts, &PyList_Type,
                          &ends, &PyList_Type, &plan, &begin_type, &end, &other))
        return NULL;
    Buffer b = {NULL, 0, 0};
    const char *data = (const char *)view.buf;
    Py_ssize_t length = view.len, runs = PyList_GET_SIZE(starts);
    if (PyList_GET_SIZE(ends) < runs) runs = PyList_GET_SIZE(ends);
    Py_ssize_t run_first = -1, run_last = -1;
    PyObject *start_name = PyUnicode_InternFromString("start");
    PyObject *stop_name = PyUnicode_InternFromString("stop");
    PyObject *mcid_name = PyUnicode_InternFromString("mcid");
    if (start_name == NULL || stop_name == NULL || mcid_name == NULL) goto fail;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(plan); k++) {
        PyObject *item = PyList_GET_ITEM(plan, k);
        if (PyRange_Check(item)) {
            Py_ssize_t first = -1, stop = -1;
            PyObject *value = PyObject_GetAttr(item, start_name);
            if (value != NULL) {
                first = PyLong_AsSsize_t(value);
                Py_DECREF(value);
            }
            value = PyObject_GetAttr(item, stop_name);
            if (value != NULL) {
                stop = PyLong_AsSsize_t(value);
                Py_DECREF(value);
            }
            if (PyErr_Occurred()) goto fail;
            if (first < 0 || stop <= first || stop > runs) {
                PyErr_SetString(PyExc_IndexError, "a run out of the stream's instructions");
                goto fail;
            }
            if (first == run_last + 1 && run_first >= 0) {
                run_last = stop - 1;
                continue;
            }
            if (run_first >= 0 &&
                put_run(&b, data, length, starts, ends, run_first, run_last) < 0)
                goto fail;
            run_first = first;
            run_last = stop - 1;
            continue;
        }
        if (run_first >= 0) {
            if (put_run(&b, data, length, starts, ends, run_first, run_last) < 0) goto fail;
            run_first = -1;
        }
        if (item == end) {
            if (put(&b, "EMC\n", 4) < 0) goto fail;
            continue;
        }
        if ((PyObject *)Py_TYPE(item) == begin_type) {
            PyObject *mcid = PyObject_GetAttr(item, mcid_name);
            if (mcid == NULL) goto fail;
            if (PyLong_CheckExact(mcid)) {
                long long number = PyLong_AsLongLong(mcid);
                Py_DECREF(mcid);
                if (number == -1 && PyErr_Occurred()) goto fail;
                char text[64];
                int n = snprintf(text, sizeof text, "/P <</MCID %lld>> BDC\n", number);
                if (put(&b, text, n) < 0) goto fail;
                continue;
            }
            Py_DECREF(mcid);
        }
        /* Anything else (an artifact's start, a part, a span) is written by the caller. */
        PyObject *written = PyObject_CallOneArg(other, item);
        if (written == NULL) goto fail;
        if (!PyBytes_Check(written)) {
            Py_DECREF(written);
            PyErr_SetString(PyExc_TypeError, "other() must return bytes");
            goto fail;
        }
        int failed = put(&b, PyBytes_AS_STRING(written), PyBytes_GET_SIZE(written));
        Py_DECREF(written);
        if (failed < 0) goto fail;
    }
    if (run_first >= 0 && put_run(&b, data, length, starts, ends, run_first, run_last) < 0)
        goto fail;
    PyObject *result = PyBytes_FromStringAndSize(b.data ? b.data : "", b.size);
    PyMem_Free(b.data);
    PyBuffer_Release(&view);
    Py_XDECREF(start_name);
    Py_XDECREF(stop_name);
    Py_XDECREF(mcid_name);
    return result;

fail:
    PyMem_Free(b.data);
    PyBuffer_Release(&view);
    Py_XDECREF(start_name);
    Py_XDECREF(stop_name);
    Py_XDECREF(mcid_name);
    return NULL;
}

/* Whether an operator's name is a text-showing one (Tj, TJ, ' or "). */
static int shows_text(PyObject *name) {
    if (!PyUnicode_Check(name) || PyUnicode_KIND(name) != PyUnicode_1BYTE_KIND) return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    const char *s = (const char *)PyUnicode_1BYTE_DATA(name);
    if (n == 1) return s[0] == '\'' || s[0] == '"';
    return n == 2 && s[0] == 'T' && (s[1] == 'j' || s[1] == 'J');
}

/* The first position of sorted[lo:hi] holding a value >= x (bisect.bisect_left). */
static Py_ssize_t bisect_left(const Py_ssize_t *sorted, Py_ssize_t lo, Py_ssize_t hi,
                              Py_ssize_t x) {
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* A range's two ends as C integers: 1 done, 0 not C integers (the caller leaves the page to
 * Python), -1 failure. */
static int range_ends(PyObject *range, Py_ssize_t *start, Py_ssize_t *end) {
    PyObject *pair = PySequence_Fast(range, "a range must be a sequence");
    if (pair == NULL) return -1;
    if (PySequence_Fast_GET_SIZE(pair) != 2) {
        Py_DECREF(pair);
        PyErr_SetString(PyExc_ValueError, "a range must have two ends");
        return -1;
    }
    PyObject *a = PySequence_Fast_GET_ITEM(pair, 0), *b = PySequence_Fast_GET_ITEM(pair, 1);
    int exact = PyLong_CheckExact(a) && PyLong_CheckExact(b);
    if (exact) {
        *start = PyLong_AsSsize_t(a);
        *end = PyLong_AsSsize_t(b);
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                Py_DECREF(pair);
                return -1;
            }
            PyErr_Clear();
            exact = 0;
        }
    }
    Py_DECREF(pair);
    return exact;
}

static PyObject *contested_text(PyObject *Py_UNUSED(self), PyObject *args) {
    PyObject *names, *claims;
    int with_artifacts;
    if (!PyArg_ParseTuple(args, "O!O!p", &PyList_Type, &names, &PyList_Type, &claims,
                          &with_artifacts))
        return NULL;
    Py_ssize_t count = PyList_GET_SIZE(names), shown = 0;
    Py_ssize_t *showing = PyMem_New(Py_ssize_t, count ? count : 1);
    PyObject **first = NULL, **later = NULL, *result = NULL;
    Py_ssize_t *order = NULL, ordered = 0;
    int any_later = 0;
    if (showing == NULL) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < count; i++)
        if (shows_text(PyList_GET_ITEM(names, i))) showing[shown++] = i;
    first = PyMem_Calloc(shown ? shown : 1, sizeof(PyObject *));
    later = PyMem_Calloc(shown ? shown : 1, sizeof(PyObject *));
    order = PyMem_New(Py_ssize_t, shown ? shown : 1);
    if (first == NULL || later == NULL || order == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t c = 0; c < PyList_GET_SIZE(claims); c++) {
        PyObject *claim = PyList_GET_ITEM(claims, c);
        if (!PyTuple_Check(claim) || PyTuple_GET_SIZE(claim) != 2) {
            result = Py_NewRef(Py_None); /* not as the tagger gives them: left to Python */
            goto done;
        }
        PyObject *who = PyTuple_GET_ITEM(claim, 0);
        if (!PyLong_Check(who) && !with_artifacts) continue;
        PyObject *ranges = PySequence_Fast(PyTuple_GET_ITEM(claim, 1), "ranges");
        if (ranges == NULL) goto done;
        for (Py_ssize_t r = 0; r < PySequence_Fast_GET_SIZE(ranges); r++) {
            Py_ssize_t start, end;
            int found = range_ends(PySequence_Fast_GET_ITEM(ranges, r), &start, &end);
            if (found <= 0) {
                Py_DECREF(ranges);
                if (found == 0) {
                    result = Py_NewRef(Py_None);
                }
                goto done;
            }
            Py_ssize_t lo = bisect_left(showing, 0, shown, start);
            Py_ssize_t hi = bisect_left(showing, lo, shown, end);
            for (Py_ssize_t k = lo; k < hi; k++) {
                if (first[k] == NULL) {
                    first[k] = who;
                    order[ordered++] = k;
                    continue;
                }
                int differs = differ(first[k], who);
                if (differs < 0) {
                    Py_DECREF(ranges);
                    goto done;
                }
                if (!differs) continue;
                if (later[k] == NULL && (later[k] = PyList_New(0)) == NULL) {
                    Py_DECREF(ranges);
                    goto done;
                }
                int known = PySequence_Contains(later[k], who);
                if (known < 0 || (!known && PyList_Append(later[k], who) < 0)) {
                    Py_DECREF(ranges);
                    goto done;
                }
                any_later = 1;
            }
        }
        Py_DECREF(ranges);
    }
    result = PyDict_New();
    if (result == NULL || !any_later) goto done;
    for (Py_ssize_t n = 0; n < ordered; n++) {
        Py_ssize_t k = order[n];
        if (later[k] == NULL || !PyLong_Check(first[k])) continue;
        PyObject *leaves = PyList_New(1);
        if (leaves == NULL) goto fail;
        PyList_SET_ITEM(leaves, 0, Py_NewRef(first[k]));
        PyObject *tail = PyList_GetSlice(later[k], 0, PyList_GET_SIZE(later[k]));
        PyObject *key = PyLong_FromSsize_t(showing[k]);
        int failed = tail == NULL || key == NULL ||
                     PyList_SetSlice(leaves, 1, 1, tail) < 0 ||
                     PyDict_SetItem(result, key, leaves) < 0;
        Py_XDECREF(tail);
        Py_XDECREF(key);
        Py_DECREF(leaves);
        if (failed) goto fail;
    }
    goto done;
fail:
    Py_CLEAR(result);
done:
    if (later != NULL)
        for (Py_ssize_t k = 0; k < shown; k++) Py_XDECREF(later[k]);
    PyMem_Free(showing);
    PyMem_Free(first);
    PyMem_Free(later);
    PyMem_Free(order);
    return result;
}

static PyMethodDef methods[] = {
    {"unit_owners", unit_owners, METH_VARARGS,
     "unit_owners(names, painting, owners) -> (out, looked_at), as "
     "marked_content._unit_owners."},
    {"plan_marks", plan_marks, METH_VARARGS,
     "plan_marks(names, painting, unit_owner, planned, splits, bare, cuts, mcid_owner, "
     "mcid_start, opens, begin, end) -> (plan, tagged, artifacts), as "
     "marked_content.python_plan_marks."},
    {"contested_text", contested_text, METH_VARARGS,
     "contested_text(names, claims, with_artifacts) -> dict | None, as "
     "split_text.python_contested_text (None: a range's ends are not C integers)."},
    {"write_plan", write_plan, METH_VARARGS,
     "write_plan(data, starts, ends, plan, begin, end, other) -> bytes, as "
     "marked_content.python_write_plan."},
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
