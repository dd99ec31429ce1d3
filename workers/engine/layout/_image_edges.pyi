"""Type stub of the C extension built from _image_edges.c (glyphs._counted_smooth_at)."""

def opaque_edge_steps(
    address: int, width: int, height: int, stride: int, edge: int, allowed: float, /
) -> int | None: ...

def printed_edge_steps(
    address: int, width: int, height: int, stride: int, edge: int, allowed: float,
    printed: bytes, /,
) -> int: ...
