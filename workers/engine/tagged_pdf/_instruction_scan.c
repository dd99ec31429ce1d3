/*
 * Where each instruction of a page's content stream lies in its bytes, read in C.
 *
 * Why C: tagging wraps a page's operators in marked content and changes nothing else. Going
 * through pikepdf (parse every operand into a Python object, walk them, unparse them all again)
 * cost more than half of the tagging time; what tagging needs is only each instruction's
 * operator and where it starts and ends, so that marked-content operators can be written
 * between the original bytes (marked_content.tag_stream_bytes).
 *
 * scan(data, boundaries, xobject_names) reads the (decoded, concatenated) content stream and
 * returns (operators, starts, ends, painting): one entry per instruction as
 * pikepdf.parse_content_stream gives them, its operator ("Tj", "BDC"...), the offset of its first
 * operand (of the operator when it has none), the offset just after its operator, and whether
 * it paints (as marked_content.is_painting says: text showing, path painting, sh, and a Do whose
 * first operand is one of xobject_names, a set of names like "/Im1"). Tokens are read as qpdf reads them, on the
 * same conservative terms as layout/_content_scan.c (whose tokenizer this follows): it answers
 * None, leaving the stream to pikepdf, at anything it does not read exactly as qpdf does:
 * comments, inline images, braces, operators outside the PDF set, numbers not of the plain form,
 * empty names, names with # escapes or bytes outside ASCII, a string ending a line with a
 * backslash, a hex string with a stray character, unbalanced arrays or dictionaries, a string
 * split between two streams of the page (``boundaries``: offsets where the page's streams were
 * joined), NUL bytes, operands left at the end. The caller also checks the instruction count
 * against pikepdf's where it parses the page anyway.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string.h>

#include "../_content_lexer.h"

/* The PDF operators (ISO 32000-1 Annex A) other than inline images' BI/ID/EI. */
static const char *const OPERATORS[] = {
    "b", "B", "b*", "B*", "BDC", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1",
    "Do", "DP", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "j", "J", "K", "k",
    "l", "m", "M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "SCN",
    "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw", "Tz",
    "v", "w", "W", "W*", "y", "'", "\"", NULL};

#define OPERATOR_COUNT (sizeof(OPERATORS) / sizeof(OPERATORS[0]))

/* Each operator's interned name (a borrowed reference), its length, and whether it paints
 * whatever its operands (Do depends on its XObject): filled once, when the module loads, so
 * that finding a word among the operators, done for every instruction of every page, compares
 * lengths and first letters rather than measuring every operator's name again. */
static PyObject *NAMES[OPERATOR_COUNT];
static Py_ssize_t LENGTHS[OPERATOR_COUNT];
static int PAINTS[OPERATOR_COUNT];

/* Operators that paint whatever their operands. */
static const char *const PAINTING[] = {"Tj", "TJ", "'", "\"", "f", "F", "f*", "B", "B*",
                                       "b", "b*", "S", "s", "sh", NULL};

/* The operator's index in OPERATORS, or -1 when the word is not one. */
static int operator_index(const unsigned char *word, Py_ssize_t n) {
    for (int k = 0; OPERATORS[k]; k++)
        if (LENGTHS[k] == n && (unsigned char)OPERATORS[k][0] == word[0] &&
            memcmp(OPERATORS[k], word, (size_t)n) == 0)
            return k;
    return -1;
}

static int in_painting(const char *op) {
    for (int k = 0; PAINTING[k]; k++)
        if (strcmp(PAINTING[k], op) == 0) return 1;
    return 0;
}

static int append_offset(PyObject *list, Py_ssize_t offset) {
    PyObject *value = PyLong_FromSsize_t(offset);
    if (value == NULL) return -1;
    int failed = PyList_Append(list, value);
    Py_DECREF(value);
    return failed;
}

static PyObject *scan(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer buffer;
    PyObject *bounds_seq, *xobject_names;
    if (!PyArg_ParseTuple(args, "y*OO", &buffer, &bounds_seq, &xobject_names)) return NULL;
    PyObject *result = NULL, *operators = NULL, *starts = NULL, *ends = NULL, *painting = NULL;
    Py_ssize_t *bounds = NULL, nbounds = 0;
    bounds = boundaries_of(bounds_seq, &nbounds);
    if (bounds == NULL) goto done;
    operators = PyList_New(0);
    starts = PyList_New(0);
    ends = PyList_New(0);
    painting = PyList_New(0);
    if (!PyAnySet_Check(xobject_names)) {
        PyErr_SetString(PyExc_TypeError, "xobject_names must be a set or frozenset");
        goto done;
    }
    if (operators == NULL || starts == NULL || ends == NULL || painting == NULL) {
        PyErr_NoMemory();
        goto done;
    }

    const unsigned char *s = buffer.buf;
    Py_ssize_t len = buffer.len, pos = 0;
    Py_ssize_t instruction_start = -1; /* the first operand of the open instruction, if any */
    Py_ssize_t first_name_end = -1;    /* the end of that operand when it is a name */
    int depth = 0;                     /* nesting of arrays and dictionaries */
    char nesting[256];
    int give_up = 0;
    while (pos < len && !give_up) {
        unsigned char ch = s[pos];
        if (is_space(ch)) {
            pos++;
            continue;
        }
        Py_ssize_t start = pos;
        if (ch == '(' || (ch == '<' && !(pos + 1 < len && s[pos + 1] == '<'))) {
            int empty; /* (whether the string is empty does not matter here) */
            int ok = ch == '(' ? literal_string(s, len, &pos, &empty)
                               : hex_string(s, len, &pos, &empty);
            if (!ok || !within_one_stream(bounds, nbounds, start, pos)) give_up = 1;
        } else if (ch == '/') {
            pos++;
            while (pos < len && is_regular(s[pos])) {
                if (s[pos] == '#' || s[pos] >= 0x80) give_up = 1;
                pos++;
            }
            if (pos - start < 2) give_up = 1; /* the empty name */
            if (instruction_start < 0 && depth == 0) first_name_end = pos;
        } else if (ch == '[' || ch == '<') {
            if (depth >= (int)sizeof(nesting)) {
                give_up = 1;
                break;
            }
            nesting[depth++] = (char)ch;
            pos += ch == '<' ? 2 : 1;
        } else if (ch == ']' || ch == '>') {
            char opener = ch == ']' ? '[' : '<';
            if (ch == '>' && !(pos + 1 < len && s[pos + 1] == '>')) give_up = 1;
            if (depth == 0 || nesting[depth - 1] != opener) give_up = 1;
            if (give_up) break;
            depth--;
            pos += ch == '>' ? 2 : 1;
        } else if (is_regular(ch)) {
            while (pos < len && is_regular(s[pos])) pos++;
            const unsigned char *word = s + start;
            Py_ssize_t n = pos - start;
            int plain = is_number(word, n) || (n == 4 && memcmp(word, "true", 4) == 0) ||
                        (n == 5 && memcmp(word, "false", 5) == 0) ||
                        (n == 4 && memcmp(word, "null", 4) == 0);
            if (!plain) {
                /* An operator: it closes an instruction. */
                int k = operator_index(word, n);
                if (k < 0 || depth > 0) {
                    give_up = 1;
                    break;
                }
                PyObject *name = NAMES[k];
                int paint = PAINTS[k];
                if (!paint && n == 2 && memcmp(word, "Do", 2) == 0 && first_name_end >= 0) {
                    PyObject *xobject = PyUnicode_DecodeASCII(
                        (const char *)s + instruction_start, first_name_end - instruction_start,
                        NULL);
                    if (xobject == NULL) goto done;
                    paint = PySet_Contains(xobject_names, xobject);
                    Py_DECREF(xobject);
                    if (paint < 0) goto done;
                }
                if (PyList_Append(operators, name) < 0 ||
                    append_offset(starts, instruction_start >= 0 ? instruction_start : start) < 0 ||
                    append_offset(ends, pos) < 0 ||
                    PyList_Append(painting, paint ? Py_True : Py_False) < 0)
                    goto done;
                instruction_start = -1;
                first_name_end = -1;
                continue;
            }
        } else {
            give_up = 1; /* '%' (a comment), '{', '}', a stray ')', NUL */
            break;
        }
        if (give_up) break;
        if (instruction_start < 0) instruction_start = start;
    }
    if (give_up || depth != 0 || instruction_start >= 0) {
        result = Py_NewRef(Py_None);
    } else {
        result = PyTuple_Pack(4, operators, starts, ends, painting);
    }

done:
    Py_XDECREF(operators);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(painting);
    PyMem_Free(bounds);
    PyBuffer_Release(&buffer);
    return result;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(data, boundaries, xobject_names) -> (operators, starts, ends, painting) or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_instruction_scan",
    "Where each instruction of a content stream lies, read in C (see marked_content.py).", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__instruction_scan(void) {
    for (int k = 0; OPERATORS[k]; k++) {
        NAMES[k] = PyUnicode_InternFromString(OPERATORS[k]);
        if (NAMES[k] == NULL) return NULL;
        LENGTHS[k] = (Py_ssize_t)strlen(OPERATORS[k]);
        PAINTS[k] = in_painting(OPERATORS[k]);
    }
    return PyModule_Create(&module);
}
