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

/* The string of a literal string token data[*pos] == '(' (up to end), decoded as qpdf decodes
 * it, appended to out (grown as needed); *pos moves past it. 0: not decoded exactly (a raw
 * carriage return, which qpdf reads as a line feed, or a line continuation: left to pikepdf). */
typedef struct {
    char *data;
    Py_ssize_t len, cap;
} Bytes;

static int put(Bytes *out, unsigned char ch) {
    if (out->len == out->cap) {
        Py_ssize_t cap = out->cap ? 2 * out->cap : 256;
        char *grown = PyMem_Realloc(out->data, (size_t)cap);
        if (grown == NULL) return -1;
        out->data = grown;
        out->cap = cap;
    }
    out->data[out->len++] = (char)ch;
    return 0;
}

/* 1: decoded; 0: not decoded exactly; -1: out of memory. */
static int decode_literal(const unsigned char *s, Py_ssize_t end, Py_ssize_t *pos, Bytes *out) {
    Py_ssize_t k = *pos + 1;
    int depth = 1;
    while (k < end) {
        unsigned char ch = s[k];
        if (ch == '\\') {
            if (k + 1 >= end) return 0;
            unsigned char next = s[k + 1];
            k += 2;
            int value;
            switch (next) {
            case 'n': value = '\n'; break;
            case 'r': value = '\r'; break;
            case 't': value = '\t'; break;
            case 'b': value = '\b'; break;
            case 'f': value = '\f'; break;
            case '\r': case '\n': return 0; /* a line continuation */
            default:
                if (next >= '0' && next <= '7') {
                    /* Up to three octal digits, the byte their value's low eight bits. */
                    value = next - '0';
                    for (int digits = 1; digits < 3 && k < end && s[k] >= '0' && s[k] <= '7';
                         digits++)
                        value = 8 * value + (s[k++] - '0');
                    value &= 0xFF;
                } else {
                    value = next; /* \( \) \\, and any other character stands for itself */
                }
            }
            if (put(out, (unsigned char)value) < 0) return -1;
            continue;
        }
        if (ch == '\r') return 0;
        if (ch == '(') depth++;
        else if (ch == ')' && --depth == 0) {
            *pos = k + 1;
            return 1;
        }
        if (put(out, ch) < 0) return -1;
        k++;
    }
    return 0;
}

/* A hex string from data[*pos] == '<': each pair of digits a byte, a last lone digit as if
 * followed by 0, white space skipped. */
static int decode_hex(const unsigned char *s, Py_ssize_t end, Py_ssize_t *pos, Bytes *out) {
    Py_ssize_t k = *pos + 1;
    int high = -1;
    while (k < end && s[k] != '>') {
        unsigned char ch = s[k++];
        if (is_space(ch)) continue;
        if (!is_hex(ch)) return 0;
        int digit = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        if (high < 0) {
            high = digit;
        } else {
            if (put(out, (unsigned char)(16 * high + digit)) < 0) return -1;
            high = -1;
        }
    }
    if (k >= end) return 0;
    if (high >= 0 && put(out, (unsigned char)(16 * high)) < 0) return -1;
    *pos = k + 1;
    return 1;
}

/* The interned names of the text-showing operators (set when the module loads). */
static PyObject *SHOWING[4];

/* Whether an operator's name is a text-showing one's (scan gives the interned names). */
static int is_showing(PyObject *name) {
    for (int k = 0; k < 4; k++)
        if (name == SHOWING[k]) return 1;
    if (!PyUnicode_Check(name)) return 0;
    for (int k = 0; k < 4; k++)
        if (PyUnicode_Compare(name, SHOWING[k]) == 0) return 1;
    return 0;
}

/* Appends to out what instruction data[start:end] shows (its operator one of SHOWING): the
 * strings of its last operand, that string itself or the strings directly in that array, as
 * font_usage reads pikepdf's operands. 1: read; 0: not read exactly; -1: out of memory. */
static int shown_by(const unsigned char *s, Py_ssize_t start, Py_ssize_t end, Bytes *out) {
    Py_ssize_t mark = out->len, pos = start;
    int depth = 0;
    char nesting[256];
    while (pos < end) {
        unsigned char ch = s[pos];
        if (is_space(ch)) {
            pos++;
            continue;
        }
        if (is_regular(ch)) {
            while (pos < end && is_regular(s[pos])) pos++;
            if (pos == end && depth == 0) return 1; /* the operator: what came before stands */
            if (depth == 0) out->len = mark;        /* a number: a new last operand */
            continue;
        }
        if (ch == ']' || (ch == '>' && pos + 1 < end && s[pos + 1] == '>')) {
            if (depth == 0) return 0;
            depth--;
            pos += ch == '>' ? 2 : 1;
            continue;
        }
        /* A new operand at the top: only the last one's strings count. */
        if (depth == 0) out->len = mark;
        if (ch == '(' || (ch == '<' && !(pos + 1 < end && s[pos + 1] == '<'))) {
            int counted = depth == 0 || (depth == 1 && nesting[0] == '[');
            Bytes ignored = {NULL, 0, 0};
            Bytes *into = counted ? out : &ignored;
            int read = ch == '(' ? decode_literal(s, end, &pos, into)
                                 : decode_hex(s, end, &pos, into);
            PyMem_Free(ignored.data);
            if (read <= 0) return read;
        } else if (ch == '[' || ch == '<') {
            if (depth >= (int)sizeof(nesting)) return 0;
            nesting[depth++] = (char)ch;
            pos += ch == '<' ? 2 : 1;
        } else if (ch == '/') {
            pos++;
            while (pos < end && is_regular(s[pos])) pos++;
        } else {
            return 0;
        }
    }
    return 0; /* no operator at the end */
}

/* shown(data, starts, ends, operators, first, last): what the text-showing instructions among
 * first..last-1 show, one after another (see shown_by); None where one is not read exactly. */
static PyObject *shown(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer buffer;
    PyObject *starts, *ends, *operators;
    Py_ssize_t first, last;
    if (!PyArg_ParseTuple(args, "y*O!O!O!nn", &buffer, &PyList_Type, &starts, &PyList_Type,
                          &ends, &PyList_Type, &operators, &first, &last))
        return NULL;
    PyObject *result = NULL;
    Bytes out = {NULL, 0, 0};
    Py_ssize_t count = PyList_GET_SIZE(operators);
    if (first < 0 || last > count || PyList_GET_SIZE(starts) != count ||
        PyList_GET_SIZE(ends) != count) {
        PyErr_SetString(PyExc_IndexError, "instructions out of range");
        goto done;
    }
    const unsigned char *s = buffer.buf;
    for (Py_ssize_t i = first; i < last; i++) {
        if (!is_showing(PyList_GET_ITEM(operators, i))) continue;
        Py_ssize_t start = PyLong_AsSsize_t(PyList_GET_ITEM(starts, i));
        Py_ssize_t end = PyLong_AsSsize_t(PyList_GET_ITEM(ends, i));
        if (PyErr_Occurred()) goto done;
        if (start < 0 || end > buffer.len || start > end) {
            PyErr_SetString(PyExc_IndexError, "instruction outside the data");
            goto done;
        }
        int read = shown_by(s, start, end, &out);
        if (read < 0) {
            PyErr_NoMemory();
            goto done;
        }
        if (read == 0) {
            result = Py_NewRef(Py_None);
            goto done;
        }
    }
    result = PyBytes_FromStringAndSize(out.data, out.len);

done:
    PyMem_Free(out.data);
    PyBuffer_Release(&buffer);
    return result;
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
            int ok = ch == '(' ? literal_string(s, len, &pos, &empty, 0)
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
    {"shown", shown, METH_VARARGS,
     "shown(data, starts, ends, operators, first, last) -> the bytes shown, or None."},
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
    const char *const showing[] = {"Tj", "TJ", "'", "\""};
    for (int k = 0; k < 4; k++) SHOWING[k] = NAMES[operator_index(
        (const unsigned char *)showing[k], (Py_ssize_t)strlen(showing[k]))];
    return PyModule_Create(&module);
}
