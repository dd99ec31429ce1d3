/*
 * The per-character loop of glyphs.py's _glyphs, in C.
 *
 * Why C: a page's characters each need three or four pdfium calls (text object, loose box,
 * sometimes "generated?" and the code point) and one Glyph. Through ctypes every call costs
 * more than pdfium's own work, and the loop ran once per character of every document: it was
 * the largest single cost of layout analysis. Here the calls are plain C calls, and Python is
 * entered only to build each Glyph and, once per text object, to read its font (glyphs.py).
 *
 * Nothing links against pdfium: the caller passes the addresses of the four pdfium functions,
 * taken from pypdfium2's ctypes bindings, so this builds with gcc and Python's headers alone
 * and always calls the very pdfium that pypdfium2 loaded. The prototypes below are pdfium's
 * (fpdf_text.h); pdfium uses the C calling convention on every platform but 32-bit Windows.
 *
 * The loop must stay a line-by-line translation of glyphs.py's _python_glyphs: a test reads
 * the same pages both ways and compares every glyph.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    float left, top, right, bottom;
} fs_rectf;

typedef void *(*get_text_object_fn)(void *text_page, int index);
typedef int (*get_loose_char_box_fn)(void *text_page, int index, fs_rectf *rect);
typedef unsigned int (*get_unicode_fn)(void *text_page, int index);
typedef int (*is_generated_fn)(void *text_page, int index);

/* A page uses few sizes: the last few rounded sizes are kept so round() runs rarely. */
#define SIZE_CACHE 8

/* What the text object of the current run of characters contributes to each Glyph. */
typedef struct {
    PyObject *bold, *font, *owner, *mcid, *italic, *artifact, *rotated;
} run_info;

static void run_info_clear(run_info *info) {
    Py_CLEAR(info->bold);
    Py_CLEAR(info->font);
    Py_CLEAR(info->owner);
    Py_CLEAR(info->mcid);
    Py_CLEAR(info->italic);
    Py_CLEAR(info->artifact);
    Py_CLEAR(info->rotated);
}

/* Fills ``info`` from the _FontInfo object ``source`` (0 on success, -1 with an exception). */
static int run_info_load(run_info *info, PyObject *source) {
    run_info_clear(info);
    if (!(info->bold = PyObject_GetAttrString(source, "bold"))) return -1;
    if (!(info->font = PyObject_GetAttrString(source, "name"))) return -1;
    if (!(info->owner = PyObject_GetAttrString(source, "owner"))) return -1;
    if (!(info->mcid = PyObject_GetAttrString(source, "mcid"))) return -1;
    if (!(info->italic = PyObject_GetAttrString(source, "italic"))) return -1;
    if (!(info->artifact = PyObject_GetAttrString(source, "artifact"))) return -1;
    if (!(info->rotated = PyObject_GetAttrString(source, "rotated"))) return -1;
    return 0;
}

/* --- a text object's font, style and owner (glyphs.py's info_of and _font) -------------- */

typedef struct {
    float a, b, c, d, e, f;
} fs_matrix;

typedef void *(*text_object_font_fn)(void *text_object);
typedef int (*char_matrix_fn)(void *text_page, int index, fs_matrix *matrix);
typedef int (*count_marks_fn)(void *object);
typedef int (*object_mcid_of_fn)(void *object);
typedef unsigned long (*font_name_fn)(void *font, char *buffer, unsigned long length);
typedef int (*font_weight_fn)(void *font);
typedef int (*font_italic_angle_fn)(void *font, int *angle);
typedef void *(*object_mark_fn)(void *object, unsigned long index);
typedef int (*mark_name_fn)(void *mark, void *buffer, unsigned long length,
                            unsigned long *written);

/* What glyphs.py's info_of reads, without entering Python for most text objects. */
typedef struct {
    text_object_font_fn font;
    char_matrix_fn matrix;
    count_marks_fn count_marks;
    object_mcid_of_fn mcid;
    PyObject *infos;       /* address -> (bold, name, owner, mcid, italic, artifact, rotated) */
    PyObject *faces;       /* font address -> (name, bold, italic) */
    PyObject *face_of;     /* font address -> (name, bold, italic), for a font not seen yet */
    /* glyphs.py's _face in C, when all three are given (else face_of is called) */
    font_name_fn font_name;
    font_weight_fn font_weight;
    font_italic_angle_fn font_italic_angle;
    PyObject *is_artifact; /* object address -> bool, for an object with marks */
    /* glyphs.py's _is_artifact in C, when both are given (else is_artifact is called) */
    object_mark_fn object_mark;
    mark_name_fn mark_name;
    PyObject *owners;      /* object address -> top-level index */
    long rotation;
} font_reader;

/* Whether ``tag`` (lower-case ASCII) is in the ``n`` bytes of ``text``. */
static int has_tag(const char *text, size_t n, const char *tag) {
    size_t length = strlen(tag);
    for (size_t at = 0; at + length <= n; at++) {
        if (memcmp(text + at, tag, length) == 0) return 1;
    }
    return 0;
}

/* glyphs.py's _face of the font at ``font`` (NULL: unknown font), line by line: a new
 * (name, bold, italic) tuple, or NULL with an exception. Read once per font of a page; in
 * Python its three ctypes calls and buffers cost more than the page's other font work.
 * The name's bytes are Latin-1 (one character each), so splitting at '+' and lowering its
 * ASCII letters is what the str methods do there: no other Latin-1 character lowers to one
 * of the ASCII tags' letters. */
static PyObject *font_face(const font_reader *reader, void *font) {
    char name[256] = {0};
    int weight = 400, italic = 0;
    size_t length = 0;
    if (font != NULL) {
        unsigned long written = reader->font_name(font, name, sizeof name);
        size_t kept = written < sizeof name ? (size_t)written : sizeof name;
        length = kept > 0 ? kept - 1 : 0;
        weight = reader->font_weight(font);
        int angle = 0;
        if (reader->font_italic_angle(font, &angle)) italic = angle != 0;
    }
    const char *plus = memchr(name, '+', length);
    const char *base = plus == NULL ? name : plus + 1;
    size_t base_length = length - (size_t)(base - name);
    char plain[256];
    for (size_t k = 0; k < base_length; k++) {
        char ch = base[k];
        plain[k] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
    }
    int named_bold = has_tag(plain, base_length, "bold") ||
                     has_tag(plain, base_length, "black") || has_tag(plain, base_length, "heavy") ||
                     has_tag(plain, base_length, "semibold") || has_tag(plain, base_length, "demi");
    /* TeX's bold faces, which say so only in Knuth's abbreviations: _TEX_BOLD_NAMES. */
    static const char *const tex_bold_names[] = {"cmbx", "cmb1", "cmb9", "cmb8", "cmssbx",
                                                 "cmssdc", "cmmib", "cmbsy", "sfbx", "sfbi",
                                                 "sfbl", "sfrb", "sfsx", "sfxc", "sfssdc"};
    for (size_t k = 0; !named_bold && k < sizeof tex_bold_names / sizeof *tex_bold_names; k++) {
        size_t n = strlen(tex_bold_names[k]);
        named_bold = base_length >= n && memcmp(plain, tex_bold_names[k], n) == 0;
    }
    int slanted_name = has_tag(plain, base_length, "italic") ||
                       has_tag(plain, base_length, "oblique");
    /* A face its name calls regular is no bold one, whatever weight pdfium guesses from
     * /StemV: glyphs.py's _face. */
    int named_regular = !named_bold && (has_tag(plain, base_length, "regular") ||
                                        has_tag(plain, base_length, "book") ||
                                        has_tag(plain, base_length, "light") ||
                                        has_tag(plain, base_length, "thin"));
    /* So is one its name calls only italic: _ITALIC_NAMES, none of _WEIGHT_NAMES. */
    static const char *const italic_names[] = {"italic", "oblique", "cursiva", "kursiv",
                                               "corsivo", "italique"};
    static const char *const weight_names[] = {"bd", "medi", "semi", "extra", "ultra", "fat",
                                               "poster", "negr", "fett", "gras", "bx"};
    if (!named_bold && !named_regular) {
        int named_italic = 0, named_weight = 0;
        for (size_t k = 0; k < sizeof italic_names / sizeof *italic_names; k++)
            named_italic = named_italic || has_tag(plain, base_length, italic_names[k]);
        for (size_t k = 0; k < sizeof weight_names / sizeof *weight_names; k++)
            named_weight = named_weight || has_tag(plain, base_length, weight_names[k]);
        named_regular = named_italic && !named_weight;
    }
    int bold = named_bold || (weight >= 600 && !named_regular);
    italic = italic || slanted_name;
    PyObject *text = PyUnicode_DecodeLatin1(base, (Py_ssize_t)base_length, NULL);
    if (text == NULL) return NULL;
    PyObject *face = PyTuple_Pack(3, text, bold ? Py_True : Py_False, italic ? Py_True : Py_False);
    Py_DECREF(text);
    return face;
}

/* glyphs.py's _is_artifact of ``object``, which has ``marks`` (> 0) marks, line by line: one
 * of its first 16 marks is named "Artifact". Python decodes the name's bytes up to the length
 * pdfium gives less the terminator (at most the 128 bytes of its buffer) as UTF-16LE, with
 * U+FFFD for what is not: that reads "Artifact" only where those bytes are exactly its 16. In
 * C: a page's objects in marked content each cost a Python call, several ctypes calls and
 * buffers there, more than the rest of the object's info. */
static int object_is_artifact(const font_reader *reader, void *object, int marks) {
    static const char artifact[16] = {'A', 0, 'r', 0, 't', 0, 'i', 0,
                                      'f', 0, 'a', 0, 'c', 0, 't', 0};
    unsigned short name[64] = {0};
    unsigned long length = 0;
    int last = marks < 16 ? marks : 16;
    for (int k = 0; k < last; k++) {
        void *mark = reader->object_mark(object, (unsigned long)k);
        if (mark == NULL || !reader->mark_name(mark, name, sizeof name, &length)) continue;
        unsigned long bytes = length >= 2 ? length - 2 : 0;
        if (bytes > sizeof name) bytes = sizeof name;
        if (bytes == sizeof artifact && memcmp(name, artifact, sizeof artifact) == 0) return 1;
    }
    return 0;
}

/* A new reference to the info tuple of the text object at ``address`` (character ``index``'s),
 * made as glyphs.py's _font makes its _FontInfo; NULL with an exception. */
static PyObject *text_object_info(font_reader *reader, void *text_page, void *object,
                                  int index) {
    PyObject *address = PyLong_FromVoidPtr(object);
    if (address == NULL) return NULL;
    PyObject *info = PyDict_GetItemWithError(reader->infos, address);
    if (info != NULL) {
        Py_DECREF(address);
        return Py_NewRef(info);
    }
    if (PyErr_Occurred()) goto fail;
    void *font = reader->font(object);
    PyObject *font_address = PyLong_FromVoidPtr(font);
    if (font_address == NULL) goto fail;
    PyObject *face = PyDict_GetItemWithError(reader->faces, font_address);
    if (face != NULL) {
        Py_INCREF(face);
    } else if (!PyErr_Occurred()) {
        face = reader->font_name != NULL ? font_face(reader, font)
                                         : PyObject_CallOneArg(reader->face_of, font_address);
        if (face != NULL && PyDict_SetItem(reader->faces, font_address, face) < 0) Py_CLEAR(face);
    }
    Py_DECREF(font_address);
    if (face == NULL) goto fail;
    if (!PyTuple_Check(face) || PyTuple_GET_SIZE(face) != 3) {
        Py_DECREF(face);
        PyErr_SetString(PyExc_TypeError, "a face is (name, bold, italic)");
        goto fail;
    }
    fs_matrix matrix;
    int rotated = 0;
    if (reader->matrix(text_page, index, &matrix)) {
        /* glyphs.py's _turned, then the same test. */
        double across = matrix.a, up = matrix.b, turned_across = across, turned_up = up;
        if (reader->rotation == 90) {
            turned_across = up;
            turned_up = -across;
        } else if (reader->rotation == 180) {
            turned_across = -across;
            turned_up = -up;
        } else if (reader->rotation == 270) {
            turned_across = -up;
            turned_up = across;
        }
        rotated = fabs(turned_up) > 0.1 * fabs(turned_across) || turned_across < 0;
    }
    int artifact = 0;
    int marks = reader->count_marks(object);
    if (marks > 0 && reader->object_mark != NULL) {
        artifact = object_is_artifact(reader, object, marks);
    } else if (marks > 0) {
        PyObject *answer = PyObject_CallOneArg(reader->is_artifact, address);
        if (answer == NULL) {
            Py_DECREF(face);
            goto fail;
        }
        artifact = PyObject_IsTrue(answer);
        Py_DECREF(answer);
        if (artifact < 0) {
            Py_DECREF(face);
            goto fail;
        }
    }
    PyObject *owner = PyDict_GetItemWithError(reader->owners, address);
    if (owner == NULL && PyErr_Occurred()) {
        Py_DECREF(face);
        goto fail;
    }
    PyObject *mcid = PyLong_FromLong(reader->mcid(object));
    PyObject *no_owner = owner == NULL ? PyLong_FromLong(-1) : Py_NewRef(owner);
    info = NULL;
    if (mcid != NULL && no_owner != NULL) {
        info = PyTuple_Pack(7, PyTuple_GET_ITEM(face, 1), PyTuple_GET_ITEM(face, 0), no_owner,
                            mcid, PyTuple_GET_ITEM(face, 2), artifact ? Py_True : Py_False,
                            rotated ? Py_True : Py_False);
    }
    Py_XDECREF(mcid);
    Py_XDECREF(no_owner);
    Py_DECREF(face);
    if (info == NULL || PyDict_SetItem(reader->infos, address, info) < 0) {
        Py_XDECREF(info);
        goto fail;
    }
    Py_DECREF(address);
    return info;
fail:
    Py_DECREF(address);
    return NULL;
}

/* Fills ``info`` from a tuple made by text_object_info. */
static void run_info_from_tuple(run_info *info, PyObject *tuple) {
    run_info_clear(info);
    info->bold = Py_NewRef(PyTuple_GET_ITEM(tuple, 0));
    info->font = Py_NewRef(PyTuple_GET_ITEM(tuple, 1));
    info->owner = Py_NewRef(PyTuple_GET_ITEM(tuple, 2));
    info->mcid = Py_NewRef(PyTuple_GET_ITEM(tuple, 3));
    info->italic = Py_NewRef(PyTuple_GET_ITEM(tuple, 4));
    info->artifact = Py_NewRef(PyTuple_GET_ITEM(tuple, 5));
    info->rotated = Py_NewRef(PyTuple_GET_ITEM(tuple, 6));
}

/* "__round__" and 1, made once (see python_round_one). */
static PyObject *name_round, *one;

static PyObject *python_round_one(double value);

/* Python's round(value, 1), exactly (a page's sizes miss the size cache tens of times, and
 * float.__round__ costs two thousand instructions a call: its exact decimal conversion).
 *
 * Python rounds the exact value of ``value`` times ten to the nearest integer n (a tie to the
 * even one) and gives the double nearest to n / 10. The product computed in doubles is off
 * from the exact one by at most half an ulp; when no half-integer lies within that of it, both
 * round to the same n, and the division, correctly rounded, is the double nearest to n / 10.
 * Near a tie (a difference below the bound, with room to spare), or for a value too large for
 * n to be exact, float.__round__ answers (its name and argument made once). */
static PyObject *round_one(double value) {
    double scaled = value * 10.0;
    if (isfinite(scaled) && fabs(scaled) < 1e15) {
        double nearest = nearbyint(scaled);
        double from_half = fabs(fabs(scaled - nearest) - 0.5);
        if (from_half > fabs(scaled) * 0x1p-50 + 0x1p-1000) {
            return PyFloat_FromDouble(nearest / 10.0);
        }
    }
    return python_round_one(value);
}

/* float.__round__(value, 1), as Python's round(value, 1) calls it. */
static PyObject *python_round_one(double value) {
    PyObject *number = PyFloat_FromDouble(value);
    if (number == NULL) return NULL;
    PyObject *args[2] = {number, one};
    PyObject *rounded = PyObject_VectorcallMethod(
        name_round, args, 2, NULL);
    Py_DECREF(number);
    return rounded;
}

/* Glyph's fields in the order of its __init__ arguments. */
static const char *const glyph_fields[] = {
    "char", "x0", "y0", "x1", "y1", "size", "bold", "font", "obj", "mcid",
    "italic", "artifact", "rotated", "generated",
};
#define GLYPH_FIELDS 14

/* Where each field lives in a Glyph (a slots dataclass: one member descriptor per field). */
typedef struct {
    PyTypeObject *type; /* NULL: build through the class's __init__ instead */
    Py_ssize_t offsets[GLYPH_FIELDS];
} glyph_layout;

/* Fills ``offsets`` with where each of the ``count`` fields ``names`` lives in instances of
 * ``cls`` and returns the type, when every one is a plain object slot of the class itself
 * (what ``@dataclass(slots=True)`` makes); NULL otherwise. */
static PyTypeObject *slots_read(Py_ssize_t *offsets, PyObject *cls, const char *const *names,
                                int count) {
    if (!PyType_Check(cls)) return NULL;
    PyTypeObject *type = (PyTypeObject *)cls;
    PyObject *dict = type->tp_dict;
    if (dict == NULL) return NULL;
    for (int k = 0; k < count; k++) {
        PyObject *descriptor = PyDict_GetItemString(dict, names[k]);
        if (descriptor == NULL || !Py_IS_TYPE(descriptor, &PyMemberDescr_Type)) return NULL;
        PyMemberDef *member = ((PyMemberDescrObject *)descriptor)->d_member;
        if (member->type != T_OBJECT_EX || (member->flags & READONLY)) return NULL;
        offsets[k] = member->offset;
    }
    return type;
}

/* Fills ``layout`` when every field of ``glyph_class`` is a plain object slot of the class
 * itself (what ``@dataclass(slots=True)`` makes); otherwise leaves layout->type NULL. */
static void glyph_layout_read(glyph_layout *layout, PyObject *glyph_class) {
    layout->type = slots_read(layout->offsets, glyph_class, glyph_fields, GLYPH_FIELDS);
}

/* The last float made for a coordinate, given again for the same value: most glyphs stand
   on their neighbour's bottom and top, and start where it ends, so a page's glyphs share
   their floats rather than each holding four of its own (fewer to make, keep and free). The
   values are the same either way; "the same" is bit for bit, so 0.0 and -0.0 stay apart. */
typedef struct {
    double value;
    PyObject *object;
} float_memo;

static PyObject *memo_float(float_memo *memo, double value) {
    if (memo->object != NULL && memcmp(&memo->value, &value, sizeof value) == 0) {
        return Py_NewRef(memo->object);
    }
    PyObject *made = PyFloat_FromDouble(value);
    if (made == NULL) return NULL;
    Py_XSETREF(memo->object, Py_NewRef(made));
    memo->value = value;
    return made;
}

/* Appends ``Glyph(*args)`` to ``out``; steals nothing, 0 on success. The fields that the
 * arguments leave out (``nargs`` < 14: a generated space) are False, Glyph's defaults.
 *
 * Why the slots are filled here, not by calling the class: the dataclass's __init__ is
 * Python code, and with a document's million glyphs its frame cost more than everything
 * else in this loop. The result is the same object __init__ would make (a test compares
 * the glyphs of both paths, and glyphs.py checks the defaults this relies on). */
static int append_glyph(PyObject *out, PyObject *glyph_class, const glyph_layout *layout,
                        PyObject *const *args, size_t nargs) {
    PyObject *glyph;
    if (layout->type != NULL) {
        glyph = layout->type->tp_alloc(layout->type, 0);
        if (glyph == NULL) return -1;
        for (int k = 0; k < GLYPH_FIELDS; k++) {
            PyObject *value = (size_t)k < nargs ? args[k] : Py_False;
            *(PyObject **)((char *)glyph + layout->offsets[k]) = Py_NewRef(value);
        }
    } else {
        glyph = PyObject_Vectorcall(glyph_class, args, nargs, NULL);
    }
    if (glyph == NULL) return -1;
    /* A Glyph holds only strings, numbers and booleans, so it can never be part of a
     * reference cycle: the cycle collector need not walk the hundreds of thousands a
     * document has (reference counting still frees them). */
    PyObject_GC_UnTrack(glyph);
    int status = PyList_Append(out, glyph);
    Py_DECREF(glyph);
    return status;
}

/* The character at ``index`` of ``chars`` (a str, or a list of one-character strs). */
static int char_at(PyObject *chars, Py_ssize_t index, Py_UCS4 *out) {
    PyObject *item = chars;
    Py_ssize_t position = index;
    if (PyList_Check(chars)) {
        item = PyList_GET_ITEM(chars, index);
        position = 0;
        if (!PyUnicode_Check(item) || PyUnicode_GET_LENGTH(item) < 1) {
            PyErr_SetString(PyExc_TypeError, "chars must hold one-character strings");
            return -1;
        }
    }
    *out = PyUnicode_READ_CHAR(item, position);
    return 0;
}

static PyObject *read_glyphs(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 7 && nargs != 8) {
        PyErr_SetString(PyExc_TypeError,
                        "read_glyphs(out, chars, text_page, count, functions, glyph_class, "
                        "info_of[, fonts]) takes 7 or 8 arguments");
        return NULL;
    }
    /* fonts: (four pdfium function addresses — or seven, with the font's name, weight and
     * italic angle for faces read in C, or nine, with an object's mark and a mark's name for
     * artifacts read in C —, faces, face_of, is_artifact, owners, rotation):
     * the text objects' info read here; without it, info_of gives it. */
    font_reader fonts = {0};
    int own_fonts = 0;
    if (nargs == 8 && args[7] != Py_None) {
        PyObject *given = args[7];
        if (!PyTuple_Check(given) || PyTuple_GET_SIZE(given) != 6 ||
            !PyTuple_Check(PyTuple_GET_ITEM(given, 0)) ||
            (PyTuple_GET_SIZE(PyTuple_GET_ITEM(given, 0)) != 4 &&
             PyTuple_GET_SIZE(PyTuple_GET_ITEM(given, 0)) != 7 &&
             PyTuple_GET_SIZE(PyTuple_GET_ITEM(given, 0)) != 9) ||
            !PyDict_Check(PyTuple_GET_ITEM(given, 1)) || !PyDict_Check(PyTuple_GET_ITEM(given, 4))) {
            PyErr_SetString(PyExc_TypeError, "fonts: (functions, faces, face_of, is_artifact, "
                                             "owners, rotation)");
            return NULL;
        }
        PyObject *addresses = PyTuple_GET_ITEM(given, 0);
        fonts.font = (text_object_font_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 0));
        fonts.matrix = (char_matrix_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 1));
        fonts.count_marks = (count_marks_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 2));
        fonts.mcid = (object_mcid_of_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 3));
        if (PyTuple_GET_SIZE(addresses) >= 7) {
            /* (Three more: the font's name, weight and italic angle, for _face in C.) */
            fonts.font_name = (font_name_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 4));
            fonts.font_weight = (font_weight_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 5));
            fonts.font_italic_angle =
                (font_italic_angle_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 6));
            if (!PyErr_Occurred() &&
                (!fonts.font_name || !fonts.font_weight || !fonts.font_italic_angle)) {
                PyErr_SetString(PyExc_ValueError, "null pdfium function");
                return NULL;
            }
        }
        if (PyTuple_GET_SIZE(addresses) == 9) {
            /* (Two more: an object's mark by index and a mark's name, for _is_artifact.) */
            fonts.object_mark = (object_mark_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 7));
            fonts.mark_name = (mark_name_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, 8));
            if (!PyErr_Occurred() && (!fonts.object_mark || !fonts.mark_name)) {
                PyErr_SetString(PyExc_ValueError, "null pdfium function");
                return NULL;
            }
        }
        fonts.faces = PyTuple_GET_ITEM(given, 1);
        fonts.face_of = PyTuple_GET_ITEM(given, 2);
        fonts.is_artifact = PyTuple_GET_ITEM(given, 3);
        fonts.owners = PyTuple_GET_ITEM(given, 4);
        fonts.rotation = PyLong_AsLong(PyTuple_GET_ITEM(given, 5));
        if (PyErr_Occurred()) return NULL;
        if (!fonts.font || !fonts.matrix || !fonts.count_marks || !fonts.mcid) {
            PyErr_SetString(PyExc_ValueError, "null pdfium function");
            return NULL;
        }
        own_fonts = 1;
    }
    PyObject *out = args[0], *chars = args[1], *functions = args[4];
    PyObject *glyph_class = args[5], *info_of = args[6];
    if (!PyList_Check(out)) {
        PyErr_SetString(PyExc_TypeError, "out must be a list");
        return NULL;
    }
    if (!PyUnicode_Check(chars) && !PyList_Check(chars)) {
        PyErr_SetString(PyExc_TypeError, "chars must be a str or a list of str");
        return NULL;
    }
    if (!PyTuple_Check(functions) || PyTuple_GET_SIZE(functions) != 4) {
        PyErr_SetString(PyExc_TypeError, "expected the addresses of four pdfium functions");
        return NULL;
    }
    void *text_page = PyLong_AsVoidPtr(args[2]);
    Py_ssize_t count = PyLong_AsSsize_t(args[3]);
    get_text_object_fn get_text_object =
        (get_text_object_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(functions, 0));
    get_loose_char_box_fn get_loose_char_box =
        (get_loose_char_box_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(functions, 1));
    get_unicode_fn get_unicode = (get_unicode_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(functions, 2));
    is_generated_fn is_generated =
        (is_generated_fn)PyLong_AsVoidPtr(PyTuple_GET_ITEM(functions, 3));
    if (PyErr_Occurred()) return NULL;
    if (!text_page || !get_text_object || !get_loose_char_box || !get_unicode || !is_generated) {
        PyErr_SetString(PyExc_ValueError, "null text page or pdfium function");
        return NULL;
    }
    Py_ssize_t available = PyUnicode_Check(chars) ? PyUnicode_GET_LENGTH(chars)
                                                  : PyList_GET_SIZE(chars);
    if (count < 0 || count > available || count > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "count exceeds the characters given");
        return NULL;
    }

    PyObject *space = PyUnicode_FromOrdinal(' ');
    PyObject *minus_one = PyLong_FromLong(-1);
    if (own_fonts) fonts.infos = PyDict_New();
    if (space == NULL || minus_one == NULL || (own_fonts && fonts.infos == NULL)) {
        Py_XDECREF(space);
        Py_XDECREF(minus_one);
        Py_XDECREF(fonts.infos);
        return NULL;
    }
    glyph_layout layout;
    glyph_layout_read(&layout, glyph_class);
    run_info info = {0};
    /* The previous real glyph's fields, for pdfium's generated spaces (glyphs.py: previous). */
    int have_previous = 0;
    double prev_x1 = 0, prev_y0 = 0, prev_y1 = 0;
    PyObject *prev_size = NULL, *prev_bold = NULL, *prev_font = NULL, *prev_mcid = NULL;
    double cached_extent[SIZE_CACHE];
    PyObject *cached_size[SIZE_CACHE] = {0};
    int cached = 0, next_slot = 0;
    uintptr_t last_address = 0;
    PyObject *result = NULL;
    fs_rectf rect;
    /* (One memo for x: a glyph's left edge is compared with the last right edge made.) */
    float_memo x_memo = {0, NULL}, y0_memo = {0, NULL}, y1_memo = {0, NULL};

    int skip_next = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        int index = (int)i;
        Py_UCS4 ch;
        if (skip_next) {
            skip_next = 0;  /* the second half of a surrogate pair, read with the first */
            continue;
        }
        if (char_at(chars, i, &ch) < 0) goto done;
        uintptr_t address = (uintptr_t)get_text_object(text_page, index);
        if (!address) {
            /* pdfium's generated spaces and line breaks: they tell where words end. */
            if (have_previous && Py_UNICODE_ISSPACE(ch)) {
                PyObject *x1 = memo_float(&x_memo, prev_x1);
                PyObject *y0 = memo_float(&y0_memo, prev_y0);
                PyObject *y1 = memo_float(&y1_memo, prev_y1);
                int status = -1;
                if (x1 && y0 && y1) {
                    PyObject *glyph_args[10] = {space, x1, y0, x1, y1, prev_size,
                                                prev_bold, prev_font, minus_one, prev_mcid};
                    status = append_glyph(out, glyph_class, &layout, glyph_args, 10);
                }
                Py_XDECREF(x1);
                Py_XDECREF(y0);
                Py_XDECREF(y1);
                if (status < 0) goto done;
            }
            continue;
        }
        if (ch >= 0xD800 && ch <= 0xDFFF) {
            unsigned int value = get_unicode(text_page, index);
            ch = value > 0x10FFFF ? 0xFFFD : (Py_UCS4)value;
        }
        if (ch >= 0xD800 && ch <= 0xDBFF && i + 1 < count) {
            /* pdfium gives a character beyond the BMP (a math italic x, U+1D465) as two
               indices, one per UTF-16 unit: the pair is one glyph (glyphs.py: paired). */
            Py_UCS4 low;
            if (char_at(chars, i + 1, &low) < 0) goto done;
            if (low >= 0xDC00 && low <= 0xDFFF) {
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                skip_next = 1;
            }
        }
        if (!get_loose_char_box(text_page, index, &rect)) continue;
        if (address != last_address && own_fonts) {
            PyObject *tuple = text_object_info(&fonts, text_page, (void *)address, index);
            if (tuple == NULL) goto done;
            run_info_from_tuple(&info, tuple);
            Py_DECREF(tuple);
            last_address = address;
        } else if (address != last_address) {
            PyObject *source = PyObject_CallFunction(info_of, "Ki", (unsigned long long)address,
                                                     index);
            if (source == NULL) goto done;
            int status = run_info_load(&info, source);
            Py_DECREF(source);
            if (status < 0) goto done;
            last_address = address;
        }
        double left = rect.left, top = rect.top, right = rect.right, bottom = rect.bottom;
        double x0, x1, y0, y1;
        if (left <= right) {
            x0 = left;
            x1 = right;
        } else {
            x0 = right;
            x1 = left;
        }
        if (bottom <= top) {
            y0 = bottom;
            y1 = top;
        } else {
            y0 = top;
            y1 = bottom;
        }
        double height = y1 - y0;
        double extent = height >= 0.01 ? height : x1 - x0;
        PyObject *size = NULL;
        for (int k = 0; k < cached; k++) {
            /* == on doubles, as a dict lookup of Python floats compares them. */
            if (cached_extent[k] == extent) {
                size = cached_size[k];
                break;
            }
        }
        if (size == NULL) {
            size = round_one(extent);
            if (size == NULL) goto done;
            Py_XDECREF(cached_size[next_slot]);
            cached_size[next_slot] = size;
            cached_extent[next_slot] = extent;
            next_slot = (next_slot + 1) % SIZE_CACHE;
            if (cached < SIZE_CACHE) cached++;
        }
        int generated = Py_UNICODE_ISSPACE(ch) && is_generated(text_page, index) == 1;
        PyObject *character = PyUnicode_FromOrdinal(ch);
        PyObject *fx0 = memo_float(&x_memo, x0);
        PyObject *fy0 = memo_float(&y0_memo, y0);
        PyObject *fx1 = fx0 ? memo_float(&x_memo, x1) : NULL;
        PyObject *fy1 = memo_float(&y1_memo, y1);
        int status = -1;
        if (character && fx0 && fy0 && fx1 && fy1) {
            PyObject *glyph_args[14] = {
                character, fx0, fy0, fx1, fy1, size, info.bold, info.font, info.owner,
                info.mcid, info.italic, info.artifact, info.rotated,
                generated ? Py_True : Py_False,
            };
            status = append_glyph(out, glyph_class, &layout, glyph_args, 14);
        }
        Py_XDECREF(character);
        Py_XDECREF(fx0);
        Py_XDECREF(fy0);
        Py_XDECREF(fx1);
        Py_XDECREF(fy1);
        if (status < 0) goto done;
        have_previous = 1;
        prev_x1 = x1;
        prev_y0 = y0;
        prev_y1 = y1;
        Py_INCREF(size);
        Py_XSETREF(prev_size, size);
        Py_INCREF(info.bold);
        Py_XSETREF(prev_bold, info.bold);
        Py_INCREF(info.font);
        Py_XSETREF(prev_font, info.font);
        Py_INCREF(info.mcid);
        Py_XSETREF(prev_mcid, info.mcid);
    }
    result = Py_NewRef(Py_None);

done:
    Py_XDECREF(x_memo.object);
    Py_XDECREF(y0_memo.object);
    Py_XDECREF(y1_memo.object);
    run_info_clear(&info);
    for (int k = 0; k < SIZE_CACHE; k++) Py_XDECREF(cached_size[k]);
    Py_XDECREF(prev_size);
    Py_XDECREF(prev_bold);
    Py_XDECREF(prev_font);
    Py_XDECREF(prev_mcid);
    Py_DECREF(space);
    Py_DECREF(minus_one);
    Py_XDECREF(fonts.infos);
    return result;
}

/* --- page objects (glyphs.py's _objects) ------------------------------------------------ */

typedef int (*count_objects_fn)(void *page);
typedef void *(*get_object_fn)(void *page, int index);
typedef int (*object_type_fn)(void *object);
typedef int (*object_mcid_fn)(void *object);
typedef int (*object_bounds_fn)(void *object, float *left, float *bottom, float *right,
                                float *top);
typedef int (*form_count_fn)(void *form);
typedef void *(*form_object_fn)(void *form, unsigned long index);
/* FPDFPageObj_GetMatrix (fs_matrix: pdfium's FS_MATRIX, above). */
typedef int (*object_matrix_fn)(void *object, fs_matrix *matrix);

/* What curve_bounds.py's tightened asks of a path object (pdfium's fpdf_edit.h). */
typedef int (*count_segments_fn)(void *path);
typedef void *(*path_segment_fn)(void *path, int index);
typedef int (*segment_point_fn)(void *segment, float *x, float *y);
typedef int (*segment_type_fn)(void *segment);
typedef int (*draw_mode_fn)(void *path, int *fill_mode, int *stroke);
typedef int (*stroke_width_fn)(void *object, float *width);

/* A PDF matrix [a b c d e f] in doubles (form_space.py's Matrix). */
typedef struct { double a, b, c, d, e, f; } page_matrix;

/* form_space.then: apply first, then second. Same operations in the same order as there. */
static page_matrix matrix_then(page_matrix m1, page_matrix m2) {
    page_matrix out = {
        m1.a * m2.a + m1.b * m2.c, m1.a * m2.b + m1.b * m2.d,
        m1.c * m2.a + m1.d * m2.c, m1.c * m2.b + m1.d * m2.d,
        m1.e * m2.a + m1.f * m2.c + m2.e, m1.e * m2.b + m1.f * m2.d + m2.f,
    };
    return out;
}

/* form_space.mapped_box: the box around the four corners after m (in place). */
static void map_box(const page_matrix *m, double *left, double *bottom, double *right,
                    double *top) {
    double xs[4] = {*left, *right, *left, *right}, ys[4] = {*bottom, *bottom, *top, *top};
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (int k = 0; k < 4; k++) {
        double x = m->a * xs[k] + m->c * ys[k] + m->e, y = m->b * xs[k] + m->d * ys[k] + m->f;
        /* (Python's min/max keep the first of equals: the same value here.) */
        if (k == 0 || x < x0) x0 = x;
        if (k == 0 || x > x1) x1 = x;
        if (k == 0 || y < y0) y0 = y;
        if (k == 0 || y > y1) y1 = y;
    }
    *left = x0, *bottom = y0, *right = x1, *top = y1;
}

/* --- a path's curves' box (curve_bounds.py, the same arithmetic in the same order) --- */

/* pdfium's FPDF_SEGMENT_BEZIERTO; curve_bounds.MAX_SEGMENTS. */
enum { SEGMENT_BEZIER = 1, MAX_SEGMENTS = 20000 };

/* curve_bounds.cubic_span: the least and greatest value of a cubic along one axis. */
static void cubic_span(double p0, double p1, double p2, double p3, double *lo_out,
                       double *hi_out) {
    double lo = p0 < p3 ? p0 : p3;
    double hi = p0 > p3 ? p0 : p3;
    if (lo <= p1 && p1 <= hi && lo <= p2 && p2 <= hi) {
        *lo_out = lo, *hi_out = hi;
        return;
    }
    double a = -p0 + 3.0 * p1 - 3.0 * p2 + p3;
    double b = 2.0 * (p0 - 2.0 * p1 + p2);
    double cc = p1 - p0;
    double roots[2];
    int count = 0;
    if (fabs(a) < 1e-12) {
        if (fabs(b) > 1e-12) roots[count++] = -cc / b;
    } else {
        double disc = b * b - 4.0 * a * cc;
        if (disc >= 0.0) {
            double root = sqrt(disc);
            roots[count++] = (-b + root) / (2.0 * a);
            roots[count++] = (-b - root) / (2.0 * a);
        }
    }
    for (int k = 0; k < count; k++) {
        double t = roots[k];
        if (0.0 < t && t < 1.0) {
            double u = 1.0 - t;
            double v = u * u * u * p0 + 3.0 * u * u * t * p1 + 3.0 * u * t * t * p2 +
                       t * t * t * p3;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
    }
    *lo_out = lo, *hi_out = hi;
}

typedef struct {
    count_segments_fn count_segments;
    path_segment_fn path_segment;
    segment_point_fn segment_point;
    segment_type_fn segment_type;
    draw_mode_fn draw_mode;
    stroke_width_fn stroke_width;
    object_matrix_fn matrix;
} curve_functions;

/* curve_bounds.tightened: pdfium's box of a path (in place) cut down to its curves' box. */
static void tighten_path_box(const curve_functions *f, void *path, double *left,
                             double *bottom, double *right, double *top) {
    int count = f->count_segments(path);
    if (count <= 0 || count > MAX_SEGMENTS) return;
    double *xs = PyMem_Malloc(sizeof(double) * 2 * (size_t)count);
    int *kinds = PyMem_Malloc(sizeof(int) * (size_t)count);
    if (xs == NULL || kinds == NULL) {
        PyMem_Free(xs);
        PyMem_Free(kinds);
        return;  /* (no memory: pdfium's box, as for a path of too many segments) */
    }
    double *ys = xs + count;
    int curved = 0, read = 1;
    for (int k = 0; k < count && read; k++) {
        void *segment = f->path_segment(path, k);
        float x = 0, y = 0;
        if (segment == NULL || !f->segment_point(segment, &x, &y)) {
            read = 0;
            break;
        }
        xs[k] = x, ys[k] = y, kinds[k] = f->segment_type(segment);
        if (kinds[k] == SEGMENT_BEZIER) curved = 1;
    }
    fs_matrix raw = {1, 0, 0, 1, 0, 0};
    if (read && curved && f->matrix(path, &raw)) {
        /* curve_bounds.curve_box */
        double x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
        int k = 1;
        while (k < count) {
            if (kinds[k] == SEGMENT_BEZIER && k + 2 < count) {
                double lo, hi;
                cubic_span(xs[k - 1], xs[k], xs[k + 1], xs[k + 2], &lo, &hi);
                x0 = lo < x0 ? lo : x0, x1 = hi > x1 ? hi : x1;
                cubic_span(ys[k - 1], ys[k], ys[k + 1], ys[k + 2], &lo, &hi);
                y0 = lo < y0 ? lo : y0, y1 = hi > y1 ? hi : y1;
                k += 3;
                continue;
            }
            x0 = xs[k] < x0 ? xs[k] : x0, x1 = xs[k] > x1 ? xs[k] : x1;
            y0 = ys[k] < y0 ? ys[k] : y0, y1 = ys[k] > y1 ? ys[k] : y1;
            k++;
        }
        /* curve_bounds.tightened and within */
        int fill = 0, stroke = 0;
        float width = 0;
        int stroked = f->draw_mode(path, &fill, &stroke) && stroke;
        double half = stroked && f->stroke_width(path, &width) ? (double)width / 2.0 : 0.0;
        page_matrix m = {raw.a, raw.b, raw.c, raw.d, raw.e, raw.f};
        x0 = x0 - half, y0 = y0 - half, x1 = x1 + half, y1 = y1 + half;
        map_box(&m, &x0, &y0, &x1, &y1);
        if (stroked && half == 0.0) x0 = x0 - 0.5, y0 = y0 - 0.5, x1 = x1 + 0.5, y1 = y1 + 0.5;
        x0 = x0 > *left ? x0 : *left, y0 = y0 > *bottom ? y0 : *bottom;
        x1 = x1 < *right ? x1 : *right, y1 = y1 < *top ? y1 : *top;
        if (!(x0 > x1 || y0 > y1)) *left = x0, *bottom = y0, *right = x1, *top = y1;
    }
    PyMem_Free(xs);
    PyMem_Free(kinds);
}

/* pdfium's FPDF_PAGEOBJ_* values. */
enum { OBJECT_TEXT = 1, OBJECT_PATH = 2, OBJECT_IMAGE = 3, OBJECT_SHADING = 4, OBJECT_FORM = 5 };

typedef struct {
    object_type_fn type;
    object_mcid_fn mcid;
    object_bounds_fn bounds;
    form_count_fn form_count;
    form_object_fn form_object;
    object_matrix_fn matrix;
    curve_functions curves;
    PyObject *owners, *rect_class, *images, *rules, *paths, *on_image;
    /* Where a Rect's fields live (see make_rect); rect_type NULL: call the class. */
    PyTypeObject *rect_type;
    Py_ssize_t rect_offsets[6];
    Py_ssize_t visited, max_objects, max_paths;
    double rule_thickness;
} object_walk;

/* Rect's fields in the order of its __init__ arguments. */
static const char *const rect_fields[] = {"x0", "y0", "x1", "y1", "obj", "mcid"};

/* ``Rect(left, bottom, right, top, index, mcid)``, a new reference. As for a Glyph (see
 * append_glyph), the slots of a slots dataclass are filled here rather than through its
 * __init__ (Python code, entered once per path of a page drawn with thousands); the same
 * object either way (a test compares the objects walked both ways). */
static PyObject *make_rect(const object_walk *walk, double left, double bottom, double right,
                           double top, PyObject *index, int mcid) {
    if (walk->rect_type == NULL) {
        return PyObject_CallFunction(walk->rect_class, "ddddOi", left, bottom, right, top,
                                     index, mcid);
    }
    PyObject *values[6] = {PyFloat_FromDouble(left), PyFloat_FromDouble(bottom),
                           PyFloat_FromDouble(right), PyFloat_FromDouble(top),
                           Py_NewRef(index), PyLong_FromLong(mcid)};
    PyObject *rect = NULL;
    for (int k = 0; k < 6; k++) {
        if (values[k] == NULL) goto done;
    }
    rect = walk->rect_type->tp_alloc(walk->rect_type, 0);
    if (rect == NULL) goto done;
    for (int k = 0; k < 6; k++) {
        *(PyObject **)((char *)rect + walk->rect_offsets[k]) = values[k];
        values[k] = NULL; /* (given to the slot) */
    }
done:
    for (int k = 0; k < 6; k++) Py_XDECREF(values[k]);
    return rect;
}

/* One object and, for a Form XObject, the objects inside it (glyphs.py: _objects.visit).
 * to_page: inside a form, the matrix from its space to the page's (pdfium gives inner boxes
 * in the form's space: see form_space.py); NULL at the top. */
static int visit_object(object_walk *walk, void *object, PyObject *top_index, int depth,
                        const page_matrix *to_page) {
    walk->visited++;
    if (walk->visited > walk->max_objects || depth > 12) return 0;
    PyObject *address = PyLong_FromVoidPtr(object);
    if (address == NULL) return -1;
    int status = PyDict_SetItem(walk->owners, address, top_index);
    if (status < 0) {
        Py_DECREF(address);
        return -1;
    }
    int kind = walk->type(object);
    if (kind == OBJECT_IMAGE || kind == OBJECT_PATH || kind == OBJECT_SHADING) {
        float raw_left, raw_bottom, raw_right, raw_top;
        if (!walk->bounds(object, &raw_left, &raw_bottom, &raw_right, &raw_top)) {
            Py_DECREF(address);
            return 0;
        }
        double left = raw_left, bottom = raw_bottom, right = raw_right, top = raw_top;
        if (kind == OBJECT_PATH) {
            tighten_path_box(&walk->curves, object, &left, &bottom, &right, &top);
        }
        if (to_page != NULL) map_box(to_page, &left, &bottom, &right, &top);
        PyObject *list = NULL;
        if (kind == OBJECT_IMAGE) {
            list = walk->images;
        } else if (kind == OBJECT_PATH && (right - left <= walk->rule_thickness ||
                                           top - bottom <= walk->rule_thickness)) {
            list = walk->rules;
        } else if (kind == OBJECT_PATH && PyList_GET_SIZE(walk->paths) < walk->max_paths) {
            list = walk->paths;
        }
        if (list != NULL) {
            /* An image keeps its own MCID (glyphs.py: Rect.mcid); rules and paths need none. */
            PyObject *rect = make_rect(walk, left, bottom, right, top, top_index,
                                       kind == OBJECT_IMAGE ? walk->mcid(object) : -1);
            status = rect == NULL ? -1 : PyList_Append(list, rect);
            if (status == 0 && kind == OBJECT_IMAGE && walk->on_image != Py_None) {
                PyObject *done = PyObject_CallFunctionObjArgs(walk->on_image, address, rect, NULL);
                status = done == NULL ? -1 : 0;
                Py_XDECREF(done);
            }
            Py_XDECREF(rect);
        }
    } else if (kind == OBJECT_FORM) {
        fs_matrix raw = {1, 0, 0, 1, 0, 0};
        if (!walk->matrix(object, &raw)) raw = (fs_matrix){1, 0, 0, 1, 0, 0};
        page_matrix own = {raw.a, raw.b, raw.c, raw.d, raw.e, raw.f};
        page_matrix inside = to_page == NULL ? own : matrix_then(own, *to_page);
        int count = walk->form_count(object);
        for (int k = 0; k < count && status == 0; k++) {
            void *inner = walk->form_object(object, (unsigned long)k);
            if (inner) status = visit_object(walk, inner, top_index, depth + 1, &inside);
        }
    }
    Py_DECREF(address);
    return status;
}

/* walk_objects(page, functions, rect_class, images, rules, paths, on_image, kind_names,
 *              max_objects, max_paths, rule_thickness) -> (owners, kinds, mcids, visited,
 *              table)
 * glyphs.py's _objects loop: see there for what each step is for. ``table``: the address of
 * each top-level object (NULL where pdfium gave none), as bytes: see object_table. */
static PyObject *walk_objects(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 11) {
        PyErr_SetString(PyExc_TypeError, "walk_objects takes 11 arguments");
        return NULL;
    }
    PyObject *functions = args[1], *kind_names = args[7];
    if (!PyTuple_Check(functions) || PyTuple_GET_SIZE(functions) != 14) {
        PyErr_SetString(PyExc_TypeError, "expected the addresses of 14 pdfium functions");
        return NULL;
    }
    if (!PyList_Check(args[3]) || !PyList_Check(args[4]) || !PyList_Check(args[5]) ||
        !PyDict_Check(kind_names)) {
        PyErr_SetString(PyExc_TypeError, "images, rules, paths: lists; kind_names: a dict");
        return NULL;
    }
    void *page = PyLong_AsVoidPtr(args[0]);
    void *addresses[14];
    for (int k = 0; k < 14; k++) addresses[k] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(functions, k));
    object_walk walk = {
        .type = (object_type_fn)addresses[2],
        .mcid = (object_mcid_fn)addresses[3],
        .bounds = (object_bounds_fn)addresses[4],
        .form_count = (form_count_fn)addresses[5],
        .form_object = (form_object_fn)addresses[6],
        .matrix = (object_matrix_fn)addresses[7],
        .curves = {
            .count_segments = (count_segments_fn)addresses[8],
            .path_segment = (path_segment_fn)addresses[9],
            .segment_point = (segment_point_fn)addresses[10],
            .segment_type = (segment_type_fn)addresses[11],
            .draw_mode = (draw_mode_fn)addresses[12],
            .stroke_width = (stroke_width_fn)addresses[13],
            .matrix = (object_matrix_fn)addresses[7],
        },
        .rect_class = args[2], .images = args[3], .rules = args[4], .paths = args[5],
        .on_image = args[6],
        .max_objects = PyLong_AsSsize_t(args[8]),
        .max_paths = PyLong_AsSsize_t(args[9]),
        .rule_thickness = PyFloat_AsDouble(args[10]),
    };
    if (PyErr_Occurred()) return NULL;
    walk.rect_type = slots_read(walk.rect_offsets, walk.rect_class, rect_fields, 6);
    count_objects_fn count_objects = (count_objects_fn)addresses[0];
    get_object_fn get_object = (get_object_fn)addresses[1];
    object_mcid_fn object_mcid = (object_mcid_fn)addresses[3];
    for (int k = 0; k < 14; k++) {
        if (addresses[k] == NULL) {
            PyErr_SetString(PyExc_ValueError, "null pdfium function");
            return NULL;
        }
    }
    if (page == NULL) {
        PyErr_SetString(PyExc_ValueError, "null page");
        return NULL;
    }
    PyObject *owners = PyDict_New(), *kinds = PyList_New(0), *mcids = PyList_New(0);
    PyObject *unknown = PyUnicode_FromString("unknown");
    PyObject *result = NULL, *table = NULL;
    if (!owners || !kinds || !mcids || !unknown) goto done;
    walk.owners = owners;
    int count = count_objects(page);
    /* (Each top-level object's address, as asked here: see object_table.) */
    table = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(count > 0 ? count : 0) * sizeof(void *));
    if (table == NULL) goto done;
    void **objects = (void **)PyBytes_AS_STRING(table);
    for (int i = 0; i < count; i++) {
        void *object = get_object(page, i);
        objects[i] = object;
        int kind = object ? walk.type(object) : -1;
        PyObject *number = PyLong_FromLong(kind);
        if (number == NULL) goto done;
        PyObject *name = PyDict_GetItemWithError(kind_names, number);
        Py_DECREF(number);
        if (name == NULL && PyErr_Occurred()) goto done;
        if (PyList_Append(kinds, name ? name : unknown) < 0) goto done;
        PyObject *mcid = PyLong_FromLong(object ? object_mcid(object) : -1);
        if (mcid == NULL) goto done;
        int status = PyList_Append(mcids, mcid);
        Py_DECREF(mcid);
        if (status < 0) goto done;
        if (object) {
            PyObject *top_index = PyLong_FromLong(i);
            if (top_index == NULL) goto done;
            status = visit_object(&walk, object, top_index, 0, NULL);
            Py_DECREF(top_index);
            if (status < 0) goto done;
        }
    }
    result = Py_BuildValue("OOOnO", owners, kinds, mcids, walk.visited, table);

done:
    Py_XDECREF(table);
    Py_XDECREF(owners);
    Py_XDECREF(kinds);
    Py_XDECREF(mcids);
    Py_XDECREF(unknown);
    return result;
}

/* --- a page's characters when its text left some out (glyphs.py's page_chars) ----------- */

/* aligned_chars(text_page, count, text, get_unicode) -> list of one-character strs: each
 * character index asked of pdfium, and the page text's reading kept where the two agree, as
 * page_chars's loop does in Python (a test compares the two). A call per character: through
 * ctypes each cost more than the character itself. */
static PyObject *aligned_chars(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "aligned_chars takes 4 arguments");
        return NULL;
    }
    void *text_page = PyLong_AsVoidPtr(args[0]);
    Py_ssize_t count = PyLong_AsSsize_t(args[1]);
    PyObject *text = args[2];
    get_unicode_fn get_unicode = (get_unicode_fn)PyLong_AsVoidPtr(args[3]);
    if (PyErr_Occurred()) return NULL;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "text must be a str");
        return NULL;
    }
    if (!text_page || !get_unicode || count < 0 || count > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "null text page or function, or a bad count");
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(count);
    if (out == NULL) return NULL;
    Py_ssize_t at = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        unsigned int value = get_unicode(text_page, (int)i);
        /* (glyphs.py's _character: U+FFFD for a value that is no code point.) */
        Py_UCS4 ch = value > 0x10FFFF ? 0xFFFD : (Py_UCS4)value;
        Py_UCS4 kept = ch;  /* left out of the text (or a surrogate pair's second half) */
        if (at < length) {
            Py_UCS4 read = PyUnicode_READ(kind, data, at);
            /* (pdfium's text says U+FFFE for the hyphen it takes to end a line; the
               character itself reads U+0002.) */
            if (read == ch || (read == 0xFFFE && ch == 0x02)) {
                kept = read;
                at++;
            }
        }
        PyObject *character = PyUnicode_FromOrdinal(kept);
        if (character == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, character);
    }
    return out;
}

/* glyph_objects(glyphs, glyph_class) -> the set of the glyphs' ``obj`` values
 * (``set(map(attrgetter("obj"), glyphs))``, which glyphs.py's _restore_dropped_spaces asks of
 * every page): a glyph of ``glyph_class`` has its slot read directly; a run of glyphs of one
 * text object shares one int object, added once. */
static PyObject *glyph_objects(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "glyph_objects(glyphs: list, glyph_class)");
        return NULL;
    }
    PyObject *glyphs = args[0];
    glyph_layout layout;
    glyph_layout_read(&layout, args[1]);
    Py_ssize_t obj_offset = -1;
    for (int k = 0; k < GLYPH_FIELDS && layout.type != NULL; k++) {
        if (strcmp(glyph_fields[k], "obj") == 0) obj_offset = layout.offsets[k];
    }
    if (obj_offset < 0) layout.type = NULL; /* (read through getattr instead) */
    PyObject *out = PySet_New(NULL);
    if (out == NULL) return NULL;
    PyObject *last = NULL; /* borrowed: the last value added, held by its glyph */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs); i++) {
        PyObject *glyph = PyList_GET_ITEM(glyphs, i);
        PyObject *value;
        int held = 0; /* the glyph holds the value (so ``last`` stays alive) */
        if (layout.type != NULL && Py_IS_TYPE(glyph, layout.type)) {
            held = 1;
            value = *(PyObject **)((char *)glyph + obj_offset);
            if (value == NULL) {
                PyErr_SetString(PyExc_AttributeError, "obj");
                goto fail;
            }
            Py_INCREF(value);
        } else {
            value = PyObject_GetAttrString(glyph, "obj");
            if (value == NULL) goto fail;
        }
        if (value != last) {
            if (PySet_Add(out, value) < 0) {
                Py_DECREF(value);
                goto fail;
            }
        }
        last = held ? value : NULL;
        Py_DECREF(value);
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* glyphs_among(glyphs, chars, glyph_class) -> the list of the glyphs whose ``char`` is in the
 * set ``chars`` (``[g for g in glyphs if g.char in chars]``, which named_glyphs.py asks of
 * every page whose fonts have reading fixes): a glyph of ``glyph_class`` has its slot read
 * directly; a glyph holding the same str object as the one before it gets the same answer,
 * and a character below U+0100 is looked up in the set once a call. */
static PyObject *glyphs_among(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 3 || !PyList_Check(args[0]) || !PyAnySet_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "glyphs_among(glyphs: list, chars: set, glyph_class)");
        return NULL;
    }
    PyObject *glyphs = args[0], *chars = args[1];
    glyph_layout layout;
    glyph_layout_read(&layout, args[2]);
    Py_ssize_t char_offset = -1;
    for (int k = 0; k < GLYPH_FIELDS && layout.type != NULL; k++) {
        if (strcmp(glyph_fields[k], "char") == 0) char_offset = layout.offsets[k];
    }
    if (char_offset < 0) layout.type = NULL; /* (read through getattr instead) */
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    PyObject *last = NULL; /* strong: the last character asked about */
    int last_in = 0;
    signed char answers[0x100]; /* by code point: -1 not asked yet, else in the set or not */
    memset(answers, -1, sizeof answers);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(glyphs); i++) {
        /* (Held while asked about: getattr or a str's hash may run code changing the list.) */
        PyObject *glyph = Py_NewRef(PyList_GET_ITEM(glyphs, i));
        PyObject *value;
        if (layout.type != NULL && Py_IS_TYPE(glyph, layout.type)) {
            value = *(PyObject **)((char *)glyph + char_offset);
            if (value == NULL) {
                PyErr_SetString(PyExc_AttributeError, "char");
                Py_DECREF(glyph);
                goto fail;
            }
            Py_INCREF(value);
        } else {
            value = PyObject_GetAttrString(glyph, "char");
            if (value == NULL) {
                Py_DECREF(glyph);
                goto fail;
            }
        }
        if (value != last) {
            /* A one-character str below U+0100 is answered once a call: equal strs are in
               the set alike, whatever object holds them. */
            Py_UCS4 code = PyUnicode_CheckExact(value) && PyUnicode_GET_LENGTH(value) == 1
                               ? PyUnicode_READ_CHAR(value, 0) : 0x100;
            int found = code < 0x100 ? answers[code] : -1;
            if (found < 0) {
                found = PySet_Contains(chars, value);
                if (found < 0) {
                    Py_DECREF(value);
                    Py_DECREF(glyph);
                    goto fail;
                }
                if (code < 0x100) answers[code] = (signed char)found;
            }
            Py_XSETREF(last, Py_NewRef(value));
            last_in = found;
        }
        Py_DECREF(value);
        int status = last_in ? PyList_Append(out, glyph) : 0;
        Py_DECREF(glyph);
        if (status < 0) goto fail;
    }
    Py_XDECREF(last);
    return out;
fail:
    Py_XDECREF(last);
    Py_DECREF(out);
    return NULL;
}

/* --- a drawing's top-level objects by size (glyphs.py's OpenedPage.seen_box) ----------- */

/* objects_by_size(page, indices, get_object, get_bounds) -> list | None: for the n-th of the
 * top-level object indices, (-area, n, object address, left, bottom, right, top), the area
 * that of its pdfium bounds; None when an object is missing or its bounds unread. As
 * seen_box's loop builds it in Python (a test compares the two). */
static PyObject *objects_by_size(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "objects_by_size takes 4 arguments");
        return NULL;
    }
    void *page = PyLong_AsVoidPtr(args[0]);
    get_object_fn get_object = (get_object_fn)PyLong_AsVoidPtr(args[2]);
    object_bounds_fn bounds = (object_bounds_fn)PyLong_AsVoidPtr(args[3]);
    if (PyErr_Occurred()) return NULL;
    if (page == NULL || get_object == NULL || bounds == NULL) {
        PyErr_SetString(PyExc_ValueError, "null page or pdfium function");
        return NULL;
    }
    PyObject *indices = PySequence_Fast(args[1], "indices: a sequence of ints");
    if (indices == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(indices);
    PyObject *out = PyList_New(n);
    if (out == NULL) {
        Py_DECREF(indices);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        long index = PyLong_AsLong(PySequence_Fast_GET_ITEM(indices, k));
        if (index == -1 && PyErr_Occurred()) goto fail;
        if (index < INT_MIN || index > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "object index out of range");
            goto fail;
        }
        void *object = get_object(page, (int)index);
        float left = 0, bottom = 0, right = 0, top = 0;
        if (object == NULL || !bounds(object, &left, &bottom, &right, &top)) {
            Py_DECREF(indices);
            Py_DECREF(out);
            Py_RETURN_NONE;
        }
        double x0 = left, y0 = bottom, x1 = right, y1 = top;
        double area = (x1 - x0) * (y1 - y0);
        PyObject *item = Py_BuildValue("(dnNdddd)", -area, k, PyLong_FromVoidPtr(object),
                                       x0, y0, x1, y1);
        if (item == NULL) goto fail;
        PyList_SET_ITEM(out, k, item);
    }
    Py_DECREF(indices);
    return out;
fail:
    Py_DECREF(indices);
    Py_DECREF(out);
    return NULL;
}

/* object_boxes(page, stop, skip, get_object, get_bounds) -> (indices, boxes)
 *
 * glyphs.py's _object_boxes: of the top-level objects 0 .. stop-1 of ``page`` not in ``skip``
 * (a dict), those whose bounds pdfium reads, in order: their indices, and their bounds
 * (left, bottom, right, top), in two lists. */
static PyObject *object_boxes(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "object_boxes takes 5 arguments");
        return NULL;
    }
    void *page = PyLong_AsVoidPtr(args[0]);
    long stop = PyLong_AsLong(args[1]);
    get_object_fn get_object = (get_object_fn)PyLong_AsVoidPtr(args[3]);
    object_bounds_fn bounds = (object_bounds_fn)PyLong_AsVoidPtr(args[4]);
    if (PyErr_Occurred()) return NULL;
    if (page == NULL || get_object == NULL || bounds == NULL || !PyDict_Check(args[2])) {
        PyErr_SetString(PyExc_ValueError, "null page or pdfium function, or skip not a dict");
        return NULL;
    }
    if (stop > INT_MAX) stop = INT_MAX;
    PyObject *skip = args[2];
    PyObject *indices = PyList_New(0), *boxes = PyList_New(0);
    if (indices == NULL || boxes == NULL) goto fail;
    for (long j = 0; j < stop; j++) {
        PyObject *key = PyLong_FromLong(j);
        if (key == NULL) goto fail;
        int skipped = PyDict_Contains(skip, key);
        if (skipped) {
            Py_DECREF(key);
            if (skipped < 0) goto fail;
            continue;
        }
        void *object = get_object(page, (int)j);
        float left = 0, bottom = 0, right = 0, top = 0;
        if (object == NULL || !bounds(object, &left, &bottom, &right, &top)) {
            Py_DECREF(key);
            continue;
        }
        PyObject *box = Py_BuildValue("(dddd)", (double)left, (double)bottom, (double)right,
                                      (double)top);
        if (box == NULL || PyList_Append(indices, key) < 0 || PyList_Append(boxes, box) < 0) {
            Py_DECREF(key);
            Py_XDECREF(box);
            goto fail;
        }
        Py_DECREF(key);
        Py_DECREF(box);
    }
    return Py_BuildValue("(NN)", indices, boxes);
fail:
    Py_XDECREF(indices);
    Py_XDECREF(boxes);
    return NULL;
}

/* --- clip boxes (glyphs.py's OpenedPage.clip_boxes and _clip_box with areas) ------------- */

typedef void *(*clip_path_fn)(void *object);
typedef int (*clip_count_fn)(void *clip);
typedef int (*clip_segment_count_fn)(void *clip, int path);
typedef void *(*clip_segment_fn)(void *clip, int path, int segment);

/* The pdfium functions a per-object call is given: ``count`` addresses in a tuple, none null.
 * 0, or -1 with an exception set. */
static int pdfium_functions(PyObject *given, void **fn, Py_ssize_t count) {
    if (!PyTuple_Check(given) || PyTuple_GET_SIZE(given) != count) {
        PyErr_Format(PyExc_TypeError, "functions: a tuple of %zd addresses", count);
        return -1;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        fn[k] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(given, k));
        if (PyErr_Occurred()) return -1;
        if (fn[k] == NULL) {
            PyErr_SetString(PyExc_ValueError, "null pdfium function");
            return -1;
        }
    }
    return 0;
}

/* The arguments every per-object call opens with: (page, indices, functions, one more), of
 * which the page's address is returned (NULL with an exception set when any is wrong) and
 * the ``count`` functions' addresses put in ``fn``. */
static void *page_and_functions(const char *name, PyObject *const *args, Py_ssize_t nargs,
                                void **fn, Py_ssize_t count) {
    if (nargs != 4 && nargs != 5) {
        PyErr_Format(PyExc_TypeError, "%s takes 4 or 5 arguments", name);
        return NULL;
    }
    if (nargs == 5 && args[4] != Py_None && !PyBytes_Check(args[4])) {
        PyErr_Format(PyExc_TypeError, "%s: the object table is bytes or None", name);
        return NULL;
    }
    void *page = PyLong_AsVoidPtr(args[0]);
    if (PyErr_Occurred()) return NULL;
    if (pdfium_functions(args[2], fn, count) < 0) return NULL;
    if (page == NULL) PyErr_SetString(PyExc_ValueError, "null page");
    return page;
}

/* What one top-level object answers: a new reference, NULL with no exception set to leave the
 * object out, or NULL with an exception. */
typedef PyObject *(*object_answer_fn)(void *object, const void *context);

/*
 * The object table: the addresses walk_objects found for a page's top-level objects, each
 * as pdfium's FPDFPage_GetObject gave it, in index order (bytes of pointers). Asked again
 * while the page is open (nothing adds or removes its objects), pdfium gives the same
 * addresses; each call checks the page anew, which cost more than what the answers below
 * ask of the objects, so the table is read instead where the caller passes it (``table``,
 * the 5th argument; None or absent: pdfium is asked). An index past the table is past the
 * page's objects: pdfium would give none.
 */
static void *object_at(void *page, get_object_fn get_object, PyObject *table, long index) {
    if (table == NULL || table == Py_None) return get_object(page, (int)index);
    Py_ssize_t count = PyBytes_GET_SIZE(table) / (Py_ssize_t)sizeof(void *);
    return index < count ? ((void *const *)PyBytes_AS_STRING(table))[index] : NULL;
}

/* {index: answer} over the top-level objects at ``indices`` (an iterable of ints; indices out
 * of range or with no object are left out), ``answer`` asked of each; ``table``: see
 * object_at. */
static PyObject *answers_by_index(void *page, PyObject *indices_given, get_object_fn get_object,
                                  PyObject *table, object_answer_fn answer,
                                  const void *context) {
    PyObject *indices = PySequence_Fast(indices_given, "indices: an iterable of ints");
    if (indices == NULL) return NULL;
    PyObject *out = PyDict_New();
    if (out == NULL) {
        Py_DECREF(indices);
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(indices);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *key = PySequence_Fast_GET_ITEM(indices, k);
        long index = PyLong_AsLong(key);
        if (index == -1 && PyErr_Occurred()) goto fail;
        if (index < 0 || index > INT_MAX) continue;
        void *object = object_at(page, get_object, table, index);
        if (object == NULL) continue;
        PyObject *value = answer(object, context);
        if (value == NULL) {
            if (PyErr_Occurred()) goto fail;
            continue;
        }
        int set = PyDict_SetItem(out, key, value);
        Py_DECREF(value);
        if (set < 0) goto fail;
    }
    Py_DECREF(indices);
    return out;
fail:
    Py_DECREF(indices);
    Py_DECREF(out);
    return NULL;
}

typedef struct {
    clip_path_fn clip_path;
    clip_count_fn count_paths;
    clip_segment_count_fn count_segments;
    clip_segment_fn get_segment;
    segment_point_fn segment_point;
    double min_side;
} clip_reader;

/* One object's clip box (x0, y0, x1, y1), or NULL with no exception when it has none that can
 * be read (see clip_boxes). */
static PyObject *clip_box_of(void *object, const void *context) {
    const clip_reader *read = context;
    void *clip = read->clip_path(object);
    if (clip == NULL) return NULL;
    int paths = read->count_paths(clip);
    if (paths <= 0) return NULL;
    double box[4] = {-INFINITY, -INFINITY, INFINITY, INFINITY};
    for (int p = 0; p < paths; p++) {
        int segments = read->count_segments(clip, p);
        if (segments <= 0) return NULL;
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        for (int s = 0; s < segments; s++) {
            void *segment = read->get_segment(clip, p, s);
            float x = 0, y = 0;
            if (segment == NULL || !read->segment_point(segment, &x, &y)) return NULL;
            if (s == 0 || x < x0) x0 = x;
            if (s == 0 || x > x1) x1 = x;
            if (s == 0 || y < y0) y0 = y;
            if (s == 0 || y > y1) y1 = y;
        }
        if (x1 - x0 < read->min_side || y1 - y0 < read->min_side) return NULL;
        /* (Python's max/min keep the first of equals: the same value here.) */
        if (x0 > box[0]) box[0] = x0;
        if (y0 > box[1]) box[1] = y0;
        if (x1 < box[2]) box[2] = x1;
        if (y1 < box[3]) box[3] = y1;
    }
    return Py_BuildValue("(dddd)", box[0], box[1], box[2], box[3]);
}

/*
 * clip_boxes(page, indices, functions, min_side[, table]) -> {index: (left, bottom, right, top)}
 *
 * For each top-level object index: the intersection of its clip paths' point boxes, left
 * out when it has no clip, a path or point cannot be read, or a path is narrower than
 * min_side. functions: addresses of FPDFPage_GetObject, FPDFPageObj_GetClipPath,
 * FPDFClipPath_CountPaths, FPDFClipPath_CountPathSegments, FPDFClipPath_GetPathSegment,
 * FPDFPathSegment_GetPoint. The same arithmetic, in doubles from pdfium's floats, as
 * glyphs.py's _clip_box (a test holds the two to the same answer).
 */
static PyObject *clip_boxes(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    void *fn[6];
    void *page = page_and_functions("clip_boxes", args, nargs, fn, 6);
    if (page == NULL) return NULL;
    double min_side = PyFloat_AsDouble(args[3]);
    if (min_side == -1.0 && PyErr_Occurred()) return NULL;
    clip_reader read = {
        .clip_path = (clip_path_fn)fn[1],
        .count_paths = (clip_count_fn)fn[2],
        .count_segments = (clip_segment_count_fn)fn[3],
        .get_segment = (clip_segment_fn)fn[4],
        .segment_point = (segment_point_fn)fn[5],
        .min_side = min_side,
    };
    return answers_by_index(page, args[1], (get_object_fn)fn[0], nargs == 5 ? args[4] : NULL,
                            clip_box_of, &read);
}

/* --- what a text object paints (glyphs.py's text_paints) ------------------------------ */

typedef int (*render_mode_fn)(void *text_object);
typedef int (*object_colour_fn)(void *object, unsigned int *r, unsigned int *g, unsigned int *b,
                                unsigned int *a);

/* Whether the object's colour (fill or stroke, read by read_colour) is painted at all and
 * how: 0 no ink (alpha 0), 1 near white, 2 any other colour, -1 unreadable. */
static int paint_of(object_colour_fn read_colour, void *object, unsigned int near_white) {
    unsigned int r = 0, g = 0, b = 0, a = 0;
    if (!read_colour(object, &r, &g, &b, &a)) return -1;
    if (a == 0) return 0;
    return r >= near_white && g >= near_white && b >= near_white ? 1 : 2;
}

typedef struct {
    render_mode_fn render_mode;
    object_colour_fn fill_colour, stroke_colour;
    unsigned int near_white;
} paint_reader;

/* One object's paint (see text_paints), or NULL with no exception to leave it out. */
static PyObject *paint_of_text(void *object, const void *context) {
    const paint_reader *read = context;
    int mode = read->render_mode(object); /* (-1 for an object not text) */
    long paint;
    if (mode == 3) {
        paint = 0;
    } else if (mode < 0 || mode > 6) {
        return NULL; /* (unknown; 7 adds to the clip only: what it clips shows) */
    } else {
        /* Modes 0-6 but 3: fill (0, 4), stroke (1, 5) or both (2, 6). */
        int fills = mode != 1 && mode != 5, strokes = mode == 1 || mode == 2 || mode >= 5;
        int fill = fills ? paint_of(read->fill_colour, object, read->near_white) : 0;
        int stroke = strokes ? paint_of(read->stroke_colour, object, read->near_white) : 0;
        if (fill < 0 || stroke < 0 || fill == 2 || stroke == 2) return NULL;
        paint = fill > stroke ? fill : stroke;
    }
    return PyLong_FromLong(paint);
}

/*
 * text_paints(page, indices, functions, near_white[, table]) -> {index: paint}
 *
 * For each top-level object index (any iterable; objects not text are left out) that is a
 * text object and may show nothing: paint 0 when it draws no ink
 * (render mode 3, or every colour it paints with has alpha 0), 1 when all it paints is near
 * white (every channel at least near_white, 0-255); other objects are left out. functions:
 * addresses of FPDFPage_GetObject, FPDFTextObj_GetTextRenderMode, FPDFPageObj_GetFillColor,
 * FPDFPageObj_GetStrokeColor. The same steps as glyphs.py's _python_text_paints (a test holds
 * the two to the same answer).
 */
static PyObject *text_paints(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    void *fn[4];
    void *page = page_and_functions("text_paints", args, nargs, fn, 4);
    if (page == NULL) return NULL;
    long near_white = PyLong_AsLong(args[3]);
    if (near_white == -1 && PyErr_Occurred()) return NULL;
    paint_reader read = {
        .render_mode = (render_mode_fn)fn[1],
        .fill_colour = (object_colour_fn)fn[2],
        .stroke_colour = (object_colour_fn)fn[3],
        .near_white = (unsigned int)near_white,
    };
    return answers_by_index(page, args[1], (get_object_fn)fn[0], nargs == 5 ? args[4] : NULL,
                            paint_of_text, &read);
}

/* round_one(value): Python's round(value, 1), as the glyph loop rounds sizes (for a test). */
static PyObject *round_one_py(PyObject *self, PyObject *arg) {
    (void)self;
    double value = PyFloat_AsDouble(arg);
    if (value == -1.0 && PyErr_Occurred()) return NULL;
    return round_one(value);
}

static PyMethodDef methods[] = {
    {"round_one", round_one_py, METH_O,
     "Python's round(value, 1), as read_glyphs rounds a glyph's size (for a test)."},
    {"glyph_objects", (PyCFunction)(void (*)(void))glyph_objects, METH_FASTCALL,
     "The set of the glyphs' obj values (glyphs.py: _restore_dropped_spaces)."},
    {"glyphs_among", (PyCFunction)(void (*)(void))glyphs_among, METH_FASTCALL,
     "The glyphs whose character is in a set (named_glyphs.py: NamedGlyphReading.apply)."},
    {"read_glyphs", (PyCFunction)(void (*)(void))read_glyphs, METH_FASTCALL,
     "Append the Glyphs of a pdfium text page to a list (see glyphs.py)."},
    {"walk_objects", (PyCFunction)(void (*)(void))walk_objects, METH_FASTCALL,
     "A page's objects: owners, kinds, marked-content ids; images, rules, paths (glyphs.py)."},
    {"aligned_chars", (PyCFunction)(void (*)(void))aligned_chars, METH_FASTCALL,
     "A page's characters by index, read as its text reads them (glyphs.py: page_chars)."},
    {"object_boxes", (PyCFunction)(void (*)(void))object_boxes, METH_FASTCALL,
     "A page's top-level objects' bounds, but those skipped (glyphs.py's unseen_text)."},
    {"objects_by_size", (PyCFunction)(void (*)(void))objects_by_size, METH_FASTCALL,
     "A drawing's top-level objects with their bounds, for sorting by size (glyphs.py)."},
    {"clip_boxes", (PyCFunction)(void (*)(void))clip_boxes, METH_FASTCALL,
     "The box of the clip of each of a page's top-level objects (glyphs.py: clip_boxes)."},
    {"text_paints", (PyCFunction)(void (*)(void))text_paints, METH_FASTCALL,
     "Which of a page's top-level text objects draw no ink or only near white (glyphs.py)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_glyph_reader",
    "The per-character loop of layout.glyphs, in C (see glyphs.py).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__glyph_reader(void) {
    if (name_round == NULL && !(name_round = PyUnicode_InternFromString("__round__")))
        return NULL;
    if (one == NULL && !(one = PyLong_FromLong(1))) return NULL;
    return PyModule_Create(&module);
}
