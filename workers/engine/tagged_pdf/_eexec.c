/*
 * Type 1 font encryption (Adobe Type 1 Font Format, 7.1), in C.
 *
 * Why C: a Type 1 program's private part is tens of kilobytes, each byte decrypted with a
 * key that depends on the byte before it, so the loop cannot be handed to a bulk operation;
 * in Python it took most of the time of reading an embedded program's glyph widths
 * (program_widths.py). program_widths._decrypt and _encrypt are the Python twins this must
 * agree with byte for byte (the tests compare both).
 *
 * decrypt(data, key) and encrypt(data, key) return bytes as long as data; key is 55665 for
 * the eexec part of a program and 4330 for a charstring.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define C1 52845u
#define C2 22719u

/* The cipher bytes and key of a call; 0 with an exception set on bad arguments. */
static int read_arguments(PyObject *args, Py_buffer *buffer, unsigned int *key) {
    unsigned long value;
    if (!PyArg_ParseTuple(args, "y*k", buffer, &value)) return 0;
    *key = (unsigned int)(value & 0xFFFFu);
    return 1;
}

static PyObject *type1_crypt(PyObject *args, int decrypting) {
    Py_buffer buffer;
    unsigned int r;
    if (!read_arguments(args, &buffer, &r)) return NULL;
    PyObject *result = PyBytes_FromStringAndSize(NULL, buffer.len);
    if (result == NULL) {
        PyBuffer_Release(&buffer);
        return NULL;
    }
    const unsigned char *in = (const unsigned char *)buffer.buf;
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
    for (Py_ssize_t i = 0; i < buffer.len; i++) {
        unsigned int cipher;
        if (decrypting) {
            cipher = in[i];
            out[i] = (unsigned char)(cipher ^ (r >> 8));
        } else {
            cipher = (in[i] ^ (r >> 8)) & 0xFFu;
            out[i] = (unsigned char)cipher;
        }
        r = ((cipher + r) * C1 + C2) & 0xFFFFu;
    }
    PyBuffer_Release(&buffer);
    return result;
}

static PyObject *decrypt(PyObject *self, PyObject *args) {
    (void)self;
    return type1_crypt(args, 1);
}

static PyObject *encrypt(PyObject *self, PyObject *args) {
    (void)self;
    return type1_crypt(args, 0);
}

static PyMethodDef methods[] = {
    {"decrypt", decrypt, METH_VARARGS, "decrypt(data, key) -> bytes (Type 1 decryption)."},
    {"encrypt", encrypt, METH_VARARGS, "encrypt(data, key) -> bytes (Type 1 encryption)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_eexec",
    "Type 1 font encryption and decryption in C (see program_widths.py).", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__eexec(void) { return PyModule_Create(&module); }
