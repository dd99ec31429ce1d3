/*
 * The edge count of glyphs.py's _smooth, in C, for an image as pdfium rendered it.
 *
 * Why C: judging whether an image is edgeless (glyphs.py's _smooth) took the rendered bitmap
 * through PIL: a copy into a PIL image, its alpha channel's extrema, then per band of rows a
 * crop, a conversion, three more crops, two differences, three maxima, a split and a
 * histogram. Here the bitmap's own bytes are read where pdfium wrote them, once.
 *
 * An opaque bitmap (every alpha byte 255: most pictures) is counted as it is: printed on
 * white, such an image is itself (glyphs.py's _printed skips the compositing for them too).
 * One with a translucent pixel is counted by printed_edge_steps on its pixels composited
 * over white through a table glyphs.py makes with PIL's own compositing (_printed_bytes),
 * so that each printed byte is the one PIL's alpha_composite gives.
 *
 * The count must stay the one edge_steps gives over the same rows, band after band: a test
 * compares the two on random bitmaps.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>

/* The largest step of pixel ``a`` to ``b`` in any of the three colour bytes (B, G, R). */
static int colour_step(const uint8_t *a, const uint8_t *b) {
    int most = 0;
    for (int k = 0; k < 3; k++) {
        int step = a[k] > b[k] ? a[k] - b[k] : b[k] - a[k];
        if (step > most) most = step;
    }
    return most;
}

/* How many of the inside's pixels of ``row`` (columns 1 .. width-3; ``pixel`` bytes a pixel,
 * B, G, R first) step to their right neighbour, or to the pixel of ``below`` under them, by
 * ``edge`` or more in some colour byte. */
static long long row_edge_steps(const uint8_t *row, const uint8_t *below, Py_ssize_t width,
                                int pixel, long edge) {
    long long edges = 0;
    for (Py_ssize_t x = 1; x < width - 2; x++) {
        const uint8_t *here = row + pixel * x;
        int across = colour_step(here + pixel, here);
        int down = colour_step(below + pixel * x, here);
        if ((across > down ? across : down) >= edge) edges++;
    }
    return edges;
}

/* The arguments both counts open with: a BGRA bitmap (address, width, height, stride), the
 * step that is an edge and the count allowed. */
typedef struct {
    const uint8_t *pixels;
    Py_ssize_t width, height, stride;
    long edge;
    double allowed;
} Bitmap;

/* ``args[0..5]`` read into ``out``; -1 with an exception set when they are no BGRA bitmap of
 * at least 5 by 5 pixels. */
static int read_bitmap(PyObject *const *args, Bitmap *out) {
    out->pixels = (const uint8_t *)PyLong_AsVoidPtr(args[0]);
    if (out->pixels == NULL && PyErr_Occurred()) return -1;
    out->width = PyLong_AsSsize_t(args[1]);
    out->height = PyLong_AsSsize_t(args[2]);
    out->stride = PyLong_AsSsize_t(args[3]);
    out->edge = PyLong_AsLong(args[4]);
    out->allowed = PyFloat_AsDouble(args[5]);
    if (PyErr_Occurred()) return -1;
    if (out->pixels == NULL || out->width < 5 || out->height < 5 ||
        out->stride < 4 * out->width) {
        PyErr_SetString(PyExc_ValueError, "not a BGRA bitmap of at least 5 x 5 pixels");
        return -1;
    }
    return 0;
}

/* opaque_edge_steps(address, width, height, stride, edge, allowed) -> int | None
 *
 * The BGRA bitmap of ``width`` x ``height`` pixels at ``address`` (rows ``stride`` bytes
 * apart): None if some pixel is not opaque; else how many pixels of its inside (the outermost
 * rows and columns left out, as glyphs.py's printed_inside does), all but the inside's last
 * row and column, step to their right or lower neighbour by ``edge`` or more in some colour
 * byte. The count stops once it is over ``allowed`` (then only its being over is known, as
 * in _smooth, which stops at the first band over it). */
static PyObject *opaque_edge_steps(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 6) {
        PyErr_SetString(PyExc_TypeError,
                        "opaque_edge_steps(address, width, height, stride, edge, allowed)");
        return NULL;
    }
    Bitmap b;
    if (read_bitmap(args, &b) < 0) return NULL;
    for (Py_ssize_t y = 0; y < b.height; y++) {
        const uint8_t *row = b.pixels + y * b.stride;
        for (Py_ssize_t x = 0; x < b.width; x++) {
            if (row[4 * x + 3] != 255) Py_RETURN_NONE;
        }
    }
    /* The inside is columns 1 .. width-2 and rows 1 .. height-2; each of its pixels but
     * those of its last column and row is measured against its right and lower neighbour. */
    long long edges = 0;
    for (Py_ssize_t y = 1; y < b.height - 2; y++) {
        const uint8_t *row = b.pixels + y * b.stride;
        edges += row_edge_steps(row, row + b.stride, b.width, 4, b.edge);
        /* (Whole rows only: the bands of _smooth end at row ends too; stopping once over
         * ``allowed`` changes nothing but the count returned, still over it.) */
        if ((double)edges > b.allowed) break;
    }
    return PyLong_FromLongLong(edges);
}

/* The inside's row ``y`` of the BGRA bitmap printed on white, as three colour bytes a pixel
 * (B, G, R), into ``out``: each colour byte ``v`` of a pixel of alpha ``a`` becomes
 * ``printed[a * 256 + v]`` (the table glyphs.py builds with PIL's own compositing). */
static void printed_row(const uint8_t *pixels, Py_ssize_t stride, Py_ssize_t width, Py_ssize_t y,
                        const uint8_t *printed, uint8_t *out) {
    const uint8_t *row = pixels + y * stride;
    for (Py_ssize_t x = 0; x < width; x++) {
        const uint8_t *pixel = row + 4 * x;
        const uint8_t *column = printed + ((size_t)pixel[3] << 8);
        out[3 * x] = column[pixel[0]];
        out[3 * x + 1] = column[pixel[1]];
        out[3 * x + 2] = column[pixel[2]];
    }
}

/* printed_edge_steps(address, width, height, stride, edge, allowed, printed) -> int
 *
 * opaque_edge_steps of the BGRA bitmap printed on white, translucent pixels too: each pixel's
 * colour bytes first composited over white through ``printed`` (bytes, 65536: the byte a
 * colour byte ``v`` of alpha ``a`` prints as, at ``a * 256 + v``; an opaque pixel's are its
 * own), as glyphs.py's _printed composites with PIL before counting. */
static PyObject *printed_edge_steps(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 7) {
        PyErr_SetString(PyExc_TypeError,
                        "printed_edge_steps(address, width, height, stride, edge, allowed, "
                        "printed)");
        return NULL;
    }
    Bitmap b;
    if (read_bitmap(args, &b) < 0) return NULL;
    if (!PyBytes_Check(args[6]) || PyBytes_GET_SIZE(args[6]) != 65536) {
        PyErr_SetString(PyExc_ValueError, "printed: bytes of 256 x 256");
        return NULL;
    }
    const uint8_t *printed = (const uint8_t *)PyBytes_AS_STRING(args[6]);
    uint8_t *rows = PyMem_Malloc((size_t)(6 * b.width));
    if (rows == NULL) return PyErr_NoMemory();
    uint8_t *row = rows, *below = rows + 3 * b.width;
    /* As opaque_edge_steps: the inside's pixels, but its last row and column, each against
     * its right and lower neighbour, on the printed colours (three bytes a pixel). */
    long long edges = 0;
    printed_row(b.pixels, b.stride, b.width, 1, printed, row);
    for (Py_ssize_t y = 1; y < b.height - 2; y++) {
        printed_row(b.pixels, b.stride, b.width, y + 1, printed, below);
        edges += row_edge_steps(row, below, b.width, 3, b.edge);
        if ((double)edges > b.allowed) break;
        uint8_t *swap = row;
        row = below;
        below = swap;
    }
    PyMem_Free(rows);
    return PyLong_FromLongLong(edges);
}

static PyMethodDef methods[] = {
    {"opaque_edge_steps", (PyCFunction)(void (*)(void))opaque_edge_steps, METH_FASTCALL,
     "Edge steps of the inside of an opaque BGRA bitmap (None if not opaque)."},
    {"printed_edge_steps", (PyCFunction)(void (*)(void))printed_edge_steps, METH_FASTCALL,
     "Edge steps of the inside of a BGRA bitmap printed on white."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_image_edges", "The edge count of a rendered image.", -1,
    methods,
};

PyMODINIT_FUNC PyInit__image_edges(void) { return PyModule_Create(&module); }
