/* The lexing shared by the two content-stream scanners (layout/_content_scan.c and
 * tagged_pdf/_instruction_scan.c): PDF character classes (ISO 32000-1 7.2.2), numbers as
 * qpdf reads them, strings read exactly or not at all, and the streams' boundaries. Included by both, after
 * <Python.h>; every function is static, so each module keeps its own copy. */
#ifndef CONTENT_LEXER_H
#define CONTENT_LEXER_H

/* (NUL, whitespace in the PDF standard, is left to qpdf: the scanners give up on it.) */
static int is_space(unsigned char ch) {
    return ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r' || ch == ' ';
}

static int is_delimiter(unsigned char ch) {
    return ch == '(' || ch == ')' || ch == '<' || ch == '>' || ch == '[' || ch == ']' ||
           ch == '{' || ch == '}' || ch == '/' || ch == '%';
}

/* Each byte's lexical class, as bits: LEX_REGULAR (not NUL, white space or a delimiter:
 * is_space, is_delimiter; every byte from 128 up is), LEX_DIGIT ('0' to '9'), LEX_POINT
 * ('.'). Asked of every byte of every page's content, so answered by one load. */
#define LEX_REGULAR 1
#define LEX_DIGIT 2
#define LEX_POINT 4
static const unsigned char LEX_CLASS[256] = {
    0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 5, 0,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 0, 1, 0, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static inline int is_regular(unsigned char ch) { return LEX_CLASS[ch] & LEX_REGULAR; }

static int is_hex(unsigned char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* A plain number as qpdf reads one: optional sign, digits, at most one point, a digit. */
static int is_number(const unsigned char *word, Py_ssize_t n) {
    Py_ssize_t k = 0;
    int digits = 0, points = 0;
    if (n > 0 && (word[0] == '+' || word[0] == '-')) k = 1;
    for (; k < n; k++) {
        if (word[k] >= '0' && word[k] <= '9') digits++;
        else if (word[k] == '.' && points == 0) points++;
        else return 0;
    }
    return digits > 0;
}

/* is_number of a word of ``n`` regular bytes of which ``digits`` are digits and ``points``
 * points (counted as it was read, see LEX_CLASS): the same answer without a second pass. */
static inline int is_counted_number(const unsigned char *word, Py_ssize_t n, Py_ssize_t digits,
                                    Py_ssize_t points) {
    Py_ssize_t sign = n > 0 && (word[0] == '+' || word[0] == '-');
    return digits > 0 && points <= 1 && sign + digits + points == n;
}

/* Nothing in a boundary strictly inside (start, end): the token lies within one stream. */
static int within_one_stream(const Py_ssize_t *bounds, Py_ssize_t nbounds, Py_ssize_t start,
                             Py_ssize_t end) {
    for (Py_ssize_t k = 0; k < nbounds; k++)
        if (bounds[k] > start && bounds[k] < end) return 0;
    return 1;
}

/* A literal string from data[*pos] == '('; sets *empty. 0: not read exactly (give up).
 * ``continuations``: a backslash ending a line (CR, LF or CR LF) is read as qpdf reads it,
 * a line continuation giving no byte (a scanner whose callers ask whether the string is
 * empty); 0: given up at (a scanner whose callers never saw such a string read). */
static int literal_string(const unsigned char *s, Py_ssize_t len, Py_ssize_t *pos, int *empty,
                          int continuations) {
    Py_ssize_t k = *pos + 1;
    int depth = 1;
    *empty = 1;
    while (k < len) {
        unsigned char ch = s[k];
        if (ch == '\\') {
            if (k + 1 >= len) return 0;
            if (s[k + 1] == '\r' || s[k + 1] == '\n') { /* a line continuation */
                if (!continuations) return 0;
                k += s[k + 1] == '\r' && k + 2 < len && s[k + 2] == '\n' ? 3 : 2;
                continue;
            }
            *empty = 0;
            k += 2;
            continue;
        }
        if (ch == '(') depth++;
        else if (ch == ')') {
            if (--depth == 0) {
                *pos = k + 1;
                return 1;
            }
        }
        *empty = 0;
        k++;
    }
    return 0; /* unterminated */
}

static int hex_string(const unsigned char *s, Py_ssize_t len, Py_ssize_t *pos, int *empty) {
    Py_ssize_t k = *pos + 1;
    *empty = 1;
    while (k < len) {
        unsigned char ch = s[k];
        if (ch == '>') {
            *pos = k + 1;
            return 1;
        }
        if (is_hex(ch)) *empty = 0;
        else if (!is_space(ch)) return 0;
        k++;
    }
    return 0;
}

/* The offsets where the page's streams were joined, as a C array to PyMem_Free; NULL with an
 * exception set when ``seq`` is no sequence of integers (or memory runs out). */
static Py_ssize_t *boundaries_of(PyObject *seq, Py_ssize_t *count) {
    PyObject *fast = PySequence_Fast(seq, "boundaries must be a sequence");
    if (fast == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    Py_ssize_t *bounds = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n + 1));
    if (bounds == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        bounds[k] = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(fast, k));
        if (bounds[k] == -1 && PyErr_Occurred()) {
            PyMem_Free(bounds);
            Py_DECREF(fast);
            return NULL;
        }
    }
    Py_DECREF(fast);
    *count = n;
    return bounds;
}

#endif
