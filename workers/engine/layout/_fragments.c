/*
 * The glyph loop of lines.py's fragments(), in C.
 *
 * Why C: every character of a document passes through this loop once, and in Python it was,
 * after pdfium's own loop (_glyph_reader.c), the largest cost of layout analysis on long
 * texts. This is a line-by-line translation of lines.py's _python_fragments: same tests in the
 * same order on the same values (Python floats are C doubles), and the fragments' boxes are
 * the glyphs' own coordinate objects, as in Python. A test compares the two on real pages.
 *
 * It returns the fragments with their raw text; lines.py cleans the text and drops the empty.
 * The module also holds the other loops of lines.py that every page runs: the values a
 * fragment computes once (glyph_facts, text_facts, fixed_pitch) and the grouping of
 * fragments into lines (group_lines); and the box of a list item's body (ink_box, for
 * list_labels.py).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdint.h>
#include <structmember.h>

#include "../_merge_sort.h"

static PyObject *name_obj, *name_char, *name_bold, *name_x0, *name_y0, *name_x1, *name_y1, *name_size, *name_rotated;
static PyObject *name_font, *name_generated, *name_space_before, *name_space_after;
static PyObject *name_text, *empty, *space_text;

/* Reading a glyph's fields by name (PyObject_GetAttr) was most of this loop's cost: each
 * read looks the name up on the type, then calls the member descriptor it finds. A Glyph is a
 * slotted dataclass, so each field sits at a fixed offset in the object: the offsets are
 * looked up once per call, and a field is read there directly, which is what the descriptor
 * does. Only where that is exactly what getattr would do: the object's type is the one looked
 * up, it uses the generic getattr (no __getattribute__ of its own), and the name resolves to
 * a plain object slot (a data descriptor, so it wins over anything else). Otherwise, or for
 * an unset slot (getattr raises AttributeError), the ordinary getattr is used. */
enum { F_CHAR, F_X0, F_Y0, F_X1, F_Y1, F_SIZE, F_ROTATED, F_BOLD, F_OBJ, F_FONT, F_GENERATED,
       F_COUNT };

typedef struct {
    PyTypeObject *type; /* borrowed: the type of a glyph in the list being read */
    Py_ssize_t offset[F_COUNT]; /* -1: read with getattr */
} slot_layout;

static PyObject **field_names[F_COUNT] = {
    &name_char, &name_x0, &name_y0, &name_x1, &name_y1, &name_size, &name_rotated, &name_bold,
    &name_obj, &name_font, &name_generated,
};

static Py_ssize_t slot_offset(PyTypeObject *type, PyObject *name) {
    if (type->tp_getattro != PyObject_GenericGetAttr) return -1;
    PyObject *descr = _PyType_Lookup(type, name); /* borrowed */
    if (descr == NULL || Py_TYPE(descr) != &PyMemberDescr_Type) return -1;
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    if (member->type != T_OBJECT_EX) return -1;
    return member->offset;
}

static void layout_of(PyTypeObject *type, slot_layout *layout) {
    layout->type = type;
    for (int k = 0; k < F_COUNT; k++) layout->offset[k] = slot_offset(type, *field_names[k]);
}

/* getattr(obj, field): a new reference, or NULL with an exception set. */
static PyObject *field_of(PyObject *obj, const slot_layout *layout, int field) {
    if (Py_TYPE(obj) == layout->type && layout->offset[field] >= 0) {
        PyObject *value = *(PyObject **)((char *)obj + layout->offset[field]);
        if (value != NULL) {
            Py_INCREF(value);
            return value;
        }
    }
    return PyObject_GetAttr(obj, *field_names[field]);
}

/* One glyph's fields, read once. */
typedef struct {
    PyObject *glyph, *chr, *x0o, *y0o, *x1o, *y1o; /* borrowed: glyph is alive in the list */
    double x0, y0, x1, y1, size;
    int rotated;
} glyph_view;

static int read_double(PyObject *value, double *out) {
    if (PyFloat_CheckExact(value)) {
        *out = PyFloat_AS_DOUBLE(value); /* what PyFloat_AsDouble returns for a float */
        return 0;
    }
    *out = PyFloat_AsDouble(value);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

/* Reads the fields of ``glyph``; the new references it took are in ``held`` (6 slots). */
static int view_of(PyObject *glyph, const slot_layout *layout, glyph_view *view,
                   PyObject **held) {
    view->glyph = glyph;
    if (!(held[0] = view->chr = field_of(glyph, layout, F_CHAR))) return -1;
    if (!(held[1] = view->x0o = field_of(glyph, layout, F_X0))) return -1;
    if (!(held[2] = view->y0o = field_of(glyph, layout, F_Y0))) return -1;
    if (!(held[3] = view->x1o = field_of(glyph, layout, F_X1))) return -1;
    if (!(held[4] = view->y1o = field_of(glyph, layout, F_Y1))) return -1;
    PyObject *size = field_of(glyph, layout, F_SIZE);
    if (size == NULL) return -1;
    int status = read_double(size, &view->size);
    Py_DECREF(size);
    if (status < 0) return -1;
    PyObject *rotated = field_of(glyph, layout, F_ROTATED);
    if (rotated == NULL) return -1;
    held[5] = NULL;
    view->rotated = PyObject_IsTrue(rotated);
    Py_DECREF(rotated);
    if (view->rotated < 0) return -1;
    if (read_double(view->x0o, &view->x0) < 0 || read_double(view->y0o, &view->y0) < 0 ||
        read_double(view->x1o, &view->x1) < 0 || read_double(view->y1o, &view->y1) < 0)
        return -1;
    return 0;
}

/* str.isspace() of the glyph's character (one character nearly always). */
static int is_space(PyObject *chr) {
    if (!PyUnicode_Check(chr)) {
        PyErr_SetString(PyExc_TypeError, "a glyph's char must be a str");
        return -1;
    }
    if (PyUnicode_GET_LENGTH(chr) == 1) return Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(chr, 0));
    PyObject *answer = PyObject_CallMethod(chr, "isspace", NULL);
    if (answer == NULL) return -1;
    int result = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    return result;
}

/* str.isdigit() / str.islower() of a one-character glyph (0 for longer ones: a ligature's
 * text is never a numeral, and an ordinal's letters are read one by one). */
static int is_digit(PyObject *chr) {
    return PyUnicode_GET_LENGTH(chr) == 1 && Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(chr, 0));
}

static int is_lower(PyObject *chr) {
    return PyUnicode_GET_LENGTH(chr) == 1 && Py_UNICODE_ISLOWER(PyUnicode_READ_CHAR(chr, 0));
}

/* ``cls(*values)`` for a dataclass whose __init__ only sets its fields, ``fields`` (their
 * names in order, from lines.py's assigned_fields; NULL or None: call the class). Entering
 * Python for each of the tens of thousands of fragments and lines a document makes was a
 * visible share of the analysis; here the instance is made as object.__new__ makes it and its
 * fields are set in __init__'s order, through the same setattr __init__'s assignments use:
 * the same object, the same __dict__ in the same order (a test compares the two). */
static PyObject *empty_args;

static PyObject *plain_instance(PyObject *cls, PyObject *fields, PyObject *const *values,
                                Py_ssize_t n) {
    if (fields == NULL || fields == Py_None || !PyTuple_CheckExact(fields) ||
        PyTuple_GET_SIZE(fields) != n || !PyType_Check(cls) ||
        ((PyTypeObject *)cls)->tp_new != PyBaseObject_Type.tp_new)
        return PyObject_Vectorcall(cls, values, (size_t)n, NULL);
    PyTypeObject *type = (PyTypeObject *)cls;
    PyObject *made = type->tp_new(type, empty_args, NULL);
    if (made == NULL) return NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        if (PyObject_SetAttr(made, PyTuple_GET_ITEM(fields, k), values[k]) < 0) {
            Py_DECREF(made);
            return NULL;
        }
    }
    return made;
}

/* The fragment being built: the Fragment, its glyph list, its text parts and its box. */
typedef struct {
    PyObject *fragment, *glyphs, *parts;
    PyObject *x0o, *y0o, *x1o, *y1o;
    double x0, y0, x1, y1;
} building;

static void building_clear(building *b) {
    Py_CLEAR(b->fragment);
    Py_CLEAR(b->glyphs);
    Py_CLEAR(b->parts);
    Py_CLEAR(b->x0o);
    Py_CLEAR(b->y0o);
    Py_CLEAR(b->x1o);
    Py_CLEAR(b->y1o);
}

/* lines.py's close(): the joined text and the box written to the Fragment, and whether a
 * drawn space ends its line (``drawn_after``: Fragment.space_after, False as made). */
static int close_fragment(building *b, int drawn_after) {
    if (b->fragment == NULL) return 0;
    if (drawn_after && PyObject_SetAttr(b->fragment, name_space_after, Py_True) < 0) return -1;
    PyObject *text = PyUnicode_Join(empty, b->parts);
    if (text == NULL) return -1;
    int status = PyObject_SetAttr(b->fragment, name_text, text);
    Py_DECREF(text);
    if (status < 0 || PyObject_SetAttr(b->fragment, name_x0, b->x0o) < 0 ||
        PyObject_SetAttr(b->fragment, name_y0, b->y0o) < 0 ||
        PyObject_SetAttr(b->fragment, name_x1, b->x1o) < 0 ||
        PyObject_SetAttr(b->fragment, name_y1, b->y1o) < 0)
        return -1;
    return 0;
}

static void set_ref(PyObject **slot, PyObject *value) {
    Py_INCREF(value);
    Py_XSETREF(*slot, value);
}

/* A new Fragment([g]) appended to ``out`` (``drawn_before``: its space_before); the previous
 * one must be closed already. */
static int start_fragment(building *b, PyObject *out, PyObject *fragment_class,
                          PyObject *fragment_fields, const glyph_view *g, int drawn_before) {
    building_clear(b);
    b->glyphs = PyList_New(1);
    b->parts = PyList_New(1);
    if (b->glyphs == NULL || b->parts == NULL) return -1;
    Py_INCREF(g->glyph);
    PyList_SET_ITEM(b->glyphs, 0, g->glyph);
    Py_INCREF(g->chr);
    PyList_SET_ITEM(b->parts, 0, g->chr);
    /* Fragment(glyphs, "", box, drawn_before, False), as lines.py makes it (close_fragment
     * sets the text and box again: the box grows, the text is joined then). */
    PyObject *values[8] = {b->glyphs, empty, g->x0o, g->y0o, g->x1o, g->y1o,
                           drawn_before ? Py_True : Py_False, Py_False};
    b->fragment = plain_instance(fragment_class, fragment_fields, values, 8);
    if (b->fragment == NULL || PyList_Append(out, b->fragment) < 0) return -1;
    set_ref(&b->x0o, g->x0o);
    set_ref(&b->y0o, g->y0o);
    set_ref(&b->x1o, g->x1o);
    set_ref(&b->y1o, g->y1o);
    b->x0 = g->x0;
    b->y0 = g->y0;
    b->x1 = g->x1;
    b->y1 = g->y1;
    return 0;
}

/* Appends glyph ``g`` (and a space first when asked) to the fragment being built. */
static int extend_fragment(building *b, const glyph_view *g, int with_space) {
    if (with_space && PyList_Append(b->parts, space_text) < 0) return -1;
    if (PyList_Append(b->glyphs, g->glyph) < 0) return -1;
    return PyList_Append(b->parts, g->chr);
}

/* The fragment's box grows to hold the glyph. min() and max() keep the first of equal
   values, as the Python twin does: the strict comparisons matter. */
static void grow_box(building *b, const glyph_view *g) {
    if (g->x0 < b->x0) {
        b->x0 = g->x0;
        set_ref(&b->x0o, g->x0o);
    }
    if (g->x1 > b->x1) {
        b->x1 = g->x1;
        set_ref(&b->x1o, g->x1o);
    }
    if (g->y0 < b->y0) {
        b->y0 = g->y0;
        set_ref(&b->y0o, g->y0o);
    }
    if (g->y1 > b->y1) {
        b->y1 = g->y1;
        set_ref(&b->y1o, g->y1o);
    }
}

/* Whether ``glyph`` and ``last`` (of the same type) were both drawn by page object
 * ``owner``: 1, 0, or -1 on an error (lines.py: UNDONE_SPACE). */
static int same_owner(PyObject *glyph, PyObject *last, slot_layout *layout, long owner) {
    if (last == NULL || Py_TYPE(last) != layout->type) return 0;
    PyObject *items[2] = {glyph, last};
    for (int k = 0; k < 2; k++) {
        PyObject *obj = field_of(items[k], layout, F_OBJ);
        if (obj == NULL) return -1;
        long value = PyLong_AsLong(obj);
        Py_DECREF(obj);
        if (value == -1 && PyErr_Occurred()) return -1;
        if (value != owner) return 0;
    }
    return 1;
}

static PyObject *fragments(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *fragment_class, *braces, *fragment_fields = NULL;
    double fragment_gap, space_gap, set_back, set_back_gap, raised, spans_lines, undone_space,
        touching;
    Py_ssize_t usual_after;
    if (!PyArg_ParseTuple(args, "O!OddddnddddO!|O", &PyList_Type, &glyphs, &fragment_class,
                          &fragment_gap, &space_gap, &set_back, &set_back_gap, &usual_after,
                          &raised, &spans_lines, &undone_space, &touching, &PyFrozenSet_Type,
                          &braces, &fragment_fields))
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    building current = {0};
    int have_last = 0, last_rotated = 0;
    double last_x0 = 0, last_x1 = 0, last_y0 = 0, last_size = 0;
    PyObject *last_chr = NULL; /* the last glyph's character: a brace? (SPANS_LINES) */
    int space = 0;
    double space_x0 = 0; /* where the last space since the last glyph starts (SET_BACK) */
    int after_ligature = 0; /* the last glyph ends a ligature (SET_BACK) */
    /* The space since the last glyph, when it is one alone and drawn: its box and its page
     * object (lines.py: UNDONE_SPACE); and the last glyph (borrowed: alive in the list). */
    int drawn_space = 0;
    double drawn_space_x0 = 0, drawn_space_x1 = 0;
    long drawn_space_owner = -1;
    PyObject *last_glyph = NULL;
    double gaps = 0;        /* the current fragment's letter gaps: their sum and count */
    Py_ssize_t letters = 0;
    int line_end = 0;    /* every space since the last glyph is pdfium's line end (RAISED) */
    int last_digit = 0;  /* the last glyph is a numeral */
    /* A drawn space since the last glyph before pdfium's line end, and since that line end;
     * whether one came (lines.py: drawn_after, drawn_before, past_line_end). */
    int drawn_after = 0, drawn_before = 0, past_line_end = 0;
    PyObject *held[6] = {0};
    slot_layout layout = {NULL, {0}};

    for (Py_ssize_t n = 0; n < PyList_GET_SIZE(glyphs); n++) {
        for (int k = 0; k < 6; k++) Py_CLEAR(held[k]);
        PyObject *glyph = PyList_GET_ITEM(glyphs, n);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        glyph_view g;
        if (view_of(glyph, &layout, &g, held) < 0) goto fail;
        int blank = is_space(g.chr);
        if (blank < 0) goto fail;
        if (blank) {
            if (!space || g.x0 > space_x0) space_x0 = g.x0;
            PyObject *obj = field_of(glyph, &layout, F_OBJ);
            if (obj == NULL) goto fail;
            long owner = PyLong_AsLong(obj);
            Py_DECREF(obj);
            if (owner == -1 && PyErr_Occurred()) goto fail;
            line_end = (line_end || !space) && owner < 0;
            int first_space = !space;
            drawn_space = 0;
            space = 1;
            if (owner < 0) {
                past_line_end = 1;
                drawn_before = 0;
            } else {
                PyObject *generated = field_of(glyph, &layout, F_GENERATED);
                if (generated == NULL) goto fail;
                int made_up = PyObject_IsTrue(generated);
                Py_DECREF(generated);
                if (made_up < 0) goto fail;
                if (!made_up) {
                    drawn_after = drawn_after || !past_line_end;
                    drawn_before = 1;
                    if (first_space) {
                        drawn_space = 1;
                        drawn_space_x0 = g.x0;
                        drawn_space_x1 = g.x1;
                        drawn_space_owner = owner;
                    }
                }
            }
            continue;
        }
        if (g.y1 - g.y0 <= 0 && current.fragment != NULL) continue;
        if (g.rotated) {
            /* Rotated text: pdfium's boxes stay upright, so follow content order instead. */
            double reach = g.size;
            if (last_size > reach) reach = last_size;
            if (1.0 > reach) reach = 1.0;
            if (current.fragment != NULL && have_last && last_rotated &&
                fabs(g.x0 - last_x0) + fabs(g.y0 - last_y0) < 3 * reach) {
                if (extend_fragment(&current, &g, space) < 0) goto fail;
                grow_box(&current, &g);
            } else {
                if (close_fragment(&current, drawn_after) < 0) goto fail;
                if (start_fragment(&current, out, fragment_class, fragment_fields, &g,
                                   drawn_before) < 0)
                    goto fail;
            }
            have_last = 1;
            last_rotated = 1;
            last_x0 = g.x0;
            last_x1 = g.x1;
            last_y0 = g.y0;
            last_size = g.size;
            last_chr = g.chr; /* (borrowed: held by its glyph, alive in the list) */
            last_glyph = glyph;
            last_digit = is_digit(g.chr);
            space = 0;
            drawn_after = drawn_before = past_line_end = 0;
            continue;
        }
        if (current.fragment != NULL && have_last && last_rotated) {
            if (close_fragment(&current, drawn_after) < 0) goto fail;
            building_clear(&current);
        }
        if (current.fragment != NULL && have_last) {
            double top = g.y1 < current.y1 ? g.y1 : current.y1;
            double bottom = g.y0 > current.y0 ? g.y0 : current.y0;
            double height = g.y1 - g.y0;
            double current_height = current.y1 - current.y0;
            double shorter = height < current_height ? height : current_height;
            /* (A brace as tall as many lines beside the last glyph, or the last beside it,
               is set beside the lines: on none of them. lines.py: SPANS_LINES.) */
            int spans = 0;
            if (g.size > spans_lines * (last_size > 1.0 ? last_size : 1.0)) {
                spans = PySet_Contains(braces, g.chr);
                if (spans < 0) goto fail;
            } else if (last_size > spans_lines * (g.size > 1.0 ? g.size : 1.0)) {
                spans = PySet_Contains(braces, last_chr);
                if (spans < 0) goto fail;
            }
            if (top - bottom > 0.5 * shorter && !spans) {
                double gap = g.x0 - last_x1;
                double size = g.size;
                if (last_size > size) size = last_size;
                if (size < 1.0) size = 1.0;
                /* A ligature's glyphs ("fi") share one box. */
                int ligature = fabs(g.x0 - last_x0) < 0.5 && fabs(g.x1 - last_x1) < 0.5;
                double backwards = last_x0 - g.x1;
                /* (or kerned far back into a glyph whose box is wider than its advance,
                   yet right of where that glyph starts: lines.py) */
                if (((-0.5 * size <= gap || g.x0 > last_x0) && gap <= fragment_gap * size) ||
                    ligature ||
                    (-fragment_gap * size <= backwards && backwards <= fragment_gap * size &&
                     gap < 0)) {
                    /* A space set back into the glyph before, its advance undone (lines.py:
                       SET_BACK) breaks no word. */
                    if (space && after_ligature && g.x0 > last_x0 &&
                        space_x0 < last_x1 - set_back * size &&
                        fabs(gap - (letters >= usual_after ? gaps / letters : 0.0)) <=
                            set_back_gap * size)
                        space = 0;
                    /* A space whose advance was taken back, the letters touching (lines.py:
                       UNDONE_SPACE), breaks no word: asked of the objects only then. */
                    if (space && drawn_space && g.x0 > last_x0 && gap <= touching * size &&
                        g.x0 - drawn_space_x0 < undone_space * (drawn_space_x1 - drawn_space_x0)) {
                        int same = same_owner(glyph, last_glyph, &layout, drawn_space_owner);
                        if (same < 0) goto fail;
                        if (same) space = 0;
                    }
                    /* An ordinal's raised letters: pdfium's line end is none (RAISED). */
                    if (space && line_end && last_digit && is_lower(g.chr) &&
                        g.y0 > last_y0 + raised * last_size && fabs(gap) <= space_gap * size)
                        space = 0;
                    int with_space = space || (fabs(gap) > space_gap * size && gap > 0);
                    if (!with_space && g.x0 > last_x0) {
                        gaps += gap;
                        letters++;
                    }
                    after_ligature = ligature;
                    if (extend_fragment(&current, &g, with_space) < 0) goto fail;
                    grow_box(&current, &g);
                    have_last = 1;
                    last_rotated = 0;
                    last_x0 = g.x0;
                    last_x1 = g.x1;
                    last_y0 = g.y0;
                    last_size = g.size;
                    last_chr = g.chr; /* (borrowed: held by its glyph, alive in the list) */
                    last_glyph = glyph;
                    last_digit = is_digit(g.chr);
                    space = 0;
                    drawn_after = drawn_before = past_line_end = 0;
                    continue;
                }
            }
        }
        if (close_fragment(&current, drawn_after) < 0) goto fail;
        if (start_fragment(&current, out, fragment_class, fragment_fields, &g, drawn_before) < 0)
            goto fail;
        drawn_after = drawn_before = past_line_end = 0;
        after_ligature = 0;
        gaps = 0;
        letters = 0;
        have_last = 1;
        last_rotated = 0;
        last_x0 = g.x0;
        last_x1 = g.x1;
        last_y0 = g.y0;
        last_size = g.size;
        last_chr = g.chr; /* (borrowed: held by its glyph, alive in the list) */
        last_glyph = glyph;
        last_digit = is_digit(g.chr);
        space = 0;
    }
    if (close_fragment(&current, drawn_after) < 0) goto fail;
    for (int k = 0; k < 6; k++) Py_CLEAR(held[k]);
    building_clear(&current);
    return out;

fail:
    for (int k = 0; k < 6; k++) Py_CLEAR(held[k]);
    building_clear(&current);
    Py_DECREF(out);
    return NULL;
}

/* letter_boldness(glyphs) -> (letters, bold letters): how many glyphs are letters or digits
 * (``g.char.isalnum()``) and how many of those are bold (``g.bold``). Fragment.bold and
 * Block.bold ask this of every fragment and block; the Python loop was a visible share of
 * the analysis. */
/* str.isalnum() of an ASCII character: a letter or a digit. */
static int ascii_alnum(Py_UCS4 ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static PyObject *letter_boldness(PyObject *self, PyObject *glyphs) {
    (void)self;
    PyObject *sequence = PySequence_Fast(glyphs, "glyphs must be a sequence");
    if (sequence == NULL) return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(sequence);
    PyObject **items = PySequence_Fast_ITEMS(sequence);
    Py_ssize_t letters = 0, bold = 0;
    slot_layout layout = {NULL, {0}};
    for (Py_ssize_t i = 0; i < count; i++) {
        if (Py_TYPE(items[i]) != layout.type) layout_of(Py_TYPE(items[i]), &layout);
        PyObject *character = field_of(items[i], &layout, F_CHAR);
        if (character == NULL) goto fail;
        if (!PyUnicode_Check(character)) {
            Py_DECREF(character);
            PyErr_SetString(PyExc_TypeError, "a glyph's char must be a str");
            goto fail;
        }
        /* str.isalnum(): at least one character, every one a letter or digit. (An ASCII
         * character, nearly every glyph's, is looked up without the Unicode tables.) */
        Py_ssize_t length = PyUnicode_GET_LENGTH(character);
        int alnum = length > 0;
        for (Py_ssize_t k = 0; k < length && alnum; k++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(character, k);
            alnum = ch < 128 ? ascii_alnum(ch) : Py_UNICODE_ISALNUM(ch);
        }
        Py_DECREF(character);
        if (!alnum) continue;
        letters++;
        PyObject *is_bold = field_of(items[i], &layout, F_BOLD);
        if (is_bold == NULL) goto fail;
        /* (The glyph readers set True or False: their truth needs no call.) */
        int truth = is_bold == Py_True ? 1 : is_bold == Py_False ? 0 : PyObject_IsTrue(is_bold);
        Py_DECREF(is_bold);
        if (truth < 0) goto fail;
        bold += truth;
    }
    Py_DECREF(sequence);
    return Py_BuildValue("nn", letters, bold);
fail:
    Py_DECREF(sequence);
    return NULL;
}

/* The values lines.py's Fragment computes once from its glyphs, worked out for a list of
 * fresh fragments: sizes, size, band, letter_counts and bold (see glyph_facts below). */

/* A value and where it came from, sorted as Python's sorted() sorts the values: by value,
 * equal values in their first order (sorted() is stable; the position breaks ties). */
typedef struct {
    double value;
    Py_ssize_t at;
    PyObject *object; /* borrowed: the float the value was read from */
} ranked;

static int ranked_order(const void *a, const void *b) {
    const ranked *x = a, *y = b;
    if (x->value < y->value) return -1;
    if (x->value > y->value) return 1;
    return (x->at > y->at) - (x->at < y->at);
}

DEFINE_MERGE_SORT(sort_ranked, ranked, ranked_order)

/* A float object's value, or -1 when the object is no exact float or is NaN: then the
 * fragment is left to Python (sorted() orders NaN by where it stands, a C sort cannot). */
static int plain_float(PyObject *value, double *out) {
    if (!PyFloat_CheckExact(value)) return -1;
    *out = PyFloat_AS_DOUBLE(value);
    return isnan(*out) ? -1 : 0;
}

static PyObject *name_glyphs, *name_sizes, *name_band, *name_letter_counts, *name_drawn;
static PyObject *name_interleaved;

/* Whether the error just raised (reading a glyph's field) is one the property would raise
 * only when asked, if ever: a glyph-like object without the field, or of another type. It
 * is cleared, and the value left to the property. */
static int left_to_python(void) {
    if (!PyErr_ExceptionMatches(PyExc_AttributeError) && !PyErr_ExceptionMatches(PyExc_TypeError))
        return 0;
    PyErr_Clear();
    return 1;
}

/* Fragment.drawn_objects: the glyphs' page objects, each once, in the order they first
 * appear (``list(dict.fromkeys(...))``, the first object of equal ones kept); NULL with no
 * exception set when one is no exact int a C long holds (then the property computes it).
 * A fragment's glyphs come from a few objects: each is looked for among those already
 * found (``values``, room for as many as there are glyphs), not in a set. And, in
 * ``*interleaved``, Fragment.objects_interleaved: whether a glyph's object (not negative)
 * was already found but is not the last such glyph's (the search above tells it). */
static PyObject *drawn_objects(PyObject *glyphs, slot_layout *layout, long *values,
                               int *interleaved) {
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    Py_ssize_t found = 0;
    long last = -1; /* the last glyph's object that is not negative (-1: none yet) */
    *interleaved = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs); i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        if (Py_TYPE(glyph) != layout->type) layout_of(Py_TYPE(glyph), layout);
        PyObject *obj = field_of(glyph, layout, F_OBJ);
        if (obj == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        int overflow = 0;
        long value = PyLong_CheckExact(obj) ? PyLong_AsLongAndOverflow(obj, &overflow) : 0;
        if (!PyLong_CheckExact(obj) || overflow) {
            Py_DECREF(obj);
            Py_DECREF(out);
            return NULL; /* (no exception: left to the property) */
        }
        Py_ssize_t k = found;
        while (k > 0 && values[k - 1] != value) k--; /* (the latest first: runs repeat it) */
        if (value >= 0) {
            if (k > 0 && value != last) *interleaved = 1;
            last = value;
        }
        if (k == 0) { /* not found */
            if (PyList_Append(out, obj) < 0) {
                Py_DECREF(obj);
                Py_DECREF(out);
                return NULL;
            }
            values[found++] = value;
        }
        Py_DECREF(obj);
    }
    return out;
}

/* The five values for one fragment (0), or 1 when a value is not plainly a float (the
 * fragment keeps computing them itself), or -1 with an exception set. */
static int fragment_facts(PyObject *fragment, double tall_glyphs, slot_layout *layout,
                          ranked *work, long *values, Py_ssize_t capacity) {
    int outcome = -1;
    PyObject *glyphs = NULL, *sizes = NULL, *size = NULL, *band = NULL, *counts = NULL;
    PyObject *fy0o = NULL, *fy1o = NULL, *drawn = NULL;
    glyphs = PyObject_GetAttr(fragment, name_glyphs);
    if (glyphs == NULL) goto done;
    if (!PyList_CheckExact(glyphs) || PyList_GET_SIZE(glyphs) > capacity) {
        outcome = 1;
        goto done;
    }
    Py_ssize_t n = PyList_GET_SIZE(glyphs);
    /* sizes: the glyphs' size objects in the glyphs' order (list(map(attrgetter("size")))). */
    sizes = PyList_New(n);
    if (sizes == NULL) goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        if (Py_TYPE(glyph) != layout->type) layout_of(Py_TYPE(glyph), layout);
        PyObject *value = field_of(glyph, layout, F_SIZE);
        if (value == NULL) goto done;
        PyList_SET_ITEM(sizes, i, value);
        if (plain_float(value, &work[i].value) < 0) {
            outcome = 1;
            goto done;
        }
        work[i].at = i;
        work[i].object = value;
    }
    /* size: the median of the sizes, as Fragment.size works it out. */
    double median = 0.0;
    if (n == 0) {
        size = PyFloat_FromDouble(0.0);
    } else {
        /* (Most fragments are of one size: their sizes are in order already, ties in their
         * first order, which is the order the sort would give; only the rest are sorted.) */
        Py_ssize_t ordered = 1;
        while (ordered < n && work[ordered - 1].value <= work[ordered].value) ordered++;
        if (ordered < n) sort_ranked(work, (size_t)n);
        if (n % 2) {
            size = Py_NewRef(work[n / 2].object);
            median = work[n / 2].value;
        } else {
            median = (work[n / 2 - 1].value + work[n / 2].value) / 2;
            size = PyFloat_FromDouble(median);
        }
    }
    if (size == NULL) goto done;
    /* band: lines.py's _band_of, on the same values. */
    double fy0, fy1;
    fy0o = PyObject_GetAttr(fragment, name_y0);
    fy1o = fy0o == NULL ? NULL : PyObject_GetAttr(fragment, name_y1);
    if (fy1o == NULL) goto done;
    if (plain_float(fy0o, &fy0) < 0 || plain_float(fy1o, &fy1) < 0) {
        outcome = 1;
        goto done;
    }
    if (fy1 - fy0 <= tall_glyphs * median) {
        band = PyTuple_Pack(2, fy0o, fy1o);
    } else {
        /* The glyphs with height: their bottoms in work[0..k), their tops in work[n..n+k),
         * each holding a reference to its float until the band is made. */
        Py_ssize_t k = 0;
        int plain = 1;
        for (Py_ssize_t i = 0; i < n && plain; i++) {
            PyObject *glyph = PyList_GET_ITEM(glyphs, i);
            if (Py_TYPE(glyph) != layout->type) layout_of(Py_TYPE(glyph), layout);
            PyObject *bottom = field_of(glyph, layout, F_Y0);
            PyObject *top = bottom == NULL ? NULL : field_of(glyph, layout, F_Y1);
            double y0 = 0.0, y1 = 0.0;
            if (top == NULL) {
                plain = -1;
            } else if (plain_float(bottom, &y0) < 0 || plain_float(top, &y1) < 0) {
                plain = 0;
            } else if (y1 > y0) {
                work[k] = (ranked){y0, k, Py_NewRef(bottom)};
                work[n + k] = (ranked){y1, k, Py_NewRef(top)};
                k++;
            }
            Py_XDECREF(bottom);
            Py_XDECREF(top);
        }
        if (plain == 1 && k < 2) {
            band = PyTuple_Pack(2, fy0o, fy1o);
        } else if (plain == 1) {
            sort_ranked(work, (size_t)k);
            sort_ranked(work + n, (size_t)k);
            band = PyTuple_Pack(2, work[k / 2].object, work[n + k / 2].object);
        }
        for (Py_ssize_t i = 0; i < k; i++) {
            Py_DECREF(work[i].object);
            Py_DECREF(work[n + i].object);
        }
        if (plain == 0) {
            outcome = 1;
            goto done;
        }
    }
    if (band == NULL) goto done;
    counts = letter_boldness(NULL, glyphs);
    if (counts == NULL) goto done;
    Py_ssize_t letters = PyLong_AsSsize_t(PyTuple_GET_ITEM(counts, 0));
    Py_ssize_t bold_letters = PyLong_AsSsize_t(PyTuple_GET_ITEM(counts, 1));
    if (PyErr_Occurred()) goto done;
    /* Fragment.bold: ``letters > 0 and bold > letters / 2`` (exact in doubles: counts). */
    PyObject *bold = letters > 0 && (double)bold_letters > (double)letters / 2 ? Py_True
                                                                                : Py_False;
    /* Fragment's computed-once properties have no setter: what is set lands in the
     * instance's __dict__, where they would keep it themselves. */
    if (PyObject_SetAttr(fragment, name_sizes, sizes) < 0 ||
        PyObject_SetAttr(fragment, name_size, size) < 0 ||
        PyObject_SetAttr(fragment, name_band, band) < 0 ||
        PyObject_SetAttr(fragment, name_letter_counts, counts) < 0 ||
        PyObject_SetAttr(fragment, name_bold, bold) < 0)
        goto done;
    int interleaved = 0;
    drawn = drawn_objects(glyphs, layout, values, &interleaved);
    if (drawn == NULL && PyErr_Occurred() && !left_to_python()) goto done;
    if (drawn != NULL && (PyObject_SetAttr(fragment, name_drawn, drawn) < 0 ||
                          PyObject_SetAttr(fragment, name_interleaved,
                                           interleaved ? Py_True : Py_False) < 0))
        goto done;
    outcome = 0;
done:
    Py_XDECREF(glyphs);
    Py_XDECREF(sizes);
    Py_XDECREF(size);
    Py_XDECREF(band);
    Py_XDECREF(counts);
    Py_XDECREF(fy0o);
    Py_XDECREF(fy1o);
    Py_XDECREF(drawn);
    return outcome;
}

/* glyph_facts(fragments, tall_glyphs) -> how many fragments got their values.
 *
 * Sets, on each fragment of the list, the values its computed-once properties would compute
 * from its glyphs on first use (sizes, size, band, letter_counts, bold, drawn_objects and
 * objects_interleaved, the last two when its glyphs' objects are plain ints): the same
 * values by the same arithmetic (Python floats are C doubles; sorts ordered as sorted() orders them,
 * the same objects kept where Python keeps them). The layout reader asks each of them of
 * nearly every fragment, and in Python the five calls per fragment cost more than the
 * fragment loop above. A fragment whose glyphs hold anything but plain floats is skipped:
 * it computes its values itself, as before. Only for fragments whose glyphs will not change
 * (fragments() hands them out finished). A test compares both ways on real pages. */
static PyObject *glyph_facts(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *frags;
    double tall_glyphs;
    if (!PyArg_ParseTuple(args, "O!d", &PyList_Type, &frags, &tall_glyphs)) return NULL;
    slot_layout layout = {NULL, {0}};
    Py_ssize_t capacity = 0, filled = 0;
    ranked *work = NULL; /* room for two values a glyph (a fragment's bottoms and tops) */
    long *values = NULL; /* room for one a glyph (its object) */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(frags); i++) {
        PyObject *fragment = PyList_GET_ITEM(frags, i);
        Py_INCREF(fragment);
        PyObject *glyphs = PyObject_GetAttr(fragment, name_glyphs);
        if (glyphs == NULL) {
            Py_DECREF(fragment);
            goto fail;
        }
        Py_ssize_t needed = PyList_Check(glyphs) ? PyList_GET_SIZE(glyphs) : 0;
        Py_DECREF(glyphs);
        if (needed > capacity) {
            ranked *grown = PyMem_Realloc(work, (size_t)needed * 2 * sizeof(ranked));
            if (grown != NULL) work = grown;
            long *more = grown == NULL ? NULL : PyMem_Realloc(values, (size_t)needed * sizeof(long));
            if (more == NULL) {
                Py_DECREF(fragment);
                PyErr_NoMemory();
                goto fail;
            }
            values = more;
            capacity = needed;
        }
        int outcome = fragment_facts(fragment, tall_glyphs, &layout, work, values, capacity);
        Py_DECREF(fragment);
        if (outcome < 0 && left_to_python()) outcome = 1;
        if (outcome < 0) goto fail;
        filled += outcome == 0;
    }
    PyMem_Free(work);
    PyMem_Free(values);
    return PyLong_FromSsize_t(filled);
fail:
    PyMem_Free(work);
    PyMem_Free(values);
    return NULL;
}

static PyObject *name_words, *name_rtl;

/* lines.py's word_count(): how many of the text's white-space separated tokens (as
 * str.split() cuts them) hold a letter (str.isalpha()). The ASCII branch there, a count of
 * ``[A-Za-z]\S*`` matches, is the same count: a match runs from a token's first letter to
 * its end, where the next search starts. */
static Py_ssize_t words_in(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), words = 0;
    int in_token = 0, lettered = 0;
    for (Py_ssize_t k = 0; k < length; k++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, k);
        if (Py_UNICODE_ISSPACE(ch)) {
            in_token = 0;
            continue;
        }
        if (!in_token) {
            in_token = 1;
            lettered = 0;
        }
        if (!lettered && Py_UNICODE_ISALPHA(ch)) {
            lettered = 1;
            words++;
        }
    }
    return words;
}

/* Fragment.rtl: more than a third of the text's characters are right-to-left letters (the
 * ranges of lines.py's RTL_LETTER). (count > length / 3 as Python compares an int with the float
 * quotient: exact in doubles for any length a string can have.) */
static int mostly_rtl(PyObject *text) {
    if (PyUnicode_IS_ASCII(text)) return 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), count = 0;
    for (Py_ssize_t k = 0; k < length; k++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, k);
        count += (ch >= 0x0590 && ch <= 0x08FF) || (ch >= 0xFB1D && ch <= 0xFDFF) ||
                 (ch >= 0xFE70 && ch <= 0xFEFF);
    }
    return count > 0 && (double)count > (double)length / 3.0;
}

static PyObject *word_count(PyObject *self, PyObject *text) {
    (void)self;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "word_count(text): a str");
        return NULL;
    }
    return PyLong_FromSsize_t(words_in(text));
}

/* text_facts(fragments) -> how many fragments got them: on each fragment with a str text,
 * the values of Fragment.words and Fragment.rtl (above), which the column search and block
 * building ask of nearly every fragment. Only for fragments whose text no longer changes
 * (fragments() hands them out finished). */
static PyObject *text_facts(PyObject *self, PyObject *frags) {
    (void)self;
    if (!PyList_Check(frags)) {
        PyErr_SetString(PyExc_TypeError, "text_facts(fragments): a list");
        return NULL;
    }
    Py_ssize_t filled = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(frags); i++) {
        PyObject *fragment = PyList_GET_ITEM(frags, i);
        Py_INCREF(fragment);
        PyObject *text = PyObject_GetAttr(fragment, name_text);
        if (text == NULL) {
            Py_DECREF(fragment);
            return NULL;
        }
        if (!PyUnicode_CheckExact(text)) {
            Py_DECREF(text);
            Py_DECREF(fragment);
            continue; /* (computed by the properties, when asked) */
        }
        PyObject *count = PyLong_FromSsize_t(words_in(text));
        PyObject *rtl = mostly_rtl(text) ? Py_True : Py_False;
        Py_DECREF(text);
        int status = count == NULL ? -1 : PyObject_SetAttr(fragment, name_words, count);
        Py_XDECREF(count);
        if (status == 0) status = PyObject_SetAttr(fragment, name_rtl, rtl);
        Py_DECREF(fragment);
        if (status < 0) return NULL;
        filled++;
    }
    return PyLong_FromSsize_t(filled);
}

/* math.fsum() of n finite values (no NaN, no infinity, no intermediate overflow: the
 * caller's bounds rule those out), by CPython's own algorithm (Shewchuk's exact partials,
 * then the half-even fix-up across the last two): the correctly rounded sum, the value
 * fsum() returns. -1 when there would be more partials than ``room`` (never, for doubles
 * of sane size: the caller then leaves the answer to Python). */
static int exact_sum(const double *values, Py_ssize_t n, double *out) {
    enum { ROOM = 64 };
    double p[ROOM];
    Py_ssize_t count = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        double x = values[k], y, t, hi, lo, yr;
        Py_ssize_t i = 0;
        for (Py_ssize_t j = 0; j < count; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        count = i;
        if (x != 0.0) {
            if (!isfinite(x) || count >= ROOM) return -1;
            p[count++] = x;
        }
    }
    double hi = 0.0;
    if (count > 0) {
        double x, y, yr, lo = 0.0;
        hi = p[--count];
        while (count > 0) {
            x = hi;
            y = p[--count];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (count > 0 && ((lo < 0.0 && p[count - 1] < 0.0) || (lo > 0.0 && p[count - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    *out = hi;
    return 0;
}

/* Widths beyond this are left to Python: their squares and sums stay far from overflow. */
#define PLAIN_WIDTH 1e150

/* fixed_pitch(glyphs, limit, margin) -> True, False or None: lines.py's Fragment.fixed_pitch
 * (the widths of the glyphs that are not white space; None for fewer than four or a mean
 * not above zero; else spread.spread_below(widths, limit), whose float estimate is worked
 * out here by the same arithmetic: fsum's correctly rounded sums, squares as products
 * (correctly rounded, as the sums are; libm's pow was a quarter of this loop), and sqrt).
 * NotImplemented where the answer is Python's to give: a coordinate not plainly a float, a
 * width not finite or huge, or an estimate within ``margin`` of the limit (spread_below
 * then asks statistics.pstdev). The column search and table finding ask it of many
 * fragments, and in Python its list and sums were a visible share of the analysis. */
static PyObject *fixed_pitch(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs;
    double limit, margin;
    if (!PyArg_ParseTuple(args, "O!dd", &PyList_Type, &glyphs, &limit, &margin)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(glyphs);
    double small[64];
    double *widths = n <= 64 ? small : PyMem_Malloc((size_t)n * sizeof(double));
    if (widths == NULL) return PyErr_NoMemory();
    PyObject *answer = NULL;
    slot_layout layout = {NULL, {0}};
    Py_ssize_t count = 0;
    int plain = 1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs) && plain; i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        Py_INCREF(glyph);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        PyObject *character = field_of(glyph, &layout, F_CHAR);
        int space = character == NULL ? -1 : PyUnicode_Check(character) ? is_space(character) : -2;
        Py_XDECREF(character);
        PyObject *x0 = NULL, *x1 = NULL;
        if (space == 0) {
            x1 = field_of(glyph, &layout, F_X1);
            x0 = x1 == NULL ? NULL : field_of(glyph, &layout, F_X0);
            if (x0 == NULL) {
                space = -1;
            } else if (!PyFloat_CheckExact(x0) || !PyFloat_CheckExact(x1) || count >= n) {
                plain = 0;
            } else {
                double width = PyFloat_AS_DOUBLE(x1) - PyFloat_AS_DOUBLE(x0);
                if (!isfinite(width) || fabs(width) > PLAIN_WIDTH) plain = 0;
                widths[count++] = width;
            }
        }
        Py_XDECREF(x0);
        Py_XDECREF(x1);
        Py_DECREF(glyph);
        if (space == -1) {
            if (!left_to_python()) goto done;
            plain = 0;
        }
        if (space == -2) plain = 0; /* (no str: Python raises as it would) */
    }
    if (!plain || PyList_GET_SIZE(glyphs) != n) {
        answer = Py_NewRef(Py_NotImplemented);
        goto done;
    }
    double total, mean, squares;
    if (count < 4) {
        answer = Py_NewRef(Py_None);
        goto done;
    }
    if (exact_sum(widths, count, &total) < 0) {
        answer = Py_NewRef(Py_NotImplemented);
        goto done;
    }
    mean = total / (double)count;
    if (mean <= 0) {
        answer = Py_NewRef(Py_None);
        goto done;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        double deviation = widths[k] - mean;
        widths[k] = deviation * deviation;
    }
    if (exact_sum(widths, count, &squares) < 0) {
        answer = Py_NewRef(Py_NotImplemented);
        goto done;
    }
    double estimate = sqrt(squares / (double)count) / mean;
    if (isfinite(estimate) && estimate < limit * (1 - margin))
        answer = Py_NewRef(Py_True);
    else if (isfinite(estimate) && estimate > limit * (1 + margin))
        answer = Py_NewRef(Py_False);
    else
        answer = Py_NewRef(Py_NotImplemented);
done:
    if (widths != small) PyMem_Free(widths);
    return answer;
}

/* lines.py's lines(), in C: the fragments of a page (or a part of it) grouped by baseline
 * into lines. Asked of every column region and table, it was, after the fragment loop,
 * the largest Python loop of the layout reader. */

/* What lines() reads of one fragment, read once. */
typedef struct {
    PyObject *fragment; /* borrowed: alive in the caller's list */
    double key;         /* the sort key: the middle of its band, negated */
    double band0, band1, x0, y0, x1, y1;
    int rotated;
} line_piece;

/* A line being gathered: its members, as indices into the pieces, in the order they joined. */
typedef struct {
    Py_ssize_t first, last, count;
} line_group;

static int piece_order(const void *a, const void *b) {
    const ranked *x = a, *y = b;
    if (x->value < y->value) return -1;
    if (x->value > y->value) return 1;
    return (x->at > y->at) - (x->at < y->at);
}

DEFINE_MERGE_SORT(sort_pieces, ranked, piece_order)

/* A float attribute's value, 0; 1 when it is no exact float or is NaN (left to Python);
 * -1 with an exception set. */
static int float_attribute(PyObject *obj, PyObject *name, double *out, PyObject **keep) {
    PyObject *value = PyObject_GetAttr(obj, name);
    if (value == NULL) return -1;
    int status = plain_float(value, out) < 0 ? 1 : 0;
    if (keep != NULL && status == 0)
        *keep = value;
    else
        Py_DECREF(value);
    return status;
}

/* Reads what lines() asks of the fragment; 0, 1 (left to Python) or -1 (an error). */
static int piece_of(PyObject *fragment, line_piece *piece) {
    piece->fragment = fragment;
    PyObject *band = PyObject_GetAttr(fragment, name_band);
    if (band == NULL) return -1;
    int status = 0;
    if (!PyTuple_CheckExact(band) || PyTuple_GET_SIZE(band) != 2 ||
        plain_float(PyTuple_GET_ITEM(band, 0), &piece->band0) < 0 ||
        plain_float(PyTuple_GET_ITEM(band, 1), &piece->band1) < 0)
        status = 1;
    Py_DECREF(band);
    if (status) return status;
    /* -sum(band) / 2, as _middle_downwards works it out (the sum starts from int 0). */
    piece->key = -((0.0 + piece->band0) + piece->band1) / 2;
    if (isnan(piece->key)) return 1;
    if ((status = float_attribute(fragment, name_x0, &piece->x0, NULL)) != 0 ||
        (status = float_attribute(fragment, name_y0, &piece->y0, NULL)) != 0 ||
        (status = float_attribute(fragment, name_x1, &piece->x1, NULL)) != 0 ||
        (status = float_attribute(fragment, name_y1, &piece->y1, NULL)) != 0)
        return status;
    PyObject *glyphs = PyObject_GetAttr(fragment, name_glyphs);
    if (glyphs == NULL) return -1;
    if (!PyList_CheckExact(glyphs)) {
        Py_DECREF(glyphs);
        return 1;
    }
    piece->rotated = 0;
    if (PyList_GET_SIZE(glyphs) > 0) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, 0);
        Py_INCREF(glyph);
        PyObject *rotated = PyObject_GetAttr(glyph, name_rotated);
        Py_DECREF(glyph);
        piece->rotated = rotated == NULL ? -1 : PyObject_IsTrue(rotated);
        Py_XDECREF(rotated);
    }
    Py_DECREF(glyphs);
    return piece->rotated < 0 ? -1 : 0;
}

/* _extent: highest top, lowest bottom, tallest height of the group's bands no taller than
 * ``limit`` (max() and min() keeping the first of equal values); 1 when there is none
 * (Python's max() then raises, as it would). */
static int extent_of(const line_piece *pieces, const Py_ssize_t *next, const line_group *group,
                     double limit, double *high, double *low, double *tall) {
    int found = 0;
    for (Py_ssize_t i = group->first; i >= 0; i = next[i]) {
        const line_piece *b = &pieces[i];
        double height = b->band1 - b->band0;
        if (!(height <= limit)) continue;
        if (!found) {
            *high = b->band1;
            *low = b->band0;
            *tall = height;
            found = 1;
            continue;
        }
        if (b->band1 > *high) *high = b->band1;
        if (b->band0 < *low) *low = b->band0;
        if (height > *tall) *tall = height;
    }
    return found ? 0 : 1;
}

static void join_group(line_group *group, Py_ssize_t *next, Py_ssize_t i) {
    next[i] = -1;
    if (group->count++ == 0)
        group->first = i;
    else
        next[group->last] = i;
    group->last = i;
}

/* Whether the error just raised is one the Python twin would raise, or not, on its own
 * terms: cleared, and the work left to it. */
static int left_to_twin(void) {
    if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
        !PyErr_ExceptionMatches(PyExc_TypeError) && !PyErr_ExceptionMatches(PyExc_ValueError))
        return 0;
    PyErr_Clear();
    return 1;
}

/* The RTL letters of lines.py's RTL_LETTER. */
static int rtl_letter(Py_UCS4 ch) {
    return (ch >= 0x0590 && ch <= 0x08FF) || (ch >= 0xFB1D && ch <= 0xFDFF) ||
           (ch >= 0xFE70 && ch <= 0xFEFF);
}

/* The line's members (a list of fragments in joining order, their texts exact strs) read
 * right to left: most of their letters are right-to-left ones. */
static int line_is_rtl(PyObject *members) {
    Py_ssize_t rtl = 0, alpha = 0;
    int ascii = 1;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(members); k++) {
        PyObject *text = PyObject_GetAttr(PyList_GET_ITEM(members, k), name_text);
        if (text == NULL) return -1;
        if (!PyUnicode_CheckExact(text)) {
            Py_DECREF(text);
            return 2;
        }
        if (!PyUnicode_IS_ASCII(text)) ascii = 0;
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        for (Py_ssize_t c = 0; c < PyUnicode_GET_LENGTH(text); c++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, c);
            rtl += rtl_letter(ch);
            alpha += Py_UNICODE_ISALPHA(ch) != 0;
        }
        Py_DECREF(text);
    }
    if (ascii || rtl == 0) return 0;
    return (double)rtl > (double)alpha / 2;
}

/* The members sorted by x0 (stably, as list.sort with a key sorts); NULL with no exception
 * when an x0 is no plain float (left to Python). */
static PyObject *sorted_by_x0(PyObject *members, ranked *work) {
    Py_ssize_t n = PyList_GET_SIZE(members);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *x0 = PyObject_GetAttr(PyList_GET_ITEM(members, k), name_x0);
        if (x0 == NULL) return NULL;
        int plain = plain_float(x0, &work[k].value);
        Py_DECREF(x0);
        if (plain < 0) return NULL;
        work[k].at = k;
        work[k].object = PyList_GET_ITEM(members, k);
    }
    sort_pieces(work, (size_t)n);
    PyObject *out = PyList_New(n);
    if (out == NULL) return NULL;
    for (Py_ssize_t k = 0; k < n; k++) PyList_SET_ITEM(out, k, Py_NewRef(work[k].object));
    return out;
}

/* A fragment's size, box and text, as the merging below reads them, and its space_before
 * and space_after (carried to a merged piece). */
typedef struct {
    PyObject *x0o, *y0o, *x1o, *y1o, *text, *glyphs, *before, *after;
    double size, x0, y0, x1, y1;
} merge_view;

static void merge_view_clear(merge_view *v) {
    Py_CLEAR(v->x0o);
    Py_CLEAR(v->y0o);
    Py_CLEAR(v->x1o);
    Py_CLEAR(v->y1o);
    Py_CLEAR(v->text);
    Py_CLEAR(v->glyphs);
    Py_CLEAR(v->before);
    Py_CLEAR(v->after);
}

/* 0, 1 (a value left to Python) or -1 (an error). */
static int merge_view_of(PyObject *fragment, merge_view *v) {
    int status;
    if ((status = float_attribute(fragment, name_size, &v->size, NULL)) != 0 ||
        (status = float_attribute(fragment, name_x0, &v->x0, &v->x0o)) != 0 ||
        (status = float_attribute(fragment, name_y0, &v->y0, &v->y0o)) != 0 ||
        (status = float_attribute(fragment, name_x1, &v->x1, &v->x1o)) != 0 ||
        (status = float_attribute(fragment, name_y1, &v->y1, &v->y1o)) != 0)
        return status;
    if (!(v->text = PyObject_GetAttr(fragment, name_text))) return -1;
    if (!(v->glyphs = PyObject_GetAttr(fragment, name_glyphs))) return -1;
    if (!(v->before = PyObject_GetAttr(fragment, name_space_before))) return -1;
    if (!(v->after = PyObject_GetAttr(fragment, name_space_after))) return -1;
    return PyUnicode_CheckExact(v->text) && PyList_CheckExact(v->glyphs) ? 0 : 1;
}

/* lines.py's word_goes_on(last, first): ``first``, set right against ``last``, goes on with
 * its word. (Py_UNICODE_ISALNUM is what str.isalnum() asks of each character.) */
static int word_goes_on(Py_UCS4 last, Py_UCS4 first) {
    if (Py_UNICODE_ISALNUM(first))
        return Py_UNICODE_ISALNUM(last) || last == '\'' || last == 0x2019;
    return (first == ',' || first == '.' || first == ';' || first == ':' || first == '!' ||
            first == '?') &&
           Py_UNICODE_ISALNUM(last);
}

/* Whether the piece ``right`` set after ``left`` on a line goes on with its last word: lines.py's
 * abutting(), on the values merged_line reads, and the bands of the two glyphs that meet.
 * 0, 1 or -1 (an error); 2: a glyph's box is no plain float (left to Python). */
static int abutting_of(const merge_view *left, const merge_view *right, double size,
                       double space_gap, double abutting_gap, double same_band) {
    Py_ssize_t left_glyphs = PyList_GET_SIZE(left->glyphs);
    Py_ssize_t left_length = PyUnicode_GET_LENGTH(left->text);
    if (left_glyphs == 0 || PyList_GET_SIZE(right->glyphs) == 0 || left_length == 0 ||
        PyUnicode_GET_LENGTH(right->text) == 0)
        return 0;
    double gap = right->x0 - left->x1;
    if (!(-space_gap * size <= gap && gap <= abutting_gap * size && left->after == Py_False &&
          right->before == Py_False))
        return 0;
    double last_y0, last_y1, first_y0, first_y1;
    PyObject *last = PyList_GET_ITEM(left->glyphs, left_glyphs - 1);
    PyObject *first = PyList_GET_ITEM(right->glyphs, 0);
    int status;
    if ((status = float_attribute(last, name_y0, &last_y0, NULL)) != 0 ||
        (status = float_attribute(last, name_y1, &last_y1, NULL)) != 0 ||
        (status = float_attribute(first, name_y0, &first_y0, NULL)) != 0 ||
        (status = float_attribute(first, name_y1, &first_y1, NULL)) != 0)
        return status < 0 ? -1 : 2;
    return fabs(first_y0 - last_y0) <= same_band * size &&
           fabs(first_y1 - last_y1) <= same_band * size &&
           word_goes_on(PyUnicode_READ_CHAR(left->text, left_length - 1),
                        PyUnicode_READ_CHAR(right->text, 0));
}

/* A fragment's band (lines.py's band()): 0, 1 (no pair of plain floats: left to Python)
 * or -1 (an error). */
static int band_of(PyObject *fragment, double *bottom, double *top) {
    PyObject *band = PyObject_GetAttr(fragment, name_band);
    if (band == NULL) return -1;
    int status = 0;
    if (!PyTuple_CheckExact(band) || PyTuple_GET_SIZE(band) != 2 ||
        plain_float(PyTuple_GET_ITEM(band, 0), bottom) < 0 ||
        plain_float(PyTuple_GET_ITEM(band, 1), top) < 0)
        status = 1;
    Py_DECREF(band);
    return status;
}

/* Whether neighbours about to be merged are kept apart: lines.py's ``stacked(upper, lower)
 * and lines_of_a_column(upper, lower, members)``, the first test here (the same arithmetic)
 * and the second, rarely asked, by calling ``kept_apart``. 0, 1, 2 (left to Python) or -1
 * (an error). */
static int kept_apart_of(PyObject *upper, PyObject *lower, PyObject *members,
                         PyObject *kept_apart) {
    double bottom0, top0, bottom1, top1;
    int status;
    if ((status = band_of(upper, &bottom0, &top0)) != 0 ||
        (status = band_of(lower, &bottom1, &top1)) != 0)
        return status > 0 ? 2 : -1;
    double shared = (top0 < top1 ? top0 : top1) - (bottom0 > bottom1 ? bottom0 : bottom1);
    double height0 = top0 - bottom0, height1 = top1 - bottom1;
    if (!(shared <= 0.5 * (height0 < height1 ? height0 : height1))) return 0;
    PyObject *answer = PyObject_CallFunctionObjArgs(kept_apart, upper, lower, members, NULL);
    if (answer == NULL) return -1;
    status = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    return status;
}

/* lines.py's set_over(upper, lower): ``upper`` over ``lower``, across some of its width,
 * the middle of each band clear of the other's box and the two bands stacked (the
 * arithmetic of kept_apart_of).
 * 0, 1, 2 (left to Python) or -1 (an error). */
static int set_over_of(PyObject *upper, const merge_view *u, PyObject *lower,
                       const merge_view *l) {
    if (!(u->x0 < l->x1 && l->x0 < u->x1)) return 0;
    double bottom0, top0, bottom1, top1;
    int status;
    if ((status = band_of(upper, &bottom0, &top0)) != 0 ||
        (status = band_of(lower, &bottom1, &top1)) != 0)
        return status > 0 ? 2 : -1;
    if (!(bottom0 + top0 > 2 * l->y1 && bottom1 + top1 < 2 * u->y0)) return 0;
    double shared = (top0 < top1 ? top0 : top1) - (bottom0 > bottom1 ? bottom0 : bottom1);
    double height0 = top0 - bottom0, height1 = top1 - bottom1;
    return shared <= 0.5 * (height0 < height1 ? height0 : height1);
}

/* What _in_bands reads of one piece of a run. */
typedef struct {
    PyObject *fragment; /* borrowed: alive in the sorted members */
    double size, band0, band1, x0, y0, x1, y1;
    Py_ssize_t band; /* the band it is read in (-1: none yet) */
} run_piece;

/* lines.py's stacked() of two pieces read already. */
static int pieces_stacked(const run_piece *upper, const run_piece *lower) {
    double top0 = upper->band1, top1 = lower->band1;
    double bottom0 = upper->band0, bottom1 = lower->band0;
    double shared = (top0 < top1 ? top0 : top1) - (bottom0 > bottom1 ? bottom0 : bottom1);
    double height0 = top0 - bottom0, height1 = top1 - bottom1;
    return shared <= 0.5 * (height0 < height1 ? height0 : height1);
}

/* ``order[0:n]`` sorted by ``value`` of each, stably (list.sort with a key). */
static void sort_stably(Py_ssize_t *order, Py_ssize_t n, const run_piece *pieces, int by_x0,
                        ranked *work) {
    for (Py_ssize_t k = 0; k < n; k++) {
        const run_piece *p = &pieces[order[k]];
        work[k] = (ranked){by_x0 ? p->x0 : -((0.0 + p->band0) + p->band1) / 2, k, NULL};
    }
    sort_ranked(work, (size_t)n);
    Py_ssize_t *kept = (Py_ssize_t *)(work + n); /* (room for n indices after the n ranks) */
    for (Py_ssize_t k = 0; k < n; k++) kept[k] = order[work[k].at];
    memcpy(order, kept, (size_t)n * sizeof(Py_ssize_t));
}

/* lines.py's _in_bands: the run of pieces ``sorted[run[0]]``, ``sorted[run[1]]``… merged
 * into ``merged[at]``, made again band by band when they stand in a stack of lines (the
 * same tests on the same values). 0 (made again or left as it is), 1 (a value left to
 * Python) or -1 (an error). */
static int read_in_bands(PyObject *sorted, const Py_ssize_t *run, Py_ssize_t n,
                         PyObject *merged, Py_ssize_t at, double full_size, int rtl,
                         PyObject *fragment_class) {
    run_piece *pieces = PyMem_New(run_piece, n);
    Py_ssize_t *order = PyMem_New(Py_ssize_t, n);
    Py_ssize_t *first_of = PyMem_New(Py_ssize_t, n + 1); /* each band's start in order */
    /* (Ranks for a sort, then the sorted indices: see sort_stably.) */
    ranked *work = PyMem_Malloc((size_t)n * (sizeof(ranked) + sizeof(Py_ssize_t)));
    int status = 0;
    PyObject *glyphs = NULL, *texts = NULL, *text = NULL, *made = NULL;
    PyObject *x0o = NULL, *y0o = NULL, *x1o = NULL, *y1o = NULL, *before = NULL, *after = NULL;
    if (pieces == NULL || order == NULL || first_of == NULL || work == NULL) {
        PyErr_NoMemory();
        status = -1;
        goto done;
    }
    Py_ssize_t full = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        run_piece *p = &pieces[k];
        p->fragment = PyList_GET_ITEM(sorted, run[k]);
        p->band = -1;
        if ((status = float_attribute(p->fragment, name_size, &p->size, NULL)) != 0 ||
            (status = band_of(p->fragment, &p->band0, &p->band1)) != 0 ||
            (status = float_attribute(p->fragment, name_x0, &p->x0, NULL)) != 0 ||
            (status = float_attribute(p->fragment, name_y0, &p->y0, NULL)) != 0 ||
            (status = float_attribute(p->fragment, name_x1, &p->x1, NULL)) != 0 ||
            (status = float_attribute(p->fragment, name_y1, &p->y1, NULL)) != 0)
            goto done;
        if (p->size >= full_size) order[full++] = k;
    }
    if (full < 2) goto done;
    /* The pieces in the line's size top down, a new band below a piece stacked over. */
    sort_stably(order, full, pieces, 0, work);
    Py_ssize_t bands = 1;
    first_of[0] = 0;
    pieces[order[0]].band = 0;
    for (Py_ssize_t k = 1; k < full; k++) {
        if (pieces_stacked(&pieces[order[k - 1]], &pieces[order[k]])) first_of[bands++] = k;
        pieces[order[k]].band = bands - 1;
    }
    first_of[bands] = full;
    if (bands < 2) goto done;
    /* Each band across some of the width of the next, every piece set over every piece of
     * a lower band but for their widths. */
    for (Py_ssize_t b = 0; b + 1 < bands; b++) {
        double left0 = 0, right0 = 0, left1 = 0, right1 = 0;
        for (Py_ssize_t k = first_of[b]; k < first_of[b + 1]; k++) {
            const run_piece *p = &pieces[order[k]];
            if (k == first_of[b] || p->x0 < left0) left0 = p->x0;
            if (k == first_of[b] || p->x1 > right0) right0 = p->x1;
        }
        for (Py_ssize_t k = first_of[b + 1]; k < first_of[b + 2]; k++) {
            const run_piece *p = &pieces[order[k]];
            if (k == first_of[b + 1] || p->x0 < left1) left1 = p->x0;
            if (k == first_of[b + 1] || p->x1 > right1) right1 = p->x1;
        }
        if (!(left0 < right1 && left1 < right0)) goto done;
    }
    for (Py_ssize_t i = 0; i < full; i++) {
        const run_piece *u = &pieces[order[i]];
        for (Py_ssize_t j = first_of[u->band + 1]; j < full; j++) {
            const run_piece *d = &pieces[order[j]];
            if (!(u->band0 + u->band1 > 2 * d->y1 && d->band0 + d->band1 < 2 * u->y0 &&
                  pieces_stacked(u, d)))
                goto done;
        }
    }
    /* A smaller piece in the one band whose boxes reach over the middle of its band. */
    double *reach = PyMem_New(double, 2 * bands);
    if (reach == NULL) {
        PyErr_NoMemory();
        status = -1;
        goto done;
    }
    for (Py_ssize_t b = 0; b < bands; b++) {
        for (Py_ssize_t k = first_of[b]; k < first_of[b + 1]; k++) {
            const run_piece *p = &pieces[order[k]];
            if (k == first_of[b] || p->y0 < reach[2 * b]) reach[2 * b] = p->y0;
            if (k == first_of[b] || p->y1 > reach[2 * b + 1]) reach[2 * b + 1] = p->y1;
        }
    }
    int homeless = 0;
    for (Py_ssize_t k = 0; k < n && !homeless; k++) {
        run_piece *p = &pieces[k];
        if (p->size >= full_size) continue;
        double middle = p->band0 + p->band1;
        Py_ssize_t homes = 0;
        for (Py_ssize_t b = 0; b < bands; b++) {
            if (2 * reach[2 * b] < middle && middle < 2 * reach[2 * b + 1]) {
                homes++;
                p->band = b;
            }
        }
        homeless = homes != 1;
    }
    PyMem_Free(reach);
    if (homeless) goto done;
    /* Band by band, a band's pieces (in the line's size top down, then the smaller in the
     * run's order) left to right (right to left when rtl). */
    Py_ssize_t count = 0;
    for (Py_ssize_t b = 0; b < bands; b++) {
        Py_ssize_t start = count;
        for (Py_ssize_t k = first_of[b]; k < first_of[b + 1]; k++) work[count++].at = order[k];
        for (Py_ssize_t k = 0; k < n; k++)
            if (pieces[k].size < full_size && pieces[k].band == b) work[count++].at = k;
        first_of[b] = start; /* (from here: where the band starts among the read) */
    }
    first_of[bands] = count;
    for (Py_ssize_t k = 0; k < n; k++) order[k] = work[k].at;
    for (Py_ssize_t b = 0; b < bands; b++) {
        Py_ssize_t start = first_of[b], length = first_of[b + 1] - start;
        sort_stably(order + start, length, pieces, 1, work);
        if (rtl)
            for (Py_ssize_t k = 0; k < length / 2; k++) {
                Py_ssize_t swap = order[start + k];
                order[start + k] = order[start + length - 1 - k];
                order[start + length - 1 - k] = swap;
            }
    }
    if (!(glyphs = PyList_New(0)) || !(texts = PyList_New(n))) goto failed;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *piece = pieces[order[k]].fragment;
        PyObject *its = PyObject_GetAttr(piece, name_glyphs);
        if (its == NULL) goto failed;
        Py_ssize_t end = PyList_GET_SIZE(glyphs);
        int extended = PyList_SetSlice(glyphs, end, end, its);
        Py_DECREF(its);
        if (extended < 0) goto failed;
        PyObject *piece_text = PyObject_GetAttr(piece, name_text);
        if (piece_text == NULL) goto failed;
        PyList_SET_ITEM(texts, k, piece_text);
    }
    PyObject *was = PyList_GET_ITEM(merged, at);
    if (!(text = PyUnicode_Join(space_text, texts)) ||
        !(x0o = PyObject_GetAttr(was, name_x0)) || !(y0o = PyObject_GetAttr(was, name_y0)) ||
        !(x1o = PyObject_GetAttr(was, name_x1)) || !(y1o = PyObject_GetAttr(was, name_y1)) ||
        !(before = PyObject_GetAttr(was, name_space_before)) ||
        !(after = PyObject_GetAttr(was, name_space_after)) ||
        !(made = PyObject_CallFunctionObjArgs(fragment_class, glyphs, text, x0o, y0o, x1o, y1o,
                                              before, after, NULL)))
        goto failed;
    PyList_SetItem(merged, at, made); /* (steals made) */
    goto done;
failed:
    status = -1;
done:
    Py_XDECREF(glyphs);
    Py_XDECREF(texts);
    Py_XDECREF(text);
    Py_XDECREF(x0o);
    Py_XDECREF(y0o);
    Py_XDECREF(x1o);
    Py_XDECREF(y1o);
    Py_XDECREF(before);
    Py_XDECREF(after);
    PyMem_Free(pieces);
    PyMem_Free(order);
    PyMem_Free(first_of);
    PyMem_Free(work);
    return status;
}

/* The members of a line of several fragments, left to right (in reading order when
 * ``rtl``), neighbours closer than a fragment gap merged (unless ``kept_apart``: see
 * kept_apart_of; a run of three or more merged read band by band when they stand in a
 * stack: read_in_bands) and words drawn twice on themselves read once: the second half
 * of lines(). NULL with no exception: left to Python. */
static PyObject *merged_line(PyObject *sorted, int rtl, PyObject *fragment_class,
                             PyObject *fragment_fields, double fragment_gap, double overprint, double full_share,
                             PyObject *kept_apart, Py_ssize_t max_merged, int *capped,
                             double space_gap, double abutting_gap, double same_band) {
    PyObject *merged = PyList_New(0);
    if (merged == NULL) return NULL;
    merge_view prev = {0}, f = {0};
    /* The members merged into the last of ``merged`` (indices into ``sorted``): a run of
     * three or more is read band by band once made (read_in_bands). */
    Py_ssize_t *run = PyMem_New(Py_ssize_t, PyList_GET_SIZE(sorted));
    Py_ssize_t run_length = 0;
    if (run == NULL) {
        Py_DECREF(merged);
        PyErr_NoMemory();
        return NULL;
    }
    /* (lines.py's full_size: the largest piece's size times full_share.) */
    double full_size = 0.0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(sorted); k++) {
        double size;
        int status = float_attribute(PyList_GET_ITEM(sorted, k), name_size, &size, NULL);
        if (status != 0) goto left;
        if (k == 0 || size > full_size) full_size = size;
    }
    full_size *= full_share;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(sorted); k++) {
        PyObject *fragment = PyList_GET_ITEM(sorted, k);
        merge_view_clear(&f);
        int status = merge_view_of(fragment, &f);
        if (status != 0) goto left;
        if (PyList_GET_SIZE(merged) > 0) {
            double size = f.size > prev.size ? f.size : prev.size;
            if (size < 1.0) size = 1.0;
            int same = PyUnicode_Compare(f.text, prev.text) == 0;
            if (same && PyErr_Occurred()) goto left;
            double slack = overprint * size;
            if (same && fabs(prev.x0 - f.x0) <= slack && fabs(prev.x1 - f.x1) <= slack &&
                fabs(prev.y0 - f.y0) <= slack && fabs(prev.y1 - f.y1) <= slack)
                continue; /* the same words drawn again on themselves: read once */
            int merge = f.x0 - prev.x1 <= fragment_gap * size &&
                        fabs(prev.size - f.size) < 0.3 * size;
            if (merge && run_length >= max_merged) {
                *capped = 1; /* (lines.py notes the limit reached: see MAX_MERGED_PIECES) */
                merge = 0;
            }
            if (merge) {
                int apart = kept_apart_of(PyList_GET_ITEM(merged, PyList_GET_SIZE(merged) - 1),
                                          fragment, sorted, kept_apart);
                if (apart < 0) goto fail;
                if (apart > 1) goto left;
                merge = !apart;
            }
            if (merge) {
                /* (Read top first when one stands over the other: see lines.py.) */
                PyObject *last = PyList_GET_ITEM(merged, PyList_GET_SIZE(merged) - 1);
                int full = prev.size >= full_size && f.size >= full_size;
                int f_over = full ? set_over_of(fragment, &f, last, &prev) : 0;
                int prev_over = full && f_over == 0 ? set_over_of(last, &prev, fragment, &f) : 0;
                if (f_over < 0 || prev_over < 0) goto fail;
                if (f_over > 1 || prev_over > 1) goto left;
                int f_first = f_over || (!prev_over && rtl);
                merge_view *first = f_first ? &f : &prev, *second = f_first ? &prev : &f;
                /* (One word's pieces, joined with no space.) */
                int abut = !f_over && !prev_over && !rtl
                               ? abutting_of(&prev, &f, size, space_gap, abutting_gap, same_band)
                               : 0;
                if (abut < 0) goto fail;
                if (abut > 1) goto left;
                PyObject *joined = abut ? PyUnicode_Concat(first->text, second->text)
                                        : PyUnicode_FromFormat("%U %U", first->text, second->text);
                PyObject *glyphs = joined == NULL ? NULL
                                                  : PySequence_Concat(first->glyphs, second->glyphs);
                PyObject *y0o = f.y0 < prev.y0 ? f.y0o : prev.y0o;
                PyObject *x1o = f.x1 > prev.x1 ? f.x1o : prev.x1o;
                PyObject *y1o = f.y1 > prev.y1 ? f.y1o : prev.y1o;
                PyObject *values[8] = {glyphs, joined, prev.x0o, y0o, x1o, y1o, prev.before,
                                       f.after};
                PyObject *made = glyphs == NULL ? NULL
                                 : plain_instance(fragment_class, fragment_fields, values, 8);
                Py_XDECREF(joined);
                Py_XDECREF(glyphs);
                if (made == NULL) goto fail;
                Py_ssize_t at = PyList_GET_SIZE(merged) - 1;
                PyList_SetItem(merged, at, made); /* (steals made) */
                merge_view_clear(&prev);
                status = merge_view_of(made, &prev);
                if (status != 0) goto left;
                run[run_length++] = k;
                continue;
            }
        }
        if (run_length > 2) {
            status = read_in_bands(sorted, run, run_length, merged, PyList_GET_SIZE(merged) - 1,
                                   full_size, rtl, fragment_class);
            if (status < 0) goto fail;
            if (status > 0) goto left;
        }
        if (PyList_Append(merged, fragment) < 0) goto fail;
        run[0] = k;
        run_length = 1;
        merge_view_clear(&prev);
        prev = f;
        f = (merge_view){0};
    }
    if (run_length > 2) {
        int status = read_in_bands(sorted, run, run_length, merged, PyList_GET_SIZE(merged) - 1,
                                   full_size, rtl, fragment_class);
        if (status < 0) goto fail;
        if (status > 0) goto left;
    }
    PyMem_Free(run);
    merge_view_clear(&prev);
    merge_view_clear(&f);
    if (rtl && PyList_Reverse(merged) < 0) {
        Py_DECREF(merged);
        return NULL;
    }
    return merged;
left:
    PyMem_Free(run);
    merge_view_clear(&prev);
    merge_view_clear(&f);
    Py_DECREF(merged);
    if (PyErr_Occurred()) left_to_twin(); /* (another error stays set: the caller raises it) */
    return NULL;
fail:
    PyMem_Free(run);
    merge_view_clear(&prev);
    merge_view_clear(&f);
    Py_DECREF(merged);
    return NULL;
}

/* group_lines(fragments, line_class, fragment_class, taller_than_line, fragment_gap,
 * overprint, full_size, kept_apart, line_fields, fragment_fields, max_merged, on_capped,
 * space_gap, abutting_gap, same_band) -> the
 * lines lines.py's lines() makes of ``fragments`` (new Line objects; the fragments
 * themselves, or merged ones made as it makes them; ``on_capped`` called, with no arguments,
 * when a fragment was not merged for ``max_merged`` alone), or None where it leaves the
 * work to Python: a band, box or size that is no plain float, a NaN to sort by, glyphs or
 * text of another type. The same tests in the same order on the same values (see lines()
 * for why each is made); a test compares the two. */
static PyObject *group_lines(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *frags, *line_class, *fragment_class, *kept_apart;
    PyObject *line_fields = NULL, *fragment_fields = NULL;
    double taller, fragment_gap, overprint, full_share;
    /* (Without the last three no pieces are joined as one word's: the twin's test passes
     * them as lines() does.) */
    double space_gap = 0.0, abutting_gap = -1.0, same_band = 0.0;
    PyObject *on_capped = Py_None;
    Py_ssize_t max_merged = PY_SSIZE_T_MAX;
    int capped = 0;
    if (!PyArg_ParseTuple(args, "O!OOddddO|OOnOddd", &PyList_Type, &frags, &line_class,
                          &fragment_class, &taller, &fragment_gap, &overprint, &full_share,
                          &kept_apart, &line_fields, &fragment_fields, &max_merged,
                          &on_capped, &space_gap, &abutting_gap, &same_band))
        return NULL;
    frags = PyList_GetSlice(frags, 0, PyList_GET_SIZE(frags)); /* (held: a copy) */
    if (frags == NULL) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(frags);
    PyObject *out = NULL, *result = NULL;
    line_piece *pieces = PyMem_Calloc((size_t)n + 1, sizeof(line_piece));
    ranked *work = PyMem_Calloc((size_t)n + 1, sizeof(ranked));
    Py_ssize_t *next = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    Py_ssize_t *enclosing = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    Py_ssize_t *enclosing_group = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    line_group *groups = PyMem_Calloc((size_t)n + 1, sizeof(line_group));
    if (!pieces || !work || !next || !enclosing || !enclosing_group || !groups) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        int status = piece_of(PyList_GET_ITEM(frags, i), &pieces[i]);
        if (status < 0 && left_to_twin()) status = 1;
        if (status < 0) goto done;
        if (status > 0) goto left;
        work[i] = (ranked){pieces[i].key, i, NULL};
    }
    sort_pieces(work, (size_t)n);

    Py_ssize_t group_count = 0, enclosing_count = 0;
    double high = 0.0, low = 0.0, tall = 0.0, short_ = 0.0;
    int rotated_group = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t i = work[k].at;
        const line_piece *f = &pieces[i];
        double fy0 = f->band0, fy1 = f->band1, height = fy1 - fy0;
        if (group_count > 0 && !f->rotated && !rotated_group) {
            double top = fy1 < high ? fy1 : high;
            double bottom = fy0 > low ? fy0 : low;
            if (top - bottom > 0.5 * (tall < height ? tall : height)) {
                Py_ssize_t g = group_count - 1;
                join_group(&groups[g], next, i);
                if (f->y1 - f->y0 > taller * (short_ < height ? short_ : height)) {
                    enclosing[enclosing_count] = i;
                    enclosing_group[enclosing_count++] = g;
                }
                if (height > taller * short_) continue; /* rides on the line */
                if (height * taller < tall) {
                    short_ = height;
                    if (extent_of(pieces, next, &groups[g], taller * short_, &high, &low,
                                  &tall))
                        goto left;
                    continue;
                }
                if (height < short_) short_ = height;
                if (fy1 > high) high = fy1;
                if (fy0 < low) low = fy0;
                if (height > tall) tall = height;
                continue;
            }
        }
        if (enclosing_count > 0 && !f->rotated) {
            Py_ssize_t kept = 0, host = -1;
            for (Py_ssize_t e = 0; e < enclosing_count; e++) {
                if (pieces[enclosing[e]].y0 < fy1) {
                    enclosing[kept] = enclosing[e];
                    enclosing_group[kept++] = enclosing_group[e];
                }
            }
            enclosing_count = kept;
            for (Py_ssize_t e = 0; e < enclosing_count && host < 0; e++) {
                const line_piece *box = &pieces[enclosing[e]];
                double a = box->x0 - f->x1, b = f->x0 - box->x1;
                double gap = b > a ? b : a;
                double upper = box->y1 < fy1 ? box->y1 : fy1;
                double lower = box->y0 > fy0 ? box->y0 : fy0;
                double inside = upper - lower;
                if (gap <= height && inside >= 0.9 * height && 0.9 * height > 0)
                    host = enclosing_group[e];
            }
            if (host >= 0) {
                join_group(&groups[host], next, i);
                continue;
            }
        }
        groups[group_count] = (line_group){-1, -1, 0};
        join_group(&groups[group_count++], next, i);
        high = fy1;
        low = fy0;
        tall = height;
        short_ = height;
        if (!f->rotated && f->y1 - f->y0 > taller * height) {
            enclosing[enclosing_count] = i;
            enclosing_group[enclosing_count++] = group_count - 1;
        }
        rotated_group = f->rotated;
    }

    out = PyList_New(0);
    if (out == NULL) goto done;
    for (Py_ssize_t g = 0; g < group_count; g++) {
        PyObject *members = PyList_New(groups[g].count);
        if (members == NULL) goto done;
        Py_ssize_t k = 0;
        for (Py_ssize_t i = groups[g].first; i >= 0; i = next[i])
            PyList_SET_ITEM(members, k++, Py_NewRef(pieces[i].fragment));
        PyObject *members_of_line = members;
        if (groups[g].count > 1) {
            int rtl = line_is_rtl(members);
            PyObject *sorted = rtl < 0 || rtl > 1 ? NULL : sorted_by_x0(members, work);
            Py_DECREF(members);
            members_of_line = sorted == NULL ? NULL
                              : merged_line(sorted, rtl, fragment_class, fragment_fields,
                                            fragment_gap, overprint,
                                            full_share, kept_apart, max_merged, &capped,
                                            space_gap, abutting_gap, same_band);
            Py_XDECREF(sorted);
            if (members_of_line == NULL) {
                if (PyErr_Occurred() && !left_to_twin()) goto done;
                goto left;
            }
        }
        PyObject *line = plain_instance(line_class, line_fields, &members_of_line, 1);
        Py_DECREF(members_of_line);
        if (line == NULL) goto done;
        int status = PyList_Append(out, line);
        Py_DECREF(line);
        if (status < 0) goto done;
    }
    if (capped && on_capped != Py_None) {
        PyObject *noted = PyObject_CallNoArgs(on_capped);
        if (noted == NULL) goto done;
        Py_DECREF(noted);
    }
    result = Py_NewRef(out);
    goto done;
left:
    result = Py_NewRef(Py_None);
done:
    Py_XDECREF(out);
    Py_DECREF(frags);
    PyMem_Free(pieces);
    PyMem_Free(work);
    PyMem_Free(next);
    PyMem_Free(enclosing);
    PyMem_Free(enclosing_group);
    PyMem_Free(groups);
    return result;
}

/* Whether lines.py's fragments() may leave ``text`` as it is: clean(text) is the text itself
 * and no run of letters set apart by spaces (_SPACED_LETTERS) is in it. Answered only for
 * text of printable ASCII characters (0 for any other: Python looks). clean() returns such a
 * text unchanged unless it has a doubled, leading or trailing space (its other changes are
 * of characters outside printable ASCII); _SPACED_LETTERS, on such a text with single
 * spaces, finds four letters at least, each standing alone between spaces or the text's
 * ends (in ASCII, [^\W\d_] is a letter). */
static int plain_text(PyObject *text) {
    if (!PyUnicode_IS_ASCII(text)) return 0;
    const unsigned char *chars = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n > 0 && (chars[0] == ' ' || chars[n - 1] == ' ')) return 0;
    int alone = 0;           /* letters standing alone in a row so far */
    Py_ssize_t token = 0;    /* where the current space-separated token began */
    for (Py_ssize_t k = 0; k <= n; k++) {
        if (k < n) {
            unsigned char ch = chars[k];
            if (ch < 0x20 || ch > 0x7E) return 0;
            if (ch != ' ') continue;
            if (k + 1 < n && chars[k + 1] == ' ') return 0;
        }
        /* A token ends at k (a space or the text's end). */
        int letter = 0;
        if (k - token == 1) {
            unsigned char first = chars[token];
            letter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
        }
        alone = letter ? alone + 1 : 0;
        if (alone >= 4) return 0;
        token = k + 1;
    }
    return 1;
}

/* unplain_texts(fragments) -> the indices of the fragments whose text lines.py's
 * fragments() must look at (see plain_text): the rest keep their text as it is. */
static PyObject *unplain_texts(PyObject *self, PyObject *frags) {
    (void)self;
    if (!PyList_Check(frags)) {
        PyErr_SetString(PyExc_TypeError, "fragments must be a list");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(frags); i++) {
        PyObject *text = PyObject_GetAttr(PyList_GET_ITEM(frags, i), name_text);
        if (text == NULL) goto fail;
        int plain = PyUnicode_CheckExact(text) && plain_text(text);
        Py_DECREF(text);
        if (plain) continue;
        PyObject *index = PyLong_FromSsize_t(i);
        if (index == NULL || PyList_Append(out, index) < 0) {
            Py_XDECREF(index);
            goto fail;
        }
        Py_DECREF(index);
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* --- the fragments lines.py's _close_cells may change (cell_candidates) ---------------- */

/* What the fragments of code set in character cells have, and prose nearly never: a text
 * with a word of one or two letters (lines.py's _SHORT_WORD picks out those fragments) is
 * given to _close_cells, which changes it only when cells.cell_spaces finds either a grid
 * (cells.cell_grid_possible first: every step from one glyph's start to the next is a cell
 * wide at least) or a word spread over its cells (cells._spread_breaks: three letters at
 * least of one object, apart by gaps that show, around a letter standing alone in the
 * text). cell_candidates drops the fragments that can have neither; it decides nothing
 * else, so what it keeps is read by the Python code as before, and what it drops that code
 * would have left as it was. Each test below is implied by the Python one it stands for
 * (the reasoning is given at each), so no fragment _close_cells changes is dropped; a test
 * holds the texts to those of _close_cells given every fragment. Anything unusual (a field
 * of another type, a NaN size) keeps the fragment: Python looks. */

static PyObject *zero;

/* str.isalnum() of a glyph's character (one character nearly always). */
static int is_alnum(PyObject *chr) {
    if (PyUnicode_Check(chr) && PyUnicode_GET_LENGTH(chr) == 1)
        return Py_UNICODE_ISALNUM(PyUnicode_READ_CHAR(chr, 0));
    PyObject *answer = PyObject_CallMethod(chr, "isalnum", NULL);
    if (answer == NULL) return -1;
    int result = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    return result;
}

/* A glyph's field as an exact float's value: 1, or 0 when it is no exact float (the
 * fragment is then kept), -1 with an exception. */
static int exact_float_field(PyObject *glyph, const slot_layout *layout, int field,
                             double *out) {
    PyObject *value = field_of(glyph, layout, field);
    if (value == NULL) return -1;
    int ok = PyFloat_CheckExact(value);
    if (ok) *out = PyFloat_AS_DOUBLE(value);
    Py_DECREF(value);
    return ok;
}

/* cells._one_drawing(a, b): 1, 0, or -1 with an exception; ``keep`` set (and 0 returned)
 * when a size is no exact float. */
static int one_drawing(PyObject *a, PyObject *b, const slot_layout *layout, int *keep) {
    PyObject *obj_a = field_of(a, layout, F_OBJ);
    if (obj_a == NULL) return -1;
    PyObject *obj_b = field_of(b, layout, F_OBJ);
    if (obj_b == NULL) {
        Py_DECREF(obj_a);
        return -1;
    }
    int answer = PyObject_RichCompareBool(obj_a, obj_b, Py_EQ);
    if (answer == 1) answer = PyObject_RichCompareBool(obj_a, zero, Py_GE);
    Py_DECREF(obj_a);
    Py_DECREF(obj_b);
    if (answer != 1) return answer;
    PyObject *font_a = field_of(a, layout, F_FONT);
    if (font_a == NULL) return -1;
    PyObject *font_b = field_of(b, layout, F_FONT);
    if (font_b == NULL) {
        Py_DECREF(font_a);
        return -1;
    }
    answer = PyObject_RichCompareBool(font_a, font_b, Py_EQ);
    Py_DECREF(font_a);
    Py_DECREF(font_b);
    if (answer != 1) return answer;
    PyObject *rotated = field_of(a, layout, F_ROTATED);
    if (rotated == NULL) return -1;
    answer = PyObject_IsTrue(rotated);
    Py_DECREF(rotated);
    if (answer != 0) return answer < 0 ? -1 : 0;
    for (int k = 0; k < 2; k++) {
        PyObject *chr = field_of(k ? b : a, layout, F_CHAR);
        if (chr == NULL) return -1;
        answer = is_alnum(chr);
        Py_DECREF(chr);
        if (answer != 1) return answer;
    }
    double size_a, size_b;
    int status = exact_float_field(a, layout, F_SIZE, &size_a);
    if (status == 1) status = exact_float_field(b, layout, F_SIZE, &size_b);
    if (status <= 0) {
        if (status == 0) *keep = 1;
        return status < 0 ? -1 : 0;
    }
    return fabs(size_a - size_b) <= 0.02 * (1.0 > size_a ? 1.0 : size_a);
}

/* The gap from glyph ``a`` to ``b`` (b.x0 - a.x1): 1, or 0 with ``keep`` set when a field
 * is no exact float, -1 with an exception. */
static int gap_between(PyObject *a, PyObject *b, const slot_layout *layout, double *gap,
                       int *keep) {
    double x1, x0;
    int status = exact_float_field(a, layout, F_X1, &x1);
    if (status == 1) status = exact_float_field(b, layout, F_X0, &x0);
    if (status == 1) *gap = x0 - x1;
    if (status == 0) *keep = 1;
    return status;
}

/* Whether cells._spread_breaks, looking at the letter ``k`` standing alone, finds a run
 * _close_run may mark: the same walk (left, then right, over neighbours of one drawing,
 * given up at a gap narrower than SPREAD_MIN_GAP * max(size, 1.0) of k's size), the run
 * then holding two gaps at least (the least _close_run marks; whether they are even is
 * left to Python). 1, 0, or -1 with an exception; ``keep`` set when a field is unusual. */
static int spread_run_at(PyObject *glyphs, Py_ssize_t k, const slot_layout *layout,
                         double spread_min_gap, int *keep) {
    Py_ssize_t n = PyList_GET_SIZE(glyphs);
    if (k >= n) {
        *keep = 1; /* (the text does not map onto the glyphs: Python skips it; kept) */
        return 0;
    }
    double size;
    int status = exact_float_field(PyList_GET_ITEM(glyphs, k), layout, F_SIZE, &size);
    if (status <= 0) {
        if (status == 0) *keep = 1;
        return status < 0 ? -1 : 0;
    }
    double least = spread_min_gap * (1.0 > size ? 1.0 : size);
    Py_ssize_t lo = k, hi = k;
    while (lo > 0) {
        PyObject *a = PyList_GET_ITEM(glyphs, lo - 1), *b = PyList_GET_ITEM(glyphs, lo);
        int same = one_drawing(a, b, layout, keep);
        if (same < 0 || *keep) return same < 0 ? -1 : 0;
        if (!same) break;
        double gap;
        status = gap_between(a, b, layout, &gap, keep);
        if (status <= 0) return status;
        if (gap < least) return 0;
        lo--;
    }
    while (hi + 1 < n) {
        PyObject *a = PyList_GET_ITEM(glyphs, hi), *b = PyList_GET_ITEM(glyphs, hi + 1);
        int same = one_drawing(a, b, layout, keep);
        if (same < 0 || *keep) return same < 0 ? -1 : 0;
        if (!same) break;
        double gap;
        status = gap_between(a, b, layout, &gap, keep);
        if (status <= 0) return status;
        if (gap < least) return 0;
        hi++;
    }
    return hi - lo >= 2;
}

/* Whether _close_cells may change ``fragment``: 1, 0, or -1 with an exception. */
static int may_close(PyObject *fragment, slot_layout *layout, double grid_min_cell,
                     double grid_slack, double spread_min_gap) {
    PyObject *glyphs = PyObject_GetAttr(fragment, name_glyphs);
    if (glyphs == NULL) return -1;
    PyObject *text = PyObject_GetAttr(fragment, name_text);
    if (text == NULL) {
        Py_DECREF(glyphs);
        return -1;
    }
    int result = 1;
    if (!PyList_CheckExact(glyphs) || !PyUnicode_CheckExact(text)) goto done;
    Py_ssize_t n = PyList_GET_SIZE(glyphs);
    result = 0;
    if (n < 2) goto done; /* (cells.cell_spaces: None) */
    PyObject *first = PyList_GET_ITEM(glyphs, 0);
    if (Py_TYPE(first) != layout->type) layout_of(Py_TYPE(first), layout);
    /* The grid: cells.cell_grid_possible, the same arithmetic on the same doubles (its
     * least step is min(steps), the steps being finite). A step that is NaN or infinite
     * keeps the fragment (Python's min() and round() decide or raise on it), and so does a
     * NaN size. (max() as Python's: the first unless the second is greater.) */
    double size;
    int status = exact_float_field(first, layout, F_SIZE, &size);
    if (status <= 0) {
        result = status < 0 ? -1 : 1;
        goto done;
    }
    double smallest = grid_min_cell * (1.0 > size ? 1.0 : size);
    double *steps = PyMem_Malloc((size_t)(n - 1) * sizeof(double));
    if (steps == NULL) {
        PyErr_NoMemory();
        result = -1;
        goto done;
    }
    double before = 0, least = 0;
    int odd = isnan(smallest);
    for (Py_ssize_t i = 0; i < n; i++) {
        double x0;
        status = exact_float_field(PyList_GET_ITEM(glyphs, i), layout, F_X0, &x0);
        if (status <= 0) {
            PyMem_Free(steps);
            result = status < 0 ? -1 : 1;
            goto done;
        }
        if (i > 0) {
            double step = steps[i - 1] = x0 - before;
            odd |= !isfinite(step);
            if (i == 1 || step < least) least = step;
        }
        before = x0;
    }
    int grid = least >= smallest;
    for (Py_ssize_t i = 0; i + 1 < n && grid && !odd; i++) {
        double step = steps[i];
        grid = fabs(step - nearbyint(step / least) * least) <= grid_slack * least;
    }
    PyMem_Free(steps);
    if (odd || grid) {
        result = 1;
        goto done;
    }
    /* A spread word: _spread_breaks, for each letter standing alone in the text
     * (_single_glyphs: its index among the text's characters other than spaces), and only
     * with three glyphs at least (cell_spaces). Every single is looked at, where Python
     * skips those in a run or drawing already looked at: the same run, or a drawing given
     * up for a narrow gap (looked at again with a size of its own: a fragment may be kept
     * that Python leaves as it was, never the other way). */
    if (n < 3) goto done;
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t token = 0, letters = 0;
    int keep = 0;
    for (Py_ssize_t j = 0; j <= length; j++) {
        if (j < length && PyUnicode_READ(kind, data, j) != ' ') continue;
        if (j - token == 1 && Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, token))) {
            int run = spread_run_at(glyphs, letters, layout, spread_min_gap, &keep);
            if (run < 0 || run || keep) {
                result = run < 0 ? -1 : 1;
                goto done;
            }
        }
        letters += j - token;
        token = j + 1;
    }
done:
    Py_DECREF(glyphs);
    Py_DECREF(text);
    return result;
}

/* cell_candidates(fragments, grid_min_cell, grid_slack, spread_min_gap) -> the fragments
 * _close_cells
 * may change, in their order (see above). */
static PyObject *cell_candidates(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *frags;
    double grid_min_cell, grid_slack, spread_min_gap;
    if (!PyArg_ParseTuple(args, "O!ddd", &PyList_Type, &frags, &grid_min_cell, &grid_slack,
                          &spread_min_gap))
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    slot_layout layout;
    layout_of(&PyBaseObject_Type, &layout);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(frags); i++) {
        PyObject *fragment = PyList_GET_ITEM(frags, i);
        int may = may_close(fragment, &layout, grid_min_cell, grid_slack, spread_min_gap);
        if (may < 0 || (may && PyList_Append(out, fragment) < 0)) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

/* all_inside(glyphs, left, bottom, right, top) -> True, False or NotImplemented: off_page.py's
 * first pass, ``all(g.x0 <= right and g.x1 >= left and g.y0 <= top and g.y1 >= bottom for g
 * in glyphs)``, asked of every page (every glyph of a document passes through it). The same
 * comparisons in the same order, stopping at the same glyph; a coordinate that is not a
 * plain float (or a bound that is not) is left to Python (NotImplemented). */
static PyObject *all_inside(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *bounds[4];
    if (!PyArg_ParseTuple(args, "O!OOOO", &PyList_Type, &glyphs, &bounds[0], &bounds[1],
                          &bounds[2], &bounds[3]))
        return NULL;
    double limit[4]; /* left, bottom, right, top */
    for (int k = 0; k < 4; k++) {
        if (!PyFloat_CheckExact(bounds[k])) Py_RETURN_NOTIMPLEMENTED;
        limit[k] = PyFloat_AS_DOUBLE(bounds[k]);
    }
    /* (Which field is held against which bound, in the order the Python test asks them.) */
    static const int fields[4] = {F_X0, F_X1, F_Y0, F_Y1};
    static const int against[4] = {2, 0, 3, 1};
    slot_layout layout = {NULL, {0}};
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs); i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        for (int k = 0; k < 4; k++) {
            PyObject *value = field_of(glyph, &layout, fields[k]);
            if (value == NULL) return NULL;
            if (!PyFloat_CheckExact(value)) {
                Py_DECREF(value);
                Py_RETURN_NOTIMPLEMENTED;
            }
            double v = PyFloat_AS_DOUBLE(value);
            Py_DECREF(value);
            /* x0 <= right, x1 >= left, y0 <= top, y1 >= bottom (false for a NaN, as in
             * Python) */
            int holds = k % 2 == 0 ? v <= limit[against[k]] : v >= limit[against[k]];
            if (!holds) Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

/* chars_among(glyphs, chars, first_only) -> True, False or NotImplemented: whether a glyph's
 * character holds one of the characters of ``chars`` (every character of each glyph's, or only
 * its first with ``first_only``): accents.py's ``_ANY_ACCENT.search("".join([g.char for g in
 * glyphs]))`` and ``_MARK.search("".join([g.char[:1] for g in glyphs]))`` without the joined
 * string. Why C: every glyph of every page is looked at for an accent drawn apart, and nearly
 * every page has none. A glyph whose character is no str, or ``chars`` with more than
 * CHARS_AMONG_MAX characters beyond ASCII, is left to Python (NotImplemented). */
#define CHARS_AMONG_MAX 256

static int ucs4_ascending(const void *a, const void *b) {
    Py_UCS4 x = *(const Py_UCS4 *)a, y = *(const Py_UCS4 *)b;
    return (x > y) - (x < y);
}

/* The first of ``glyphs`` from ``start`` on whose character (or its first, with
 * ``first_only``) holds one of the characters of ``chars``: its index, the list's length when
 * none does, -1 with an exception set, or -2 where the answer is left to Python (see
 * chars_among). */
static Py_ssize_t first_among(PyObject *glyphs, PyObject *chars, int first_only,
                              Py_ssize_t start) {
    /* ASCII characters by a bit each; the others sorted, for a binary search. */
    uint64_t ascii[2] = {0, 0};
    Py_UCS4 wide[CHARS_AMONG_MAX];
    Py_ssize_t wide_count = 0;
    for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(chars); j++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(chars, j);
        if (ch < 128) {
            ascii[ch >> 6] |= (uint64_t)1 << (ch & 63);
        } else {
            if (wide_count == CHARS_AMONG_MAX) return -2;
            wide[wide_count++] = ch;
        }
    }
    /* Sorted only when not already: the callers' sets are mostly written in ascending order
     * (accents.py's 112 combining marks, asked of every block's fragments beyond ASCII), and
     * sorting them again each call cost more than the glyphs looked at. */
    for (Py_ssize_t j = 1; j < wide_count; j++) {
        if (wide[j - 1] > wide[j]) {
            qsort(wide, (size_t)wide_count, sizeof(Py_UCS4), ucs4_ascending);
            break;
        }
    }
    Py_UCS4 lowest = wide_count ? wide[0] : 0, highest = wide_count ? wide[wide_count - 1] : 0;
    slot_layout layout = {NULL, {0}};
    Py_ssize_t i = start < 0 ? 0 : start;
    for (; i < PyList_GET_SIZE(glyphs); i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        PyObject *character = field_of(glyph, &layout, F_CHAR);
        if (character == NULL) return -1;
        if (!PyUnicode_Check(character)) {
            Py_DECREF(character);
            return -2;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(character);
        if (first_only && length > 1) length = 1;
        int kind = PyUnicode_KIND(character);
        const void *data = PyUnicode_DATA(character);
        int found = 0;
        for (Py_ssize_t j = 0; j < length && !found; j++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, j);
            if (ch < 128) {
                found = (ascii[ch >> 6] >> (ch & 63)) & 1;
            } else if (wide_count && ch >= lowest && ch <= highest) {
                Py_ssize_t lo = 0, hi = wide_count - 1;
                while (lo <= hi && !found) {
                    Py_ssize_t mid = lo + (hi - lo) / 2;
                    if (wide[mid] == ch) found = 1;
                    else if (wide[mid] < ch) lo = mid + 1;
                    else hi = mid - 1;
                }
            }
        }
        Py_DECREF(character);
        if (found) return i;
    }
    return i;
}

static PyObject *chars_among(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *chars;
    int first_only;
    if (!PyArg_ParseTuple(args, "O!Up", &PyList_Type, &glyphs, &chars, &first_only)) return NULL;
    Py_ssize_t at = first_among(glyphs, chars, first_only, 0);
    if (at == -1) return NULL;
    if (at == -2) Py_RETURN_NOTIMPLEMENTED;
    return PyBool_FromLong(at < PyList_GET_SIZE(glyphs));
}

/* index_among(glyphs, chars, start) -> int or NotImplemented: the index of the first glyph
 * from ``start`` on whose character holds one of the characters of ``chars`` (the list's
 * length when none does), as chars_among looks (every character of each glyph's). Why C:
 * accents.py's join_accents walks a page holding an accent glyph by glyph, and all but a few
 * of its glyphs are no accent. */
static PyObject *index_among(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *chars;
    Py_ssize_t start;
    if (!PyArg_ParseTuple(args, "O!Un", &PyList_Type, &glyphs, &chars, &start)) return NULL;
    Py_ssize_t at = first_among(glyphs, chars, 0, start);
    if (at == -1) return NULL;
    if (at == -2) Py_RETURN_NOTIMPLEMENTED;
    return PyLong_FromSsize_t(at);
}

/* by_bottom(glyphs) -> (glyphs sorted by y0, their y0s, the largest size) or NotImplemented:
 * drawn_underscores._GlyphsNear's index of a page's glyphs: ``sorted(glyphs, key=y0)`` (stable:
 * equal bottoms in the list's order), the sorted glyphs' bottoms (the glyphs' own floats), and
 * ``max(g.size for g in glyphs)`` (the first of equal sizes). Why C: built for every page with
 * a short rule, the three passes read a field of every glyph by its name. NotImplemented (the
 * Python twin answers) for an empty list, a field that is no float, or a NaN (which sorted()
 * orders by where it stands). */
static PyObject *by_bottom(PyObject *self, PyObject *glyphs) {
    (void)self;
    if (!PyList_Check(glyphs)) {
        PyErr_SetString(PyExc_TypeError, "by_bottom(glyphs): a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(glyphs);
    if (n == 0) Py_RETURN_NOTIMPLEMENTED;
    ranked *work = PyMem_Malloc((size_t)n * sizeof(ranked));
    if (work == NULL) return PyErr_NoMemory();
    PyObject *held = PyList_New(n); /* (the glyphs, held while their fields are read) */
    PyObject *largest = NULL, *out = NULL;
    double most = 0.0;
    slot_layout layout = {NULL, {0}};
    if (held == NULL) goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        PyList_SET_ITEM(held, i, Py_NewRef(glyph));
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *glyph = PyList_GET_ITEM(held, i);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        PyObject *bottom = field_of(glyph, &layout, F_Y0);
        if (bottom == NULL) goto done;
        double value;
        int plain = plain_float(bottom, &value) == 0;
        Py_DECREF(bottom); /* (the glyph holds it) */
        if (!plain) {
            out = Py_NewRef(Py_NotImplemented);
            goto done;
        }
        work[i] = (ranked){value, i, NULL};
    }
    sort_ranked(work, (size_t)n);
    PyObject *ordered = PyList_New(n), *bottoms = PyList_New(n);
    if (ordered == NULL || bottoms == NULL) {
        Py_XDECREF(ordered);
        Py_XDECREF(bottoms);
        goto done;
    }
    /* (The largest size as max() finds it over the sorted glyphs: the first of equal ones.) */
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *glyph = PyList_GET_ITEM(held, work[k].at);
        PyList_SET_ITEM(ordered, k, Py_NewRef(glyph));
        PyObject *bottom = field_of(glyph, &layout, F_Y0);
        PyObject *size = bottom == NULL ? NULL : field_of(glyph, &layout, F_SIZE);
        double big;
        if (size == NULL || plain_float(size, &big) < 0) {
            Py_XDECREF(bottom);
            Py_DECREF(ordered);
            Py_DECREF(bottoms);
            if (size != NULL) out = Py_NewRef(Py_NotImplemented);
            Py_XDECREF(size);
            goto done;
        }
        PyList_SET_ITEM(bottoms, k, bottom);
        if (largest == NULL || big > most) {
            Py_XSETREF(largest, size);
            most = big;
        } else {
            Py_DECREF(size);
        }
    }
    out = Py_BuildValue("(NNO)", ordered, bottoms, largest);
done:
    Py_XDECREF(largest);
    Py_XDECREF(held);
    PyMem_Free(work);
    return out;
}

/* clip_hidden(glyphs, clips, tolerance, share) -> list, None or NotImplemented: clipped.py's
 * first pass over a page's glyphs. Each glyph whose object has a clip box (``clips``: a dict,
 * object -> (x0, y0, x1, y1)) and lies outside it by more than its tolerance (``share`` of its
 * size, ``tolerance`` at least) is hidden: the list of which are, or None when no glyph hidden
 * is other than a space (take_clipped then takes nothing). The same lookups and comparisons in
 * the same order as take_clipped's loop; a value that is no plain float (a box that is no
 * tuple of four, clips that are no dict) is left to Python (NotImplemented). Why C: asked of
 * every glyph of every page holding a clipped object, which most pages of a PDF made by a
 * layout or a charting program do. */
static PyObject *clip_hidden(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *clips;
    double tolerance, share;
    if (!PyArg_ParseTuple(args, "O!Odd", &PyList_Type, &glyphs, &clips, &tolerance, &share))
        return NULL;
    if (!PyDict_CheckExact(clips)) Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t count = PyList_GET_SIZE(glyphs);
    char *hidden = count ? PyMem_Calloc((size_t)count, 1) : NULL;
    if (count && hidden == NULL) return PyErr_NoMemory();
    PyObject *out = NULL;
    int found = 0, odd = 0;
    slot_layout layout = {NULL, {0}};
    static const int fields[5] = {F_SIZE, F_X0, F_Y0, F_X1, F_Y1};
    for (Py_ssize_t i = 0; i < count && !odd; i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        PyObject *obj = field_of(glyph, &layout, F_OBJ);
        if (obj == NULL) goto done;
        PyObject *clip = PyDict_GetItemWithError(clips, obj); /* borrowed */
        Py_DECREF(obj);
        if (clip == NULL) {
            if (PyErr_Occurred()) goto done;
            continue;
        }
        if (clip == Py_None) continue;
        if (!PyTuple_CheckExact(clip) || PyTuple_GET_SIZE(clip) != 4) {
            odd = 1;
            break;
        }
        double box[4], value[5]; /* clip x0, y0, x1, y1; glyph size, x0, y0, x1, y1 */
        for (int k = 0; k < 4 && !odd; k++) {
            PyObject *item = PyTuple_GET_ITEM(clip, k);
            if (PyFloat_CheckExact(item)) box[k] = PyFloat_AS_DOUBLE(item);
            else odd = 1;
        }
        for (int k = 0; k < 5 && !odd; k++) {
            PyObject *item = field_of(glyph, &layout, fields[k]);
            if (item == NULL) goto done;
            if (PyFloat_CheckExact(item)) value[k] = PyFloat_AS_DOUBLE(item);
            else odd = 1;
            Py_DECREF(item);
        }
        if (odd) break;
        double t = share * value[0];
        if (!(t > tolerance)) t = tolerance;
        /* g.x1 < clip[0] - t or g.x0 > clip[2] + t or g.y1 < clip[1] - t or g.y0 > clip[3] + t */
        if (value[3] < box[0] - t || value[1] > box[2] + t || value[4] < box[1] - t ||
            value[2] > box[3] + t) {
            hidden[i] = 1;
            if (!found) {
                PyObject *character = field_of(glyph, &layout, F_CHAR);
                if (character == NULL) goto done;
                int space = is_space(character);
                Py_DECREF(character);
                if (space < 0) goto done;
                found = !space;
            }
        }
    }
    if (odd) {
        out = Py_NewRef(Py_NotImplemented);
    } else if (!found) {
        out = Py_NewRef(Py_None);
    } else {
        out = PyList_New(count);
        if (out != NULL)
            for (Py_ssize_t i = 0; i < count; i++)
                PyList_SET_ITEM(out, i, Py_NewRef(hidden[i] ? Py_True : Py_False));
    }
done:
    PyMem_Free(hidden);
    return out;
}

/* list_labels.py's ink box: the box of the glyphs neither blank (str.isspace()) nor generated
 * by pdfium, as min() and max() over them give it (the first least or greatest coordinate
 * object, a NaN kept where it comes first, as they keep it); None when there are none; and
 * NotImplemented for a coordinate that is no float (left to Python). Why C: a list item's body
 * may be a long paragraph, and its box was four passes over every glyph. */
static PyObject *ink_box(PyObject *self, PyObject *glyphs) {
    (void)self;
    if (!PyList_Check(glyphs)) Py_RETURN_NOTIMPLEMENTED;
    static const int fields[4] = {F_X0, F_Y0, F_X1, F_Y1};
    PyObject *best[4] = {NULL, NULL, NULL, NULL}; /* new references */
    double value[4] = {0, 0, 0, 0};
    slot_layout layout = {NULL, {0}};
    PyObject *out = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs); i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        PyObject *character = field_of(glyph, &layout, F_CHAR);
        if (character == NULL) goto done;
        if (!PyUnicode_Check(character)) {
            Py_DECREF(character);
            out = Py_NewRef(Py_NotImplemented);
            goto done;
        }
        /* str.isspace(): at least one character, every one a space. */
        Py_ssize_t length = PyUnicode_GET_LENGTH(character);
        int blank = length > 0;
        for (Py_ssize_t k = 0; k < length && blank; k++) {
            blank = Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(character, k));
        }
        Py_DECREF(character);
        if (blank) continue;
        PyObject *generated = field_of(glyph, &layout, F_GENERATED);
        if (generated == NULL) goto done;
        int truth = generated == Py_True ? 1 : generated == Py_False ? 0
                    : PyObject_IsTrue(generated);
        Py_DECREF(generated);
        if (truth < 0) goto done;
        if (truth) continue;
        for (int k = 0; k < 4; k++) {
            PyObject *coordinate = field_of(glyph, &layout, fields[k]);
            if (coordinate == NULL) goto done;
            if (!PyFloat_CheckExact(coordinate)) {
                Py_DECREF(coordinate);
                out = Py_NewRef(Py_NotImplemented);
                goto done;
            }
            double v = PyFloat_AS_DOUBLE(coordinate);
            /* min() takes an item less than the least so far, max() one greater. */
            if (best[k] == NULL || (k < 2 ? v < value[k] : v > value[k])) {
                Py_XSETREF(best[k], coordinate);
                value[k] = v;
            } else {
                Py_DECREF(coordinate);
            }
        }
    }
    out = best[0] == NULL ? Py_NewRef(Py_None) : PyTuple_Pack(4, best[0], best[1], best[2], best[3]);
done:
    for (int k = 0; k < 4; k++) Py_XDECREF(best[k]);
    return out;
}

/* lines_of(fragments[, from_first]) -> blocks.lines_of(fragments): the fragments (line by
 * line, as a block holds them) grouped into their lines, each going on the line of the one
 * before (with ``from_first``: of the line's first, as reader._RowMates groups them) where the
 * two share over half the shorter one's height (blocks.same_line, with its exact arithmetic:
 * min() and max() of two values as Python's, ``b if b < a else a``). NotImplemented, for
 * Python to answer, where a fragment's y0 or y1 is not plainly a float (or cannot be read:
 * Python reads no box of a lone fragment). Many passes of the layout reader group a block's
 * fragments into lines, and in Python the calls of same_line were most of the time. */
static PyObject *lines_of(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *arg;
    int from_first = 0;
    if (!PyArg_ParseTuple(args, "O|p", &arg, &from_first)) return NULL;
    PyObject *items = PySequence_Tuple(arg);
    if (items == NULL) return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    double *ys = PyMem_Malloc((size_t)(n > 0 ? n : 1) * 2 * sizeof(double));
    PyObject *out = NULL;
    if (ys == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int plain = 1;
    for (Py_ssize_t i = 0; i < n && plain; i++) {
        PyObject *f = PyTuple_GET_ITEM(items, i);
        PyObject *y0 = PyObject_GetAttr(f, name_y0);
        PyObject *y1 = y0 == NULL ? NULL : PyObject_GetAttr(f, name_y1);
        if (y1 == NULL) {
            PyErr_Clear();
            plain = 0;
        } else if (!PyFloat_CheckExact(y0) || !PyFloat_CheckExact(y1)) {
            plain = 0;
        } else {
            ys[2 * i] = PyFloat_AS_DOUBLE(y0);
            ys[2 * i + 1] = PyFloat_AS_DOUBLE(y1);
        }
        Py_XDECREF(y0);
        Py_XDECREF(y1);
    }
    if (!plain) {
        out = Py_NewRef(Py_NotImplemented);
        goto done;
    }
    out = PyList_New(0);
    PyObject *row = NULL; /* borrowed: out holds it */
    Py_ssize_t start = 0;  /* where the line ``row`` starts */
    for (Py_ssize_t i = 0; i < n && out != NULL; i++) {
        int same = 0;
        if (i > 0) {
            Py_ssize_t a = from_first ? start : i - 1;
            double ay0 = ys[2 * a], ay1 = ys[2 * a + 1], by0 = ys[2 * i], by1 = ys[2 * i + 1];
            double a_height = ay1 - ay0, b_height = by1 - by0;
            double shared = (by1 < ay1 ? by1 : ay1) - (by0 > ay0 ? by0 : ay0);
            same = shared > 0.5 * (b_height < a_height ? b_height : a_height);
        }
        if (!same) {
            PyObject *fresh = PyList_New(0);
            int status = fresh == NULL ? -1 : PyList_Append(out, fresh);
            Py_XDECREF(fresh);
            if (status < 0) {
                Py_CLEAR(out);
                break;
            }
            row = fresh;
            start = i;
        }
        if (PyList_Append(row, PyTuple_GET_ITEM(items, i)) < 0) Py_CLEAR(out);
    }
done:
    PyMem_Free(ys);
    Py_DECREF(items);
    return out;
}

/* round_to(x, ndigits) -> round(x, ndigits), the same value. Why C: the reader rounds every
 * block's box (its Prov's, and runover's places of them) to hundredths, and Python's round
 * with digits converts the float to a decimal string and back (about 3,000 instructions a
 * call). Here, for a float under 2**40 in size and ndigits 1 or 2, by exact integer
 * arithmetic: x is m / 2**s (m below 2**53), so x * 10**ndigits is (m * 10**ndigits) / 2**s
 * exactly (the product below 2**60); that rounded half to even at the exact value (as
 * Python's correctly rounded decimal digits are) is an integer q below 2**47, and q /
 * 10**ndigits, one correctly rounded division, is the float nearest the decimal, as Python's
 * reading of its string is. Its sign is x's, a zero's too ("-0.00" reads as -0.0). Anything
 * else (not a float, another ndigits, a NaN or an infinity, a larger size) goes to round(). */
static PyObject *round_to(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "round_to(x, ndigits) takes two arguments");
        return NULL;
    }
    PyObject *x = args[0], *digits = args[1];
    if (PyFloat_CheckExact(x) && PyLong_CheckExact(digits)) {
        int overflow = 0;
        long ndigits = PyLong_AsLongAndOverflow(digits, &overflow);
        double value = PyFloat_AS_DOUBLE(x);
        double size = fabs(value); /* (false below for a NaN) */
        if (!overflow && (ndigits == 1 || ndigits == 2) && size < 0x1p40) {
            uint64_t scale = ndigits == 1 ? 10 : 100;
            int exponent;
            double fraction = frexp(size, &exponent); /* size = fraction * 2**exponent */
            uint64_t m = (uint64_t)ldexp(fraction, 53); /* exact: 53 bits */
            int shift = 53 - exponent;                  /* size = m / 2**shift, shift >= 13 */
            uint64_t scaled = m * scale;
            uint64_t q = 0;
            if (shift < 64) { /* (else scaled / 2**shift is below 1/16: q stays 0) */
                q = scaled >> shift;
                uint64_t rest = scaled & ((UINT64_C(1) << shift) - 1);
                uint64_t half = UINT64_C(1) << (shift - 1);
                if (rest > half || (rest == half && (q & 1))) q++;
            }
            return PyFloat_FromDouble(copysign((double)q / (double)scale, value));
        }
    }
    PyObject *round = PyDict_GetItemString(PyEval_GetBuiltins(), "round"); /* borrowed */
    if (round == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "round_to: no builtin round");
        return NULL;
    }
    return PyObject_CallFunctionObjArgs(round, x, digits, NULL);
}

/* glyphs_across(glyphs, lo, hi, left, right) -> ``[g for g in glyphs[lo:hi] if g.x1 >= left and
 * g.x0 <= right]``, or NotImplemented where a box field or a bound is no float:
 * drawn_underscores' glyphs about a rule, among those its bottoms' bisection found. Why C: each
 * short rule of a page looks at the glyphs of a line or two across the page. */
static PyObject *glyphs_across(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *bounds[2];
    Py_ssize_t lo, hi;
    if (!PyArg_ParseTuple(args, "O!nnOO", &PyList_Type, &glyphs, &lo, &hi, &bounds[0],
                          &bounds[1]))
        return NULL;
    if (!PyFloat_CheckExact(bounds[0]) || !PyFloat_CheckExact(bounds[1]))
        Py_RETURN_NOTIMPLEMENTED;
    double left = PyFloat_AS_DOUBLE(bounds[0]), right = PyFloat_AS_DOUBLE(bounds[1]);
    /* (The slice's bounds, as glyphs[lo:hi] clips them.) */
    Py_ssize_t n = PyList_GET_SIZE(glyphs);
    if (lo < 0) lo = lo + n < 0 ? 0 : lo + n;
    if (hi < 0) hi = hi + n < 0 ? 0 : hi + n;
    if (hi > n) hi = n;
    PyObject *held = PyList_GetSlice(glyphs, lo, hi > lo ? hi : lo);
    if (held == NULL) return NULL;
    PyObject *out = PyList_New(0);
    slot_layout layout = {NULL, {0}};
    for (Py_ssize_t i = 0; out != NULL && i < PyList_GET_SIZE(held); i++) {
        PyObject *glyph = PyList_GET_ITEM(held, i);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        PyObject *x1 = field_of(glyph, &layout, F_X1);
        PyObject *x0 = x1 == NULL ? NULL : field_of(glyph, &layout, F_X0);
        if (x0 == NULL) {
            Py_XDECREF(x1);
            Py_CLEAR(out);
            break;
        }
        int plain = PyFloat_CheckExact(x1) && PyFloat_CheckExact(x0);
        /* (false for a NaN, as in Python) */
        int across = plain && PyFloat_AS_DOUBLE(x1) >= left && PyFloat_AS_DOUBLE(x0) <= right;
        Py_DECREF(x1);
        Py_DECREF(x0);
        if (!plain) {
            Py_DECREF(out);
            out = Py_NewRef(Py_NotImplemented);
            break;
        }
        if (across && PyList_Append(out, glyph) < 0) Py_CLEAR(out);
    }
    Py_DECREF(held);
    return out;
}

/* one_width(glyphs, tolerance, first_look) -> True, False or NotImplemented: listings.py's
 * _one_width over a block's first fragment's glyphs, the first look at whether its first
 * ``first_look`` glyphs that are no space (" ") are of one width, within ``tolerance`` of the
 * first one's, one at most off; the same tests in the same order on the same doubles.
 * NotImplemented (Python answers) where a glyph's character is no str or a coordinate no
 * float. Why C: asked of every block of every page, a few glyphs each. */
static PyObject *one_width(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs;
    double tolerance;
    Py_ssize_t first_look;
    if (!PyArg_ParseTuple(args, "O!dn", &PyList_Type, &glyphs, &tolerance, &first_look))
        return NULL;
    double width = 0.0;
    Py_ssize_t seen = 0, odd = 0;
    slot_layout layout = {NULL, {0}};
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs); i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        Py_INCREF(glyph);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        PyObject *chr = field_of(glyph, &layout, F_CHAR);
        PyObject *x0 = NULL, *x1 = NULL;
        int plain = chr != NULL && PyUnicode_CheckExact(chr);
        int space = plain && PyUnicode_GET_LENGTH(chr) == 1 && PyUnicode_READ_CHAR(chr, 0) == ' ';
        if (plain && !space) {
            x1 = field_of(glyph, &layout, F_X1);
            x0 = x1 == NULL ? NULL : field_of(glyph, &layout, F_X0);
            plain = x0 != NULL && PyFloat_CheckExact(x0) && PyFloat_CheckExact(x1);
        }
        double w = plain && !space ? PyFloat_AS_DOUBLE(x1) - PyFloat_AS_DOUBLE(x0) : 0.0;
        Py_XDECREF(chr);
        Py_XDECREF(x0);
        Py_XDECREF(x1);
        Py_DECREF(glyph);
        if (!plain) {
            if (PyErr_Occurred()) return NULL;
            Py_RETURN_NOTIMPLEMENTED;
        }
        if (space) continue;
        if (!seen) {
            width = w;
        } else if (fabs(w - width) > tolerance * width) {
            odd += 1;
            if (odd > 1) Py_RETURN_FALSE;
        }
        seen += 1;
        if (seen == first_look) break;
    }
    return PyBool_FromLong(width > 0 && 2 * odd < seen);
}

/* --- font_extents.py's passes over a page's glyphs --------------------------------------- */

/* ``glyph.obj >= 0`` (``ge``) or ``glyph.obj < 0``: 1, 0, or -1 with an exception. */
static int obj_not_negative(PyObject *glyph, const slot_layout *layout) {
    PyObject *obj = field_of(glyph, layout, F_OBJ);
    if (obj == NULL) return -1;
    int answer = PyObject_RichCompareBool(obj, zero, Py_GE);
    Py_DECREF(obj);
    return answer;
}

/* ``glyph.font in fonts``: 1, 0, or -1 with an exception. */
static int font_among(PyObject *glyph, const slot_layout *layout, PyObject *fonts) {
    PyObject *font = field_of(glyph, layout, F_FONT);
    if (font == NULL) return -1;
    int answer = PySequence_Contains(fonts, font);
    Py_DECREF(font);
    return answer;
}

/* objects_in_fonts(glyphs, fonts) -> ``{g.obj for g in glyphs if g.font in fonts and g.obj >=
 * 0}``: the objects whose text font_extents asks the point size of. Why C: a page whose fonts
 * declare no extent has every glyph looked at, by two attribute reads by name each. */
static PyObject *objects_in_fonts(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *fonts;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &glyphs, &fonts)) return NULL;
    PyObject *out = PySet_New(NULL);
    if (out == NULL) return NULL;
    slot_layout layout = {NULL, {0}};
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs); i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        Py_INCREF(glyph);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        int wanted = font_among(glyph, &layout, fonts);
        if (wanted > 0) wanted = obj_not_negative(glyph, &layout);
        PyObject *obj = wanted > 0 ? field_of(glyph, &layout, F_OBJ) : NULL;
        Py_DECREF(glyph);
        if (wanted < 0 || (wanted > 0 && (obj == NULL || PySet_Add(out, obj) < 0))) {
            Py_XDECREF(obj);
            Py_DECREF(out);
            return NULL;
        }
        Py_XDECREF(obj);
    }
    return out;
}

/* first_in_other_fonts(glyphs, fonts, count) -> the first ``count`` glyphs (in order) with
 * ``g.obj >= 0 and g.font not in fonts and not g.char.isspace()``: font_extents'
 * _declared_sample, the glyphs of the fonts declaring their extent that tell their size per
 * point, without a Python step per glyph. */
static PyObject *first_in_other_fonts(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *fonts;
    Py_ssize_t count;
    if (!PyArg_ParseTuple(args, "O!On", &PyList_Type, &glyphs, &fonts, &count)) return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    slot_layout layout = {NULL, {0}};
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs) && PyList_GET_SIZE(out) < count; i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        Py_INCREF(glyph);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        int taken = obj_not_negative(glyph, &layout);
        if (taken > 0) {
            int among = font_among(glyph, &layout, fonts);
            taken = among < 0 ? -1 : !among;
        }
        if (taken > 0) {
            PyObject *chr = field_of(glyph, &layout, F_CHAR);
            int space = chr == NULL ? -1 : is_space(chr);
            Py_XDECREF(chr);
            taken = space < 0 ? -1 : !space;
        }
        if (taken < 0 || (taken > 0 && PyList_Append(out, glyph) < 0)) {
            Py_DECREF(glyph);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(glyph);
    }
    return out;
}

/* sizes_by_points(glyphs, fonts, points, extent, round) -> None: font_extents' last pass, line by
 * line: each glyph drawn by an object (obj >= 0) set in one of ``fonts`` whose point size
 * ``points`` gives (above 0) takes the size ``round(point * extent, 1)`` (worked out once per
 * point size), and a glyph pdfium generated (obj < 0) the size of the last drawn glyph before
 * it, when set in its font. ``round``: the builtin. Why C: every glyph of a page whose fonts
 * declare no extent passes, and most are left as they are. */
static PyObject *sizes_by_points(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *glyphs, *fonts, *points, *extent, *round_builtin;
    if (!PyArg_ParseTuple(args, "O!OO!OO", &PyList_Type, &glyphs, &fonts, &PyDict_Type, &points,
                          &extent, &round_builtin))
        return NULL;
    PyObject *sizes = PyDict_New(), *no_point = PyFloat_FromDouble(0.0), *one = PyLong_FromLong(1);
    PyObject *last = NULL, *result = NULL;
    slot_layout layout = {NULL, {0}};
    if (sizes == NULL || no_point == NULL || one == NULL) goto done;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs); i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        Py_INCREF(glyph);
        if (Py_TYPE(glyph) != layout.type) layout_of(Py_TYPE(glyph), &layout);
        int drawn = obj_not_negative(glyph, &layout);
        if (drawn < 0) goto glyph_failed;
        if (!drawn) {
            /* (A space pdfium adds between words has the size of the glyph before it.) */
            if (last != NULL) {
                PyObject *font = field_of(glyph, &layout, F_FONT), *last_font = NULL;
                int same = -1;
                if (font != NULL && (last_font = PyObject_GetAttr(last, name_font)) != NULL)
                    same = PyObject_RichCompareBool(font, last_font, Py_EQ);
                Py_XDECREF(font);
                Py_XDECREF(last_font);
                if (same < 0) goto glyph_failed;
                if (same) {
                    PyObject *size = PyObject_GetAttr(last, name_size);
                    int status = size == NULL ? -1 : PyObject_SetAttr(glyph, name_size, size);
                    Py_XDECREF(size);
                    if (status < 0) goto glyph_failed;
                }
            }
            Py_DECREF(glyph);
            continue;
        }
        Py_XSETREF(last, glyph); /* (the reference taken above) */
        int among = font_among(glyph, &layout, fonts);
        if (among < 0) goto done;
        if (!among) continue;
        PyObject *obj = field_of(glyph, &layout, F_OBJ);
        if (obj == NULL) goto done;
        PyObject *point = PyDict_GetItemWithError(points, obj); /* borrowed */
        Py_DECREF(obj);
        if (point == NULL && PyErr_Occurred()) goto done;
        if (point == NULL) point = no_point;
        Py_INCREF(point);
        int positive = PyObject_RichCompareBool(point, no_point, Py_GT);
        if (positive <= 0) {
            Py_DECREF(point);
            if (positive < 0) goto done;
            continue;
        }
        PyObject *size = PyDict_GetItemWithError(sizes, point); /* borrowed */
        if (size != NULL) {
            Py_INCREF(size);
        } else if (!PyErr_Occurred()) {
            PyObject *product = PyNumber_Multiply(point, extent);
            size = product == NULL ? NULL
                : PyObject_CallFunctionObjArgs(round_builtin, product, one, NULL);
            Py_XDECREF(product);
            if (size != NULL && PyDict_SetItem(sizes, point, size) < 0) Py_CLEAR(size);
        }
        Py_DECREF(point);
        if (size == NULL) goto done;
        int status = PyObject_SetAttr(glyph, name_size, size);
        Py_DECREF(size);
        if (status < 0) goto done;
        continue;
    glyph_failed:
        Py_DECREF(glyph);
        goto done;
    }
    result = Py_NewRef(Py_None);
done:
    Py_XDECREF(last);
    Py_XDECREF(sizes);
    Py_XDECREF(no_point);
    Py_XDECREF(one);
    return result;
}

static PyMethodDef methods[] = {
    {"round_to", (PyCFunction)(void (*)(void))round_to, METH_FASTCALL,
     "round_to(x, ndigits) -> round(x, ndigits), the same value"},
    {"clip_hidden", clip_hidden, METH_VARARGS,
     "clip_hidden(glyphs, clips, tolerance, share) -> which glyphs their clips hide, None "
     "(no word's glyph), or NotImplemented"},
    {"chars_among", chars_among, METH_VARARGS,
     "chars_among(glyphs, chars, first_only) -> whether a glyph's character (or its first) "
     "holds one of chars, or NotImplemented"},
    {"glyphs_across", glyphs_across, METH_VARARGS,
     "glyphs_across(glyphs, lo, hi, left, right) -> the glyphs of glyphs[lo:hi] reaching "
     "across left..right, or NotImplemented"},
    {"one_width", one_width, METH_VARARGS,
     "one_width(glyphs, tolerance, first_look) -> listings._one_width's look at the glyphs, "
     "or NotImplemented"},
    {"objects_in_fonts", objects_in_fonts, METH_VARARGS,
     "objects_in_fonts(glyphs, fonts) -> the objects of the glyphs set in fonts (obj >= 0)"},
    {"first_in_other_fonts", first_in_other_fonts, METH_VARARGS,
     "first_in_other_fonts(glyphs, fonts, count) -> the first count drawn glyphs, no space, "
     "set in a font not among fonts"},
    {"sizes_by_points", sizes_by_points, METH_VARARGS,
     "sizes_by_points(glyphs, fonts, points, extent, round) -> None: font_extents' sizes"},
    {"by_bottom", by_bottom, METH_O,
     "by_bottom(glyphs) -> (glyphs sorted by y0, their y0s, the largest size), or "
     "NotImplemented"},
    {"index_among", index_among, METH_VARARGS,
     "index_among(glyphs, chars, start) -> the first glyph from start on whose character holds "
     "one of chars (len(glyphs): none), or NotImplemented"},
    {"all_inside", all_inside, METH_VARARGS,
     "all_inside(glyphs, left, bottom, right, top) -> whether every glyph's box reaches into "
     "the bounds, or NotImplemented"},
    {"unplain_texts", unplain_texts, METH_O,
     "unplain_texts(fragments) -> indices of the fragments whose text fragments() reads"},
    {"fragments", fragments, METH_VARARGS,
     "fragments(glyphs, fragment_class, fragment_gap, space_gap, set_back, set_back_gap, "
     "usual_after, raised) -> fragments, raw text"},
    {"letter_boldness", letter_boldness, METH_O,
     "letter_boldness(glyphs) -> (letters, bold letters)"},
    {"text_facts", text_facts, METH_O,
     "text_facts(fragments) -> count: set Fragment.words and .rtl"},
    {"word_count", word_count, METH_O, "word_count(text) -> words with letters in them"},
    {"fixed_pitch", fixed_pitch, METH_VARARGS,
     "fixed_pitch(glyphs, limit, margin) -> Fragment.fixed_pitch, or NotImplemented"},
    {"group_lines", group_lines, METH_VARARGS,
     "group_lines(fragments, line_class, fragment_class, taller_than_line, fragment_gap, "
     "overprint, full_size, kept_apart) -> lines.lines(fragments), or None"},
    {"cell_candidates", cell_candidates, METH_VARARGS,
     "cell_candidates(fragments, grid_min_cell, grid_slack, spread_min_gap) -> those "
     "_close_cells may change"},
    {"ink_box", ink_box, METH_O,
     "ink_box(glyphs) -> box of those neither blank nor generated, None, or NotImplemented"},
    {"lines_of", lines_of, METH_VARARGS,
     "lines_of(fragments, from_first=False) -> blocks.lines_of(fragments) (from_first: each "
     "fragment against its line's first), or NotImplemented"},
    {"glyph_facts", glyph_facts, METH_VARARGS,
     "glyph_facts(fragments, tall_glyphs) -> count: set the values Fragment computes once"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_fragments", "lines.py's fragment loop, in C (see lines.py).", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__fragments(void) {
    if (!(name_obj = PyUnicode_InternFromString("obj")) ||
        !(name_char = PyUnicode_InternFromString("char")) ||
        !(name_bold = PyUnicode_InternFromString("bold")) ||
        !(name_x0 = PyUnicode_InternFromString("x0")) ||
        !(name_y0 = PyUnicode_InternFromString("y0")) ||
        !(name_x1 = PyUnicode_InternFromString("x1")) ||
        !(name_y1 = PyUnicode_InternFromString("y1")) ||
        !(name_size = PyUnicode_InternFromString("size")) ||
        !(name_rotated = PyUnicode_InternFromString("rotated")) ||
        !(name_font = PyUnicode_InternFromString("font")) ||
        !(name_generated = PyUnicode_InternFromString("generated")) ||
        !(name_space_before = PyUnicode_InternFromString("space_before")) ||
        !(name_space_after = PyUnicode_InternFromString("space_after")) ||
        !(name_text = PyUnicode_InternFromString("text")) ||
        !(name_glyphs = PyUnicode_InternFromString("glyphs")) ||
        !(name_words = PyUnicode_InternFromString("words")) ||
        !(name_rtl = PyUnicode_InternFromString("rtl")) ||
        !(name_sizes = PyUnicode_InternFromString("sizes")) ||
        !(name_band = PyUnicode_InternFromString("band")) ||
        !(name_letter_counts = PyUnicode_InternFromString("letter_counts")) ||
        !(name_drawn = PyUnicode_InternFromString("drawn_objects")) ||
        !(name_interleaved = PyUnicode_InternFromString("objects_interleaved")) ||
        !(zero = PyLong_FromLong(0)) || !(empty_args = PyTuple_New(0)) || !(empty = PyUnicode_FromString("")) || !(space_text = PyUnicode_FromString(" ")))
        return NULL;
    return PyModule_Create(&module);
}
