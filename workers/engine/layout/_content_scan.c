/*
 * The page objects a page's content stream makes, predicted in C: operators.py's walk.
 *
 * Why C: operators.py maps pdfium's page objects to content-stream operators by walking the
 * stream. pikepdf.parse_content_stream builds a Python object for every operand and operator
 * of the page, and that (with the loop over them) was the largest single cost of layout
 * analysis on long text documents; the map needs only a few facts per operator.
 *
 * scan(data, boundaries, xobject_kinds) reads the (decoded, concatenated) content stream and
 * returns (count, kinds, positions): count is the number of instructions pikepdf would give,
 * kinds the page objects predicted ("text", "path", "shading", or xobject_kinds[name] for a
 * Do), positions the index of the instruction making each, as operators._kinds_of gives them
 * from pikepdf's instructions (a test compares the two):
 *   - text showing (Tj ' "): "text" when its last operand is a string with bytes; TJ: when
 *     its first operand is an array holding such a string;
 *   - a path painted (f, S, B…) after path building (m, l, re…): "path"; n ends a path unpainted;
 *   - Do: xobject_kinds' entry for its first operand, a name ("/Im1"), when there is one;
 *   - sh: "shading".
 *
 * It answers None, leaving the stream to pikepdf, at anything it does not read exactly as
 * qpdf does: comments, inline images, braces, operators outside the PDF set, numbers not of
 * the plain form, empty names, names with # escapes or bytes outside ASCII, a hex string with
 * a stray character, unbalanced arrays or
 * dictionaries, a Do whose first operand is not a name, a string split between two streams
 * of the page (``boundaries``: offsets where the page's streams were joined), NUL bytes,
 * operands left at the end. (A string's line ending with a backslash is a line continuation,
 * read as qpdf reads it: no byte of the string.)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <limits.h>
#include <string.h>

#include "../_content_lexer.h"
#include "../_merge_sort.h"

/* Roles of the operators that matter; every other PDF operator is ROLE_NONE. */
enum {
    ROLE_UNKNOWN = -1, ROLE_NONE = 0, ROLE_SHOW, ROLE_SHOW_ARRAY, ROLE_DO, ROLE_PATH,
    ROLE_PAINT, ROLE_END_PATH, ROLE_SHADING
};

/* The roles of the operators, by name (see role_of). */
typedef struct {
    const char *name;
    int role;
} named_role;

static const named_role ROLES[] = {
    {"Tj", ROLE_SHOW}, {"'", ROLE_SHOW}, {"\"", ROLE_SHOW}, {"TJ", ROLE_SHOW_ARRAY},
    {"Do", ROLE_DO}, {"n", ROLE_END_PATH}, {"sh", ROLE_SHADING},
    {"m", ROLE_PATH}, {"l", ROLE_PATH}, {"c", ROLE_PATH}, {"v", ROLE_PATH}, {"y", ROLE_PATH},
    {"h", ROLE_PATH}, {"re", ROLE_PATH},
    {"f", ROLE_PAINT}, {"F", ROLE_PAINT}, {"f*", ROLE_PAINT}, {"B", ROLE_PAINT},
    {"B*", ROLE_PAINT}, {"b", ROLE_PAINT}, {"b*", ROLE_PAINT}, {"S", ROLE_PAINT},
    {"s", ROLE_PAINT},
    {"BDC", ROLE_NONE}, {"BMC", ROLE_NONE}, {"BT", ROLE_NONE}, {"BX", ROLE_NONE},
    {"cm", ROLE_NONE}, {"CS", ROLE_NONE}, {"cs", ROLE_NONE}, {"d", ROLE_NONE},
    {"d0", ROLE_NONE}, {"d1", ROLE_NONE}, {"DP", ROLE_NONE}, {"EMC", ROLE_NONE},
    {"ET", ROLE_NONE}, {"EX", ROLE_NONE}, {"G", ROLE_NONE}, {"g", ROLE_NONE},
    {"gs", ROLE_NONE}, {"i", ROLE_NONE}, {"j", ROLE_NONE}, {"J", ROLE_NONE},
    {"K", ROLE_NONE}, {"k", ROLE_NONE}, {"M", ROLE_NONE}, {"MP", ROLE_NONE},
    {"q", ROLE_NONE}, {"Q", ROLE_NONE}, {"RG", ROLE_NONE}, {"rg", ROLE_NONE},
    {"ri", ROLE_NONE}, {"SC", ROLE_NONE}, {"sc", ROLE_NONE}, {"SCN", ROLE_NONE},
    {"scn", ROLE_NONE}, {"T*", ROLE_NONE}, {"Tc", ROLE_NONE}, {"Td", ROLE_NONE},
    {"TD", ROLE_NONE}, {"Tf", ROLE_NONE}, {"TL", ROLE_NONE}, {"Tm", ROLE_NONE},
    {"Tr", ROLE_NONE}, {"Ts", ROLE_NONE}, {"Tw", ROLE_NONE}, {"Tz", ROLE_NONE},
    {"w", ROLE_NONE}, {"W", ROLE_NONE}, {"W*", ROLE_NONE},
};

/* Every operator is one to three characters: its characters packed into one number, the
 * key of a small open-addressed table (asked once per operator of every page: comparing the
 * word with the names one by one was the scanner's largest cost). */
#define ROLE_SLOTS 256
static unsigned long role_keys[ROLE_SLOTS]; /* 0: empty */
static signed char role_values[ROLE_SLOTS];

static unsigned long role_key(const unsigned char *word, Py_ssize_t n) {
    unsigned long key = (unsigned long)n;
    for (Py_ssize_t k = 0; k < n; k++) key = key << 8 | word[k];
    return key;
}

static size_t role_slot(unsigned long key) { return (size_t)((key * 2654435761UL) >> 7) % ROLE_SLOTS; }

static void roles_init(void) {
    if (role_keys[role_slot(role_key((const unsigned char *)"q", 1))] != 0) return; /* done */
    for (size_t k = 0; k < sizeof ROLES / sizeof ROLES[0]; k++) {
        const char *name = ROLES[k].name;
        unsigned long key = role_key((const unsigned char *)name, (Py_ssize_t)strlen(name));
        size_t slot = role_slot(key);
        while (role_keys[slot] != 0) slot = (slot + 1) % ROLE_SLOTS;
        role_keys[slot] = key;
        role_values[slot] = (signed char)ROLES[k].role;
    }
}

static int role_of(const unsigned char *word, Py_ssize_t n) {
    if (n <= 0 || n > 3) return ROLE_UNKNOWN; /* (no operator is empty or longer) */
    unsigned long key = role_key(word, n);
    for (size_t slot = role_slot(key); role_keys[slot] != 0; slot = (slot + 1) % ROLE_SLOTS) {
        if (role_keys[slot] == key) return role_values[slot];
    }
    return ROLE_UNKNOWN;
}

/* What an operand at the top level is, as far as the map asks. */
enum { OP_OTHER = 0, OP_STRING, OP_EMPTY_STRING, OP_NAME, OP_ARRAY, OP_ARRAY_SHOWING };

typedef struct {
    int kind;
    Py_ssize_t start, end; /* a name's characters, slash included */
} Operand;

/* Appends a predicted object and the index of the instruction making it; -1 on error. */
static int predict(PyObject *kinds, PyObject *positions, PyObject *kind, Py_ssize_t index) {
    if (PyList_Append(kinds, kind) < 0) return -1;
    PyObject *position = PyLong_FromSsize_t(index);
    if (position == NULL) return -1;
    int failed = PyList_Append(positions, position);
    Py_DECREF(position);
    return failed;
}

static PyObject *TEXT, *PATH, *SHADING;

static PyObject *scan(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer buffer;
    PyObject *bounds_seq, *xobject_kinds;
    if (!PyArg_ParseTuple(args, "y*OO!", &buffer, &bounds_seq, &PyDict_Type, &xobject_kinds))
        return NULL;
    PyObject *result = NULL, *kinds = NULL, *positions = NULL;
    Py_ssize_t *bounds = NULL, nbounds = 0;
    Operand *operands = NULL;
    Py_ssize_t noperands = 0, capacity = 64;
    bounds = boundaries_of(bounds_seq, &nbounds);
    if (bounds == NULL) goto done;
    operands = PyMem_Malloc(sizeof(Operand) * (size_t)capacity);
    kinds = PyList_New(0);
    positions = PyList_New(0);
    if (operands == NULL || kinds == NULL || positions == NULL) {
        PyErr_NoMemory();
        goto done;
    }

    const unsigned char *s = buffer.buf;
    Py_ssize_t len = buffer.len, pos = 0, count = 0;
    /* Nesting of arrays ('[') and dictionaries ('<'); a top-level array's state. */
    char nesting[256];
    int depth = 0;
    int array_showing = 0; /* the open top-level array holds a string with bytes */
    int give_up = 0;
    /* A path has a first point (m, re); it has a segment after it (pdfium paints no other). */
    int path_started = 0, path_drawn = 0;
    while (pos < len && !give_up) {
        unsigned char ch = s[pos];
        if (is_space(ch)) {
            pos++;
            continue;
        }
        int kind = OP_OTHER; /* the operand this token makes, when at the top level */
        Py_ssize_t start = pos, name_end = 0;
        int completes = 1; /* the token ends an operand (0: it opens or is inside one) */
        if (ch == '(' || (ch == '<' && !(pos + 1 < len && s[pos + 1] == '<'))) {
            int empty;
            int ok = ch == '(' ? literal_string(s, len, &pos, &empty, 1)
                               : hex_string(s, len, &pos, &empty);
            if (!ok || !within_one_stream(bounds, nbounds, start, pos)) {
                give_up = 1;
                break;
            }
            kind = empty ? OP_EMPTY_STRING : OP_STRING;
            if (depth == 1 && nesting[0] == '[' && !empty) array_showing = 1;
        } else if (ch == '/') {
            pos++;
            while (pos < len && is_regular(s[pos])) {
                if (s[pos] == '#' || s[pos] >= 0x80) give_up = 1;
                pos++;
            }
            if (pos - start < 2) give_up = 1; /* the empty name */
            kind = OP_NAME;
            name_end = pos;
        } else if (ch == '[' || ch == '<') {
            if (depth >= (int)sizeof(nesting)) {
                give_up = 1;
                break;
            }
            if (depth == 0) array_showing = 0;
            nesting[depth++] = (char)ch;
            pos += ch == '<' ? 2 : 1;
            completes = 0;
        } else if (ch == ']' || ch == '>') {
            char opener = ch == ']' ? '[' : '<';
            if (ch == '>' && !(pos + 1 < len && s[pos + 1] == '>')) give_up = 1;
            if (depth == 0 || nesting[depth - 1] != opener) give_up = 1;
            if (give_up) break;
            depth--;
            pos += ch == '>' ? 2 : 1;
            kind = opener == '[' ? (array_showing ? OP_ARRAY_SHOWING : OP_ARRAY) : OP_OTHER;
        } else if (is_regular(ch)) {
            /* (Digits and points counted on the way: is_counted_number then tells a number
               without reading it again, most of a page's words being numbers.) */
            Py_ssize_t digits = 0, points = 0;
            while (pos < len) {
                unsigned char lexed = LEX_CLASS[s[pos]];
                if (!(lexed & LEX_REGULAR)) break;
                digits += (lexed & LEX_DIGIT) != 0;
                points += (lexed & LEX_POINT) != 0;
                pos++;
            }
            const unsigned char *word = s + start;
            Py_ssize_t n = pos - start;
            int plain = is_counted_number(word, n, digits, points) || (n == 4 && memcmp(word, "true", 4) == 0) ||
                        (n == 5 && memcmp(word, "false", 5) == 0) ||
                        (n == 4 && memcmp(word, "null", 4) == 0);
            if (!plain) {
                /* An operator: it closes an instruction. */
                int role = role_of(word, n);
                if (role == ROLE_UNKNOWN || depth > 0) {
                    give_up = 1;
                    break;
                }
                PyObject *predicted = NULL; /* borrowed */
                if (role == ROLE_SHOW) {
                    if (noperands > 0 && operands[noperands - 1].kind == OP_STRING) predicted = TEXT;
                } else if (role == ROLE_SHOW_ARRAY) {
                    if (noperands > 0 && operands[0].kind == OP_ARRAY_SHOWING) predicted = TEXT;
                } else if (role == ROLE_PATH) {
                    /* As operators._kinds_of: m starts a path, a segment of a started path
                       draws it, re does both, h neither. */
                    if (n == 1 && word[0] == 'm') {
                        path_started = 1;
                    } else if (n == 2) {
                        path_started = path_drawn = 1; /* re */
                    } else if (word[0] != 'h' && path_started) {
                        path_drawn = 1;
                    }
                } else if (role == ROLE_PAINT || role == ROLE_END_PATH) {
                    if (role == ROLE_PAINT && path_drawn) predicted = PATH;
                    path_started = path_drawn = 0;
                } else if (role == ROLE_SHADING) {
                    predicted = SHADING;
                } else if (role == ROLE_DO && noperands > 0) {
                    if (operands[0].kind != OP_NAME) {
                        give_up = 1;
                        break;
                    }
                    PyObject *name = PyUnicode_DecodeASCII(
                        (const char *)s + operands[0].start, operands[0].end - operands[0].start,
                        NULL);
                    if (name == NULL) goto done;
                    predicted = PyDict_GetItemWithError(xobject_kinds, name);
                    Py_DECREF(name);
                    if (predicted == NULL && PyErr_Occurred()) goto done;
                }
                if (predicted != NULL && predict(kinds, positions, predicted, count) < 0) goto done;
                count++;
                noperands = 0;
                continue;
            }
        } else {
            give_up = 1; /* '%' (a comment), '{', '}', a stray ')', NUL */
            break;
        }
        if (give_up) break;
        if (completes && depth == 0) {
            if (noperands == capacity) {
                capacity *= 2;
                Operand *grown = PyMem_Realloc(operands, sizeof(Operand) * (size_t)capacity);
                if (grown == NULL) {
                    PyErr_NoMemory();
                    goto done;
                }
                operands = grown;
            }
            operands[noperands].kind = kind;
            operands[noperands].start = start;
            operands[noperands].end = name_end;
            noperands++;
        }
    }
    if (give_up || depth != 0 || noperands != 0) {
        result = Py_NewRef(Py_None);
    } else {
        result = Py_BuildValue("(nOO)", count, kinds, positions);
    }

done:
    Py_XDECREF(kinds);
    Py_XDECREF(positions);
    PyMem_Free(bounds);
    PyMem_Free(operands);
    PyBuffer_Release(&buffer);
    return result;
}

/* OperatorMap.ranges and .ranges_in_order (operators.py), in C: asked for every block,
 * cell and list label of every page, the Python loops were a visible share of the
 * analysis. Each answers NotImplemented where an object or operator index is no exact int
 * a C long holds (the Python twin then answers), so both give the same tuples. */

/* ``objects`` (a list or tuple) as C longs in a new array (*out, PyMem_Free it); 1 when one
 * is no exact int a long holds, -1 with an exception set. */
static int read_longs(PyObject *objects, long **out, Py_ssize_t *n) {
    *n = PySequence_Fast_GET_SIZE(objects);
    PyObject **items = PySequence_Fast_ITEMS(objects);
    *out = PyMem_Malloc(((size_t)*n + 1) * sizeof(long));
    if (*out == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < *n; k++) {
        int overflow = 0;
        if (!PyLong_CheckExact(items[k])) return 1;
        (*out)[k] = PyLong_AsLongAndOverflow(items[k], &overflow);
        if (overflow) return 1;
    }
    return 0;
}

/* The operator that drew object ``obj`` (operator_of[obj]), -1 when there is none (out of
 * range, or -1 there); 0, or 1 when the entry is no exact int a long holds (or no room
 * after it for the range's end). */
static int operator_at(PyObject *operator_of, long obj, long *op) {
    *op = -1;
    if (obj < 0 || obj >= PyList_GET_SIZE(operator_of)) return 0;
    PyObject *item = PyList_GET_ITEM(operator_of, obj);
    int overflow = 0;
    if (!PyLong_CheckExact(item)) return 1;
    long value = PyLong_AsLongAndOverflow(item, &overflow);
    if (overflow || value >= LONG_MAX - 1) return 1;
    *op = value < 0 ? -1 : value;
    return 0;
}

static int by_value(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

DEFINE_MERGE_SORT(sort_values, long, by_value)

/* A tuple of (start, end) pairs of ints, from ``count`` pairs in ``pairs`` (flat). */
static PyObject *range_tuple(const long *pairs, Py_ssize_t count) {
    PyObject *out = PyTuple_New(count);
    if (out == NULL) return NULL;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *pair = Py_BuildValue("(ll)", pairs[2 * k], pairs[2 * k + 1]);
        if (pair == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyTuple_SET_ITEM(out, k, pair);
    }
    return out;
}

/* OperatorMap.ranges over objects already sorted and distinct; NotImplemented as above. */
static PyObject *ranges_of_sorted(PyObject *operator_of, const long *objects, Py_ssize_t n) {
    long *pairs = PyMem_Malloc(((size_t)n + 1) * 2 * sizeof(long));
    if (pairs == NULL) return PyErr_NoMemory();
    Py_ssize_t count = 0;
    long previous_obj = -10, start = -1, end = -1;
    for (Py_ssize_t k = 0; k < n; k++) {
        long obj = objects[k], op;
        if (operator_at(operator_of, obj, &op)) {
            PyMem_Free(pairs);
            Py_RETURN_NOTIMPLEMENTED;
        }
        if (op < 0) continue;
        if (end >= 0 && obj == previous_obj + 1 && op >= end - 1) {
            end = op + 1;
        } else {
            if (end >= 0) {
                pairs[2 * count] = start;
                pairs[2 * count + 1] = end;
                count++;
            }
            start = op;
            end = op + 1;
        }
        previous_obj = obj;
    }
    if (end >= 0) {
        pairs[2 * count] = start;
        pairs[2 * count + 1] = end;
        count++;
    }
    PyObject *out = range_tuple(pairs, count);
    PyMem_Free(pairs);
    return out;
}

static int parse_ranges_args(PyObject *args, PyObject **operator_of, PyObject **objects) {
    PyObject *given;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, operator_of, &given)) return -1;
    if (!PyList_CheckExact(given) && !PyTuple_CheckExact(given)) {
        PyErr_SetString(PyExc_TypeError, "objects: a list or a tuple");
        return -1;
    }
    *objects = given;
    return 0;
}

/* ranges(operator_of, objects) -> OperatorMap(operator_of).ranges(objects). */
static PyObject *ranges(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *operator_of, *objects;
    if (parse_ranges_args(args, &operator_of, &objects) < 0) return NULL;
    long *values;
    Py_ssize_t n;
    int status = read_longs(objects, &values, &n);
    PyObject *out = NULL;
    if (status == 0) {
        /* sorted(set(objects)) */
        sort_values(values, (size_t)n);
        Py_ssize_t distinct = 0;
        for (Py_ssize_t k = 0; k < n; k++)
            if (distinct == 0 || values[k] != values[distinct - 1]) values[distinct++] = values[k];
        out = ranges_of_sorted(operator_of, values, distinct);
    } else if (status > 0) {
        out = Py_NewRef(Py_NotImplemented);
    }
    PyMem_Free(values);
    return out;
}

/* An object that drew something, where it first stands among those read (``at``), and its
 * place in that reading (which of them it is: first, second...). */
typedef struct {
    long obj, op;
    Py_ssize_t at, place;
} read_object;

static int by_object_then_reading(const void *a, const void *b) {
    const read_object *x = a, *y = b;
    if (x->obj != y->obj) return (x->obj > y->obj) - (x->obj < y->obj);
    return (x->at > y->at) - (x->at < y->at);
}

DEFINE_MERGE_SORT(sort_by_object, read_object, by_object_then_reading)

static int by_reading(const void *a, const void *b) {
    const read_object *x = a, *y = b;
    return (x->at > y->at) - (x->at < y->at);
}

DEFINE_MERGE_SORT(sort_by_reading, read_object, by_reading)

/* A range being made: its operators and the place of its first object. */
typedef struct {
    long start, end;
    Py_ssize_t place;
} ordered_range;

static int by_place(const void *a, const void *b) {
    const ordered_range *x = a, *y = b;
    return (x->place > y->place) - (x->place < y->place);
}

DEFINE_MERGE_SORT(sort_by_place, ordered_range, by_place)

/* ranges_in_order(operator_of, objects) -> OperatorMap(operator_of).ranges_in_order(objects). */
static PyObject *ranges_in_order(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *operator_of, *objects;
    if (parse_ranges_args(args, &operator_of, &objects) < 0) return NULL;
    long *values;
    Py_ssize_t n;
    int status = read_longs(objects, &values, &n);
    if (status != 0) {
        PyMem_Free(values);
        if (status < 0) return NULL;
        Py_RETURN_NOTIMPLEMENTED;
    }
    int increasing = 1;
    for (Py_ssize_t k = 1; k < n && increasing; k++) increasing = values[k - 1] < values[k];
    if (increasing) { /* (most blocks: read as drawn; sorted and distinct already) */
        PyObject *out = ranges_of_sorted(operator_of, values, n);
        PyMem_Free(values);
        return out;
    }
    PyObject *out = NULL;
    read_object *read = PyMem_Malloc(((size_t)n + 1) * sizeof(read_object));
    ordered_range *made = PyMem_Malloc(((size_t)n + 1) * sizeof(ordered_range));
    if (read == NULL || made == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* The objects that drew something, each once, with its place among them in reading
     * order (place.setdefault(obj, len(place))), then taken in the objects' order. */
    Py_ssize_t count = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        long op;
        if (operator_at(operator_of, values[k], &op)) {
            out = Py_NewRef(Py_NotImplemented);
            goto done;
        }
        if (op >= 0) read[count++] = (read_object){values[k], op, k, 0};
    }
    sort_by_object(read, (size_t)count);
    Py_ssize_t distinct = 0;
    for (Py_ssize_t k = 0; k < count; k++)
        if (distinct == 0 || read[k].obj != read[distinct - 1].obj) read[distinct++] = read[k];
    sort_by_reading(read, (size_t)distinct);
    for (Py_ssize_t k = 0; k < distinct; k++) read[k].place = k;
    sort_by_object(read, (size_t)distinct);
    Py_ssize_t ranges_made = 0;
    long previous_obj = -10;
    Py_ssize_t previous_place = -1;
    for (Py_ssize_t k = 0; k < distinct; k++) {
        long obj = read[k].obj, op = read[k].op;
        Py_ssize_t here = read[k].place;
        if (ranges_made > 0 && obj == previous_obj + 1 && op >= made[ranges_made - 1].end - 1) {
            if (here == previous_place + 1 || op == made[ranges_made - 1].end - 1) {
                made[ranges_made - 1].end = op + 1; /* read on as drawn */
                previous_obj = obj;
                previous_place = here;
                continue;
            }
            made[ranges_made - 1].end = op; /* something else is read between the two */
        }
        made[ranges_made++] = (ordered_range){op, op + 1, here};
        previous_obj = obj;
        previous_place = here;
    }
    /* (The places are distinct: the sort's order is the one list.sort gives.) */
    sort_by_place(made, (size_t)ranges_made);
    out = PyTuple_New(ranges_made);
    if (out == NULL) goto done;
    for (Py_ssize_t k = 0; k < ranges_made; k++) {
        PyObject *pair = Py_BuildValue("(ll)", made[k].start, made[k].end);
        if (pair == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyTuple_SET_ITEM(out, k, pair);
    }
done:
    PyMem_Free(values);
    PyMem_Free(read);
    PyMem_Free(made);
    return out;
}

/* drawn_objects(drawn, marks) -> (objects, mcids) or NotImplemented: classify's _prov, the
 * objects a block's glyphs and shapes were drawn by, ``[o for o in dict.fromkeys(drawn) if
 * o >= 0]`` (each once, in the order first drawn, none pdfium generated), and the marked-content
 * ids they are marked with, ``tuple(sorted({marks[o] for o in objects if o < len(marks)} -
 * {-1}))``. NotImplemented (Python answers) where an object or a mark is no int that fits a
 * C long. Why C: asked for every block of a document, over every object of its lines. */
static PyObject *drawn_objects(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *drawn, *marks;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &drawn, &PyList_Type, &marks)) return NULL;
    PyObject *seen = PySet_New(NULL), *objects = PyList_New(0), *ids = PySet_New(NULL);
    PyObject *out = NULL, *sorted = NULL;
    if (seen == NULL || objects == NULL || ids == NULL) goto done;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(drawn); k++) {
        PyObject *obj = PyList_GET_ITEM(drawn, k);
        if (!PyLong_CheckExact(obj)) {
            out = Py_NewRef(Py_NotImplemented);
            goto done;
        }
        int overflow = 0;
        long value = PyLong_AsLongAndOverflow(obj, &overflow);
        if (overflow) {
            out = Py_NewRef(Py_NotImplemented);
            goto done;
        }
        if (value < 0) continue; /* (dropped after dict.fromkeys: the order is the same) */
        int known = PySet_Contains(seen, obj);
        if (known < 0) goto done;
        if (known) continue;
        if (PySet_Add(seen, obj) < 0 || PyList_Append(objects, obj) < 0) goto done;
        if (value < PyList_GET_SIZE(marks)) {
            PyObject *mark = PyList_GET_ITEM(marks, value);
            if (!PyLong_CheckExact(mark)) {
                out = Py_NewRef(Py_NotImplemented);
                goto done;
            }
            long id = PyLong_AsLongAndOverflow(mark, &overflow);
            if (overflow) {
                out = Py_NewRef(Py_NotImplemented);
                goto done;
            }
            if (id != -1 && PySet_Add(ids, mark) < 0) goto done;
        }
    }
    sorted = PySequence_List(ids);
    if (sorted == NULL || PyList_Sort(sorted) < 0) goto done;
    PyObject *tuple = PyList_AsTuple(sorted);
    if (tuple == NULL) goto done;
    out = PyTuple_Pack(2, objects, tuple);
    Py_DECREF(tuple);
done:
    Py_XDECREF(seen);
    Py_XDECREF(objects);
    Py_XDECREF(ids);
    Py_XDECREF(sorted);
    return out;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(data, boundaries, xobject_kinds) -> (count, kinds, positions) or None."},
    {"ranges", ranges, METH_VARARGS,
     "ranges(operator_of, objects) -> OperatorMap.ranges, or NotImplemented"},
    {"drawn_objects", drawn_objects, METH_VARARGS,
     "drawn_objects(drawn, marks) -> (objects drawn, each once; their marked-content ids, "
     "sorted), or NotImplemented"},
    {"ranges_in_order", ranges_in_order, METH_VARARGS,
     "ranges_in_order(operator_of, objects) -> OperatorMap.ranges_in_order, or NotImplemented"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_content_scan",
    "The page objects a content stream makes, predicted in C (see operators.py).", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__content_scan(void) {
    TEXT = PyUnicode_InternFromString("text");
    PATH = PyUnicode_InternFromString("path");
    SHADING = PyUnicode_InternFromString("shading");
    if (TEXT == NULL || PATH == NULL || SHADING == NULL) return NULL;
    roles_init();
    return PyModule_Create(&module);
}
